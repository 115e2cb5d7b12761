"""Translations of the offers hardening: own products' rich text, price bounds, price-file limits, exports."""

RU = {
    # Offers grid and bulk actions
    "The form came back damaged. Reload the page and try again.":
        "Форма пришла повреждённой. Обновите страницу и попробуйте ещё раз.",
    "This product is listed twice.": "Этот товар указан дважды.",
    "This product is not in your catalogue.": "Этого товара нет в вашем каталоге.",
    "Nothing was saved: %(error)s": "Ничего не сохранено: %(error)s",
    "Changed by %(percent)s%%, the price would be %(price)s: a price must be greater than zero.":
        "После изменения на %(percent)s%% цена стала бы %(price)s, а она должна быть больше нуля.",
    "Changed by %(percent)s%%, the price would exceed %(max)s.":
        "После изменения на %(percent)s%% цена превысила бы %(max)s.",
    "Nothing was changed: %(error)s Upload the file again.": "Ничего не изменено: %(error)s Загрузите файл ещё раз.",
    # Own products
    "Paragraphs, bold and italic, lists, headings, tables and links are kept; scripts, styles and other markup "
    "are removed.":
        "Сохраняются абзацы, жирный шрифт и курсив, списки, заголовки, таблицы и ссылки; скрипты, стили и другая "
        "разметка удаляются.",
    "The image is larger than 10 MB.": "Изображение больше 10 МБ.",
    ("Give the product a title of at most %(max)d character.",
     "Give the product a title of at most %(max)d characters."): (
        "Укажите название товара не длиннее %(max)d символа.",
        "Укажите название товара не длиннее %(max)d символов.",
        "Укажите название товара не длиннее %(max)d символов.",
        "Укажите название товара не длиннее %(max)d символа.",
    ),
    "Set a price: your own products have no recommended price.":
        "Укажите цену: у ваших собственных товаров нет рекомендованной.",
    # Services (whoever calls them)
    "The price must be greater than zero, at most %(max)s, with at most two decimal places.":
        "Цена должна быть больше нуля, не больше %(max)s и не более чем с двумя знаками после запятой.",
    "The quantity must be a whole number from 0 to %(max)s.": "Количество должно быть целым числом от 0 до %(max)s.",
    "Unknown product.": "Неизвестный товар.",
    "A product is listed twice.": "Товар указан дважды.",
    "Unknown availability.": "Неизвестное наличие.",
    "Some products are not in your catalogue; nothing was changed.":
        "Некоторых товаров нет в вашем каталоге, ничего не изменено.",
    # Price files
    "Up to %(rows)s rows and 20 MB. A price is greater than zero, with at most two decimal places; a quantity is "
    "a whole number.":
        "До %(rows)s строк и 20 МБ. Цена больше нуля, не более двух знаков после запятой; количество — целое число.",
    "The file name contains control characters (such as zero bytes). Rename the file and upload it again.":
        "В имени файла есть управляющие символы (например, нулевые байты). Переименуйте файл и загрузите его снова.",
    ("A line of the file is longer than %(max)d character.",
     "A line of the file is longer than %(max)d characters."): (
        "Строка файла длиннее %(max)d символа.",
        "Строка файла длиннее %(max)d символов.",
        "Строка файла длиннее %(max)d символов.",
        "Строка файла длиннее %(max)d символа.",
    ),
    "The file unpacks to more than %(max)d MB: it cannot be a price list.":
        "В распакованном виде файл больше %(max)d МБ — для прайс-листа это слишком много.",
    "The header row contains zero bytes (NUL).": "В строке заголовков есть нулевые байты (NUL).",
    "The file is empty.": "Файл пустой.",
    "the row contains zero bytes (NUL)": "в строке есть нулевые байты (NUL)",
    "price “%(price)s” has more than two decimal places": "у цены «%(price)s» больше двух знаков после запятой",
    "price “%(price)s” must be greater than zero": "цена «%(price)s» должна быть больше нуля",
    "price “%(price)s” is too large (at most %(max)s)": "цена «%(price)s» слишком велика (не больше %(max)s)",
    "quantity “%(value)s” is too large (at most %(max)s)":
        "количество «%(value)s» слишком велико (не больше %(max)s)",
}
