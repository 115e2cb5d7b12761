"""Build the wheel, install it into a clean virtualenv, check the sandbox against it, then a host shop.

Run by `make wheel-check` (and CI). Fails unless the wheel holds templates,
static files, migrations, data and the compiled Russian catalogue, the
sandbox — copied away from the checkout — passes `manage.py check`, migrates
and renders a dashboard page in Russian from the installed package, and
tools/host_check.py installs it by docs/install.md into a shop made by
`wagtail start` and Oscar's guide.
"""

import shutil
import subprocess
import sys
import tempfile
import venv
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tools import host_check  # noqa: E402

REQUIRED = [
    "suz_oscar/locale/ru/LC_MESSAGES/django.mo",
    "suz_oscar/locale/ru/LC_MESSAGES/django.po",
    "suz_oscar/templates/suz/dashboard/dealers/dealer_list.html",
    "suz_oscar/static/suz/vendor/leaflet/leaflet.js",
    "suz_oscar/dealers/migrations/0001_initial.py",
    "suz_oscar/dealers/data/cities.json",
    "suz_wagtail/templates/suz_wagtail/home_page.html",
    "suz_wagtail/migrations/0001_initial.py",
    "suz_wagtail/static/suz_wagtail/dealer-map.js",
    "suz_oscar/static/suz/vendor/leaflet.markercluster/leaflet.markercluster.js",
]

SMOKE = r"""
import suz_oscar, sys
assert "site-packages" in suz_oscar.__file__, suz_oscar.__file__
from django.core.management import call_command
call_command("migrate", verbosity=0)
from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import translation
with translation.override("ru"):
    assert translation.gettext("Dealer registry") == "Реестр дилеров"
admin = get_user_model().objects.create_superuser("wheel@example.com", "wheel@example.com", "x")
client = Client(HTTP_HOST="localhost")
client.force_login(admin)
page = client.get("/dashboard/dealers/").content.decode()
assert "Реестр дилеров" in page, page[:500]
home = client.get("/")
assert home.status_code == 200, home.status_code
print("wheel smoke test: ok,", suz_oscar.__file__)
"""


def run(*cmd, **kwargs):
    print("+", " ".join(str(c) for c in cmd), flush=True)
    subprocess.run([str(c) for c in cmd], check=True, **kwargs)


def build_and_install(tmp):
    """Build the wheel into ``tmp``, check what it carries, install it into a new virtualenv: its python."""
    run(sys.executable, "-m", "build", "--wheel", "--outdir", tmp / "dist", ROOT)
    wheel = next((tmp / "dist").glob("django_suz-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    missing = [name for name in REQUIRED if name not in names]
    if missing:
        raise SystemExit(f"Missing from {wheel.name}: {missing}")
    if any(name.startswith(("tests/", "sandbox/")) for name in names):
        raise SystemExit("The wheel must not carry tests or the sandbox")
    if any(name.endswith(".js") and b"sourceMappingURL" in zipfile.ZipFile(wheel).read(name) for name in names):
        raise SystemExit("A script in the wheel refers to a source map: ManifestStaticFilesStorage fails on it")

    venv.create(tmp / "venv", with_pip=True)
    python = tmp / "venv" / "bin" / "python"
    run(python, "-m", "pip", "install", "--quiet", f"{wheel}[sandbox]")
    return python


def main():
    with tempfile.TemporaryDirectory(prefix="suz-wheel-") as tmp:
        tmp = Path(tmp)
        python = build_and_install(tmp)
        site = tmp / "site"
        shutil.copytree(ROOT / "sandbox", site / "sandbox",
                        ignore=shutil.ignore_patterns("db.sqlite3", "media", "static_collected", "__pycache__"))
        env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp), "DATABASE_URL": f"sqlite:///{tmp / 'wheel.sqlite3'}",
               "MEDIA_ROOT": str(tmp / "media"), "DJANGO_SETTINGS_MODULE": "sandbox.settings"}
        run(python, "sandbox/manage.py", "check", cwd=site, env=env)
        run(python, "sandbox/manage.py", "shell", "-c", SMOKE, cwd=site, env=env)
        print("wheel-check: sandbox ok", flush=True)
        host_check.main(python)
    print("wheel-check: ok")


if __name__ == "__main__":
    main()
