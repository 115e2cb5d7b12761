"""Translations of sales analytics, second part (issue 15): order facts, campaign ids, the spend file's own words."""

RU = {
    # Models
    "campaign id": "№ кампании",
    "order fact": "показатели заказа",
    "order facts": "показатели заказов",
    "stage that found the dealer": "этап, на котором нашёлся дилер",
    "first contact at": "первый контакт",
    "processed at": "обработан",
    "closed at": "время закрытия",
    "closed as": "итог",
    # Reports and the spend import
    "Campaign id": "№ кампании",
    "A campaign report by day as Yandex Direct or Google Ads export it: the columns Day, Campaign and Cost are "
    "found by their headers, and the campaign's id («№ кампании», Campaign ID) where the report has it: orders "
    "whose utm_campaign carries the id count for the campaign. Up to 20 MB.":
        "Отчёт по кампаниям по дням, как его выгружают Яндекс Директ или Google Ads: столбцы «День», «Кампания» и "
        "«Расход» находятся по заголовкам, а «№ кампании» (Campaign ID) — если он есть в отчёте: заказы, у которых "
        "в utm_campaign стоит номер кампании, засчитываются этой кампании. До 20 МБ.",
    "bad campaign id “%(value)s”: digits and Latin letters, at most 32":
        "неверный № кампании «%(value)s»: только цифры и латинские буквы, не больше 32",
    "Minutes of each step from the step before it; the first contact is the dealer’s first message to the "
    "customer, else the «processed» mark.":
        "Минуты каждого шага от предыдущего; первый контакт — первое сообщение дилера покупателю, а если его "
        "нет — отметка «обработан».",
    "Spend is matched to orders by the campaign’s name or id in their UTM tags (utm_campaign); region, city and "
    "dealer narrow the orders, not the spend.":
        "Расходы сопоставляются с заказами по названию или номеру кампании в UTM-метке (utm_campaign); регион, "
        "город и дилер сужают заказы, но не расходы.",
    # Reading uploaded tables (core.tabular)
    "The file cannot be read: it is damaged, or not a CSV or XLSX table. Save it again from your spreadsheet "
    "(as “CSV UTF-8” or XLSX) and upload it.":
        "Файл не удаётся прочитать: он повреждён или это не таблица CSV или XLSX. Сохраните его заново из "
        "табличного редактора (как «CSV UTF-8» или XLSX) и загрузите.",
    "The file unpacks to more than %(max)d MB: it is not a table we can read.":
        "В распакованном виде файл больше %(max)d МБ — такую таблицу не прочитать.",
}
