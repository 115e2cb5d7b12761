"""URLs of django-suz: ``path("", include("suz_oscar.urls"))`` beside Oscar's (none of these paths is Oscar's).

Where django-suz changes one of Oscar's pages (the catalogue, search, basket add, the dashboard's index,
order list and partners, checkout), Oscar keeps serving its URL and our class loader gives it our view.
"""

from django.apps import apps
from django.urls import include, path, re_path

from .dashboard.views import after_login
from .dealers.views import InvitationView
from .storefront.account import NotificationSettingsView
from .storefront.feedback import ComplaintView, ReviewView, SurveyView
from .storefront.orders import (
    LinkRequestView,
    OrderCancelView,
    OrderChangeView,
    OrderChannelsView,
    OrderMessageView,
    OrderStatusView,
)
from .storefront.views import CitySearchView, CitySetView, DealerMapView
from .telephony.views import WebhookView

urlpatterns = [
    path("welcome/", after_login, name="suz-after-login"),
    path("city/", CitySetView.as_view(), name="suz-city-set"),
    # A manager invitation's link: outside the dashboard, the invitee has no access yet.
    path("dealer-invitation/<str:token>/", InvitationView.as_view(), name="suz-invitation"),
    path("city/search/", CitySearchView.as_view(), name="suz-city-search"),
    # «Где купить»: dealers and outlets for the map pages (JSON, the same for every visitor).
    path("dealers/map.json", DealerMapView.as_view(), name="suz-dealer-map"),
    # A guest's order page by its signed link (Oscar's asks for an email a guest may never have given).
    re_path(r"^order/(?P<number>[\w-]{1,128})/(?P<hash>[\w:=-]{1,200})/$", OrderStatusView.as_view(),
            name="suz-order-status"),
    re_path(r"^order/(?P<number>[\w-]{1,128})/(?P<hash>[\w:=-]{1,200})/message/$", OrderMessageView.as_view(),
            name="suz-order-message"),
    re_path(r"^order/(?P<number>[\w-]{1,128})/(?P<hash>[\w:=-]{1,200})/cancel/$", OrderCancelView.as_view(),
            name="suz-order-cancel"),
    re_path(r"^order/(?P<number>[\w-]{1,128})/(?P<hash>[\w:=-]{1,200})/change/$", OrderChangeView.as_view(),
            name="suz-order-change"),
    re_path(r"^order/(?P<number>[\w-]{1,128})/(?P<hash>[\w:=-]{1,200})/channels/$", OrderChannelsView.as_view(),
            name="suz-order-channels"),
    # A guest whose link no longer works asks for a new one (sent to the order's phone and email).
    path("order/new-link/", LinkRequestView.as_view(), name="suz-order-link-request"),
    # A registered customer's notification settings (a tab of Oscar's account).
    path("account/notification-settings/", NotificationSettingsView.as_view(), name="suz-account-notifications"),
    # Feedback: the survey's signed one-use link, the review after it, a complaint from the order's page.
    re_path(r"^survey/(?P<token>[\w:=-]{1,200})/$", SurveyView.as_view(), name="suz-survey"),
    re_path(r"^survey/(?P<token>[\w:=-]{1,200})/review/$", ReviewView.as_view(), name="suz-survey-review"),
    re_path(r"^order/(?P<number>[\w-]{1,128})/(?P<hash>[\w:=-]{1,200})/complaint/$", ComplaintView.as_view(),
            name="suz-order-complaint"),
    path(
        "dashboard/feedback/",
        include((apps.get_app_config("suz_feedback_dashboard").urls[0], "suz_feedback_dashboard")),
    ),
    path(
        "dashboard/dealers/",
        include((apps.get_app_config("suz_dealers_dashboard").urls[0], "suz_dashboard")),
    ),
    path(
        "dashboard/inbox/",
        include((apps.get_app_config("suz_dispatch_dashboard").urls[0], "suz_dispatch_dashboard")),
    ),
    path(
        "dashboard/scoring/",
        include((apps.get_app_config("suz_scoring_dashboard").urls[0], "suz_scoring_dashboard")),
    ),
    path(
        "dashboard/analytics/",
        include((apps.get_app_config("suz_analytics_dashboard").urls[0], "suz_analytics_dashboard")),
    ),
    path(
        "dashboard/notifications/",
        include((apps.get_app_config("suz_notifications_dashboard").urls[0], "suz_notifications_dashboard")),
    ),
    # Telephony providers post call events here (the configured provider only; signature checked).
    path("telephony/webhook/<slug:provider>/", WebhookView.as_view(), name="suz-telephony-webhook"),
    path("telephony/webhook/<slug:provider>/<path:event>", WebhookView.as_view(), name="suz-telephony-webhook-event"),
    path(
        "dashboard/calls/",
        include((apps.get_app_config("suz_telephony_dashboard").urls[0], "suz_telephony_dashboard")),
    ),
    path(
        "dashboard/regions/",
        include((apps.get_app_config("suz_geo_dashboard").urls[0], "suz_dashboard_geo")),
    ),
]
