"""Attack a running site the way the standards ask: every page a login reaches, with junk in its query string
and in every field of every POST form, and report each answer of 500 or more.

    python tools/junk_crawl.py --login dealer1@example.com /dashboard/
    python tools/junk_crawl.py --login customer@example.com /
    python tools/junk_crawl.py /order/<number>/<token>/ /basket/ /checkout/      # a guest

Run it against the demo (``make demo``; the demo's password is «demo»), not against data you want to keep: it
submits every form it finds, with NUL bytes, huge and non-finite numbers, formulas, ``<script>`` and empty
values — claims, declines, cancellations and saves included (it leaves out logging out, deleting and the
language switch). Links are followed below the given paths; a path of the same shape (ids aside) is visited
once. Prints ``name: value`` lines, then one ``error:`` line per failing request; the server's log has the
tracebacks. Needs requests and beautifulsoup4 (both come with Wagtail).
"""

import argparse
import collections
import re
from urllib.parse import urljoin, urlparse

import requests
from bs4 import BeautifulSoup

JUNK = ["\x00", "1e309", "NaN", "-99999999999999999999999", "9" * 40, '=HYPERLINK("http://example.com")',
        "<script>alert(1)</script>", "x" * 5000, ""]
QUERY_JUNK = ["page=-1", "page=abc", "date_from=%00", "date_to=99999-99-99", "city=999999999999999999999",
              "region=x", "dealer=-5", "q=%00%3Cscript%3E", "sort=__import__", "status=%00", "o=zzz",
              "channel=%00", "format=xlsx"]
SKIP = ("logout", "delete", "setlang", "/django-admin/", "/cms/", "/static/", "/media/", "password")


def login(base, email, password):
    session = requests.Session()
    session.get(base + "/accounts/login/")
    session.post(base + "/accounts/login/", headers={"Referer": base + "/accounts/login/"},
                 data={"csrfmiddlewaretoken": session.cookies.get("csrftoken"), "login-username": email,
                       "login-password": password, "login_submit": "1"})
    return session


def form_data(form, junk):
    """The form's fields filled with ``junk``; its CSRF token and hidden values kept, hidden ids junked too."""
    data = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name, kind = field.get("name"), (field.get("type") or "").lower()
        if not name or kind == "file":
            continue
        keep = name == "csrfmiddlewaretoken" or (kind == "hidden" and not name.endswith(("id", "pk")))
        data[name] = field.get("value", "") if keep else junk
    return data


def crawl(base, session, starts, limit):
    seen, shapes, queue, errors, posts = set(), collections.Counter(), list(starts), [], 0
    while queue and len(seen) < limit:
        path = queue.pop(0)
        shape = re.sub(r"\d+", "N", urlparse(path).path)
        if path in seen or shapes[shape]:
            continue
        seen.add(path)
        shapes[shape] += 1
        response = session.get(base + path, timeout=60)
        if response.status_code >= 500:
            errors.append(f"GET {path}: {response.status_code}")
        for junk in QUERY_JUNK:
            url = path + ("&" if "?" in path else "?") + junk
            if session.get(base + url, timeout=60).status_code >= 500:
                errors.append(f"GET {url}: 500")
        if "text/html" not in response.headers.get("content-type", ""):
            continue
        page = BeautifulSoup(response.text, "html.parser")
        for link in page.find_all("a", href=True):
            href = link["href"].split("#")[0]
            if href.startswith(tuple(starts)) and not any(word in href for word in SKIP):
                queue.append(href)
        for form in page.find_all("form"):
            action = urljoin(path, form.get("action") or path)
            if (form.get("method") or "get").lower() != "post" or any(word in action for word in SKIP):
                continue
            if urlparse(action).netloc not in ("", urlparse(base).netloc):
                continue
            target = urlparse(action)._replace(scheme="", netloc="").geturl()
            for junk in JUNK:
                answer = session.post(base + target, data=form_data(form, junk), allow_redirects=False,
                                      headers={"Referer": base + path}, timeout=60)
                posts += 1
                if answer.status_code >= 500:
                    errors.append(f"POST {target} with {junk[:20]!r}: {answer.status_code}")
    return len(seen), posts, errors


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("starts", nargs="+", help="paths to start from; links below them are followed")
    parser.add_argument("--base", default="http://127.0.0.1:8000")
    parser.add_argument("--login", help="an email to sign in with (a guest without it)")
    parser.add_argument("--password", default="demo")
    parser.add_argument("--pages", type=int, default=300, help="at most this many pages")
    args = parser.parse_args()
    session = login(args.base, args.login, args.password) if args.login else requests.Session()
    pages, posts, errors = crawl(args.base, session, args.starts, args.pages)
    print(f"junk_crawl.pages: {pages}")
    print(f"junk_crawl.posts: {posts}")
    print(f"junk_crawl.errors: {len(errors)}")
    for error in errors:
        print(f"error: {error}")


if __name__ == "__main__":
    main()
