class DealerError(Exception):
    """A dealer operation that cannot be done; the message is translated for the user."""


class ManagerInviteError(DealerError):
    pass
