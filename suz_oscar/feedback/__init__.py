"""Feedback: surveys after every closed order, reviews, complaints that always reach the manufacturer.
(Being built; ``scoring.services.record_survey`` is ready for it.) See docs/architecture.md."""
