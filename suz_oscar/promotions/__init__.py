"""Promotions (F13): the manufacturer runs them, dealers join them, the storefront prices joined offers by them."""
