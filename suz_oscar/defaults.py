"""Default values of every ``SUZ_*`` setting.

Sites may star-import this module into their settings, as with ``oscar.defaults``;
code reads settings through :data:`suz_oscar.core.conf.suz_settings`, never at import time.
"""

from django.utils.translation import gettext_lazy as _

# Rows per page in dashboard tables.
SUZ_DASHBOARD_PAGE_SIZE = 25

# Remove the partner-user access that stock Oscar grants to its product and
# order dashboards (partners could edit or delete manufacturer products and see
# other partners' order lines). Dealers work in django-suz's own screens.
SUZ_RESTRICT_PARTNER_DASHBOARD = True

# Where a dealer's manager lands on opening the dashboard (a URL name).
SUZ_DEALER_DASHBOARD_HOME = "suz_dispatch_dashboard:suz-inbox"

# Slug of the city shown to a visitor who has not picked one.
SUZ_DEFAULT_CITY = "moskva"

# A callable ``(request) -> city slug or None`` guessing the visitor's city from
# the IP address (dotted path). Off by default: no GeoIP database ships with us.
SUZ_GEOIP_BACKEND = None

# Slug of the product class whose products are services (delivery, installation…):
# the manufacturer keeps the list, each dealer prices them or not; customers add
# them to the basket from the product page. A migration creates the class.
SUZ_SERVICE_PRODUCT_CLASS = "services"

# The dispatch strategies the site offers, in their starting order. Each: CLASS
# (dotted path to a suz_oscar.dispatch.strategies.DispatchStrategy), OPTIONS,
# ENABLED. The manufacturer reorders, switches and tunes them in the dashboard
# (Orders → Dispatch strategies); saved there, the dashboard's choice wins.
SUZ_DISPATCH_STRATEGIES = [
    # Each with its class's defaults (``defaults``): rating top 3 for 5 minutes, basic+ 1 priority dealer for
    # 15 minutes, basic after 15 minutes, fallback 60 minutes later; fastest: top 3 for 5 minutes over 30 days.
    {"CLASS": "suz_oscar.dispatch.strategies.RatingStrategy"},
    {"CLASS": "suz_oscar.dispatch.strategies.BasicPlusStrategy"},
    {"CLASS": "suz_oscar.dispatch.strategies.BasicStrategy"},
    {"CLASS": "suz_oscar.dispatch.strategies.FallbackStrategy"},
    {"CLASS": "suz_oscar.dispatch.example_strategies.FastestRespondersStrategy", "ENABLED": False},
]

# The price rule of dispatch: a dealer is eligible for an order if its price of
# every line is at most this many percent above the price the customer was shown
# (0: never above it; None: any price).
SUZ_DISPATCH_PRICE_TOLERANCE = 0

# SLA: an order accepted but not processed within this many hours alerts the
# manufacturer's staff; with SUZ_DISPATCH_SLA_RETURN it also goes back to dispatch.
SUZ_DISPATCH_SLA_HOURS = 24
SUZ_DISPATCH_SLA_RETURN = False

# The dealer rating sums the points ledger over this many days (None: all time).
# With a window, a nightly job (suz_oscar.scoring.tasks.recompute_ratings) lets old points go.
SUZ_RATING_WINDOW_DAYS = None

# What the customer is promised after checkout: a dealer of the city calls within this many minutes
# (shown on the confirmation and order status pages). None promises a call but no time: set it to what
# your dispatch plan and your dealers actually keep.
SUZ_CALLBACK_MINUTES = None

# Celery broker calls made while a request is served (queueing a notification after an order) wait at
# most this many seconds; after a failure the broker is not tried again for SUZ_BROKER_RETRY_AFTER
# seconds. The beat sweeps send whatever could not be queued.
# Whether Celery workers run: False does queued work in the web process after the request (a demo without a
# worker, even where a Redis happens to answer); the beat sweeps still catch up where beat runs.
SUZ_USE_BROKER = True
SUZ_BROKER_TIMEOUT = 1.0
SUZ_BROKER_RETRY_AFTER = 30

# Days a manager invitation's link stays valid (a manager or staff can send it again).
SUZ_INVITATION_DAYS = 7

# Where no dealer of the visitor's city offers a product, the customer still orders it at the recommended price:
# the order is a request that waits for the manufacturer's staff (dispatch's manual queue). Its lines belong to
# the Oscar partner of this code, created when first needed; None: such products are unavailable instead.
SUZ_MANUFACTURER_PARTNER_CODE = "suz-manufacturer"

# «Где купить» in a city lists the dealers serving it that have an outlet within this many km of its centre
# (or no outlet with coordinates at all): a dealer of a vast region whose shops are far away is not where to buy.
SUZ_MAP_NEAR_KM = 300

# Language of the emails dealers get ("new order available", …).
SUZ_NOTIFICATION_LANGUAGE = "ru"

# Map tiles for the coordinate pickers in the dashboard (Leaflet URL template).
SUZ_MAP_TILE_URL = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"
SUZ_MAP_ATTRIBUTION = "&copy; OpenStreetMap contributors"
# Centre of the map when an outlet has no coordinates yet: (lat, lon, zoom).
SUZ_MAP_DEFAULT_CENTER = (55.7522, 37.6156, 4)

# Sales analytics: days the visitor's first and last touch are kept in a signed cookie (0: in the session only),
# and the paths whose requests record no touch (the dashboard, admin, files).
SUZ_ANALYTICS_COOKIE_DAYS = 90
SUZ_ANALYTICS_SKIP_PATHS = ("/dashboard/", "/cms/", "/django-admin/", "/static/", "/media/")
# The goal identifier of completed sales in Yandex Metrica's offline conversions file (create the goal in
# Metrica with this identifier) and the GA4 event sent for them through the Measurement Protocol.
SUZ_ANALYTICS_METRICA_GOAL = "suz_completed"
# The storefront's Yandex Metrica counter (a number): with it, or with Oscar's OSCAR_GOOGLE_ANALYTICS_ID, the
# storefront pushes e-commerce events (view_item, add_to_cart, begin_checkout, purchase) to the dataLayer.
SUZ_ANALYTICS_METRICA_COUNTER = None
SUZ_ANALYTICS_GA4_EVENT = "close_convert_lead"

# Dashboard navigation entries of django-suz, to add to OSCAR_DASHBOARD_NAVIGATION.
SUZ_DASHBOARD_NAVIGATION = [
    {"label": _("Orders"), "icon": "fas fa-inbox", "url_name": "suz_dispatch_dashboard:suz-inbox"},
    {"label": _("Notifications"), "icon": "fas fa-bell", "url_name": "suz_notifications_dashboard:suz-notifications"},
    {
        "label": _("Dealers"),
        "icon": "fas fa-store",
        "children": [
            {"label": _("Dealer registry"), "url_name": "suz_dashboard:suz-dealer-list"},
            {"label": _("My dealer"), "url_name": "suz_dashboard:suz-dealer-mine"},
            {"label": _("Scorecard"), "url_name": "suz_scoring_dashboard:suz-scorecard-mine"},
            {"label": _("Points and rating"), "url_name": "suz_scoring_dashboard:suz-scoring-rules"},
            {"label": _("Dispatch settings"), "url_name": "suz_dispatch_dashboard:suz-strategies"},
            {"label": _("Regions and cities"), "url_name": "suz_dashboard_geo:suz-region-list"},
            {"label": _("Recommended prices"), "url_name": "suz_dashboard:suz-recommended-prices"},
        ],
    },
    {"label": _("Analytics"), "icon": "fas fa-chart-line", "url_name": "suz_analytics_dashboard:suz-analytics-sales"},
    {
        "label": _("Feedback"),
        "icon": "fas fa-comments",
        "children": [
            {"label": _("Complaints"), "url_name": "suz_feedback_dashboard:suz-complaints"},
            {"label": _("Customer cards"), "url_name": "suz_feedback_dashboard:suz-customers"},
            {"label": _("Dealer reviews"), "url_name": "suz_feedback_dashboard:suz-reviews"},
            {"label": _("Survey questions"), "url_name": "suz_feedback_dashboard:suz-survey-questions"},
        ],
    },
]

# Notifications. Each channel's backend (dotted path), in the shape of Django's email backends: email goes
# through Django's EMAIL_BACKEND; SMS to the console (the demo) — for SMS.ru set
# "suz_oscar.notifications.backends.smsru.SmsRuBackend" and its options below ({"sms": {"api_id": "…"}}).
SUZ_NOTIFICATION_BACKENDS = {
    "email": "suz_oscar.notifications.backends.email.EmailBackend",
    "sms": "suz_oscar.notifications.backends.sms.ConsoleBackend",
    "site": "suz_oscar.notifications.backends.site.SiteBackend",
}
SUZ_NOTIFICATION_BACKEND_OPTIONS = {}
# The manufacturer's defaults per event type: {"order_available": {"channels": ["sms", "site"],
# "mandatory": ["site"]}} (keys of suz_oscar.notifications.registry; channels "email", "sms", "site").
SUZ_NOTIFICATION_EVENTS = {}
# Seconds to wait before each new attempt of a message its provider refused; after the last, it fails
# (staff see it and may send it again).
SUZ_NOTIFICATION_RETRY_DELAYS = [30, 120, 600, 1800, 7200]
# A worker's claim on a message it is sending expires after this many seconds (a worker that died).
SUZ_NOTIFICATION_CLAIM_SECONDS = 120
# The dealer inbox asks for new orders and notifications every this many seconds.
SUZ_INBOX_POLL_SECONDS = 5
# A site without workers (SUZ_USE_BROKER = False, the demo): the dashboard's poll runs the beat's sweeps (stages
# that opened later, the outbox) at most once per this many seconds.
SUZ_SWEEP_SECONDS = 30

# Telephony (docs/telephony.md). The provider: a dotted path to a suz_oscar.telephony.backends.base.BaseBackend
# subclass — "…console.ConsoleBackend" (the demo: a simulated call on a short clock), "…locmem.LocmemBackend"
# (tests), "…mango.MangoBackend" (Mango Office VPBX); its keyword arguments in SUZ_TELEPHONY_BACKEND_OPTIONS.
SUZ_TELEPHONY_BACKEND = "suz_oscar.telephony.backends.console.ConsoleBackend"
SUZ_TELEPHONY_BACKEND_OPTIONS = {}
# The number customers see when the system calls them (the site's number, in E.164), never a manager's own.
SUZ_TELEPHONY_CALLER_ID = ""
# How often the order card asks for a call's state while it is in progress (seconds).
SUZ_TELEPHONY_POLL_SECONDS = 2

# The robot's confirmation call (docs/robot-call.md). When the robot calls the customer: after a dealer takes the
# order ("claimed"), or also right after placement ("placed").
SUZ_ROBOT_CALL_ON = ("claimed",)
# Calls without an answer (no answer, busy, failed, hung up before a key): tried again this many times, this many
# minutes apart; then the dealer's managers are told.
SUZ_ROBOT_RETRIES = 2
SUZ_ROBOT_RETRY_MINUTES = 15
# What the robot says: a Django template (speech, not HTML: nothing is escaped). Its variables and filters are
# listed in suz_oscar/telephony/speech.py; `manage.py check` refuses one that does not compile.
SUZ_ROBOT_SCRIPT = (
    "Здравствуйте! {% if shop %}Это {{ shop }}. {% endif %}"
    "Вы оформили заказ номер {{ order_number }}: {{ items }}. Итого {{ total }}. "
    "{% if dealer %}Заказ принял дилер {{ dealer }}"
    "{% if manager %}, ваш менеджер — {{ manager }}{% endif %}. {% endif %}"
    "Чтобы подтвердить заказ, нажмите {{ confirm_key }}. "
    "Чтобы {% if manager %}поговорить с менеджером{% else %}с вами связались{% endif %}, нажмите {{ manager_key }}."
)
# Opening phrases of product titles and how they agree with a number: gender ("m", "f", "n"), the forms after
# 1, 2–4 and 5+, and optionally the accusative singular. A line «Стеновая панель «Норд», графит» × 2 is read
# «две стеновые панели «Норд», графит»; a title that opens with none of them is read with SUZ_ROBOT_UNIT.
SUZ_ROBOT_NOUNS = {}
SUZ_ROBOT_UNIT = ("f", "штука", "штуки", "штук", "штуку")
# The synthesiser (a path or a name on PATH; None: text only), its voice and speed (words a minute).
SUZ_ROBOT_ESPEAK = "espeak-ng"
SUZ_ROBOT_VOICE = "ru"
SUZ_ROBOT_SPEED = 150

# Feedback. A survey goes to the customer when an order closes (completed, failed or cancelled); its link works
# this many days and once. A score of at least SUZ_REVIEW_MIN_SCORE asks for a public review (staff publish it).
# Staff are alerted once about a complaint nobody answered within SUZ_COMPLAINT_SLA_HOURS (None: never).
SUZ_SURVEY_AFTER_CLOSE = True
SUZ_SURVEY_LINK_DAYS = 30
# The customer card shows a page of this many latest entries of the customer's timeline (older ones page by page,
# «Показать более ранние записи»), and the newest SUZ_CUSTOMER_CARD_ORDERS orders («Показать все заказы»: all).
SUZ_CUSTOMER_TIMELINE_ENTRIES = 200
SUZ_CUSTOMER_CARD_ORDERS = 20
SUZ_REVIEW_MIN_SCORE = 4
SUZ_COMPLAINT_SLA_HOURS = 24

# The customer's order link (a guest's page, sent by SMS and email): each link works this many days from the
# message that carried it; staff can revoke every link of an order at once. A customer whose link no longer
# works asks for a new one by the order's phone, at most once per SUZ_ORDER_LINK_RESEND_MINUTES.
SUZ_ORDER_LINK_DAYS = 60
# The site's address in messages written outside a request (a stage opening, a sweep, a command): None for
# OSCAR_URL_SCHEMA on the current Site's domain; "http://127.0.0.1:8000" for the demo.
SUZ_SITE_URL = None
SUZ_ORDER_LINK_RESEND_MINUTES = 5
