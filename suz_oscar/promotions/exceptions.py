class PromotionError(Exception):
    """A dealer cannot join or leave this promotion (the message says why, translated)."""
