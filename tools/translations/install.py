"""Translations of installing into an existing shop (issue 11): the checks of a host's settings."""

RU = {
    "PHONENUMBER_DEFAULT_REGION is not set: a guest's «8 916 123-45-67» is refused as an invalid number.":
        "Не задан PHONENUMBER_DEFAULT_REGION: номер гостя «8 916 123-45-67» будет отклонён как неверный.",
    "Set PHONENUMBER_DEFAULT_REGION = 'RU' (your country's code).":
        "Укажите PHONENUMBER_DEFAULT_REGION = 'RU' (код вашей страны).",
    "OSCAR_DEFAULT_CURRENCY is Oscar's default: prices are shown in pounds sterling.":
        "OSCAR_DEFAULT_CURRENCY не изменён: цены показываются в фунтах стерлингов.",
    "Set OSCAR_DEFAULT_CURRENCY = 'RUB' (your currency).": "Укажите OSCAR_DEFAULT_CURRENCY = 'RUB' (вашу валюту).",
    "OSCAR_REQUIRED_ADDRESS_FIELDS asks every customer for a postcode; few know it, and the dealer calls the "
    "customer anyway.":
        "OSCAR_REQUIRED_ADDRESS_FIELDS требует от каждого покупателя почтовый индекс, а его мало кто помнит; "
        "дилер всё равно звонит покупателю.",
    "Set OSCAR_REQUIRED_ADDRESS_FIELDS = ('first_name', 'last_name', 'line1', 'line4', 'country').":
        "Укажите OSCAR_REQUIRED_ADDRESS_FIELDS = ('first_name', 'last_name', 'line1', 'line4', 'country').",
    "LANGUAGES has no Russian: django-suz's pages, emails and dashboard show in English.":
        "В LANGUAGES нет русского: страницы, письма и панель django-suz будут на английском.",
    "Add ('ru', 'Русский') to LANGUAGES.": "Добавьте ('ru', 'Русский') в LANGUAGES.",
    "django-suz's app comes after %(apps)s in INSTALLED_APPS: their translations win over ours.":
        "Приложение django-suz стоит в INSTALLED_APPS после %(apps)s: их переводы перекрывают наши.",
    "Build INSTALLED_APPS with suz_oscar.get_installed_apps(INSTALLED_APPS), or add suz_oscar.LOCALE_PATH to "
    "LOCALE_PATHS.":
        "Соберите INSTALLED_APPS через suz_oscar.get_installed_apps(INSTALLED_APPS) или добавьте "
        "suz_oscar.LOCALE_PATH в LOCALE_PATHS.",
    "The Celery app does not read the CELERY_* settings: django-suz's tasks go to another broker (%(broker)s).":
        "Приложение Celery не читает настройки CELERY_*: задачи django-suz уходят в другой брокер (%(broker)s).",
    "Create the Celery app as Celery's Django guide shows (config_from_object('django.conf:settings', "
    "namespace='CELERY')) and import it in your project's __init__.py.":
        "Создайте приложение Celery, как в руководстве Celery для Django (config_from_object("
        "'django.conf:settings', namespace='CELERY')), и импортируйте его в __init__.py проекта.",
}
