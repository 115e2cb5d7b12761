from oscar.core.loading import is_model_registered

from .abstract_models import (
    AbstractCity,
    AbstractDealer,
    AbstractInvitation,
    AbstractOutlet,
    AbstractRegion,
    AbstractTerritoryRequest,
)

__all__ = []

if not is_model_registered("suz_dealers", "Region"):

    class Region(AbstractRegion):
        pass

    __all__.append("Region")

if not is_model_registered("suz_dealers", "City"):

    class City(AbstractCity):
        pass

    __all__.append("City")

if not is_model_registered("suz_dealers", "Dealer"):

    class Dealer(AbstractDealer):
        pass

    __all__.append("Dealer")

if not is_model_registered("suz_dealers", "Outlet"):

    class Outlet(AbstractOutlet):
        pass

    __all__.append("Outlet")

if not is_model_registered("suz_dealers", "Invitation"):

    class Invitation(AbstractInvitation):
        pass

    __all__.append("Invitation")

if not is_model_registered("suz_dealers", "TerritoryRequest"):

    class TerritoryRequest(AbstractTerritoryRequest):
        pass

    __all__.append("TerritoryRequest")
