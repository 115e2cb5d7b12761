from django.conf import settings
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class SiteLanguageMiddleware(LocaleMiddleware):
    """The site's language is the one in the URL, else the visitor's choice, else ``LANGUAGE_CODE``.

    Django's ``LocaleMiddleware`` would also follow the browser's Accept-Language, so a Russian shop would
    greet an English-language browser in English. Here only a language prefix of ``i18n_patterns``
    (``/en-gb/catalogue/``) or the language switch (``set_language``, kept in its cookie) changes it.
    Everything else — redirects to the prefixed URL, ``Vary``, ``Content-Language`` — is Django's.
    """

    def process_request(self, request):
        urlconf = getattr(request, "urlconf", settings.ROOT_URLCONF)
        i18n_patterns_used, _prefixed_default = is_language_prefix_patterns_used(urlconf)
        language = translation.get_language_from_path(request.path_info) if i18n_patterns_used else None
        if language is None:
            language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
            try:
                language = translation.get_supported_language_variant(language) if language else None
            except LookupError:
                language = None
        translation.activate(language or settings.LANGUAGE_CODE)
        request.LANGUAGE_CODE = translation.get_language()
