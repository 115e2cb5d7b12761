"""The customer's order links found in a message, for tests: a link's token is signed with the second it was
written, so tests compare what the link opens, not its text."""

import re

LINK = re.compile(r"https?://[^/\s]+(/order/(?P<number>[\w-]+)/(?P<token>[\w:=-]+)/)")


def order_links(text: str, order=None) -> list[str]:
    """The paths of the order links in ``text`` (of ``order`` only, when given)."""
    return [m.group(1) for m in LINK.finditer(text) if order is None or m.group("number") == str(order.number)]


def opens(path: str, order) -> bool:
    """Whether the link's token opens ``order`` now."""
    from suz_oscar.checkout.links import token_problem

    m = re.fullmatch(r"/order/(?P<number>[\w-]+)/(?P<token>[\w:=-]+)/", path)
    return bool(m) and m.group("number") == str(order.number) and token_problem(order, m.group("token")) is None
