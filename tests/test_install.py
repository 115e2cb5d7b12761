"""Installing into an existing shop: the host keeps its apps, URLs, languages and static files; the checks
tell it what it missed. (tools/host_check.py does the whole install from the wheel in CI.)"""

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from celery import current_app
from django.core.checks import run_checks
from django.test import override_settings
from django.urls import reverse
from oscar import INSTALLED_APPS as OSCAR_APPS

from suz_oscar import DOMAIN_APPS, STOREFRONT_APPS, get_installed_apps

from .conftest import client_for

ROOT = Path(__file__).resolve().parent.parent


def ids():
    return [message.id for message in run_checks() if message.id.startswith("suz.")]


# -- INSTALLED_APPS ---------------------------------------------------------------------------------------------

HOST = ["home", "myshop.partner.apps.PartnerConfig", "easy_thumbnails", *OSCAR_APPS, "django.contrib.sitemaps",
        "wagtail.admin", "wagtail", "phonenumber_field"]
HOST = [app for app in HOST if app != "oscar.apps.partner.apps.PartnerConfig"]  # the host forked partner


def test_the_hosts_apps_all_stay_in_their_order():
    apps = get_installed_apps(HOST)
    ours = [app for app in STOREFRONT_APPS + DOMAIN_APPS if app not in HOST]
    kept = [app for app in apps if app not in ours]
    assert kept == ["suz_oscar.config.Shop" if app == "oscar.config.Shop" else app for app in HOST]
    assert "oscar.config.Shop" not in apps
    assert len(apps) == len(set(apps)), "phonenumber_field, listed by the host, is not added twice"


def test_ours_go_before_django_oscar_and_wagtail_and_our_domain_after_oscar():
    apps = get_installed_apps(HOST)
    assert apps[:2] == ["home", "myshop.partner.apps.PartnerConfig"]  # the host's own apps come first still
    assert apps[3:5] == STOREFRONT_APPS and apps[2] == "easy_thumbnails"
    last_oscar = max(i for i, app in enumerate(apps) if app.startswith("oscar."))
    domain = [app for app in DOMAIN_APPS if app != "phonenumber_field"]
    assert apps[last_oscar + 1:last_oscar + 1 + len(domain)] == domain


def test_without_a_list_it_is_oscars_with_ours():
    apps = get_installed_apps()
    assert apps[:2] == STOREFRONT_APPS and apps[-len(DOMAIN_APPS) - 4:-4] == DOMAIN_APPS


def test_a_host_keeps_its_own_storefront_templates():
    apps = get_installed_apps(HOST, storefront_templates=False)
    storefront = apps.index("suz_oscar.storefront.apps.StorefrontConfig")
    assert apps.index("suz_oscar.apps.SuzConfig") < apps.index("django.contrib.admin")  # translations still win
    assert storefront > max(i for i, app in enumerate(apps) if app.startswith("oscar."))  # Oscar's templates win


# -- Language-prefixed URLs -------------------------------------------------------------------------------------

@pytest.fixture
def prefixed(settings):
    settings.ROOT_URLCONF = "tests.i18n_urls"
    settings.LANGUAGES = [("ru", "Русский"), ("en-gb", "English")]
    from django.urls import clear_url_caches

    clear_url_caches()
    yield
    clear_url_caches()


@pytest.mark.django_db
def test_a_new_visitor_opens_a_language_prefixed_page(prefixed):
    client = client_for()
    english = client.get("/en-gb/catalogue/", HTTP_ACCEPT_LANGUAGE="ru")
    assert english.status_code == 200 and english["Content-Language"] == "en-gb"
    russian = client_for().get("/ru/catalogue/", HTTP_ACCEPT_LANGUAGE="en")
    assert russian.status_code == 200 and russian["Content-Language"] == "ru"
    assert client_for().get("/ru/city/search/?q=Моск").json()["results"]  # our URLs under the prefix too


@pytest.mark.django_db
def test_an_unprefixed_url_goes_to_the_sites_language_not_the_browsers(prefixed):
    response = client_for().get("/catalogue/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.9")
    assert response.status_code == 302 and response["Location"] == "/ru/catalogue/"
    assert reverse("catalogue:index") == "/ru/catalogue/"


@pytest.mark.django_db
def test_the_language_switch_still_rules_where_the_url_has_no_language():
    client = client_for()
    client.post("/i18n/setlang/", {"language": "en", "next": "/catalogue/"})
    assert client.get("/catalogue/")["Content-Language"] == "en"
    client.cookies["django_language"] = "xx"  # junk in the cookie: the site's language
    assert client.get("/catalogue/")["Content-Language"] == "ru"


# -- Static files -----------------------------------------------------------------------------------------------

def test_no_static_file_of_ours_refers_to_a_file_we_do_not_ship():
    """ManifestStaticFilesStorage (Django's, whitenoise's) fails collectstatic on a missing reference."""
    missing = []
    for base in (ROOT / "suz_oscar" / "static", ROOT / "suz_wagtail" / "static"):
        for path in base.rglob("*"):
            if path.suffix not in (".js", ".css"):
                continue
            text = path.read_text(errors="replace")
            refs = re.findall(r"sourceMappingURL=(\S+?)(?:\s|\*/|$)", text)
            if path.suffix == ".css":
                refs += re.findall(r"url\(\s*['\"]?([^'\")#]+)", text)
            for ref in refs:
                if ref.startswith(("data:", "http:", "https:", "//", "/")):
                    continue
                if not (path.parent / ref.split("?")[0]).exists():
                    missing.append(f"{path.relative_to(ROOT)} → {ref}")
    assert missing == []


# -- Checks of the host's settings ------------------------------------------------------------------------------

@pytest.mark.parametrize("setting, value, check", [
    ("PHONENUMBER_DEFAULT_REGION", None, "suz.W004"),
    ("OSCAR_DEFAULT_CURRENCY", "GBP", "suz.W005"),
    ("OSCAR_REQUIRED_ADDRESS_FIELDS", ("first_name", "last_name", "line1", "line4", "postcode", "country"),
     "suz.W006"),
    ("LANGUAGES", [("en", "English"), ("de", "Deutsch")], "suz.W007"),
])
def test_a_setting_the_shop_needs_is_missing_or_wrong(setting, value, check):
    assert check not in ids()
    with override_settings(**{setting: value}):
        assert check in ids()


def test_a_celery_app_that_does_not_read_the_settings_is_a_warning():
    broker = current_app.conf.broker_url
    current_app.conf.broker_url = "amqp://guest:secret@localhost//"
    try:
        messages = [m for m in run_checks() if m.id == "suz.W009"]
    finally:
        current_app.conf.broker_url = broker
    assert messages and "secret" not in messages[0].msg  # the password is not printed
    assert "suz.W009" not in ids()


LATE = r"""
import django
django.setup()
from django.core.checks import run_checks
from django.test import override_settings
from django.utils import translation
import suz_oscar
assert "suz.W008" in [m.id for m in run_checks()]
with translation.override("ru"):
    assert translation.gettext("Add to basket") == "Добавить в корзину"  # Oscar's wins
with override_settings(LOCALE_PATHS=[suz_oscar.LOCALE_PATH]):
    assert "suz.W008" not in [m.id for m in run_checks()]
    with translation.override("ru"):
        assert translation.gettext("Add to basket") == "В корзину"  # ours
print("ours win")
"""


def test_our_translations_win_where_the_host_lists_our_apps_last():
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.late_site.settings"}
    result = subprocess.run([sys.executable, "-c", LATE], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 0 and "ours win" in result.stdout, result.stdout + result.stderr


def test_in_the_sandbox_our_translations_win_without_locale_paths():
    from django.utils import translation

    with translation.override("ru"):
        assert translation.gettext("Add to basket") == "В корзину"


@pytest.mark.django_db
def test_the_services_class_follows_the_setting(settings):
    import importlib

    from django.apps import apps
    from oscar.core.loading import get_model

    settings.SUZ_SERVICE_PRODUCT_CLASS = "uslugi"
    importlib.import_module("suz_oscar.offers.migrations.0004_service_product_class").add_services_class(apps, None)
    assert get_model("catalogue", "ProductClass").objects.filter(slug="uslugi", track_stock=False).exists()


@pytest.mark.django_db
def test_the_staff_menu_has_one_entry_per_screen(staff):
    from suz_oscar.dashboard.menu import get_nodes

    def labels(nodes):
        for node in nodes:
            yield str(node.label)
            yield from labels(node.children)

    from django.utils import translation

    with translation.override("ru"):
        found = list(labels(get_nodes(staff)))
    assert found.count("Заказы") == 1, found
    # Oscar's own sections repeat their heading as their first entry («Клиенты», «Предложения»); ours do not.
    assert sorted({x for x in found if found.count(x) > 1}) == ["Клиенты", "Предложения"], found
