from suz_oscar.dashboard.dealers import views


class DealerListView(views.DealerListView):
    """The host's registry: ours, with its own touch."""

    forked_by_host = True
