"""The README and docs/ are what a user or contributor reads: they must hold, and stay inside the repository."""

import re
from pathlib import Path

from suz_oscar import defaults

ROOT = Path(__file__).resolve().parent.parent
DOCS = [ROOT / "README.md", *sorted((ROOT / "docs").glob("*.md"))]


def test_the_readme_opens_with_the_two_commands():
    first = (ROOT / "README.md").read_text(encoding="utf-8").split("\n\n")[1]
    assert "make demo" in first and "make test" in first


def test_every_setting_is_documented():
    reference = (ROOT / "docs" / "settings.md").read_text(encoding="utf-8")
    settings = [name for name in dir(defaults) if name.startswith("SUZ_")]
    assert settings and [name for name in settings if f"`{name}`" not in reference] == []


def test_links_lead_to_files_of_the_repository():
    broken = []
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        assert "../shared" not in text and "DESIGN.md" not in text, doc
        for target in re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", text):
            if target.startswith(("http://", "https://", "mailto:")):
                continue
            if not (doc.parent / target).exists():
                broken.append(f"{doc.name}: {target}")
    assert broken == []


def test_paths_named_in_the_docs_exist():
    """Modules and files the docs point a reader to (``suz_oscar/dispatch/selectors.py`` and the like)."""
    missing = []
    for doc in DOCS:
        text = doc.read_text(encoding="utf-8")
        named = r"`((?:suz_oscar|sandbox|tests|tools|suz_wagtail)/[\w/.]+\.(?:py|json|html))"
        for path in set(re.findall(named, text)):
            if not (ROOT / path).exists():
                missing.append(f"{doc.name}: {path}")
        homes = r"`((?:core|dealers|offers|checkout|dispatch|scoring|storefront|dashboard)/[\w/]+\.py)"
        for path in set(re.findall(homes, text)):
            if not (ROOT / "suz_oscar" / path).exists():
                missing.append(f"{doc.name}: {path}")
    assert missing == []


def test_every_system_check_is_explained_in_the_install_guide():
    ids = set(re.findall(r'id="(suz\.[EW]\d{3})"', (ROOT / "suz_oscar" / "checks.py").read_text(encoding="utf-8")))
    guide = (ROOT / "docs" / "install.md").read_text(encoding="utf-8")
    assert ids and sorted(i for i in ids if f"`{i}`" not in guide) == []
