from wagtail.models import Page


class HomePage(Page):
    """``home.HomePage`` of ``wagtail start``, unchanged."""
