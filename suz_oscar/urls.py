"""URLs of django-suz. Include them before Oscar's: ``path("", include("suz_oscar.urls"))``."""

from django.apps import apps
from django.urls import include, path, re_path
from django.views.generic import RedirectView

from .dashboard.views import after_login, dashboard_index
from .dealers.views import InvitationView
from .storefront.orders import OrderStatusView
from .storefront.views import CategoryView, CitySearchView, CitySetView, ProductListView, SearchView, basket_add

urlpatterns = [
    # Answers /dashboard/ before Oscar does. Named "index" like Oscar's pattern:
    # Oscar's menu resolves the URL and looks its permissions up by that name.
    path("dashboard/", dashboard_index, name="index"),
    # One order list for staff: Oscar's (which knows nothing of dispatch) leads to ours.
    path("dashboard/orders/", RedirectView.as_view(pattern_name="suz_dispatch_dashboard:suz-inbox", query_string=True),
         name="suz-oscar-order-list"),
    # Partners are dealers: staff manage them in the dealer registry. Oscar's partner pages would link a user
    # to a second dealer (each manager works for one) or delete a partner with its dealer.
    re_path(r"^dashboard/partners/", RedirectView.as_view(pattern_name="suz_dashboard:suz-dealer-list"),
            name="suz-oscar-partners"),
    path("welcome/", after_login, name="suz-after-login"),
    path("city/", CitySetView.as_view(), name="suz-city-set"),
    # A manager invitation's link: outside the dashboard, the invitee has no access yet.
    path("dealer-invitation/<str:token>/", InvitationView.as_view(), name="suz-invitation"),
    path("city/search/", CitySearchView.as_view(), name="suz-city-search"),
    # A guest's order page by its signed link (Oscar's asks for an email a guest may never have given).
    re_path(r"^order/(?P<number>[\w-]{1,128})/(?P<hash>[\w:=-]{1,200})/$", OrderStatusView.as_view(),
            name="suz-order-status"),
    # Answers Oscar's add-to-basket URL first: a whole-line offer becomes a stock record.
    path("basket/add/<int:pk>/", basket_add, name="suz-basket-add"),
    # Answer Oscar's catalogue URLs with regional, fixed-query listings.
    path("catalogue/", ProductListView.as_view(), name="suz-catalogue"),
    path("search/", SearchView.as_view(), name="suz-search"),
    re_path(
        r"^catalogue/category/(?P<category_slug>[\w-]+(/[\w-]+)*)_(?P<pk>\d+)/$",
        CategoryView.as_view(),
        name="suz-catalogue-category",
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
        "dashboard/regions/",
        include((apps.get_app_config("suz_geo_dashboard").urls[0], "suz_dashboard_geo")),
    ),
]
