"""Notifications: event types × channels (email, SMS, on-site) with each user's preferences, written to an
outbox in the event's transaction and delivered by Celery. (Being built; today dispatch and scoring send
their emails through ``suz_oscar.core.mail``.) See docs/architecture.md."""
