"""Russian translations of django-suz's strings, one module per area of the code.

Every module here defines ``RU``: ``msgid -> msgstr``; ``(msgid, msgid_plural) ->
(one, few, many, other)``; ``(msgctxt, msgid) -> msgstr``. ``tools/ru_translations.py``
merges them; a msgid defined twice with different translations is an error.
Add a module per feature so that parallel work does not edit the same dict.
"""

import importlib
import pkgutil


def merged():
    result, origin = {}, {}
    for info in sorted(pkgutil.iter_modules(__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{__name__}.{info.name}")
        for key, value in module.RU.items():
            if key in result and result[key] != value:
                raise SystemExit(f"{key!r}: {origin[key]} and {info.name} translate it differently")
            result[key], origin[key] = value, info.name
    return result
