"""Emails of dealer scoring: a warning below the first threshold, exclusion below the second."""

from suz_oscar.dispatch.notifications import email_staff, manager_emails, render_email


def _email_dealer(name, context, dealer):
    from django.core.mail import send_mail

    recipients = manager_emails(dealer)
    if recipients:
        subject, body = render_email(name, context, folder="scoring")
        send_mail(subject, body, None, recipients)


def warn_dealer(dealer, threshold):
    _email_dealer("rating_warning", {"dealer": dealer, "threshold": threshold}, dealer)


def tell_excluded(dealer, threshold):
    context = {"dealer": dealer, "threshold": threshold}
    _email_dealer("excluded", context, dealer)
    email_staff("excluded_staff", context, folder="scoring")
