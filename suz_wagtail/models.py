from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from .blocks import BodyBlock


class HomePage(Page):
    """The site's front page, edited in Wagtail; the shop links hang off it."""

    intro = RichTextField(_("introduction"), blank=True)
    shop_button_label = models.CharField(_("shop button label"), max_length=64, blank=True)
    body = StreamField(BodyBlock(), verbose_name=_("body"), blank=True, use_json_field=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        FieldPanel("shop_button_label"),
        FieldPanel("body"),
    ]

    max_count = 1

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")
