from oscar import config


class Shop(config.Shop):
    """Oscar's root app without its ``""`` redirect, so Wagtail can serve ``/``.

    Every other Oscar URL (catalogue, basket, checkout, accounts, dashboard…)
    stays where Oscar puts it.
    """

    def get_urls(self):
        return [url for url in super().get_urls() if getattr(url, "name", None) != "home"]
