"""Russian translations of django-suz's strings, applied to locale/ru/LC_MESSAGES/django.po.

Usage: python tools/ru_translations.py  (after `make messages`; needs polib).
The translations live in tools/translations/ (one module per area), so a reviewer
reads them in one place and makemessages can be re-run without losing work.
Plurals: one, few, many, other.
"""

from pathlib import Path

import polib

try:
    from tools.translations import merged
except ImportError:  # run as a script: tools/ is not a package on sys.path
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
    from tools.translations import merged

PO = Path(__file__).resolve().parent.parent / "locale" / "ru" / "LC_MESSAGES" / "django.po"

RU = merged()


def main():
    po = polib.pofile(str(PO), wrapwidth=100)
    po.metadata["Plural-Forms"] = (
        "nplurals=4; plural=(n % 10 == 1 && n % 100 != 11 ? 0 : n % 10 >= 2 && n % 10 <= 4 && "
        "(n % 100 < 12 || n % 100 > 14) ? 1 : n % 10 == 0 || (n % 10 >= 5 && n % 10 <= 9) || "
        "(n % 100 >= 11 && n % 100 <= 14) ? 2 : 3);"
    )
    po.metadata_is_fuzzy = False
    po.header = "Russian translation of django-suz.\nThis file is distributed under the same license as django-suz."
    po.metadata["Project-Id-Version"] = "django-suz"
    po.metadata["Language-Team"] = "Russian"
    po.metadata["Last-Translator"] = "django-suz contributors"
    po.metadata["PO-Revision-Date"] = po.metadata.get("POT-Creation-Date", "")
    po.metadata["Language"] = "ru"
    po.metadata["Content-Type"] = "text/plain; charset=UTF-8"
    missing = []
    for entry in po:
        if "fuzzy" in entry.flags:
            # msgmerge's guess from a similar string: never keep it unreviewed.
            entry.flags.remove("fuzzy")
            entry.previous_msgid = entry.previous_msgid_plural = entry.previous_msgctxt = None
            entry.msgstr = ""
            entry.msgstr_plural = {k: "" for k in entry.msgstr_plural}
        if entry.msgctxt:
            if (entry.msgctxt, entry.msgid) in RU:
                entry.msgstr = RU[(entry.msgctxt, entry.msgid)]
        elif entry.msgid_plural:
            forms = RU.get((entry.msgid, entry.msgid_plural))
            if forms:
                entry.msgstr_plural = dict(enumerate(forms))
        elif entry.msgid in RU:
            entry.msgstr = RU[entry.msgid]
        if not (entry.msgstr or (entry.msgstr_plural and all(entry.msgstr_plural.values()))):
            missing.append(entry.msgid)
    po.save()
    po.save_as_mofile(str(PO.with_suffix(".mo")))
    if missing:
        raise SystemExit("Untranslated:\n" + "\n".join(missing))
    print(f"{len(po)} entries translated")


if __name__ == "__main__":
    main()
