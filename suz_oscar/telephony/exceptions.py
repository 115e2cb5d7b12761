class TelephonyError(Exception):
    """A call cannot be made; the message is for the manager (translated)."""


class ProviderUnavailable(TelephonyError):
    """The provider did not answer or refused the call: the call is left «failed to start»."""


class BadWebhook(Exception):
    """A provider's webhook request is malformed or its signature is wrong: answer 400, change nothing."""
