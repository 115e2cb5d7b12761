"""Oscar's dashboard menu with a badge: how many orders wait in the dealer's inbox.

Swapped in for ``dashboard.menu.get_nodes`` by ``suz_oscar.loading``; the
count is one query on the inbox index, made only for dealer managers.
"""

from django.utils.html import format_html
from oscar.apps.dashboard.menu import get_nodes as oscar_get_nodes

INBOX_URL_NAME = "suz_dispatch_dashboard:suz-inbox"


def get_nodes(user):
    nodes = oscar_get_nodes(user)
    if not user.is_authenticated or user.is_staff:
        return nodes
    from suz_oscar.dealers.selectors import dealer_for_user
    from suz_oscar.dispatch.selectors import inbox_count

    dealer = dealer_for_user(user)
    count = inbox_count(dealer, cap=100) if dealer is not None else 0
    if count:
        count = "99+" if count >= 100 else count
        for node in _walk(nodes):
            if node.url_name == INBOX_URL_NAME:
                node.label = format_html('{} <span class="badge badge-warning suz-inbox-badge">{}</span>',
                                         node.label, count)
    return nodes


def _walk(nodes):
    for node in nodes:
        yield node
        yield from _walk(node.children)
