class DealerError(Exception):
    """A dealer operation that cannot be done; the message is translated for the user."""


class InvitationError(DealerError):
    """An invitation that cannot be used (``code`` says why; see ``services.INVITATION_PROBLEMS``)."""

    def __init__(self, code, message=""):
        super().__init__(message or code)
        self.code = code


class TerritoryError(DealerError):
    pass


class AdoptionError(DealerError):
    """Partners that cannot be adopted as asked (no territory, an unknown partner)."""
