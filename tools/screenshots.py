"""Screenshots of the sandbox's pages in headless Chromium (Debian's /usr/bin/chromium).

Usage: python tools/screenshots.py [BASE_URL] [--phone] [--storefront] — expects `make demo` running;
writes PNGs to screenshots/. Pass pages as LOGIN:PATH:NAME to take others. ``--phone`` takes them in a 390 px
phone viewport (names end in ``-phone``); ``--storefront`` takes what a customer sees (home, catalogue, product,
family, «Где купить», a city without dealers, basket and checkout after adding a product).
"""

import sys
from pathlib import Path

from playwright.sync_api import sync_playwright

BASE = "http://127.0.0.1:8000"
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

PAGES = [
    ("", "/", "home"),
    ("", "/catalogue/", "catalogue"),
    ("admin@example.com", "/dashboard/dealers/", "registry"),
    ("admin@example.com", "/dashboard/dealers/?region=&is_active=false", "registry-suspended"),
    ("dealer1@example.com", "/dashboard/dealers/mine/", "dealer-profile"),
    ("dealer1@example.com", "/dashboard/", "dealer-dashboard-index"),
    ("dealer1@example.com", "/dashboard/dealers/1/outlets/", "dealer-outlets"),
    ("dealer1@example.com", "/dashboard/dealers/1/outlets/1/", "dealer-outlet-form"),
    ("dealer1@example.com", "/dashboard/dealers/1/managers/", "dealer-managers"),
    ("dealer1@example.com", "/dashboard/dealers/2/", "dealer1-on-dealer2"),
    ("admin@example.com", "/dashboard/dealers/create/", "dealer-create"),
    ("admin@example.com", "/dashboard/regions/", "regions"),
    ("admin@example.com", "/dashboard/regions/cities/?q=ново", "cities"),
]

# What a customer sees; "+" before a path adds that page's product to the basket first.
STOREFRONT = [
    ("", "/?city=kazan", "home"),
    ("", "/catalogue/?city=moskva", "catalogue"),
    ("", "/catalogue/potolochnaya-rozetka-nord-bezhevyy-mramor_216/?city=moskva", "product"),
    ("", "/catalogue/potolochnaya-rozetka-nord_214/?city=moskva", "family-product"),
    ("", "/gde-kupit/?city=kazan", "where-to-buy"),
    ("", "/catalogue/potolochnaya-rozetka-nord-bezhevyy-mramor_216/?city=magadan", "city-without-dealers"),
    ("", "+/catalogue/potolochnaya-rozetka-nord-bezhevyy-mramor_216/?city=moskva", "basket"),
    ("", "+/catalogue/potolochnaya-rozetka-nord-bezhevyy-mramor_216/?city=moskva", "checkout"),
]


def login(page, base, email):
    page.goto(f"{base}/accounts/login/")
    page.fill("#id_login-username", email)
    page.fill("#id_login-password", "demo")
    page.click("button[name=login_submit]")
    page.wait_for_load_state("networkidle")


def main(argv):
    base = argv[1] if len(argv) > 1 and argv[1].startswith("http") else BASE
    phone = "--phone" in argv
    pages = [tuple(a.split(":", 2)) for a in argv[1:] if not a.startswith(("http", "--"))] or (
        STOREFRONT if "--storefront" in argv else PAGES)
    viewport = {"width": 390, "height": 844} if phone else {"width": 1400, "height": 900}
    out = Path("screenshots")
    out.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for email, path, name in pages:
            context = browser.new_context(viewport=viewport, locale="ru-RU", is_mobile=phone, has_touch=phone)
            context.route("**/tile.openstreetmap.org/**", lambda route: route.abort())  # no tiles offline
            page = context.new_page()
            if email:
                login(page, base, email)
            if path.startswith("+"):
                path = path[1:]
                page.goto(base + path)
                page.click("#add_to_basket_form button[type=submit]")
                page.wait_for_load_state("load")
                path = {"basket": "/basket/", "checkout": "/checkout/"}.get(name, path)
            page.goto(base + path)
            page.wait_for_load_state("load")
            page.wait_for_timeout(1000)
            page.screenshot(path=str(out / f"{name}{'-phone' if phone else ''}.png"), full_page=True)
            print(f"{name}: {page.url}")
            context.close()
        browser.close()


if __name__ == "__main__":
    main(sys.argv)
