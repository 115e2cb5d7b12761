"""The ``home`` app every ``wagtail start`` project has, as a host next to django-suz."""
