"""The Russian catalogue is complete, compiled, and used."""

import gettext
import re
from pathlib import Path

from django.utils import translation

LOCALE = Path(__file__).resolve().parent.parent / "locale" / "ru" / "LC_MESSAGES"


def unescape(text):
    return re.sub(r'\\(.)', lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), text)


def parse_po(path):
    """(msgid, msgstr list, fuzzy) for each entry of a .po file (plural forms included)."""
    entries, current, field = [], None, None
    for line in path.read_text(encoding="utf-8").splitlines() + [""]:
        if not line.strip():
            if current and current["msgid"]:
                entries.append(current)
            current, field = None, None
            continue
        if current is None:
            current = {"msgid": "", "msgstr": {}, "fuzzy": False}
        if line.startswith("#,") and "fuzzy" in line:
            current["fuzzy"] = True
        elif line.startswith("#"):
            continue
        elif m := re.match(r'^(msgid|msgid_plural|msgctxt|msgstr(?:\[(\d)\])?) "(.*)"$', line):
            field = m.group(1)
            value = unescape(m.group(3))
            if field.startswith("msgstr"):
                current["msgstr"][field] = value
            else:
                current[field] = value
        elif line.startswith('"') and field:
            if field.startswith("msgstr"):
                current["msgstr"][field] += unescape(line[1:-1])
            else:
                current[field] += unescape(line[1:-1])
    return entries


def test_catalogue_complete_no_fuzzy_and_plurals():
    entries = parse_po(LOCALE / "django.po")
    assert len(entries) > 100
    assert [e["msgid"] for e in entries if e["fuzzy"]] == []
    assert [e["msgid"] for e in entries if not all(e["msgstr"].values())] == []
    for entry in entries:
        if "msgid_plural" in entry:
            assert len(entry["msgstr"]) == 4, entry["msgid"]  # Russian: one, few, many, other


def test_compiled_catalogue_matches_po():
    with open(LOCALE / "django.mo", "rb") as fh:
        catalog = gettext.GNUTranslations(fh)._catalog
    for entry in parse_po(LOCALE / "django.po"):
        if "msgid_plural" in entry:
            continue
        key = entry["msgid"] if "msgctxt" not in entry else f"{entry['msgctxt']}\x04{entry['msgid']}"
        assert catalog.get(key) == entry["msgstr"]["msgstr"], f"stale .mo for {entry['msgid']!r}"


def test_russian_strings_are_found_and_plurals_work():
    from suz_oscar.dashboard.dealers.tables import DealerTable

    with translation.override("ru"):
        assert translation.gettext("Dealer registry") == "Реестр дилеров"
        caption = DealerTable.caption
        assert [caption % n for n in (1, 3, 5, 21)] == ["1 дилер", "3 дилера", "5 дилеров", "21 дилер"]
