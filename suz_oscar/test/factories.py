"""factory_boy factories for django-suz models (needs the ``test`` extra)."""

import factory
from django.contrib.auth import get_user_model
from oscar.core.loading import get_model

from suz_oscar.dealers import services


class UserFactory(factory.django.DjangoModelFactory):
    email = factory.Sequence(lambda n: f"user{n}@example.com")
    username = factory.SelfAttribute("email")
    password = factory.django.Password("demo")

    class Meta:
        model = get_user_model()


class StaffFactory(UserFactory):
    is_staff = True


class RegionFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Область {n}")
    slug = factory.Sequence(lambda n: f"test-region-{n}")

    class Meta:
        model = get_model("suz_dealers", "Region")


class CityFactory(factory.django.DjangoModelFactory):
    region = factory.SubFactory(RegionFactory)
    name = factory.Sequence(lambda n: f"Город {n}")
    slug = factory.Sequence(lambda n: f"test-city-{n}")
    latitude = 55.75
    longitude = 37.62

    class Meta:
        model = get_model("suz_dealers", "City")


class PartnerFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Дилер {n}")
    code = factory.Sequence(lambda n: f"test-dealer-{n}")

    class Meta:
        model = get_model("partner", "Partner")


class DealerFactory(factory.django.DjangoModelFactory):
    partner = factory.SubFactory(PartnerFactory)
    legal_name = factory.LazyAttribute(lambda o: f"ООО «{o.partner.name}»")

    class Meta:
        model = get_model("suz_dealers", "Dealer")
        skip_postgeneration_save = True

    @factory.post_generation
    def regions(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.regions.set(extracted)

    @factory.post_generation
    def cities(obj, create, extracted, **kwargs):
        if create and extracted:
            obj.cities.set(extracted)


class OutletFactory(factory.django.DjangoModelFactory):
    dealer = factory.SubFactory(DealerFactory)
    city = factory.SubFactory(CityFactory)
    address = factory.Sequence(lambda n: f"ул. Ленина, д. {n}")

    class Meta:
        model = get_model("suz_dealers", "Outlet")


def create_manager(dealer, **kwargs):
    """A user who manages ``dealer`` (dashboard access to it only)."""
    user = UserFactory(**kwargs)
    services.manager_add(dealer=dealer, user=user)
    return user
