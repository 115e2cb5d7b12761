"""Oscar's dashboard menu with a badge: how many orders wait in the dealer's inbox.

Swapped in for ``dashboard.menu.get_nodes`` by ``suz_oscar.core.loading``; the
count is one query on the inbox index, made only for dealer managers. Oscar's
own order list is left out: staff have one order list, ours («Заказы»), which
links to Oscar's order page for payment and shipping details; so is Oscar's partner
list: partners are dealers, kept in the dealer registry.
"""

from django.conf import settings
from django.utils.html import format_html
from oscar.apps.dashboard.menu import create_menu

INBOX_URL_NAME = "suz_dispatch_dashboard:suz-inbox"
NOTIFICATIONS_URL_NAME = "suz_notifications_dashboard:suz-notifications"
REPLACED_URL_NAMES = {"dashboard:order-list", "dashboard:partner-list"}


def _without_replaced(items):
    """``OSCAR_DASHBOARD_NAVIGATION`` less the entries our screens replace (and sections left empty)."""
    kept = []
    for item in items:
        if item.get("url_name") in REPLACED_URL_NAMES:
            continue
        if "children" in item:
            children = _without_replaced(item["children"])
            if not children:
                continue
            item = {**item, "children": children}
        kept.append(item)
    return kept


def get_nodes(user):
    """Oscar's ``get_nodes`` over our navigation, plus the inbox badge."""
    nodes = []
    for node in create_menu(_without_replaced(settings.OSCAR_DASHBOARD_NAVIGATION)):
        node = node.filter(user)
        if node and (node.has_children() or not node.is_heading):  # as Oscar: no empty headings
            nodes.append(node)
    if not user.is_authenticated:
        return nodes
    _notifications_badge(nodes, user)
    if user.is_staff:
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


def _notifications_badge(nodes, user):
    """The unread count of the user's notification centre (one query)."""
    from suz_oscar.notifications.selectors import unread_count

    count = unread_count(user)
    if not count:
        return  # the page's poller adds the badge when something arrives
    for node in _walk(nodes):
        if node.url_name == NOTIFICATIONS_URL_NAME:
            node.label = format_html('{} <span class="badge badge-warning suz-notifications-badge">{}</span>',
                                     node.label, "99+" if count >= 100 else count)


def _walk(nodes):
    for node in nodes:
        yield node
        yield from _walk(node.children)
