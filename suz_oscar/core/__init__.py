"""Small helpers shared by django-suz's apps (no models, no app config)."""
