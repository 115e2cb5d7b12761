"""Translations of sales analytics (issue 15): attribution, the reports, the ad spend import."""

RU = {
    # Models
    "source": "источник",
    "medium": "тип трафика",
    "campaign": "кампания",
    "term": "ключевое слово",
    "content": "объявление",
    "landing page": "страница входа",
    "referrer": "сайт-источник перехода",
    "channel": "канал",
    "touched at": "время перехода",
    "placed at": "оформлен",
    "site searches before the order": "поисковые запросы на сайте до заказа",
    "Yandex Metrica ClientID": "ClientID Яндекс Метрики",
    "order attribution": "источник заказа",
    "day": "день",
    "platform": "рекламная система",
    "spend": "расход",
    "clicks": "клики",
    "impressions": "показы",
    "imported at": "загружено",
    "ad spend": "расходы на рекламу",
    "Sales analytics": "Аналитика продаж",
    "credited touch": "учитываемый переход",
    "daily sales": "продажи по дням",
    "Sales analytics dashboard": "Аналитика продаж (панель управления)",
    # Vocabulary
    "paid search": "платный поиск",
    "organic search": "поисковые системы",
    "social networks": "социальные сети",
    "referral": "переходы с сайтов",
    "direct": "прямые заходы",
    "unknown (placed outside the storefront)": "не определён (оформлен не через витрину)",
    "last non-direct touch": "последний значимый переход",
    "first touch": "первый переход",
    "search term": "ключевое слово",
    "week": "неделя",
    "month": "месяц",
    "hour of the day": "час дня",
    # Spend files
    "The file contains zero bytes (NUL) in row %(row)d.": "В строке %(row)d файла есть нулевые байты (NUL).",
    "No header row with the columns “Day”, “Campaign” and “Cost” (Яндекс Директ: «День», «Кампания», «Расход») "
    "in the first %(rows)d rows.":
        "В первых %(rows)d строках нет строки заголовков со столбцами «День», «Кампания» и «Расход» "
        "(Google Ads: «Day», «Campaign», «Cost»).",
    "bad date “%(value)s”": "неверная дата «%(value)s»",
    "no campaign": "не указана кампания",
    "campaign name “%(value)s” is too long or has control characters":
        "название кампании «%(value)s» слишком длинное или содержит управляющие символы",
    "bad cost “%(value)s”": "неверный расход «%(value)s»",
    "bad number “%(value)s”": "неверное число «%(value)s»",
    "the campaign and day repeat row %(row)d": "кампания и день повторяют строку %(row)d",
    # System check
    "The attribution middleware is missing: orders are not attributed to channels, sources and campaigns, and "
    "the sales reports show them all as «unknown».":
        "Не подключён middleware источников заказов: заказы не связываются с каналами, источниками и "
        "кампаниями, и в отчётах о продажах все они попадают в «не определён».",
    "Add '%(path)s' to MIDDLEWARE after SessionMiddleware.":
        "Добавьте '%(path)s' в MIDDLEWARE после SessionMiddleware.",
    "The attribution middleware runs before SessionMiddleware: it cannot keep the visitor's touches.":
        "Middleware источников заказов стоит раньше SessionMiddleware: он не может сохранить переходы посетителя.",
    "Move '%(path)s' after SessionMiddleware.": "Переместите '%(path)s' после SessionMiddleware.",
    # Filters
    "Orders from": "Заказы с",
    ("period", "to"): "по",
    "All cities": "Все города",
    "Channel": "Канал",
    "All channels": "Все каналы",
    "Source": "Источник",
    "Campaign": "Кампания",
    "Credit": "Учитывать",
    "Give a date between 2000 and 2100.": "Укажите дату между 2000 и 2100 годом.",
    "The end of the period is before its start.": "Конец периода раньше его начала.",
    "The period is longer than three years: shorten it.": "Период длиннее трёх лет: сократите его.",
    "The value contains zero bytes (NUL).": "Значение содержит нулевые байты (NUL).",
    "Rows": "Строки",
    "dispatch stage that found the dealer": "этап распределения, на котором нашёлся дилер",
    "Spend file (CSV or XLSX)": "Файл расходов (CSV или XLSX)",
    "A campaign report by day as Yandex Direct or Google Ads export it: the columns Day, Campaign and Cost are "
    "found by their headers. Up to 20 MB.":
        "Отчёт по кампаниям по дням в том виде, в каком его выгружает Яндекс Директ или Google Ads: столбцы "
        "«День», «Кампания» и «Расход» находятся по заголовкам. До 20 МБ.",
    # Reports
    "Sales": "Продажи",
    "Funnel": "Воронка",
    "Refusals": "Отказы",
    "Advertising": "Реклама",
    "(not set)": "(не задано)",
    "Earned, ₽": "Заработано, ₽",
    "Conversion to completed": "Конверсия в выполненные",
    "other orders": "остальные заказы",
    "not claimed yet": "ещё не взят",
    "every dealer (no stage of its own)": "все дилеры (без отдельного этапа)",
    "claimed": "взят",
    "first contact": "первый контакт",
    "processed": "обработан",
    "closed": "закрыт",
    "%(step)s: orders": "%(step)s: заказов",
    "%(step)s: median, min": "%(step)s: медиана, мин",
    "%(step)s: 90%%, min": "%(step)s: 90%%, мин",
    "to claim, median, min": "до взятия, медиана, мин",
    "to claim, 90%, min": "до взятия, 90%, мин",
    "claim to first contact, median, min": "от взятия до первого контакта, медиана, мин",
    "not given": "не указано",
    "no reason given": "причина не указана",
    "Outcome": "Итог",
    "Whose fault": "Чья вина",
    "Share of refusals": "Доля среди отказов",
    "Share of all orders": "Доля от всех заказов",
    "Platform": "Рекламная система",
    "Spend, ₽": "Расход, ₽",
    "Clicks": "Клики",
    "Cost per completed order, ₽": "Стоимость выполненного заказа, ₽",
    "ROMI": "ROMI",
    "earned": "заработано",
    ("%(platform)s: %(rows)d row imported (%(created)d new, %(updated)d replaced).",
     "%(platform)s: %(rows)d rows imported (%(created)d new, %(updated)d replaced)."): (
        "%(platform)s: загружена %(rows)d строка (новых: %(created)d, заменено: %(updated)d).",
        "%(platform)s: загружено %(rows)d строки (новых: %(created)d, заменено: %(updated)d).",
        "%(platform)s: загружено %(rows)d строк (новых: %(created)d, заменено: %(updated)d).",
        "%(platform)s: загружено %(rows)d строки (новых: %(created)d, заменено: %(updated)d).",
    ),
    "Import ad spend": "Загрузить расходы на рекламу",
    "Analytics": "Аналитика",
    "Correct the filters to see the report.": "Исправьте фильтры, чтобы увидеть отчёт.",
    "Orders placed from %(start)s to %(end)s.": "Заказы, оформленные с %(start)s по %(end)s.",
    "«Earned» is the total of completed orders.": "«Заработано» — сумма выполненных заказов.",
    "Minutes of each step from the step before it; the first contact is the «processed» mark until calls and "
    "messages are recorded.":
        "Минуты каждого шага от предыдущего; первый контакт — отметка «обработан», пока звонки и сообщения "
        "не записываются.",
    "Spend is matched to orders by the campaign name in their UTM tags (utm_campaign); region, city and dealer "
    "narrow the orders, not the spend.":
        "Расходы сопоставляются с заказами по названию кампании в UTM-метке (utm_campaign); регион, город и "
        "дилер сужают заказы, но не расходы.",
    "No orders match the filters.": "Нет заказов, подходящих под фильтры.",
    "Download CSV": "Скачать CSV",
    "Download XLSX": "Скачать XLSX",
    "The file was not imported: correct these rows and upload it again.":
        "Файл не загружен: исправьте эти строки и загрузите его снова.",
    "Row %(row)s": "Строка %(row)s",
    "Import": "Загрузить",
    # Offline conversions
    "Google Analytics client id": "идентификатор клиента Google Analytics",
    "Choose the Metrica or the GA4 format, with valid filters.":
        "Выберите формат Метрики или GA4 и укажите правильные фильтры.",
    "Offline conversions for Metrica (CSV)": "Офлайн-конверсии для Метрики (CSV)",
    "Offline conversions for GA4 (Measurement Protocol)": "Офлайн-конверсии для GA4 (Measurement Protocol)",
}
