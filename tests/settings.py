"""Test settings: the sandbox's, with fast hashing and Django's in-memory mail."""

from sandbox.settings import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

# Queued notifications stay in memory during tests (the worker is not running).
CELERY_BROKER_URL = "memory://"
SUZ_SITE_URL = None  # the default: https on the current Site (the sandbox points at the demo server)
SUZ_USE_BROKER = True  # queueing is tested; the autouse fixture marks the broker down for the other tests

# Notifications' SMS stay in memory (suz_oscar.notifications.backends.sms.outbox).
SUZ_NOTIFICATION_BACKENDS = {
    "email": "suz_oscar.notifications.backends.email.EmailBackend",
    "sms": "suz_oscar.notifications.backends.sms.LocmemBackend",
    "site": "suz_oscar.notifications.backends.site.SiteBackend",
}

# Calls stay in memory (suz_oscar.telephony.backends.locmem.LocmemBackend.started).
SUZ_TELEPHONY_BACKEND = "suz_oscar.telephony.backends.locmem.LocmemBackend"
SUZ_TELEPHONY_CALLER_ID = "+74950000000"
# The robot calls only in the tests of the robot (tests/test_robot_call.py switches it on).
SUZ_ROBOT_CALL_ON = ()
