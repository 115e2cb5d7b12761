"""Translations of the Wagtail pages (issue 16): «Где купить», dealers' pages, editors' blocks, shop settings."""

RU = {
    # models
    "Order management: pages": "Управление заказами: страницы",
    "introduction": "вступление",
    "shop button label": "надпись на кнопке магазина",
    "body": "содержимое",
    "body below the map": "содержимое под картой",
    "shop home page": "главная страница магазина",
    "shop home pages": "главные страницы магазина",
    "dealer map page": "страница «Где купить»",
    "dealer map pages": "страницы «Где купить»",
    "shop phone": "телефон магазина",
    "Shown in the site header, for example 8 800 123-45-67.": "Показывается в шапке сайта, например 8 800 123-45-67.",
    "contacts": "контакты",
    "Address, hours, email: shown in the site footer.": "Адрес, часы работы, почта: показываются внизу сайта.",
    "a dealer calls within (minutes)": "дилер перезвонит в течение (минут)",
    "Promised to the customer after checkout. Empty: a call is promised, without a time.":
        "Это обещаем покупателю после оформления заказа. Пусто — обещаем звонок без срока.",
    "Shop": "Магазин",
    "shop settings": "настройки магазина",
    # blocks
    "The visitor's city": "Город посетителя",
    "All products": "Все товары",
    "Image": "Изображение",
    "Caption": "Подпись",
    "Heading": "Заголовок",
    "Paragraph": "Абзац",
    "City": "Город",
    "Dealer map": "Карта дилеров",
    "Product": "Товар",
    "Dealers shown": "Сколько дилеров показать",
    "Where to buy a product": "Где купить товар",
    "Category": "Категория",
    "Products shown": "Сколько товаров показать",
    "Product carousel": "Подборка товаров",
    "City picker": "Выбор города",
    # map
    "Zoom in": "Приблизить",
    "Zoom out": "Отдалить",
    "No dealer found here. Try another city or product, or place your order in the shop: the manufacturer will "
    "find a dealer for you.":
        "Здесь дилеров не нашлось. Выберите другой город или товар — или оформите заказ в магазине: производитель "
        "сам подберёт вам дилера.",
    "Rating": "Рейтинг",
    "Opening hours": "Часы работы",
    "Website": "Сайт",
    "Dealer page": "Страница дилера",
    "Price": "Цена",
    "km from the city centre": "км от центра города",
    "Dealers found: %(n)s": "Найдено дилеров: %(n)s",
    "The map could not be loaded. Reload the page to try again.":
        "Не удалось загрузить карту. Обновите страницу, чтобы попробовать ещё раз.",
    "All of Russia": "Вся Россия",
    "Map of the dealers": "Карта дилеров",
    "Loading the dealers…": "Загружаем дилеров…",
    "Show more dealers": "Показать ещё дилеров",
    "Has in stock": "Есть в наличии",
    "Any product": "Любой товар",
    "Show": "Показать",
    "Pick your city to see its dealers.": "Выберите свой город, чтобы увидеть его дилеров.",
    # dealer page
    "Outlets": "Торговые точки",
    "This dealer has not listed its outlets yet.": "Дилер пока не указал свои торговые точки.",
    "Services": "Услуги",
    "Products and prices": "Товары и цены",
    "on order": "под заказ",
    "This dealer has no offers on the site yet.": "У дилера пока нет предложений на сайте.",
    "Back to the map": "Вернуться к карте",
    # blocks' templates
    "Where to buy %(title)s": "Где купить %(title)s",
    "No dealer of your city has it in stock right now. You can still order it in the shop: a dealer will bring it "
    "on order.":
        "Сейчас этого товара нет в наличии у дилеров вашего города. Его всё равно можно заказать в магазине — "
        "дилер привезёт под заказ.",
    "All dealers on the map": "Все дилеры на карте",
    "No products here yet.": "Здесь пока нет товаров.",
    "Where are you?": "Где вы находитесь?",
    "Your city": "Ваш город",
    "Start typing a city": "Начните вводить город",
    "Show prices and dealers": "Показать цены и дилеров",
    "Call us": "Позвоните нам",
    "Go to the catalogue": "Перейти в каталог",
}
