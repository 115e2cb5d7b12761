class DispatchError(Exception):
    """A dispatch action that cannot be done; the message is translated for the user."""


class AlreadyTaken(DispatchError):
    pass
