"""Emails of dealer scoring: a warning below the first threshold, exclusion below the second."""

from suz_oscar.core.mail import email_staff, send_email
from suz_oscar.dealers.selectors import manager_addresses


def warn_dealer(dealer, threshold):
    send_email("suz/scoring/emails/rating_warning", {"dealer": dealer, "threshold": threshold},
               manager_addresses(dealer))


def tell_excluded(dealer, threshold):
    context = {"dealer": dealer, "threshold": threshold}
    send_email("suz/scoring/emails/excluded", context, manager_addresses(dealer))
    email_staff("suz/scoring/emails/excluded_staff", context)
