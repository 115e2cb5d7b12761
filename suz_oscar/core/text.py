"""Text helpers for a Russian-language shop."""

from django.utils.text import slugify

# Transliteration of Russian letters for URLs (the common "Yandex" style).
TRANSLIT = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z",
    "и": "i", "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r",
    "с": "s", "т": "t", "у": "u", "ф": "f", "х": "h", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "sch",
    "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
}


def transliterate(value):
    return "".join(TRANSLIT.get(ch, ch) for ch in str(value).lower())


def slugify_ru(value, allow_unicode=False):
    """Slugs for Oscar (``OSCAR_SLUG_FUNCTION``): «Стеновые панели» → ``stenovye-paneli``.

    Oscar's default turns Cyrillic into escape codes (``u0421u0442…``).
    """
    if allow_unicode:
        return slugify(value, allow_unicode=True)
    return slugify(transliterate(value))


def clean_text(text, max_length=None):
    """Free text from a visitor, safe to compare: no NUL bytes (PostgreSQL refuses them), trimmed, bounded."""
    text = str(text or "").replace("\x00", "").strip()
    return text[:max_length] if max_length else text
