"""Translations of adopting a shop's existing partners as dealers and of the recommended prices' screens."""

RU = {
    # Adopting partners: the dashboard
    "Partners": "Партнёры",
    "Partner": "Партнёр",
    "Code": "Код",
    "Stock records": "Товарные позиции",
    "Users": "Пользователи",
    "The shop's partners": "Партнёры магазина",
    "Choose the partners to adopt.": "Отметьте партнёров, которых нужно сделать дилерами.",
    "The new dealers serve every city of these regions.": "Новые дилеры обслуживают все города этих регионов.",
    "Choose at least one region or city for the new dealers to serve.":
        "Выберите хотя бы один регион или город, который будут обслуживать новые дилеры.",
    ("%(count)d partner is now a dealer: its stock records are its offers.",
     "%(count)d partners are now dealers: their stock records are their offers."): (
        "%(count)d партнёр стал дилером: его товарные позиции стали его предложениями.",
        "%(count)d партнёра стали дилерами: их товарные позиции стали их предложениями.",
        "%(count)d партнёров стали дилерами: их товарные позиции стали их предложениями.",
        "%(count)d партнёра стали дилерами: их товарные позиции стали их предложениями.",
    ),
    "These partners of the shop are not dealers yet, so nobody sees their stock priced: the storefront prices a "
    "product only from the dealers serving the visitor's city. Adopt them as dealers for the regions and cities "
    "they serve; their stock records become their offers as they are, and their users become the dealers' "
    "managers.":
        "Эти партнёры магазина ещё не дилеры, поэтому их товары никому не показываются с ценой: витрина берёт цену "
        "только у дилеров, обслуживающих город посетителя. Сделайте их дилерами в тех регионах и городах, где они "
        "работают: их товарные позиции без изменений станут их предложениями, а их пользователи — менеджерами "
        "дилеров.",
    "Every partner of the shop is a dealer already.": "Все партнёры магазина уже дилеры.",
    "These users belong to several partners; a manager works for one dealer and will see only one of them:":
        "Эти пользователи привязаны к нескольким партнёрам; менеджер работает с одним дилером и увидит только "
        "одного из них:",
    "Where the new dealers serve": "Где будут работать новые дилеры",
    "Adopt the chosen partners as dealers": "Сделать отмеченных партнёров дилерами",
    "The same from the command line: <code>manage.py suz_adopt_partners --region RU-MOW --dry-run</code>. Products "
    "priced by nobody can also get a recommended price, which dealers follow:":
        "То же из командной строки: <code>manage.py suz_adopt_partners --region RU-MOW --dry-run</code>. Товарам, "
        "которым никто не назначил цену, можно задать рекомендованную цену — дилеры продают по ней:",
    # Adopting partners: the command
    "Unknown region: %(values)s. Give a slug, an ISO code (RU-MOW) or an id.":
        "Неизвестный регион: %(values)s. Укажите слаг, код ISO (RU-MOW) или id.",
    "Unknown city: %(values)s. Give a slug or an id.": "Неизвестный город: %(values)s. Укажите слаг или id.",
    "Unknown partner: %(values)s. Give its code or id.": "Неизвестный партнёр: %(values)s. Укажите его код или id.",
    "«%(name)s» is a dealer already: left as it is.": "«%(name)s» уже дилер: оставлен как есть.",
    "No partner to adopt: every partner is a dealer already. Nothing was changed.":
        "Некого делать дилером: все партнёры уже дилеры. Ничего не изменено.",
    ("«%(name)s» (%(code)s): %(count)d stock record becomes its offers",
     "«%(name)s» (%(code)s): %(count)d stock records become its offers"): (
        "«%(name)s» (%(code)s): %(count)d товарная позиция становится его предложением",
        "«%(name)s» (%(code)s): %(count)d товарные позиции становятся его предложениями",
        "«%(name)s» (%(code)s): %(count)d товарных позиций становятся его предложениями",
        "«%(name)s» (%(code)s): %(count)d товарной позиции становятся его предложениями",
    ),
    "%(email)s is a user of several partners: as a manager they will see one dealer only.":
        "%(email)s привязан к нескольким партнёрам: как менеджер он увидит только одного дилера.",
    ("%(count)d partner would become a dealer serving: %(territory)s. Nothing was changed (--dry-run).",
     "%(count)d partners would become dealers serving: %(territory)s. Nothing was changed (--dry-run)."): (
        "%(count)d партнёр стал бы дилером, обслуживающим: %(territory)s. Ничего не изменено (--dry-run).",
        "%(count)d партнёра стали бы дилерами, обслуживающими: %(territory)s. Ничего не изменено (--dry-run).",
        "%(count)d партнёров стали бы дилерами, обслуживающими: %(territory)s. Ничего не изменено (--dry-run).",
        "%(count)d партнёра стали бы дилерами, обслуживающими: %(territory)s. Ничего не изменено (--dry-run).",
    ),
    ("%(count)d partner is now a dealer serving: %(territory)s.",
     "%(count)d partners are now dealers serving: %(territory)s."): (
        "%(count)d партнёр стал дилером, обслуживающим: %(territory)s.",
        "%(count)d партнёра стали дилерами, обслуживающими: %(territory)s.",
        "%(count)d партнёров стали дилерами, обслуживающими: %(territory)s.",
        "%(count)d партнёра стали дилерами, обслуживающими: %(territory)s.",
    ),
    # Recommended prices: the product form
    "Dealers who set no price of their own, and those offering the whole line, sell at this price. Empty: no "
    "recommended price.":
        "По этой цене продают дилеры, не указавшие свою цену, и дилеры со всей линейкой в наличии. Пусто — "
        "рекомендованной цены нет.",
    "A product with variants has no recommended price of its own: set it on each variant.":
        "У товара с вариантами нет собственной рекомендованной цены: укажите её для каждого варианта.",
    "Only the manufacturer's products without variants, and variants, have a recommended price; nothing was "
    "changed.":
        "Рекомендованная цена бывает только у товаров производителя без вариантов и у самих вариантов; ничего не "
        "изменено.",
    # Recommended prices: files and the dashboard
    "Recommended prices": "Рекомендованные цены",
    "Checked rows: product and recommended price.": "Проверенные строки: товар и рекомендованная цена.",
    "recommended price file": "файл рекомендованных цен",
    "recommended price files": "файлы рекомендованных цен",
    "File of recommended prices (CSV or XLSX)": "Файл рекомендованных цен (CSV или XLSX)",
    "The file has no “Recommended price” column (Рекомендованная цена).":
        "В файле нет столбца «Рекомендованная цена» (Recommended price).",
    "Take the prices of": "Взять цены",
    "every partner (the median price)": "всех партнёров (медиана)",
    "Replace recommended prices already set": "Заменить уже заданные рекомендованные цены",
    "Nothing was changed: choose a partner from the list.": "Ничего не изменено: выберите партнёра из списка.",
    "Recommended prices from the stock records: %(created)d new, %(updated)d changed, %(kept)d kept as they were.":
        "Рекомендованные цены из товарных позиций: новых — %(created)d, изменено — %(updated)d, оставлено как "
        "было — %(kept)d.",
    "Stock records in another currency than %(currency)s were not used: %(count)d.":
        "Не использованы товарные позиции в валюте, отличной от %(currency)s: %(count)d.",
    "Recommended prices applied: %(created)d new, %(updated)d changed, %(removed)d removed.":
        "Рекомендованные цены применены: новых — %(created)d, изменено — %(updated)d, удалено — %(removed)d.",
    "Applying it: %(created)s new, %(updated)s changed, %(removed)s removed, %(unchanged)s unchanged.":
        "После применения: новых — %(created)s, изменится — %(updated)s, удалится — %(removed)s, без изменений — "
        "%(unchanged)s.",
    "%(priced)s of %(total)s products have a recommended price. Dealers who set no price of their own, and those "
    "offering the whole line, sell at it; a single product's price is set in its form in the catalogue.":
        "Рекомендованная цена задана у %(priced)s из %(total)s товаров. По ней продают дилеры, не указавшие свою "
        "цену, и дилеры со всей линейкой в наличии; цену одного товара можно задать в его карточке в каталоге.",
    "Upload a file of recommended prices": "Загрузить файл рекомендованных цен",
    "Columns: SKU, Title (not read), Recommended price (empty: no recommended price). Only the products listed "
    "in the file change. The simplest start is the export: download it, change it, upload it.":
        "Столбцы: Артикул, Название (не читается), Рекомендованная цена (пусто — без рекомендованной цены). "
        "Меняются только товары, перечисленные в файле. Проще всего начать с выгрузки: скачайте её, исправьте и "
        "загрузите обратно.",
    "Up to %(rows)s rows and 20 MB. A price is greater than zero, with at most two decimal places.":
        "До %(rows)s строк и 20 МБ. Цена больше нуля, не более двух знаков после запятой.",
    "Download the recommended prices": "Скачать рекомендованные цены",
    "Take them from the shop's stock records": "Взять из товарных позиций магазина",
    "For a shop that had partners with prices before django-suz: each product gets the median of the partners' "
    "prices (or one partner's price). Products that have a recommended price keep it unless you tick the box.":
        "Для магазина, где до django-suz уже были партнёры с ценами: каждый товар получит медиану цен партнёров "
        "(или цену одного партнёра). Товары, у которых рекомендованная цена уже есть, сохранят её, если не "
        "отметить флажок.",
    "Take the prices": "Взять цены",
    # Recommended prices: the command
    "--partner and --overwrite go with --from-stock only.": "--partner и --overwrite работают только с --from-stock.",
    ("%(count)d product keeps the recommended price it has (--overwrite replaces it).",
     "%(count)d products keep the recommended price they have (--overwrite replaces it)."): (
        "%(count)d товар сохраняет свою рекомендованную цену (--overwrite её заменит).",
        "%(count)d товара сохраняют свою рекомендованную цену (--overwrite её заменит).",
        "%(count)d товаров сохраняют свою рекомендованную цену (--overwrite её заменит).",
        "%(count)d товара сохраняют свою рекомендованную цену (--overwrite её заменит).",
    ),
    ("%(count)d stock record is priced in another currency than %(currency)s and was not used.",
     "%(count)d stock records are priced in another currency than %(currency)s and were not used."): (
        "%(count)d товарная позиция с ценой не в %(currency)s не использована.",
        "%(count)d товарные позиции с ценой не в %(currency)s не использованы.",
        "%(count)d товарных позиций с ценой не в %(currency)s не использованы.",
        "%(count)d товарной позиции с ценой не в %(currency)s не использованы.",
    ),
    "Cannot read the file %(path)s: %(error)s": "Не удаётся прочитать файл %(path)s: %(error)s",
    "The file has errors; nothing was changed.": "В файле есть ошибки, ничего не изменено.",
    "Recommended prices: %(created)d new, %(updated)d changed, %(removed)d removed.":
        "Рекомендованные цены: новых — %(created)d, изменено — %(updated)d, удалено — %(removed)d.",
    "Nothing was changed (--dry-run).": "Ничего не изменено (--dry-run).",
}
