"""Translations of the customer card's paged timeline and the checkout map that follows the city."""

RU = {
    # The customer card pages back through the timeline
    "Show earlier entries": "Показать более ранние записи",
    "Back to the latest entries": "К последним записям",
    "The link to earlier entries is broken: the latest entries are shown.":
        "Ссылка на более ранние записи испорчена: показаны последние записи.",
    ("Show all %(n)s order", "Show all %(n)s orders"):
        ("Показать все %(n)s заказ", "Показать все %(n)s заказа", "Показать все %(n)s заказов",
         "Показать все %(n)s заказа"),
}
