"""The layout of docs/architecture.md holds: no import cycles, and every import points down the layers.

Imports inside functions count: they hide cycles, not remove them.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PACKAGES = ("suz_oscar", "suz_wagtail")

# Each home and the homes below it that it may import (docs/architecture.md, "Layers").
LAYERS = {
    "suz_oscar.core": set(),
    "suz_oscar.dealers": {"core"},
    "suz_oscar.promotions": {"core", "dealers"},
    "suz_oscar.offers": {"core", "dealers", "promotions"},
    "suz_oscar.checkout": {"core", "dealers", "storefront"},  # its views follow the visitor's city
    "suz_oscar.dispatch": {"core", "dealers", "offers", "promotions"},
    "suz_oscar.scoring": {"core", "dealers", "dispatch"},
    "suz_oscar.notifications": {"core", "checkout", "dealers", "offers", "dispatch", "scoring"},
    "suz_oscar.telephony": {"core", "checkout", "dealers", "offers", "dispatch", "scoring", "notifications"},
    "suz_oscar.feedback": {"core", "checkout", "dealers", "offers", "dispatch", "scoring", "notifications",
                           "telephony"},
    "suz_oscar.analytics": {"core", "checkout", "dealers", "offers", "dispatch", "scoring", "feedback"},
    "suz_oscar.storefront": {"core", "checkout", "dealers", "offers", "dispatch", "scoring", "notifications",
                             "feedback", "analytics", "promotions"},
}
HOMES = {name.rsplit(".", 1)[1] for name in LAYERS}
LEAVES = {"suz_oscar", "suz_oscar.defaults"}  # the app lists and the settings defaults: anyone may read them


def modules():
    found = {}
    for package in PACKAGES:
        for path in (ROOT / package).rglob("*.py"):
            if "migrations" in path.parts:
                continue
            name = ".".join(path.relative_to(ROOT).with_suffix("").parts)
            found[name.removesuffix(".__init__")] = path
    return found


def imports(name, path, known):
    """Our modules ``name`` imports, at module level or inside functions."""
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    targets = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - (node.level - 1)]
                base = ".".join(parts + ([node.module] if node.module else []))
            names = [f"{base}.{alias.name}" for alias in node.names] + [base]
        else:
            continue
        for target in names:
            while target and target not in known:
                target = target.rsplit(".", 1)[0] if "." in target else ""
            if target and target != name and not name.startswith(target + ".") \
                    and not target.startswith(name + "."):
                targets.add(target)
    return targets


def graph():
    known = modules()
    return {name: imports(name, path, known) for name, path in known.items()}


def cycles(edges):
    """Strongly connected components of more than one module (Tarjan)."""
    index, low, stack, on_stack, found, counter = {}, {}, [], set(), [], [0]

    def visit(node):
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for target in edges[node]:
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in edges:
        if node not in index:
            visit(node)
    return found


def home(name):
    parts = name.split(".")
    return parts[1] if len(parts) > 1 and parts[0] == "suz_oscar" and parts[1] in HOMES else None


def test_no_import_cycles():
    assert cycles(graph()) == []


def test_every_import_points_down_the_layers():
    wrong = []
    for name, targets in graph().items():
        source = home(name)
        if source is None:
            continue  # the root app, urls, checks, dashboard: they sit on top
        allowed = LAYERS[f"suz_oscar.{source}"]
        for target in targets:
            if target in LEAVES or target.startswith("suz_wagtail"):
                continue
            destination = home(target)
            if destination != source and destination not in allowed:
                wrong.append(f"{name} -> {target}")
    assert wrong == []


def test_the_domain_never_imports_the_dashboard_or_the_root_app():
    top = ("suz_oscar.dashboard", "suz_oscar.urls", "suz_oscar.checks", "suz_oscar.apps")
    wrong = [f"{name} -> {target}" for name, targets in graph().items() if home(name)
             for target in targets if target.startswith(top)]
    assert wrong == []
