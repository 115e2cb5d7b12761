"""suz_wagtail next to a host's own Wagtail site: our migrations create tables only, never pages or sites."""

import os
import subprocess
import sys
from pathlib import Path

from wagtail.models import Page, Site

from suz_wagtail.models import SuzDealerMapPage, SuzHomePage

ROOT = Path(__file__).resolve().parent.parent

HOST_CHECK = r"""
import django
django.setup()
from django.core.management import call_command
call_command("check", fail_level="WARNING")
call_command("migrate", verbosity=0)
from wagtail.models import Page, Site
from tests.host_home.models import HomePage
from suz_wagtail.models import SuzDealerMapPage, SuzHomePage
site = Site.objects.get(is_default_site=True)
home = HomePage.objects.get()
assert site.root_page.specific == home, site.root_page
assert (home.url_path, home.title) == ("/home/", "Home"), (home.url_path, home.title)
assert not SuzHomePage.objects.exists() and not SuzDealerMapPage.objects.exists()
# An editor adds our pages under the host's home page: they live side by side.
where = home.add_child(instance=SuzDealerMapPage(title="Где купить", slug="gde-kupit"))
ours = home.add_child(instance=SuzHomePage(title="Магазин", slug="shop"))
from django.test import Client
client = Client(HTTP_HOST="localhost")
assert client.get("/").status_code == 200
assert client.get(where.url).status_code == 200, where.url
assert client.get(ours.url).status_code == 200, ours.url
print("host home kept")
"""


def test_migrations_leave_wagtails_welcome_page_and_site_alone(db):
    """In a fresh database (the test database is one), Wagtail's own welcome page is the site's root."""
    site = Site.objects.get(is_default_site=True)
    assert site.root_page.specific_class is Page
    assert site.root_page.slug == "home"
    assert not SuzHomePage.objects.exists()
    assert not SuzDealerMapPage.objects.exists()


def test_a_wagtail_start_host_with_its_own_homepage_checks_and_migrates(tmp_path):
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "tests.host_home.settings",
           "DATABASE_URL": f"sqlite:///{tmp_path / 'host.sqlite3'}", "MEDIA_ROOT": str(tmp_path / "media")}
    result = subprocess.run([sys.executable, "-c", HOST_CHECK], cwd=ROOT, env=env, capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 0 and "host home kept" in result.stdout, result.stdout + result.stderr
