from dataclasses import dataclass


class DeliveryError(Exception):
    """The provider refused or did not answer: try again later."""


@dataclass
class Message:
    to: str  # an email address, a phone number in E.164 (+79161234567) or "user:<id>" on the site
    subject: str
    body: str
    user: object = None  # the recipient's account, if any
    sensitive: bool = False


class BaseBackend:
    def __init__(self, fail_silently=False, **kwargs):
        self.fail_silently = fail_silently

    def send_messages(self, messages: list[Message]) -> int:
        raise NotImplementedError
