"""What the robot says: the order read back in natural Russian, and its synthesis to a WAV file.

The text comes from a Django template in the setting ``SUZ_ROBOT_SCRIPT`` (the manufacturer edits it there).
A setting rather than a model staff edit in the dashboard: a template has every attribute of the objects in its
context within reach (an order's customer, a user's fields), so whoever writes it must be trusted like whoever
writes the site's code; a setting goes through the site's review and deployment, and ``manage.py check``
refuses one that does not compile (``suz.E020``). The context holds ready words, not objects:

- ``order_number`` — the order's number read digit by digit («один ноль ноль два»);
- ``items`` — every line read as «две стеновые панели «Норд», графит», joined by «; »; ``lines`` the same as a list;
- ``total`` — «три тысячи двести рублей» (kopecks when there are any);
- ``dealer``, ``manager`` — the dealer's name and the manager who took the order (empty before a claim);
- ``shop`` — ``OSCAR_SHOP_NAME``; ``confirm_key`` / ``manager_key`` — the keys «1» and «2».

The filters ``ru_number`` (``{{ n|ru_number:"f" }}``), ``ru_rubles`` and ``ru_plural``
(``{{ n|ru_plural:"штука,штуки,штук" }}``) are there for a template that reads other numbers.

**Quantities.** A product's title is a singular phrase («Стеновая панель «Норд», графит») and its plural forms
are not in the catalogue. ``SUZ_ROBOT_NOUNS`` maps a title's opening phrase to its gender and forms for 1, 2–4,
5+ and the accusative singular; a line whose title opens with one is read «две стеновые панели «Норд», графит».
Any other line keeps its title and counts units, ``SUZ_ROBOT_UNIT`` («штука»): «Клей монтажный, 310 мл — две
штуки». Both read right for any quantity, neither invents a plural.
"""

import logging
import re
import shutil
import subprocess
import tempfile
import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.template import Context, Engine, TemplateSyntaxError
from django.utils import timezone

from suz_oscar.core.conf import suz_settings

from . import numerals

logger = logging.getLogger("suz.telephony.speech")

FILTERS = "suz_oscar.telephony.speech_filters"
CONFIRM_KEY, MANAGER_KEY = "1", "2"
MAX_TITLE = 160  # a title read aloud longer than this is cut: a dealer's own product may have a long one
_CONTROL = re.compile(r"[\x00-\x1f\x7f]+")


@dataclass
class Script:
    """The text to read and what it was made of (``context``: the template's variables)."""

    text: str
    context: dict = field(default_factory=dict)


def engine():
    return Engine(builtins=[FILTERS], autoescape=False)


def compile_script(source=None):
    """The script's template; raises ``TemplateSyntaxError`` (the system check reports it)."""
    return engine().from_string(suz_settings.SUZ_ROBOT_SCRIPT if source is None else source)


def _clean(text, limit=MAX_TITLE):
    text = _CONTROL.sub(" ", str(text or "")).strip()
    text = re.sub(r"\s+", " ", text)
    return text if len(text) <= limit else text[:limit].rsplit(" ", 1)[0]


def _nouns():
    """``SUZ_ROBOT_NOUNS`` as (lower-cased phrase, gender, (1, 2–4, 5+), accusative singular), longest first."""
    nouns = []
    for phrase, spec in (suz_settings.SUZ_ROBOT_NOUNS or {}).items():
        gender, one, few, many, *acc = spec
        nouns.append((phrase.lower(), gender, (one, few, many), acc[0] if acc else None))
    return sorted(nouns, key=lambda n: -len(n[0]))


def line_words(title, quantity, case=numerals.NOMINATIVE, nouns=None):
    """One line read aloud: «две стеновые панели «Норд», графит» or «Клей, 310 мл — две штуки»."""
    title = _clean(title)
    quantity = int(quantity)
    low = title.lower()
    for phrase, gender, forms, accusative in _nouns() if nouns is None else nouns:
        if low.startswith(phrase) and (len(low) == len(phrase) or not low[len(phrase)].isalnum()):
            rest = title[len(phrase):]
            return numerals.agree(quantity, gender, forms, case, accusative_one=accusative) + rest
    gender, one, few, many, *acc = suz_settings.SUZ_ROBOT_UNIT
    count = numerals.agree(quantity, gender, (one, few, many), case, accusative_one=acc[0] if acc else None)
    return f"{title} — {count}"


def _manager(dispatch):
    """The manager who took the order: the user of the history entry that records the claim."""
    if dispatch is None or not dispatch.claimed_by_id:
        return None
    entry = (dispatch.history.filter(to_status="accepted", dealer_id=dispatch.claimed_by_id, user__isnull=False)
             .select_related("user").order_by("-created_at").first())
    return entry.user if entry else None


def person_name(user):
    if user is None:
        return ""
    return _clean(user.get_full_name() or user.first_name or "", 80)


def script_context(order, dispatch=None):
    nouns = _nouns()
    lines = [line_words(line.title, line.quantity, nouns=nouns) for line in order.lines.all()]
    dealer = dispatch.claimed_by if dispatch is not None and dispatch.claimed_by_id else None
    total = order.total_incl_tax if order.total_incl_tax is not None else Decimal(0)
    return {
        "order_number": numerals.digits_words(order.number),
        "lines": lines,
        "items": "; ".join(lines),
        "total": numerals.rubles(total),
        "dealer": _clean(dealer.partner.name, 120) if dealer else "",
        "manager": person_name(_manager(dispatch)),
        "shop": _clean(getattr(settings, "OSCAR_SHOP_NAME", ""), 120),
        "confirm_key": CONFIRM_KEY,
        "manager_key": MANAGER_KEY,
    }


def render_script(order, dispatch=None, source=None):
    """The robot's text for ``order``: the template filled with the order read in words, tidied for speech."""
    context = script_context(order, dispatch)
    try:
        template = compile_script(source)
    except TemplateSyntaxError:
        logger.exception("SUZ_ROBOT_SCRIPT does not compile; reading the default script")
        from suz_oscar import defaults

        template = compile_script(defaults.SUZ_ROBOT_SCRIPT)
    text = template.render(Context(context, autoescape=False))
    text = re.sub(r"\s+", " ", text).strip()
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    return Script(text=text, context=context)


# Abbreviations of the catalogue that a synthesiser would spell out letter by letter.
SPOKEN = [
    (re.compile(r"(?<=\d)\s*[×xх]\s*(?=\d)"), " на "),
    (re.compile(r"Ø\s*"), "диаметр "),
    (re.compile(r"\bмм\b"), "миллиметров"),
    (re.compile(r"\bсм\b"), "сантиметров"),
    (re.compile(r"\bмл\b"), "миллилитров"),
    (re.compile(r"\bм²"), "квадратных метров"),
    (re.compile(r"\bшт\."), "штук"),
    (re.compile(r"[«»\"“”]"), ""),
]


def for_speech(text):
    """The script as the synthesiser should read it: abbreviations spelled as words, quotes dropped."""
    for pattern, words in SPOKEN:
        text = pattern.sub(words, text)
    return text


def espeak_path():
    """The espeak-ng binary (``SUZ_ROBOT_ESPEAK``: a path or a name on PATH), or None when it is not there."""
    command = suz_settings.SUZ_ROBOT_ESPEAK
    return shutil.which(command) if command else None


class SynthesisUnavailable(Exception):
    """espeak-ng is not installed (or failed): the call goes on with the text only."""


def synthesise(text):
    """The WAV bytes of ``text`` spoken by espeak-ng's Russian voice. Raises ``SynthesisUnavailable``."""
    binary = espeak_path()
    if binary is None:
        raise SynthesisUnavailable("espeak-ng is not installed")
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(tmp) / "speech.wav"
        # The text goes through stdin, never the command line: no quoting, no option injection.
        args = [binary, "-v", suz_settings.SUZ_ROBOT_VOICE, "-s", str(suz_settings.SUZ_ROBOT_SPEED), "-w", str(out),
                "--stdin"]
        try:
            subprocess.run(args, input=for_speech(text).encode(), check=True, timeout=60,
                           stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        except (OSError, subprocess.SubprocessError) as exc:
            logger.warning("espeak-ng failed: %s", exc)
            raise SynthesisUnavailable(str(exc)) from exc
        data = out.read_bytes()
    if not data.startswith(b"RIFF"):
        raise SynthesisUnavailable("espeak-ng wrote no WAV")
    return data


def synthesise_file(text):
    """``synthesise(text)`` as a ``ContentFile`` named for the robot's folder (not yet saved), or None when
    espeak-ng is missing: the caller keeps the text only."""
    try:
        data = synthesise(text)
    except SynthesisUnavailable:
        return None
    return ContentFile(data, name=f"robot-{timezone.now():%Y%m%d}-{uuid.uuid4().hex[:12]}.wav")


def store(text, storage=None):
    """Synthesise and save through ``storage`` (Django's default storage): the stored name, or "" without
    espeak-ng."""
    content = synthesise_file(text)
    if content is None:
        return ""
    storage = storage or default_storage
    return storage.save(f"suz/telephony/robot/{content.name}", content)
