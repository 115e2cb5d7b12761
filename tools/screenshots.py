"""Screenshots of the sandbox's pages in headless Chromium (Debian's /usr/bin/chromium).

Usage: python tools/screenshots.py [BASE_URL] — expects `make demo` running;
writes PNGs to screenshots/. Pass pages as LOGIN:PATH:NAME to take others.
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


def login(page, base, email):
    page.goto(f"{base}/accounts/login/")
    page.fill("#id_login-username", email)
    page.fill("#id_login-password", "demo")
    page.click("button[name=login_submit]")
    page.wait_for_load_state("networkidle")


def main(argv):
    base = argv[1] if len(argv) > 1 and argv[1].startswith("http") else BASE
    pages = [tuple(a.split(":", 2)) for a in argv[1:] if not a.startswith("http")] or PAGES
    out = Path("screenshots")
    out.mkdir(exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for email, path, name in pages:
            context = browser.new_context(viewport={"width": 1400, "height": 900}, locale="ru-RU")
            page = context.new_page()
            if email:
                login(page, base, email)
            page.goto(base + path)
            page.wait_for_load_state("networkidle")
            page.screenshot(path=str(out / f"{name}.png"), full_page=True)
            print(f"{name}: {page.url}")
            context.close()
        browser.close()


if __name__ == "__main__":
    main(sys.argv)
