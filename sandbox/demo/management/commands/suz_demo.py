from django.core.management.base import BaseCommand
from django.db import transaction
from oscar.core.loading import get_model

from sandbox.demo.catalogue import ensure_catalogue
from sandbox.demo.feedback import ensure_feedback
from sandbox.demo.network import (
    ensure_decline_reasons,
    ensure_manager_names,
    ensure_network,
    ensure_offers,
    ensure_own_products,
    ensure_points,
    ensure_services,
    ensure_site,
    ensure_user,
)
from sandbox.demo.orders import ensure_orders
from sandbox.demo.pages import ensure_pages
from sandbox.demo.telephony import ensure_phone_lines, ensure_waiting_order
from suz_oscar.dealers.geo import load_reference_data

PASSWORD = "demo"
LOGINS = [
    ("admin@example.com", "staff (manufacturer): /dashboard/, /cms/, /django-admin/"),
    ("dealer1@example.com", "manager of «ПолиДекор Москва»: /dashboard/"),
    ("dealer2@example.com", "manager of «Отделка Плюс Москва» (same city): /dashboard/"),
    ("customer@example.com", "customer: the shop"),
]


class Command(BaseCommand):
    help = "Load the demo data of the sandbox (idempotent): catalogue, dealer network, logins."

    def add_arguments(self, parser):
        parser.add_argument("--dealers", type=int, default=120, help="Number of demo dealers (default 120).")
        parser.add_argument("--products", type=int, default=48, help="Number of product families (default 48).")
        parser.add_argument("--logins", action="store_true", help="Only print the demo logins.")

    def handle(self, *args, dealers, products, logins, **options):
        if not logins:
            with transaction.atomic():
                regions, cities = load_reference_data(
                    get_model("suz_dealers", "Region"), get_model("suz_dealers", "City")
                )
                made_products = ensure_catalogue(products)
                made_dealers = ensure_network(dealers)
                made_offers = ensure_offers() + ensure_services() + ensure_own_products()
                ensure_decline_reasons()
                ensure_site()
                ensure_pages()
                ensure_points()
                ensure_user("admin@example.com", password=PASSWORD, staff=True, name=("Ольга", "Кузнецова"))
                ensure_user("customer@example.com", password=PASSWORD)
                ensure_user("dealer1@example.com", password=PASSWORD, dealer_code="demo-001",
                            name=("Ирина", "Петрова"))
                ensure_user("dealer2@example.com", password=PASSWORD, dealer_code="demo-002",
                            name=("Алексей", "Соколов"))
                ensure_manager_names()
                ensure_phone_lines()
                made_orders = ensure_orders()
                ensure_feedback()
                ensure_waiting_order()  # last: the order for dealer1 to take, placed now
            self.stdout.write(
                f"Demo data: {made_products} new product families, {made_dealers} new dealers, "
                f"{made_offers} new offers, {made_orders} new orders with attribution and ad spend "
                f"({regions} regions and {cities} cities added)."
            )
        self.stdout.write("")
        self.stdout.write(f"Demo logins (password for all: {PASSWORD}) at http://127.0.0.1:8000/accounts/login/")
        for email, role in LOGINS:
            self.stdout.write(f"  {email:<24} {role}")
        self.stdout.write("")
