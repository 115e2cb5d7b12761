class FeedbackError(Exception):
    """A feedback action refused, with a message for the user."""
