"""Install the wheel into a shop its authors did not write, by docs/install.md alone, and use it over HTTP.

Run by `make wheel-check` (and so by CI) after the sandbox check. The host is what a manufacturer has before
django-suz arrives: a project made by `wagtail start` (with its ``home`` app and home page), django-oscar added by
Oscar's own guide, language-prefixed URLs (``i18n_patterns``), a sitemap, ``ManifestStaticFilesStorage``, and a
partner whose stock is priced. Then every step of docs/install.md marked ``<!-- host-check: … -->`` is applied
as written, and the script checks that nothing of the host broke and that a guest orders in a city over HTTP.
"""

import http.cookiejar
import json
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
INSTALL_DOC = ROOT / "docs" / "install.md"
PROJECT = "myshop"

# django-oscar as its guide ("Building your own shop") configures it, in a `wagtail start` project. Wagtail's
# starter `search` app and URL go: Oscar's search app has the same label and serves /search/.
HOST_OSCAR_SETTINGS = '''

# --- django-oscar, configured by Oscar's guide: the shop as it was before django-suz ---
from oscar.defaults import *  # noqa: E402,F403
from oscar import INSTALLED_APPS as OSCAR_APPS  # noqa: E402

INSTALLED_APPS.remove("search")
INSTALLED_APPS += [app for app in [*OSCAR_APPS, "django.contrib.sitemaps", "wagtail.contrib.sitemaps",
                                    "sorl.thumbnail"] if app not in INSTALLED_APPS]
SITE_ID = 1
MIDDLEWARE.insert(MIDDLEWARE.index("django.contrib.sessions.middleware.SessionMiddleware") + 1,
                  "django.middleware.locale.LocaleMiddleware")
MIDDLEWARE += ["oscar.apps.basket.middleware.BasketMiddleware",
               "django.contrib.flatpages.middleware.FlatpageFallbackMiddleware"]
TEMPLATES[0]["OPTIONS"]["context_processors"] += [
    "django.template.context_processors.i18n",
    "oscar.apps.search.context_processors.search_form",
    "oscar.apps.checkout.context_processors.checkout",
    "oscar.apps.communication.notifications.context_processors.notifications",
    "oscar.core.context_processors.metadata",
]
AUTHENTICATION_BACKENDS = ["oscar.apps.customer.auth_backends.EmailBackend",
                           "django.contrib.auth.backends.ModelBackend"]
HAYSTACK_CONNECTIONS = {"default": {"ENGINE": "haystack.backends.simple_backend.SimpleEngine"}}
LANGUAGE_CODE = "ru"
OSCAR_DEFAULT_CURRENCY = "RUB"  # a Russian shop: its stock is priced in roubles
LANGUAGES = [("ru", "Русский"), ("en-gb", "English")]
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"}
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
WAGTAILADMIN_BASE_URL = "http://127.0.0.1"
'''

HOST_URLS = '''from django.apps import apps
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps import Sitemap
from wagtail.documents import urls as wagtaildocs_urls

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("i18n/", include("django.conf.urls.i18n")),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": Sitemap}}),
]
urlpatterns += i18n_patterns(
    path("", include(apps.get_app_config("oscar").urls[0])),
    path("", include(wagtail_urls)),
)
'''

# The shop's catalogue before django-suz: a product its partner stocks at a price.
HOST_CONTENT = r'''
from decimal import Decimal
from oscar.core.loading import get_model
ProductClass = get_model("catalogue", "ProductClass")
Product = get_model("catalogue", "Product")
Partner = get_model("partner", "Partner")
StockRecord = get_model("partner", "StockRecord")
chairs, _ = ProductClass.objects.get_or_create(name="Chairs", slug="chairs")
product, _ = Product.objects.get_or_create(title="Host chair", product_class=chairs, upc="HOST-1")
partner, _ = Partner.objects.get_or_create(name="Host warehouse")
StockRecord.objects.get_or_create(product=product, partner=partner, partner_sku="HOST-1",
                                  defaults={"price": Decimal("1000.00"), "num_in_stock": 5})
print("PRODUCT " + str(product.pk))
'''

# What the host had before the install and must still have after it.
HOST_STATE = r'''
import json
from wagtail.models import Page, Site
site = Site.objects.get(is_default_site=True)
print("STATE " + json.dumps({
    "site": [site.hostname, site.site_name, site.root_page_id],
    "root_title": site.root_page.specific.title,
    "root_model": site.root_page.specific_class.__name__,
    "pages": Page.objects.count(),
}))
'''

CITY = r'''
import json
from suz_oscar.dealers.models import City
city = City.objects.get(slug="moskva")
print("CITY " + json.dumps({"pk": city.pk, "slug": city.slug, "name": city.name}))
'''

# Our Russian wins over Oscar's for the strings we translate differently on purpose.
TRANSLATION = r'''
import json
from django.utils import translation
with translation.override("ru"):
    print("RU " + json.dumps(translation.gettext("Add to basket")))
'''

HOST_ORDER = r'''
import json
from oscar.core.loading import get_model
order = get_model("order", "Order").objects.latest("pk")
line = order.lines.get()
print("ORDER " + json.dumps({"city": order.suz_place.city.slug, "phone": str(order.suz_place.phone),
                             "partner": line.partner_name, "total": str(order.total_incl_tax),
                             "currency": order.currency,
                             "recommended": str(line.product.recommended_price.price)}))
'''


def run(*cmd, **kwargs):
    print("+", " ".join(str(c) for c in cmd), flush=True)
    return subprocess.run([str(c) for c in cmd], check=True, **kwargs)


def output(*cmd, **kwargs):
    print("+", " ".join(str(c) for c in cmd[:3]), "…", flush=True)
    result = subprocess.run([str(c) for c in cmd], capture_output=True, text=True, **kwargs)
    if result.returncode:
        raise SystemExit(f"failed ({result.returncode}):\n{result.stdout}\n{result.stderr}")
    return result.stdout + result.stderr


def shell(python, project, env, code, tag):
    """Run ``code`` in the host's ``manage.py shell``; the JSON it printed after ``tag``."""
    printed = output(python, "manage.py", "shell", "-c", code, cwd=project, env=env)
    return json.loads(printed.split(f"{tag} ")[1].splitlines()[0])


def install_steps(text):
    """``(action, target, code)`` for each ``<!-- host-check: action target -->`` before a fenced block."""
    pattern = re.compile(r"<!-- host-check: (\w+)(?: (\S+))? -->\s*```\w*\n(.*?)```", re.S)
    return [(m.group(1), m.group(2), m.group(3)) for m in pattern.finditer(text)]


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Browser:
    """A visitor over HTTP: cookies, Django's CSRF token, redirects followed."""

    def __init__(self, base):
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.last = base + "/"
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def _csrf(self):
        return next((c.value for c in self.jar if c.name == "csrftoken"), "")

    def request(self, path, data=None):
        url = self.base + path
        body = None
        headers = {"Accept-Language": "ru"}
        if data is not None:
            body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": self._csrf()}).encode()
            headers["Referer"] = self.last  # the page the form was on (Oscar redirects back to it)
        try:
            with self.opener.open(urllib.request.Request(url, body, headers), timeout=60) as response:
                self.last = response.geturl()
                return response.status, response.geturl(), response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, url, error.read().decode(errors="replace")

    def expect(self, path, data=None, status=200, contains=()):
        code, url, page = self.request(path, data)
        if code != status or any(text not in page for text in contains):
            raise SystemExit(f"{path}: HTTP {code} at {url}, expected {status} with {contains}\n{page[:3000]}")
        return url, page


def guest_orders(base, city, product_pk):
    """A new visitor: the host's home page, both languages, then a guest order in ``city`` over HTTP."""
    browser = Browser(base)
    browser.expect("/ru/", contains=["Welcome to your new Wagtail site"])  # the host's home page, untouched
    browser.expect("/en-gb/catalogue/")                                   # another language, a new visitor
    browser.expect("/sitemap.xml", contains=["<urlset"])                  # the host's sitemap
    browser.expect(f"/ru/?city={city['slug']}")
    _, page = browser.expect(f"/ru/catalogue/host-chair_{product_pk}/", contains=["Host chair", city["name"]])
    if not re.search(r"1[\s\xa0\u202f]?000", page):
        raise SystemExit("the adopted partner's price is not on the product page:\n" + page[:3000])
    browser.expect(f"/ru/basket/add/{product_pk}/", {"quantity": "1"})
    browser.expect("/ru/checkout/", {"options": "anonymous", "phone": "8 916 123-45-67", "username": ""})
    browser.expect("/ru/checkout/shipping-address/", {
        "first_name": "Иван", "last_name": "Петров", "line1": "ул. Ленина, д. 1", "line2": "", "line3": "",
        "postcode": "", "city": city["pk"], "phone_number": "8 916 123-45-67", "notes": "",
        "latitude": "", "longitude": ""})
    url, _ = browser.expect("/ru/checkout/preview/", {"action": "place_order"})
    if "thank-you" not in url:
        raise SystemExit(f"placing the order ended at {url}")


def main(python=None):
    with tempfile.TemporaryDirectory(prefix="suz-host-") as tmp:
        tmp = Path(tmp)
        if python is None:
            from tools.wheel_check import build_and_install

            python = build_and_install(tmp)
        site = tmp / "site"
        site.mkdir()
        bindir = Path(python).parent
        env = {"PATH": f"{bindir}:/usr/bin:/bin", "HOME": str(tmp), "DJANGO_SETTINGS_MODULE": f"{PROJECT}.settings.dev"}
        run(bindir / "wagtail", "start", PROJECT, cwd=site, env=env)
        project = site / PROJECT
        settings = project / PROJECT / "settings" / "base.py"
        urls = project / PROJECT / "urls.py"
        with settings.open("a") as fh:
            fh.write(HOST_OSCAR_SETTINGS)
        urls.write_text(HOST_URLS)
        manage = [python, "manage.py"]

        # The shop before django-suz: migrated, with its home page and a priced product.
        run(*manage, "migrate", "--noinput", "-v0", cwd=project, env=env)
        product_pk = shell(python, project, env, HOST_CONTENT, "PRODUCT")
        before = shell(python, project, env, HOST_STATE, "STATE")

        # docs/install.md, step by step.
        steps = install_steps(INSTALL_DOC.read_text())
        if not steps:
            raise SystemExit("docs/install.md has no host-check steps")
        for action, target, code in steps:
            if action == "append":
                with (project / target.replace("myshop/", f"{PROJECT}/")).open("a") as fh:
                    fh.write("\n" + code)
            elif action == "write":
                (project / target).write_text(code)
            elif action == "run":
                for line in code.splitlines():
                    line = line.split("#")[0].strip()
                    if line.startswith("python manage.py"):
                        args = line.split()[2:]
                        run(*manage, *args, *(["-v0"] if args[0] == "migrate" else []), cwd=project, env=env)
                    elif line.startswith("pip install"):
                        continue  # the wheel is installed already
                    elif line:
                        raise SystemExit(f"docs/install.md: the host check does not know how to run {line!r}")
            else:
                raise SystemExit(f"docs/install.md: unknown host-check action {action!r}")

        after = shell(python, project, env, HOST_STATE, "STATE")
        if (before["site"], before["root_title"], before["root_model"]) != (
                after["site"], after["root_title"], after["root_model"]):
            raise SystemExit(f"installing django-suz changed the host's Wagtail site: {before} → {after}")

        if shell(python, project, env, TRANSLATION, "RU") != "В корзину":
            raise SystemExit("Oscar's Russian wins over ours in the host")
        checks = output(*manage, "check", "--deploy", cwd=project, env=env)
        ours = [line for line in checks.splitlines() if "suz." in line and "suz.W002" not in line]
        if ours:
            raise SystemExit("django-suz's checks fail on the host:\n" + "\n".join(ours))
        run(*manage, "collectstatic", "--noinput", "-v0", cwd=project, env=env)

        port = free_port()
        server = subprocess.Popen([str(python), "manage.py", "runserver", f"127.0.0.1:{port}", "--noreload"],
                                  cwd=project, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
        try:
            base = f"http://127.0.0.1:{port}"
            for _ in range(100):
                try:
                    urllib.request.urlopen(base + "/sitemap.xml", timeout=2)
                    break
                except (urllib.error.URLError, ConnectionError):
                    time.sleep(0.2)
            city = shell(python, project, env, CITY, "CITY")
            guest_orders(base, city, product_pk)
        finally:
            server.terminate()
            server.wait(timeout=10)
        order = shell(python, project, env, HOST_ORDER, "ORDER")
        expected = {"city": "moskva", "phone": "+79161234567", "partner": "Host warehouse", "total": "1000.00",
                    "currency": "RUB", "recommended": "1000.00"}
        if order != expected:
            raise SystemExit(f"the guest's order: {order}, expected {expected}")
    print("host-check: ok")


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    main(sys.argv[1] if len(sys.argv) > 1 else None)
