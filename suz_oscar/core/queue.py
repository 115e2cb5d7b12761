"""Queueing Celery tasks from a request without ever making the customer wait for the broker.

A broker that is down refuses at once; one that accepts the connection and never answers (a stuck Redis,
a full disk, a half-open connection through a firewall) would hold the request until the socket gives up,
minutes later. So a task is published from a short-lived thread that the request waits for at most
``SUZ_BROKER_TIMEOUT`` seconds; after a failure or a timeout the broker is left alone for
``SUZ_BROKER_RETRY_AFTER`` seconds. Nothing is lost either way: what is queued here is only a nudge, and
the beat sweeps find the same work in the database (dispatch stages to announce, and later the outbox).
"""

import logging
import threading
import time

from suz_oscar.core.conf import suz_settings

logger = logging.getLogger("suz.queue")

_lock = threading.Lock()
_broker_down_until = 0.0


def broker_available():
    """Whether to hand work to Celery: the site runs workers (``SUZ_USE_BROKER``) and the broker has not failed
    lately. Otherwise the work is done after the request, in its process (the demo without a worker)."""
    return suz_settings.SUZ_USE_BROKER and time.monotonic() >= _broker_down_until


def _trip(reason, exc_info=None):
    global _broker_down_until
    with _lock:
        _broker_down_until = time.monotonic() + suz_settings.SUZ_BROKER_RETRY_AFTER
    logger.warning("Celery broker %s; leaving it alone for %ss, the sweeps will catch up", reason,
                   suz_settings.SUZ_BROKER_RETRY_AFTER, exc_info=exc_info)


def mark_unavailable():
    """Treat the broker as down until ``reset()`` (tests that run as a site without a worker)."""
    global _broker_down_until
    with _lock:
        _broker_down_until = float("inf")


def reset():
    """Forget a past failure (tests; an operator who fixed the broker need not wait)."""
    global _broker_down_until
    with _lock:
        _broker_down_until = 0.0


def enqueue(task, *, args=(), eta=None):
    """``task.apply_async(args, eta=eta)`` within ``SUZ_BROKER_TIMEOUT`` seconds, or not at all.

    ``task`` is a task or a task's name. Returns whether the task was handed to the broker. Never raises.
    """
    if not broker_available():
        return False
    outcome = {}

    def publish():
        try:
            if isinstance(task, str):
                from celery import current_app

                current_app.send_task(task, args, eta=eta, retry=False)
            else:
                task.apply_async(args, eta=eta, retry=False)
        except Exception as exc:  # kombu and redis raise many kinds
            outcome["error"] = exc
        else:
            outcome["ok"] = True

    thread = threading.Thread(target=publish, name="suz-enqueue", daemon=True)
    thread.start()
    thread.join(suz_settings.SUZ_BROKER_TIMEOUT)
    if outcome.get("ok"):
        return True
    if "error" in outcome:
        _trip("refused a task", exc_info=outcome["error"])
    else:
        _trip(f"did not answer within {suz_settings.SUZ_BROKER_TIMEOUT}s")
    return False


def run_later(task, *, args=(), inline):
    """Hand ``task`` to a worker; when the broker cannot take it, run ``inline()`` here instead.

    For work that must happen once and is cheap to do in the request if need be (an email to staff): a worker
    when there is one, never lost when there is none.
    """
    if not enqueue(task, args=args):
        inline()
