from oscar.apps.checkout import apps


class CheckoutConfig(apps.CheckoutConfig):
    name = "tests.fork_site.checkout"
