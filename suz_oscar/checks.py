from django.conf import settings
from django.core import checks
from django.utils.translation import gettext_lazy as _


@checks.register()
def check_shop_config(app_configs, **kwargs):
    """Wagtail cannot serve ``/`` while Oscar's own root app redirects it to the catalogue."""
    errors = []
    if "oscar.config.Shop" in settings.INSTALLED_APPS:
        errors.append(
            checks.Warning(
                _("Oscar's root app redirects '/' to the catalogue."),
                hint=_("Use 'suz_oscar.config.Shop' in INSTALLED_APPS instead of 'oscar.config.Shop'."),
                id="suz.W001",
            )
        )
    if "phonenumber_field" not in settings.INSTALLED_APPS:
        errors.append(
            checks.Error(
                _("'phonenumber_field' must be in INSTALLED_APPS."),
                hint=_("Add suz_oscar.INSTALLED_APPS to your INSTALLED_APPS."),
                id="suz.E001",
            )
        )
    return errors


PROCESS_LOCAL_CACHES = ("django.core.cache.backends.locmem.LocMemCache", "django.core.cache.backends.dummy.DummyCache")


@checks.register(checks.Tags.caches, deploy=True)
def check_shared_cache(app_configs, **kwargs):
    """The storefront caches each city's dealers under a version key that changes invalidate: in a cache
    each process keeps to itself, a change made in one process is not seen by the others."""
    backend = settings.CACHES.get("default", {}).get("BACKEND", "")
    if backend in PROCESS_LOCAL_CACHES:
        return [checks.Warning(
            _("The default cache is local to each process: a dealer suspended in one web process stays visible "
              "in the others for up to five minutes."),
            hint=_("Use a cache every process shares (Redis or Memcached) in production."),
            id="suz.W002",
        )]
    return []


@checks.register()
def check_class_loader(app_configs, **kwargs):
    """Oscar must answer its ``get_class`` calls with our strategy, checkout and catalogue classes."""
    from django.utils.module_loading import import_string

    from suz_oscar.offers.strategy import Selector

    path = getattr(settings, "OSCAR_DYNAMIC_CLASS_LOADER", "")
    try:
        selector = import_string(path)("partner.strategy", ["Selector"], "oscar.apps")[0]
    except Exception:  # a broken loader shows in its own error; here it simply does not answer with ours
        selector = None
    if not (isinstance(selector, type) and issubclass(selector, Selector)):
        return [checks.Error(
            _("Oscar's class loader does not give django-suz's classes: no regional prices, no dispatch-aware "
              "checkout, no regional catalogue."),
            hint=_("Set OSCAR_DYNAMIC_CLASS_LOADER = 'suz_oscar.core.loading.class_loader' (or call it from "
                   "your own loader)."),
            id="suz.E002",
        )]
    return []


CITY_MIDDLEWARE = "suz_oscar.storefront.middleware.CityMiddleware"
BEFORE_CITY = ("django.contrib.sessions.middleware.SessionMiddleware", "oscar.apps.basket.middleware.BasketMiddleware")


@checks.register()
def check_city_middleware(app_configs, **kwargs):
    """The visitor's city is read from the session and re-prices the basket: after both middlewares."""
    middleware = list(settings.MIDDLEWARE)
    if CITY_MIDDLEWARE not in middleware:
        return [checks.Error(
            _("The city middleware is missing: the storefront cannot know the visitor's city."),
            hint=_("Add '%(path)s' to MIDDLEWARE after Oscar's BasketMiddleware.") % {"path": CITY_MIDDLEWARE},
            id="suz.E003",
        )]
    position = middleware.index(CITY_MIDDLEWARE)
    late = [path for path in BEFORE_CITY if path in middleware and middleware.index(path) > position]
    if late:
        return [checks.Error(
            _("The city middleware runs before %(paths)s.") % {"paths": ", ".join(late)},
            hint=_("Move '%(path)s' after SessionMiddleware and Oscar's BasketMiddleware.") % {
                "path": CITY_MIDDLEWARE},
            id="suz.E003",
        )]
    return []


@checks.register()
def check_dispatch_strategies(app_configs, **kwargs):
    """Every strategy a site offers must import and be a dispatch strategy."""
    from suz_oscar.core.conf import suz_settings
    from suz_oscar.dispatch.strategies import InvalidStrategy, import_strategy

    errors = []
    for entry in suz_settings.SUZ_DISPATCH_STRATEGIES:
        path = entry.get("CLASS", "") if isinstance(entry, dict) else ""
        try:
            import_strategy(path)
        except InvalidStrategy as exc:
            errors.append(checks.Error(
                _("SUZ_DISPATCH_STRATEGIES: %(error)s") % {"error": exc},
                hint=_("Give the dotted path of a subclass of suz_oscar.dispatch.strategies.DispatchStrategy."),
                id="suz.E004",
            ))
    return errors


@checks.register()
def check_beat_schedule(app_configs, **kwargs):
    """Without our periodic tasks in Celery beat, SLA breaches go unseen and missed notifications stay missed."""
    from celery import current_app

    from suz_oscar.schedule import PERIODIC_TASKS

    scheduled = {entry.get("task") for entry in (current_app.conf.beat_schedule or {}).values()}
    missing = [name for name in PERIODIC_TASKS if name not in scheduled]
    if missing:
        return [checks.Warning(
            _("Celery beat does not run %(tasks)s.") % {"tasks": ", ".join(missing)},
            hint=_("Add suz_oscar.schedule.beat_schedule() to your Celery beat schedule "
                   "(CELERY_BEAT_SCHEDULE = {**beat_schedule(), …})."),
            id="suz.W003",
        )]
    return []


@checks.register()
def check_host_settings(app_configs, **kwargs):
    """Oscar's and Django's settings a Russian regional shop needs, with the values a host most often misses."""
    warnings = []
    if not getattr(settings, "PHONENUMBER_DEFAULT_REGION", None):
        warnings.append(checks.Warning(
            _("PHONENUMBER_DEFAULT_REGION is not set: a guest's «8 916 123-45-67» is refused as an invalid number."),
            hint=_("Set PHONENUMBER_DEFAULT_REGION = 'RU' (your country's code)."),
            id="suz.W004",
        ))
    if getattr(settings, "OSCAR_DEFAULT_CURRENCY", "GBP") == "GBP":
        warnings.append(checks.Warning(
            _("OSCAR_DEFAULT_CURRENCY is Oscar's default: prices are shown in pounds sterling."),
            hint=_("Set OSCAR_DEFAULT_CURRENCY = 'RUB' (your currency)."),
            id="suz.W005",
        ))
    if "postcode" in getattr(settings, "OSCAR_REQUIRED_ADDRESS_FIELDS", ()):
        warnings.append(checks.Warning(
            _("OSCAR_REQUIRED_ADDRESS_FIELDS asks every customer for a postcode; few know it, and the dealer "
              "calls the customer anyway."),
            hint=_("Set OSCAR_REQUIRED_ADDRESS_FIELDS = ('first_name', 'last_name', 'line1', 'line4', 'country')."),
            id="suz.W006",
        ))
    if not any(code.split("-")[0].lower() == "ru" for code, _name in settings.LANGUAGES):
        warnings.append(checks.Warning(
            _("LANGUAGES has no Russian: django-suz's pages, emails and dashboard show in English."),
            hint=_("Add ('ru', 'Русский') to LANGUAGES."),
            id="suz.W007",
        ))
    return warnings


@checks.register()
def check_translations_win(app_configs, **kwargs):
    """Django merges the catalogues of ``INSTALLED_APPS`` with the first app winning, and ``LOCALE_PATHS`` over
    all of them: after Django's, Oscar's or Wagtail's apps, our Russian for the strings we translate
    differently (on purpose) loses to theirs."""
    from pathlib import Path

    from django.apps import apps

    from suz_oscar import FRAMEWORK_PREFIXES, LOCALE_PATH

    names = [config.name for config in apps.get_app_configs()]
    if "suz_oscar" not in names or LOCALE_PATH in {Path(path).resolve() for path in settings.LOCALE_PATHS}:
        return []
    before = [name for name in names[:names.index("suz_oscar")] if name.startswith(FRAMEWORK_PREFIXES)]
    if not before:
        return []
    return [checks.Warning(
        _("django-suz's app comes after %(apps)s in INSTALLED_APPS: their translations win over ours.") % {
            "apps": ", ".join(before[:3]) + ("…" if len(before) > 3 else "")},
        hint=_("Build INSTALLED_APPS with suz_oscar.get_installed_apps(INSTALLED_APPS), or add "
               "suz_oscar.LOCALE_PATH to LOCALE_PATHS."),
        id="suz.W008",
    )]


@checks.register()
def check_celery_app(app_configs, **kwargs):
    """Our tasks are shared tasks: they go to the current Celery app's broker, which must be the site's."""
    from celery import current_app
    from kombu.utils.url import maybe_sanitize_url

    wanted = getattr(settings, "CELERY_BROKER_URL", None)
    if wanted and current_app.conf.broker_url != wanted:
        return [checks.Warning(
            _("The Celery app does not read the CELERY_* settings: django-suz's tasks go to another broker "
              "(%(broker)s).") % {
                "broker": maybe_sanitize_url(current_app.conf.broker_url or "amqp://localhost")},
            hint=_("Create the Celery app as Celery's Django guide shows (config_from_object('django.conf:settings', "
                   "namespace='CELERY')) and import it in your project's __init__.py."),
            id="suz.W009",
        )]
    return []


ATTRIBUTION_MIDDLEWARE = "suz_oscar.analytics.middleware.AttributionMiddleware"
SESSION_MIDDLEWARE = "django.contrib.sessions.middleware.SessionMiddleware"


@checks.register()
def check_attribution_middleware(app_configs, **kwargs):
    """Without the attribution middleware every order is «unknown» in the sales reports."""
    middleware = list(settings.MIDDLEWARE)
    if ATTRIBUTION_MIDDLEWARE not in middleware:
        return [checks.Warning(
            _("The attribution middleware is missing: orders are not attributed to channels, sources and "
              "campaigns, and the sales reports show them all as «unknown»."),
            hint=_("Add '%(path)s' to MIDDLEWARE after SessionMiddleware.") % {"path": ATTRIBUTION_MIDDLEWARE},
            id="suz.W010",
        )]
    if SESSION_MIDDLEWARE in middleware and middleware.index(SESSION_MIDDLEWARE) > middleware.index(
            ATTRIBUTION_MIDDLEWARE):
        return [checks.Warning(
            _("The attribution middleware runs before SessionMiddleware: it cannot keep the visitor's touches."),
            hint=_("Move '%(path)s' after SessionMiddleware.") % {"path": ATTRIBUTION_MIDDLEWARE},
            id="suz.W010",
        )]
    return []


@checks.register()
def robot_script(app_configs, **kwargs):
    """The robot's script (``SUZ_ROBOT_SCRIPT``) is a template: one that does not compile would fail every call."""
    from django.template import TemplateSyntaxError

    from suz_oscar.telephony import speech

    try:
        speech.compile_script()
    except TemplateSyntaxError as exc:
        return [checks.Error(
            _("SUZ_ROBOT_SCRIPT is not a valid template: %(error)s") % {"error": exc},
            hint=_("The robot reads the default script until it is fixed."), id="suz.E020",
        )]
    return []


@checks.register()
def robot_speech(app_configs, **kwargs):
    """Without espeak-ng the robot's calls carry the text only (the provider reads it, or nobody does)."""
    from suz_oscar.telephony import speech

    if speech.espeak_path() is None:
        return [checks.Warning(
            _("espeak-ng is not installed: the robot's confirmation calls are text only, with no audio to play "
              "and none for staff to hear."),
            hint=_("Install it (Debian, Ubuntu: apt-get install espeak-ng) or set SUZ_ROBOT_ESPEAK to its path."),
            id="suz.W020",
        )]
    return []


@checks.register()
def telephony_provider(app_configs, **kwargs):
    """A provider configured without its credentials makes no call at all: Mango without the API key and salt
    (every request refused, every webhook rejected), Asterisk without the AMI user and secret (no login)."""
    from django.utils.module_loading import import_string

    from suz_oscar.core.conf import suz_settings
    from suz_oscar.telephony.backends.asterisk import AsteriskBackend
    from suz_oscar.telephony.backends.mango import MangoBackend

    try:
        backend = import_string(suz_settings.SUZ_TELEPHONY_BACKEND)
    except ImportError as exc:
        return [checks.Error(
            _("SUZ_TELEPHONY_BACKEND does not import: %(error)s") % {"error": exc},
            hint=_("Name a backend class, e.g. 'suz_oscar.telephony.backends.console.ConsoleBackend'."),
            id="suz.E021",
        )]
    options = suz_settings.SUZ_TELEPHONY_BACKEND_OPTIONS or {}
    required = ()
    if isinstance(backend, type) and issubclass(backend, MangoBackend):
        required = ("api_key", "api_salt")
    elif isinstance(backend, type) and issubclass(backend, AsteriskBackend):
        required = ("username", "secret")
    missing = [name for name in required if not str(options.get(name) or "").strip()]
    if missing:
        return [checks.Error(
            _("The telephony provider %(backend)s has no %(missing)s in SUZ_TELEPHONY_BACKEND_OPTIONS: no call "
              "can start and its events are refused.")
            % {"backend": backend.__name__, "missing": ", ".join(missing)},
            hint=_("Set them from the provider's account (Mango Office: Integrations → API; Asterisk: the AMI user "
                   "in manager.conf), e.g. from environment variables."),
            id="suz.E022",
        )]
    return []
