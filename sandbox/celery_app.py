"""The sandbox's Celery app: `celery -A sandbox.celery_app worker -B` with Redis (CELERY_BROKER_URL).

The demo runs without it: who sees an order comes from the stored plan, and
only the «new order» emails wait for the worker (the beat sweep catches up).
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "sandbox.settings")

app = Celery("sandbox")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()
