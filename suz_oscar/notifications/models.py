from oscar.core.loading import is_model_registered

from .abstract_models import AbstractComment, AbstractContact, AbstractOutboxMessage, AbstractPreference

__all__ = []

if not is_model_registered("suz_notifications", "OutboxMessage"):

    class OutboxMessage(AbstractOutboxMessage):
        pass

    __all__.append("OutboxMessage")

if not is_model_registered("suz_notifications", "Preference"):

    class Preference(AbstractPreference):
        pass

    __all__.append("Preference")

if not is_model_registered("suz_notifications", "Contact"):

    class Contact(AbstractContact):
        pass

    __all__.append("Contact")

if not is_model_registered("suz_notifications", "Comment"):

    class Comment(AbstractComment):
        pass

    __all__.append("Comment")
