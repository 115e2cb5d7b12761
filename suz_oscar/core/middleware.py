from django.conf import settings
from django.middleware.locale import LocaleMiddleware
from django.utils import translation


class SiteLanguageMiddleware(LocaleMiddleware):
    """The site's language is ``LANGUAGE_CODE`` unless the visitor chose another one.

    Django's ``LocaleMiddleware`` would follow the browser's Accept-Language, so a
    Russian shop would greet an English-language browser in English. Here only
    the language switch (``set_language``, kept in its cookie) changes it.
    """

    def process_request(self, request):
        language = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        if language not in dict(settings.LANGUAGES):
            language = settings.LANGUAGE_CODE
        translation.activate(language)
        request.LANGUAGE_CODE = translation.get_language()
