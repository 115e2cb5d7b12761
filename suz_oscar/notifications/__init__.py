"""The notifications outbox: event types, one row per (event, recipient, channel), delivery by Celery workers.

See docs/architecture.md («Notifications») for how the domain below writes rows without importing this package.
"""
