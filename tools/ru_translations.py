"""Russian translations of django-suz's strings, applied to locale/ru/LC_MESSAGES/django.po.

Usage: python tools/ru_translations.py  (after `make messages`; needs polib).
Keeping them here lets a reviewer read every translation in one place and lets
makemessages be re-run without losing work. Plurals: one, few, many, other.
"""

from pathlib import Path

import polib

PO = Path(__file__).resolve().parent.parent / "locale" / "ru" / "LC_MESSAGES" / "django.po"

RU = {
    "Order management": "Управление заказами",
    "Oscar's root app redirects '/' to the catalogue.": "Корневое приложение Oscar перенаправляет «/» в каталог.",
    "Use 'suz_oscar.config.Shop' in INSTALLED_APPS instead of 'oscar.config.Shop'.":
        "Укажите в INSTALLED_APPS «suz_oscar.config.Shop» вместо «oscar.config.Shop».",
    "'phonenumber_field' must be in INSTALLED_APPS.": "«phonenumber_field» должен быть в INSTALLED_APPS.",
    "Add suz_oscar.INSTALLED_APPS to your INSTALLED_APPS.": "Добавьте suz_oscar.INSTALLED_APPS в INSTALLED_APPS.",
    "Dealers dashboard": "Панель дилеров",
    "Yes": "Да",
    "No": "Нет",
    "Any": "Все",
    "Name": "Название",
    "Name, legal name, email": "Название, юр. лицо, email",
    "Region": "Регион",
    "All regions": "Все регионы",
    "Active": "Активен",
    "Call from site": "Звонок с сайта",
    "Accepts orders": "Принимает заказы",
    "Display name": "Название на сайте",
    "The dealer serves every city of these regions.": "Дилер обслуживает все города этих регионов.",
    "Single cities served outside the regions above.": "Отдельные города за пределами выбранных регионов.",
    "First manager's email": "Email первого менеджера",
    "An invitation with a link to set a password is sent to this address.":
        "На этот адрес придёт приглашение со ссылкой для установки пароля.",
    "Reason": "Причина",
    "Latitude must be between -90 and 90.": "Широта должна быть от -90 до 90.",
    "Longitude must be between -180 and 180.": "Долгота должна быть от -180 до 180.",
    "Give both latitude and longitude, or neither.":
        "Укажите и широту, и долготу или не указывайте ни то, ни другое.",
    "Email": "Email",
    "Logo": "Логотип",
    "Regions": "Регионы",
    "Managers' last login": "Последний вход менеджеров",
    "Rating": "Рейтинг",
    "Orders": "Заказы",
    "Registration date": "Дата регистрации",
    ("%d dealer", "%d dealers"): ("%d дилер", "%d дилера", "%d дилеров", "%d дилера"),
    "Dealer “%(name)s” created.": "Дилер «%(name)s» создан.",
    "Invitation sent to %(email)s.": "Приглашение отправлено на %(email)s.",
    "You are not a manager of any dealer.": "Вы не менеджер ни одного дилера.",
    "Dealer profile saved.": "Профиль дилера сохранён.",
    "Dealer “%(name)s” is active again.": "Дилер «%(name)s» снова активен.",
    "Dealer “%(name)s” is suspended.": "Дилер «%(name)s» приостановлен.",
    "Outlet added.": "Торговая точка добавлена.",
    "Outlet saved.": "Торговая точка сохранена.",
    "Outlet deleted.": "Торговая точка удалена.",
    "You cannot remove yourself.": "Нельзя удалить самого себя.",
    "%(email)s is no longer a manager.": "%(email)s больше не менеджер.",
    "name": "название",
    "name in English": "название по-английски",
    "ISO 3166-2 code": "код ISO 3166-2",
    "For example RU-MOW. Empty where no code exists.": "Например, RU-MOW. Пусто, если кода нет.",
    "slug": "слаг",
    "active": "активен",
    "region": "регион",
    "regions": "регионы",
    "latitude": "широта",
    "longitude": "долгота",
    "population": "население",
    "time zone": "часовой пояс",
    "GeoNames id": "идентификатор GeoNames",
    "city": "город",
    "cities": "города",
    "partner": "партнёр",
    "legal name": "юридическое лицо",
    "logo": "логотип",
    "description": "описание",
    "website": "сайт",
    "phone": "телефон",
    "email": "email",
    "accepts orders from the site": "принимает заказы с сайта",
    "Orders placed on the site are offered to this dealer.": "Заказы с сайта предлагаются этому дилеру.",
    "call from site": "звонок с сайта",
    "The dealer calls customers through the system; their numbers stay hidden until then.":
        "Дилер звонит покупателям через систему; до первого звонка их номера скрыты.",
    "suspended at": "приостановлен",
    "suspension reason": "причина приостановки",
    "registration date": "дата регистрации",
    "regions served": "регионы обслуживания",
    "cities served": "города обслуживания",
    "rating": "рейтинг",
    "Filled in by dealer scoring.": "Рассчитывается системой оценки дилеров.",
    "updated at": "изменён",
    "dealer": "дилер",
    "dealers": "дилеры",
    "address": "адрес",
    "opening hours": "часы работы",
    "For example: Mon–Fri 9:00–19:00, Sat 10:00–16:00": "Например: Пн–Пт 9:00–19:00, Сб 10:00–16:00",
    "outlet": "торговая точка",
    "outlets": "торговые точки",
    "Dealers": "Дилеры",
    "Regions created: %(regions)d, cities created: %(cities)d":
        "Создано регионов: %(regions)d, городов: %(cities)d",
    "%(email)s already manages another dealer.": "%(email)s уже управляет другим дилером.",
    "%(email)s is already a manager of this dealer.": "%(email)s уже менеджер этого дилера.",
    "%(email)s is a staff member and cannot be a dealer manager.":
        "%(email)s — сотрудник производителя и не может быть менеджером дилера.",
    "Dealer registry": "Реестр дилеров",
    "My dealer": "Мой дилер",
    "Dashboard": "Панель",
    "Profile": "Профиль",
    "Outlets": "Торговые точки",
    "Managers": "Менеджеры",
    "Logo of %(name)s": "Логотип «%(name)s»",
    "New dealer": "Новый дилер",
    "Suspended since %(date)s.": "Приостановлен с %(date)s.",
    "Reason:": "Причина:",
    "Save": "Сохранить",
    "yes,no": "да,нет",
    "Status": "Статус",
    "Suspended": "Приостановлен",
    "Suspend dealer": "Приостановить дилера",
    "A suspended dealer keeps its data but gets no orders.":
        "Приостановленный дилер сохраняет свои данные, но не получает заказов.",
    "Suspend": "Приостановить",
    "Reactivate": "Возобновить",
    "Search": "Найти",
    "Reset": "Сбросить",
    "Export": "Выгрузить",
    "Last login": "Последний вход",
    "Invited": "Приглашён",
    "Remove": "Удалить",
    "No managers yet.": "Менеджеров пока нет.",
    "Invite a manager": "Пригласить менеджера",
    "The manager gets an email with a link to set a password and then sees this dealer only.":
        "Менеджер получит письмо со ссылкой для установки пароля и будет видеть только этого дилера.",
    "Send invitation": "Отправить приглашение",
    "Delete outlet": "Удалить торговую точку",
    "Delete the outlet “%(outlet)s”?": "Удалить торговую точку «%(outlet)s»?",
    "Delete": "Удалить",
    "Cancel": "Отмена",
    "New outlet": "Новая торговая точка",
    "Edit outlet": "Изменить торговую точку",
    "Click the map to set the outlet's coordinates, or type them in the form.":
        "Щёлкните по карте, чтобы задать координаты точки, или введите их в форме.",
    "Add outlet": "Добавить торговую точку",
    "City": "Город",
    "Address": "Адрес",
    "Phone": "Телефон",
    "Opening hours": "Часы работы",
    "Coordinates": "Координаты",
    "Edit": "Изменить",
    "No outlets yet.": "Торговых точек пока нет.",
    "Nothing found": "Ничего не найдено",
    "Hello,\n\nyou have been added as a manager of the dealer “%(dealer)s”. In the dashboard you will see the "
    "orders offered to your dealer and can keep its profile, outlets and prices up to date.":
        "Здравствуйте!\n\nВы добавлены менеджером дилера «%(dealer)s». В панели управления вы увидите заказы, "
        "предложенные вашему дилеру, и сможете поддерживать в актуальном состоянии его профиль, торговые "
        "точки и цены.",
    "Set your password here:": "Установите пароль по ссылке:",
    "Log in with your usual password:": "Войдите со своим паролем:",
    "You are a manager of %(dealer)s": "Вы менеджер дилера «%(dealer)s»",
    "Order management: pages": "Управление заказами: страницы",
    "Image": "Изображение",
    "Caption": "Подпись",
    "Heading": "Заголовок",
    "Paragraph": "Абзац",
    "introduction": "вступление",
    "shop button label": "надпись на кнопке магазина",
    "body": "содержимое",
    "home page": "главная страница",
    "home pages": "главные страницы",
    "Go to the catalogue": "Перейти в каталог",
    "Website": "Сайт",
    "Regions and cities dashboard": "Панель регионов и городов",
    "Name in English": "Название по-английски",
    "Cities": "Города",
    ("%d region", "%d regions"): ("%d регион", "%d региона", "%d регионов", "%d региона"),
    ("%d city", "%d cities"): ("%d город", "%d города", "%d городов", "%d города"),
    "Population": "Население",
    "Latitude": "Широта",
    "Longitude": "Долгота",
    "New region": "Новый регион",
    "New city": "Новый город",
    "Saved: %(name)s": "Сохранено: %(name)s",
    "Regions and cities": "Регионы и города",
    "New": "Новый",
    "Full name": "Имя",
    # Offers and the regional storefront
    "whole product line in stock": "в наличии вся линейка продукции",
    "The dealer offers every manufacturer product at the recommended price, unless it sets its own offer for a "
    "product.": "Дилер предлагает всю продукцию производителя по рекомендованной цене, если не задал по товару "
                "своё предложение.",
    "priority": "приоритет",
    "Set by the manufacturer. Among dealers with equal rating, a higher priority comes first.":
        "Задаётся производителем. При равном рейтинге первым идёт дилер с более высоким приоритетом.",
    "product": "товар",
    "recommended price": "рекомендованная цена",
    "currency": "валюта",
    "recommended prices": "рекомендованные цены",
    "Offers": "Предложения",
    ("The price of %(count)d item in your basket was updated for %(city)s.",
     "The prices of %(count)d items in your basket were updated for %(city)s."): (
        "Цена %(count)d товара в корзине обновлена для города %(city)s.",
        "Цены %(count)d товаров в корзине обновлены для города %(city)s.",
        "Цены %(count)d товаров в корзине обновлены для города %(city)s.",
        "Цены %(count)d товара в корзине обновлены для города %(city)s.",
    ),
    ("%(count)d item in your basket is not offered in %(city)s.",
     "%(count)d items in your basket are not offered in %(city)s."): (
        "%(count)d товар в корзине не продаётся в городе %(city)s.",
        "%(count)d товара в корзине не продаются в городе %(city)s.",
        "%(count)d товаров в корзине не продаются в городе %(city)s.",
        "%(count)d товара в корзине не продаются в городе %(city)s.",
    ),
    "In stock (%(quantity)s)": "В наличии: %(quantity)s шт.",
    ("availability", "In stock"): "В наличии",
    "On order": "Под заказ",
    "Not available in %(city)s": "Нет в продаже в городе %(city)s",
    "Unavailable": "Недоступно",
    "We do not know this city. Start typing and pick one from the list.":
        "Мы не знаем такого города. Начните вводить название и выберите город из списка.",
    "Your city: %(city)s.": "Ваш город: %(city)s.",
    "Your city": "Ваш город",
    "Start typing a city": "Начните вводить город",
    "Change": "Сменить",
    "Where to buy in %(city)s": "Где купить — %(city)s",
    "Nobody offers this product in %(city)s yet.": "В городе %(city)s этот товар пока никто не продаёт.",
    "The nearest: %(dealer)s, %(place)s, %(address)s (%(km)s km away).":
        "Ближайшее место: %(dealer)s, %(place)s, %(address)s (%(km)s км).",
    "Variant": "Вариант",
    "Dealer": "Дилер",
    "Price": "Цена",
    "Availability": "Наличие",
    "Nearest outlet": "Ближайшая точка",
    "%(km)s km": "%(km)s км",
    # Offers dashboard and price files
    "not offered": "не продаём",
    "in stock": "в наличии",
    "on order": "под заказ",
    "Product or SKU": "Товар или артикул",
    "Title or SKU": "Название или артикул",
    "Category": "Категория",
    "All categories": "Все категории",
    "Show": "Показать",
    "whole catalogue": "весь каталог",
    "our offers": "наши предложения",
    "— with the selected —": "— с отмеченными —",
    "offer at the recommended price": "продавать по рекомендованной цене",
    "change the price by a percentage": "изменить цену на процент",
    "mark as on order": "отметить «под заказ»",
    "stop offering": "снять с продажи",
    "Give the percentage, e.g. 5 or -10.": "Укажите процент, например 5 или -10.",
    "Some rows have errors; nothing was saved.": "В некоторых строках ошибки, ничего не сохранено.",
    ("%(count)d offer changed.", "%(count)d offers changed."): (
        "Изменено %(count)d предложение.", "Изменено %(count)d предложения.", "Изменено %(count)d предложений.",
        "Изменено %(count)d предложения."),
    "Whole product line in stock: every product is offered at the recommended price unless you set your own "
    "offer.": "В наличии вся линейка: каждый товар продаётся по рекомендованной цене, если вы не задали своё "
              "предложение.",
    "Only the products you list are offered now.": "Теперь продаются только товары из вашего списка.",
    "Price file (CSV or XLSX)": "Прайс-лист (CSV или XLSX)",
    "Upload a CSV or XLSX file.": "Загрузите файл CSV или XLSX.",
    "The file is larger than 20 MB.": "Файл больше 20 МБ.",
    "Fix the errors in the file and upload it again; nothing was changed.":
        "Исправьте ошибки в файле и загрузите его снова; ничего не изменено.",
    "This file has already been applied.": "Этот файл уже применён.",
    "Price file applied: %(created)d new offers, %(updated)d changed, %(removed)d removed.":
        "Прайс-лист применён: новых предложений — %(created)d, изменено — %(updated)d, снято — %(removed)d.",
    "checked, not applied": "проверен, не применён",
    "applied": "применён",
    "file name": "имя файла",
    "uploaded by": "загрузил",
    "uploaded at": "загружен",
    "status": "статус",
    "rows": "строки",
    "Checked rows: product, price, availability.": "Проверенные строки: товар, цена, наличие.",
    "errors": "ошибки",
    "applied at": "применён",
    "price file import": "загрузка прайс-листа",
    "price file imports": "загрузки прайс-листов",
    ("price file", "SKU"): "Артикул",
    ("price file", "Title"): "Название",
    ("price file", "Recommended price"): "Рекомендованная цена",
    ("price file", "Price"): "Цена",
    ("price file", "Availability"): "Наличие",
    ("price file", "Quantity"): "Количество",
    "Recommended price": "Рекомендованная цена",
    "Quantity": "Количество",
    "no": "нет",
    "Price list": "Прайс-лист",
    "The file is not in UTF-8. Save it as “CSV UTF-8” or as XLSX.":
        "Файл не в кодировке UTF-8. Сохраните его как «CSV UTF-8» или как XLSX.",
    "The file cannot be read: %(error)s": "Файл не удаётся прочитать: %(error)s",
    "The file has no “SKU” column (Артикул).": "В файле нет столбца «Артикул» (SKU).",
    "The file needs a “Price” or an “Availability” column.": "В файле нужен столбец «Цена» или «Наличие».",
    "The file has more than %(max)d rows.": "В файле больше %(max)d строк.",
    "unknown SKU “%(sku)s”": "неизвестный артикул «%(sku)s»",
    "SKU “%(sku)s” repeats row %(row)d": "артикул «%(sku)s» повторяет строку %(row)d",
    "bad price “%(price)s”": "неверная цена «%(price)s»",
    "unknown availability “%(value)s”": "неизвестное наличие «%(value)s»",
    "bad quantity “%(value)s”": "неверное количество «%(value)s»",
    "Upload a price file": "Загрузка прайс-листа",
    "Columns: SKU, Price (empty: the recommended price), Availability (“в наличии”, “под заказ”, “нет”), "
    "Quantity. The simplest start is our own export: download it, change it, upload it.":
        "Столбцы: Артикул, Цена (пусто — рекомендованная), Наличие («в наличии», «под заказ», «нет»), "
        "Количество. Проще всего начать с нашей выгрузки: скачайте её, измените и загрузите.",
    "Checking the rows…": "Проверяем строки…",
    "Check the file": "Проверить файл",
    "Download our current price list": "Скачать текущий прайс-лист",
    "Recent files": "Последние файлы",
    "No files yet.": "Файлов пока нет.",
    "Price file": "Прайс-лист",
    ("%(counter)s row has errors. Nothing will be changed until the file is correct.",
     "%(counter)s rows have errors. Nothing will be changed until the file is correct."): (
        "Ошибка в %(counter)s строке. Пока файл не исправлен, ничего не изменится.",
        "Ошибки в %(counter)s строках. Пока файл не исправлен, ничего не изменится.",
        "Ошибки в %(counter)s строках. Пока файл не исправлен, ничего не изменится.",
        "Ошибки в %(counter)s строки. Пока файл не исправлен, ничего не изменится."),
    "Row": "Строка",
    "Error": "Ошибка",
    "Upload a corrected file": "Загрузить исправленный файл",
    ("%(counter)s row checked, no errors.", "%(counter)s rows checked, no errors."): (
        "Проверена %(counter)s строка, ошибок нет.", "Проверены %(counter)s строки, ошибок нет.",
        "Проверено %(counter)s строк, ошибок нет.", "Проверено %(counter)s строки, ошибок нет."),
    "Product": "Товар",
    "Now": "Сейчас",
    "After": "Станет",
    "recommended": "рекомендованная",
    "unchanged": "без изменений",
    "The first 20 rows are shown.": "Показаны первые 20 строк.",
    "Apply the file": "Применить файл",
    "Whole product line in stock": "В наличии вся линейка продукции",
    "Every manufacturer product is offered at the recommended price; the rows below override it for single "
    "products.": "Вся продукция производителя продаётся по рекомендованной цене; строки ниже меняют её для "
                 "отдельных товаров.",
    "Offer only the listed products": "Продавать только товары из списка",
    ("You offer %(counter)s product.", "You offer %(counter)s products."): (
        "Вы продаёте %(counter)s товар.", "Вы продаёте %(counter)s товара.", "Вы продаёте %(counter)s товаров.",
        "Вы продаёте %(counter)s товара."),
    "Upload": "Загрузить",
    ("%(counter)s product", "%(counter)s products"): (
        "%(counter)s товар", "%(counter)s товара", "%(counter)s товаров", "%(counter)s товара"),
    "Select all": "Выбрать все",
    "Our price": "Наша цена",
    "empty: recommended": "пусто — рекомендованная",
    "whole line": "вся линейка",
    "No products found.": "Товары не найдены.",
    "previous": "назад",
    "Page %(page_num)s of %(total_pages)s": "Страница %(page_num)s из %(total_pages)s",
    "next": "вперёд",
    "Set a price: this product has no recommended price.": "Укажите цену: у этого товара нет рекомендованной.",
    "Title": "Название",
    "Description": "Описание",
    "Product “%(title)s” saved.": "Товар «%(title)s» сохранён.",
    "Product “%(title)s” deleted.": "Товар «%(title)s» удалён.",
    "dealer's own product": "собственный товар дилера",
    "dealers' own products": "собственные товары дилеров",
    "no price, and the product has no recommended price": "нет цены, а рекомендованной у товара нет",
    "Dealer's own product": "Собственный товар дилера",
    "Own products": "Свои товары",
    "Add a product": "Добавить товар",
    "Goods you sell that the manufacturer does not make. Customers see them only in the regions and cities you "
    "serve.": "Товары, которые вы продаёте, но не выпускает производитель. Покупатели видят их только в ваших "
              "регионах и городах.",
    "No products of your own yet.": "Своих товаров пока нет.",
    "Services — %(city)s": "Услуги — %(city)s",
    "Add to basket": "В корзину",
    # Dispatch
    "new": "новый",
    "offered": "предложен дилерам",
    "accepted": "принят",
    "waiting for manual assignment": "ждёт ручного назначения",
    "claimed by": "принял",
    "claimed at": "принят",
    "order dispatch": "распределение заказа",
    "order dispatches": "распределение заказов",
    "dispatch": "распределение",
    "position": "порядок",
    "strategy": "стратегия",
    "opens at": "открывается",
    "audience": "кому виден",
    "notified at": "оповещение отправлено",
    "dispatch stage": "этап распределения",
    "dispatch stages": "этапы распределения",
    "declined at": "отказ",
    "decline reason": "причина отказа",
    "visibility": "видимость",
    "title": "название",
    "decline reasons": "причины отказа",
    "Order dispatch": "Распределение заказов",
    "This order has already been taken by another dealer.": "Этот заказ уже принят другим дилером.",
    "This order is not available to you.": "Этот заказ вам недоступен.",
    "Basic": "Базовая",
    "Fallback": "Резервная",
    "Order inbox": "Входящие заказы",
    "Order %(number)s is yours.": "Заказ %(number)s ваш.",
    "Choose a reason.": "Выберите причину.",
    "You declined order %(number)s.": "Вы отказались от заказа %(number)s.",
    "Available to us": "Доступные нам",
    "Ours": "Наши",
    "Order": "Заказ",
    "Placed": "Оформлен",
    "Total": "Сумма",
    "Take the order": "Принять заказ",
    "Decline": "Отказаться",
    "No orders available to you right now.": "Сейчас доступных вам заказов нет.",
    "No orders yet.": "Заказов пока нет.",
    "Customer": "Покупатель",
    "hidden until you call the customer through the system": "скрыт до звонка покупателю через систему",
    "Dispatch plan": "План распределения",
    "Strategy": "Стратегия",
    "Opens": "Открывается",
    "New status": "Новый статус",
    "Failure reason": "Причина срыва",
    "Comment": "Комментарий",
    "Choose a status the order can move to.": "Выберите статус, в который заказ может перейти.",
    "Order status changed.": "Статус заказа изменён.",
    "You gave order %(number)s back; it goes to other dealers.":
        "Вы вернули заказ %(number)s; он уходит другим дилерам.",
    "processed (customer contacted)": "обработан (с покупателем связались)",
    "completed": "выполнен",
    "failed": "не выполнен",
    "cancelled": "отменён",
    "customer's fault": "по вине покупателя",
    "dealer's fault": "по вине дилера",
    "fault": "чья вина",
    "failure reason": "причина срыва",
    "failure reasons": "причины срыва",
    "from": "из",
    "to": "в",
    "by": "кто",
    "note": "комментарий",
    "when": "когда",
    "status change": "смена статуса",
    "status changes": "смены статусов",
    "This order is not yours.": "Это не ваш заказ.",
    "The order cannot go from “%(from)s” to “%(to)s”.": "Заказ не может перейти из «%(from)s» в «%(to)s».",
    "Call the customer through the system first; then the order can be marked processed.":
        "Сначала позвоните покупателю через систему — после этого заказ можно отметить обработанным.",
    "Choose why the order failed.": "Выберите, почему заказ не выполнен.",
    "This order is not yours to give back.": "Вернуть можно только свой принятый заказ.",
    "Change the status": "Сменить статус",
    "Cannot fulfil the order? Give it back: it goes to other dealers, and it counts as your fault.":
        "Не можете выполнить заказ? Верните его: он уйдёт другим дилерам, а срыв будет засчитан вам.",
    "Give the order back": "Вернуть заказ",
    "History": "История",
    "When": "Когда",
    "From": "Из",
    "To": "В",
    "Who": "Кто",
    "No changes yet.": "Изменений пока нет.",
    "All dealers": "Все дилеры",
    "Older than, hours": "Старше, часов",
    "All": "Все",
    "Choose a dealer.": "Выберите дилера.",
    "Order %(number)s is assigned to %(dealer)s.": "Заказ %(number)s назначен дилеру «%(dealer)s».",
    "A closed order cannot be reassigned.": "Закрытый заказ нельзя переназначить.",
    "assigned by hand": "назначен вручную",
    "moved from %(dealer)s": "передан от дилера «%(dealer)s»",
    "Move to another dealer": "Передать другому дилеру",
    "Assign to a dealer": "Назначить дилеру",
    "Assign": "Назначить",
    "Order %(number)s is now available to %(dealer)s. The first dealer to take it gets it.":
        "Заказ %(number)s теперь доступен дилеру «%(dealer)s». Его получит тот, кто первым примет.",
    "Open the order inbox in the dashboard to take or decline it.":
        "Откройте входящие заказы в панели управления, чтобы принять заказ или отказаться.",
    "New order %(number)s is available to you": "Вам доступен новый заказ %(number)s",
    "SLA alert sent at": "предупреждение о сроке отправлено",
    "not processed in time (SLA)": "не обработан вовремя (SLA)",
    ("Dealer %(dealer)s took order %(number)s but has not marked it processed within %(hours)s hour.",
     "Dealer %(dealer)s took order %(number)s but has not marked it processed within %(hours)s hours."): (
        "Дилер «%(dealer)s» принял заказ %(number)s, но не отметил его обработанным в течение %(hours)s часа.",
        "Дилер «%(dealer)s» принял заказ %(number)s, но не отметил его обработанным в течение %(hours)s часов.",
        "Дилер «%(dealer)s» принял заказ %(number)s, но не отметил его обработанным в течение %(hours)s часов.",
        "Дилер «%(dealer)s» принял заказ %(number)s, но не отметил его обработанным в течение %(hours)s часа.",
    ),
    "The order went back to dispatch.": "Заказ возвращён на распределение.",
    "Order %(number)s is not processed in time": "Заказ %(number)s не обработан вовремя",
    "Order %(number)s needs a dealer": "Заказу %(number)s нужен дилер",
    "No dealer can take order %(number)s: none serves its city with every product at the price the customer saw. "
    "Assign it by hand in the dashboard's order list.":
        "Заказ %(number)s некому принять: ни один дилер не обслуживает его город со всеми товарами по цене, "
        "которую видел покупатель. Назначьте его вручную в списке заказов панели управления.",
    "open": "открыт",
    "Off once a dealer has taken the order (kept for the inbox index).":
        "Снимается, когда заказ принят дилером (для индекса входящих).",
    # Checkout
    "order": "заказ",
    "created at": "создано",
    "order place": "место заказа",
    "order places": "места заказов",
    "Checkout": "Оформление заказа",
    "My phone number is": "Мой телефон",
    "My email address is (optional for guests)": "Мой email (для гостей — необязательно)",
    "Give a phone number: the dealer will call you to confirm the order.":
        "Укажите телефон: дилер позвонит, чтобы подтвердить заказ.",
    "Please sign in or give your phone number": "Войдите или укажите номер телефона",
    "All products": "Все товары",
    "The dealer who takes your order calls you on this number to confirm it.":
        "Дилер, который примет заказ, позвонит вам по этому номеру, чтобы его подтвердить.",
    "Get a password reminder": "Напомнить пароль",
    "Continue": "Продолжить",
    "\n                        Page %(page_num)s of %(total_pages)s\n                    ":
        "\n                        Страница %(page_num)s из %(total_pages)s\n                    ",
    "open to every dealer at": "открыт всем дилерам с",
    "When the stage for every dealer of the network opens; its dealers have no rows of their own.":
        "Когда открывается этап для всех дилеров сети; своих строк у этих дилеров нет.",
    "every dealer": "все дилеры",
    "Open to every active dealer taking site orders; no audience is stored.":
        "Открыт всем активным дилерам, принимающим заказы с сайта; список адресатов не хранится.",
    "every dealer of the network": "все дилеры сети",
    # Dispatch settings: strategies, priority dealers, reasons.
    "No such strategy.": "Такой стратегии нет.",
    "The order of the strategies is saved. It applies to new orders.":
        "Порядок стратегий сохранён. Он действует для новых заказов.",
    "Strategy switched on.": "Стратегия включена.",
    "Strategy switched off.": "Стратегия выключена.",
    "Unknown action.": "Неизвестное действие.",
    "Enabled": "Включена",
    "Strategy “%(title)s” is saved. It applies to new orders.":
        "Стратегия «%(title)s» сохранена. Настройки действуют для новых заказов.",
    "A share cannot be more than 100%.": "Доля не может быть больше 100%.",
    "A quota of zero gives the dealer nothing; switch it off instead.":
        "Нулевая квота ничего не даёт дилеру — лучше выключите её.",
    "Saved.": "Сохранено.",
    "Please correct the errors below.": "Исправьте ошибки ниже.",
    "Priority dealers": "Приоритетные дилеры",
    "The basic+ strategy shows each order first to the priority dealers that are under their quota. A quota counts "
    "the orders a dealer is shown first: a number, or a share of the region's orders, per day, week or month.":
        "Стратегия «Базовая+» сначала показывает заказ приоритетным дилерам, не выбравшим свою квоту. Квота считает "
        "заказы, которые дилер увидел первым: числом или долей заказов региона — за день, неделю или месяц.",
    "Decline reasons": "Причины отказа",
    "Dealers choose one of the active reasons when they turn an order down. A reason already used cannot be deleted; "
    "switch it off.":
        "Отказываясь от заказа, дилер выбирает одну из действующих причин. Уже использованную причину удалить "
        "нельзя — выключите её.",
    "Failure reasons": "Причины срыва",
    "Dealers choose one when an order fails; the fault decides whose record it counts against. A reason already used "
    "cannot be deleted; switch it off.":
        "Дилер выбирает причину, когда заказ сорвался; от виновной стороны зависит, в чей счёт он пойдёт. Уже "
        "использованную причину удалить нельзя — выключите её.",
    "Stage": "Этап",
    "All stages": "Все этапы",
    "Dispatch settings": "Распределение заказов",
    "Strategies": "Стратегии",
    "Fill in the last row to add one. Save, and a new empty row appears.":
        "Чтобы добавить строку, заполните последнюю и сохраните — появится новая пустая строка.",
    "Strategy “%(title)s”": "Стратегия «%(title)s»",
    "Dispatch strategies": "Стратегии распределения",
    "Each new order goes through the enabled strategies from top to bottom: every strategy opens the order to more "
    "dealers, at its time. A dealer keeps the earliest opening it gets. Changes apply to orders placed after saving; "
    "orders already placed keep their plan.":
        "Каждый новый заказ проходит включённые стратегии сверху вниз: каждая в своё время открывает заказ новым "
        "дилерам. Дилер видит заказ с самого раннего из полученных моментов. Изменения действуют для заказов, "
        "оформленных после сохранения; у уже оформленных заказов план остаётся прежним.",
    "Settings": "Настройки",
    "Cannot be loaded:": "Не удалось загрузить:",
    ("%(counter)s priority dealer", "%(counter)s priority dealers"): (
        "%(counter)s приоритетный дилер", "%(counter)s приоритетных дилера", "%(counter)s приоритетных дилеров",
        "%(counter)s приоритетного дилера"),
    "on": "вкл.",
    "off": "выкл.",
    "Move up": "Выше",
    "Move down": "Ниже",
    "Switch off": "Выключить",
    "Switch on": "Включить",
    "strategy class": "класс стратегии",
    "enabled": "включена",
    "options": "параметры",
    "dispatch strategy": "стратегия распределения",
    "dispatch strategies": "стратегии распределения",
    "orders": "заказов",
    "% of the region's orders": "% заказов региона",
    "per day": "в день",
    "per week": "в неделю",
    "per month": "в месяц",
    "quota": "квота",
    "unit": "единица",
    "period": "период",
    "priority dealer": "приоритетный дилер",
    "priority dealers": "приоритетные дилеры",
    "quota use": "использование квоты",
    "Fastest responders": "Самые быстрые",
    "The dealers that took orders fastest over the last days (median time to claim) see the order first, for the "
    "given time. Dealers with no claims in that time wait for later stages.":
        "Заказ сначала видят дилеры, которые быстрее всех принимали заказы за последние дни (медиана времени до "
        "принятия), — в течение заданного времени. Дилеры, не принявшие за этот срок ни одного заказа, ждут "
        "следующих этапов.",
    "How many dealers": "Сколько дилеров",
    "For how many minutes": "На сколько минут",
    "Over how many days": "За сколько дней",
    ("the fastest dealers (%(top)s) for %(minutes)s minute", "the fastest dealers (%(top)s) for %(minutes)s minutes"): (
        "самые быстрые дилеры (%(top)s) на %(minutes)s минуту", "самые быстрые дилеры (%(top)s) на %(minutes)s минуты",
        "самые быстрые дилеры (%(top)s) на %(minutes)s минут", "самые быстрые дилеры (%(top)s) на %(minutes)s минуты"),
    "The dealers with the most points see the order first, alone, for the given time.":
        "Дилеры с наибольшим числом баллов первыми и одни видят заказ в течение заданного времени.",
    "Or what share of the eligible dealers, %": "Или какая доля подходящих дилеров, %",
    "Give a number of dealers or a share of them.": "Укажите число дилеров или их долю.",
    ("top %(share)s%% of the dealers for %(minutes)s minute",
     "top %(share)s%% of the dealers for %(minutes)s minutes"): (
        "лучшие %(share)s%% дилеров на %(minutes)s минуту", "лучшие %(share)s%% дилеров на %(minutes)s минуты",
        "лучшие %(share)s%% дилеров на %(minutes)s минут", "лучшие %(share)s%% дилеров на %(minutes)s минуты"),
    ("top %(top)s by rating for %(minutes)s minute", "top %(top)s by rating for %(minutes)s minutes"): (
        "первые %(top)s по рейтингу на %(minutes)s минуту", "первые %(top)s по рейтингу на %(minutes)s минуты",
        "первые %(top)s по рейтингу на %(minutes)s минут", "первые %(top)s по рейтингу на %(minutes)s минуты"),
    "Every eligible dealer of the region sees the order once the delay after placement has passed.":
        "Все подходящие дилеры региона видят заказ, когда после оформления пройдёт заданная отсрочка.",
    "Delay after placement, minutes": "Отсрочка после оформления, минут",
    ("all dealers of the region after %(delay)s minute", "all dealers of the region after %(delay)s minutes"): (
        "все дилеры региона через %(delay)s минуту", "все дилеры региона через %(delay)s минуты",
        "все дилеры региона через %(delay)s минут", "все дилеры региона через %(delay)s минуты"),
    "Basic+": "Базовая+",
    "The manufacturer's priority dealers see the order first, each up to its quota of orders per day, week or month; "
    "the dealer furthest below its quota goes first.":
        "Заказ сначала видят приоритетные дилеры производителя — каждый в пределах своей квоты заказов на день, "
        "неделю или месяц; первым идёт тот, кто выбрал из квоты меньше всех.",
    "Priority dealers per order": "Приоритетных дилеров на заказ",
    "0: every priority dealer under its quota.": "0 — все приоритетные дилеры, не выбравшие квоту.",
    ("priority dealers within quota for %(minutes)s minute", "priority dealers within quota for %(minutes)s minutes"): (
        "приоритетные дилеры по квоте на %(minutes)s минуту", "приоритетные дилеры по квоте на %(minutes)s минуты",
        "приоритетные дилеры по квоте на %(minutes)s минут", "приоритетные дилеры по квоте на %(minutes)s минуты"),
    "Every dealer of the network, wherever it is, once the delay after the previous stage has passed.":
        "Все дилеры сети, где бы они ни были, — когда после предыдущего этапа пройдёт заданная отсрочка.",
    "Delay after the previous stage, minutes": "Отсрочка после предыдущего этапа, минут",
    ("every dealer of the network %(delay)s minute later", "every dealer of the network %(delay)s minutes later"): (
        "все дилеры сети ещё через %(delay)s минуту", "все дилеры сети ещё через %(delay)s минуты",
        "все дилеры сети ещё через %(delay)s минут", "все дилеры сети ещё через %(delay)s минуты"),
    # Dealer scoring.
    "Dealer scoring": "Рейтинг дилеров",
    "Points": "Баллы",
    "Negative to take points away.": "Отрицательное число — чтобы снять баллы.",
    "Give a number other than zero.": "Укажите число, отличное от нуля.",
    "Points for this order": "Баллы за этот заказ",
    "30 days": "30 дней",
    "90 days": "90 дней",
    "a year": "год",
    "all time": "всё время",
    "Period": "Период",
    "Points adjusted. The rating is now %(rating)s.": "Баллы изменены. Рейтинг теперь %(rating)s.",
    "%(dealer)s receives orders again.": "«%(dealer)s» снова получает заказы.",
    "The order's points are set to %(points)s.": "Баллы за заказ: %(points)s.",
    "Enter the points as a number.": "Введите баллы числом.",
    "Points table saved. It applies to events from now on; points already given stay as they are.":
        "Таблица баллов сохранена. Она действует для событий с этого момента; уже начисленные баллы не меняются.",
    "taken out of dispatch at": "исключён из распределения",
    "Set when the rating falls below the manufacturer's threshold: the dealer gets no orders and leaves the "
    "storefront until staff restore it.":
        "Ставится, когда рейтинг падает ниже порога производителя: дилер не получает заказов и не показывается "
        "на витрине, пока сотрудники производителя его не вернут.",
    "Scorecard": "Показатели",
    "Points and rating": "Баллы и рейтинг",
    "per completed order": "за выполненный заказ",
    "plus, per 1,000 of order value": "плюс за каждую 1000 суммы заказа",
    "Scales the points of a completed order by its value; 0 to give every order the same.":
        "Баллы за выполненный заказ растут с его суммой; 0 — одинаково за любой заказ.",
    "per failed order, dealer's fault": "за сорванный заказ по вине дилера",
    "per failed order, customer's fault": "за сорванный заказ по вине покупателя",
    "per order given back": "за возвращённый заказ",
    "per SLA breach": "за нарушение срока обработки",
    "per survey score, 1 to 5": "за оценку в опросе, от 1 до 5",
    "Enter whole numbers separated by commas, e.g. -10,-5,0,5,10.":
        "Введите целые числа через запятую, например -10,-5,0,5,10.",
    "Five numbers separated by commas: the points for a customer's score of 1, 2, 3, 4 and 5.":
        "Пять чисел через запятую: баллы за оценку покупателя 1, 2, 3, 4 и 5.",
    "warn the dealer below": "предупреждать дилера ниже",
    "When a dealer's rating falls below this, its managers get a warning email.":
        "Когда рейтинг дилера опускается ниже, его менеджеры получают письмо-предупреждение.",
    "take out of dispatch below": "исключать из распределения ниже",
    "A penalty that leaves the rating below this takes the dealer out of dispatch and the storefront until staff "
    "restore it.":
        "Штраф, после которого рейтинг ниже этого значения, исключает дилера из распределения заказов и с витрины, "
        "пока сотрудники производителя его не вернут.",
    "saved at": "сохранено",
    "saved by": "кем сохранено",
    "scoring rules": "таблица баллов",
    "Give exactly five numbers.": "Укажите ровно пять чисел.",
    "Set it no higher than the warning threshold.": "Этот порог не может быть выше порога предупреждения.",
    "order completed": "заказ выполнен",
    "order failed, dealer's fault": "заказ сорван по вине дилера",
    "order failed, customer's fault": "заказ сорван по вине покупателя",
    "order given back": "заказ возвращён",
    "SLA breach": "нарушение срока обработки",
    "customer survey": "опрос покупателя",
    "points of the order set by staff": "баллы за заказ назначены производителем",
    "adjusted by staff": "корректировка производителя",
    "points": "баллы",
    "reason": "причина",
    "comment": "комментарий",
    "points entry": "запись о баллах",
    "points ledger": "журнал баллов",
    "The points ledger is append-only: add a correcting entry instead.":
        "Журнал баллов только пополняется: добавьте исправляющую запись.",
    "set by": "кем назначено",
    "set at": "когда назначено",
    "points of an order": "баллы за заказ",
    "points of orders": "баллы за заказы",
    "Dealer %(pk)s: %(old)s → %(new)s": "Дилер %(pk)s: %(old)s → %(new)s",
    ("%(count)s rating differed from the ledger.", "%(count)s ratings differed from the ledger."): (
        "%(count)s рейтинг расходился с журналом.", "%(count)s рейтинга расходились с журналом.",
        "%(count)s рейтингов расходились с журналом.", "%(count)s рейтинга расходились с журналом."),
    "Every rating agrees with the ledger.": "Все рейтинги совпадают с журналом.",
    "points of the order set to %(points)s": "баллы за заказ изменены на %(points)s",
    "score %(score)s of 5": "оценка %(score)s из 5",
    "Dealers earn and lose points by these numbers; a dealer's rating is the sum of its points. The rating decides "
    "who sees new orders first and whose offer the storefront shows first. A change applies to events from the "
    "moment you save it; points already given stay as they are.":
        "По этим числам дилеры получают и теряют баллы; рейтинг дилера — сумма его баллов. От рейтинга зависит, кто "
        "первым видит новые заказы и чьё предложение витрина показывает первым. Изменения действуют для событий с "
        "момента сохранения; уже начисленные баллы не меняются.",
    "Earlier versions": "Прежние версии",
    "Saved": "Сохранено",
    "By": "Кем",
    "Completed": "Выполнено",
    "Failed, dealer's fault": "Сорвано по вине дилера",
    "Given back": "Возвращено",
    "Taken out of dispatch and the storefront on %(when)s: the rating fell below the manufacturer's threshold.":
        "Исключён из распределения заказов и с витрины %(when)s: рейтинг опустился ниже порога производителя.",
    "Restore": "Вернуть",
    "Place in its regions": "Место в своих регионах",
    "%(place)s of %(of)s": "%(place)s из %(of)s",
    "Acceptance rate": "Доля принятых",
    "Completion rate": "Доля выполненных",
    "Median time to claim": "Медиана времени до принятия",
    "%(m)s min": "%(m)s мин",
    "Median time to first contact": "Медиана времени до связи с покупателем",
    "Rating over time": "Рейтинг во времени",
    "Offered": "Предложено",
    "Claimed": "Принято",
    "In progress": "В работе",
    "Failed, customer's fault": "Сорвано по вине покупателя",
    ("orders", "Cancelled"): "Отменено",
    "Assigned by staff": "Назначено производителем",
    "Fault": "Вина",
    "Points ledger": "Журнал баллов",
    "No points yet.": "Баллов пока нет.",
    "Adjust the points by hand": "Изменить баллы вручную",
    "Add to the ledger": "Записать в журнал",
    "The rating of %(dealer)s has fallen to %(rating)s, below %(threshold)s: the dealer is taken out of order "
    "dispatch and the storefront.":
        "Рейтинг «%(dealer)s» опустился до %(rating)s — ниже %(threshold)s: дилер исключён из распределения "
        "заказов и с витрины.",
    "The manufacturer's staff can restore it; contact them.":
        "Вернуть его может производитель — свяжитесь с ним.",
    "Restore it from its scorecard in the dashboard when you see fit.":
        "Когда сочтёте нужным, верните его со страницы показателей дилера в панели управления.",
    "%(dealer)s is taken out of dispatch": "«%(dealer)s» исключён из распределения заказов",
    "%(dealer)s no longer receives orders": "«%(dealer)s» больше не получает заказов",
    "The rating of %(dealer)s has fallen to %(rating)s, below %(threshold)s.":
        "Рейтинг «%(dealer)s» опустился до %(rating)s — ниже %(threshold)s.",
    "Orders go first to the dealers with the best rating. Take orders quickly, call customers and close orders "
    "with their outcome to earn points back.":
        "Заказы первыми получают дилеры с лучшим рейтингом. Принимайте заказы быстро, звоните покупателям и "
        "закрывайте заказы с результатом — так баллы вернутся.",
    "%(dealer)s: your rating is low": "«%(dealer)s»: низкий рейтинг",
    "The dealer has got %(points)s points for it.": "Дилер получил за него баллов: %(points)s.",
    "Set before completion, they replace the points table for this order; set after, the difference is added to "
    "the ledger.":
        "Заданные до выполнения, они заменят таблицу баллов для этого заказа; заданные после — разница будет "
        "записана в журнал.",
    "Set the points": "Назначить баллы",
    "stage": "этап",
    "The stage that showed the order to the dealer (none: every dealer's).":
        "Этап, на котором дилер увидел заказ (пусто — этап для всех дилеров).",
    "every dealer declined": "все дилеры отказались",
    "Every dealer that could see order %(number)s has declined it.":
        "Все дилеры, которым был доступен заказ %(number)s, от него отказались.",
    "The next stage of its plan opened at once.": "Следующий этап его плана открылся сразу.",
    "No stage is left in its plan: assign it to a dealer by hand in the dashboard.":
        "Этапов в его плане больше нет: назначьте дилера вручную в панели управления.",
    "Every dealer declined order %(number)s": "Все дилеры отказались от заказа %(number)s",
    "Your basket is now empty": "Корзина теперь пуста",
    "\n        Your basket total is now <strong>%(total)s</strong>\n        ":
        "\n        Сумма корзины теперь <strong>%(total)s</strong>\n        ",
    "View basket": "Открыть корзину",
    "Checkout now": "Оформить заказ",
    "The order goes to one of the dealers of your city; you do not need to choose.":
        "Заказ получит один из дилеров вашего города; выбирать не нужно.",
    "No order matches the filter.": "Под фильтр не подходит ни один заказ.",
    "How points are earned": "Как начисляются баллы",
    "completed order": "выполненный заказ",
    "per 1,000 of its value": "за каждую 1000 его суммы",
    "failed by the dealer's fault": "сорван по вине дилера",
    "failed by the customer's fault": "сорван по вине покупателя",
    "given back": "возвращён",
    "manufacturer": "производитель",
}


def main():
    po = polib.pofile(str(PO), wrapwidth=100)
    po.metadata["Plural-Forms"] = (
        "nplurals=4; plural=(n % 10 == 1 && n % 100 != 11 ? 0 : n % 10 >= 2 && n % 10 <= 4 && "
        "(n % 100 < 12 || n % 100 > 14) ? 1 : n % 10 == 0 || (n % 10 >= 5 && n % 10 <= 9) || "
        "(n % 100 >= 11 && n % 100 <= 14) ? 2 : 3);"
    )
    po.metadata_is_fuzzy = False
    po.header = "Russian translation of django-suz.\nThis file is distributed under the same license as django-suz."
    po.metadata["Project-Id-Version"] = "django-suz"
    po.metadata["Language-Team"] = "Russian"
    po.metadata["Last-Translator"] = "django-suz contributors"
    po.metadata["PO-Revision-Date"] = po.metadata.get("POT-Creation-Date", "")
    po.metadata["Language"] = "ru"
    po.metadata["Content-Type"] = "text/plain; charset=UTF-8"
    missing = []
    for entry in po:
        if "fuzzy" in entry.flags:
            # msgmerge's guess from a similar string: never keep it unreviewed.
            entry.flags.remove("fuzzy")
            entry.previous_msgid = entry.previous_msgid_plural = entry.previous_msgctxt = None
            entry.msgstr = ""
            entry.msgstr_plural = {k: "" for k in entry.msgstr_plural}
        if entry.msgctxt:
            if (entry.msgctxt, entry.msgid) in RU:
                entry.msgstr = RU[(entry.msgctxt, entry.msgid)]
        elif entry.msgid_plural:
            forms = RU.get((entry.msgid, entry.msgid_plural))
            if forms:
                entry.msgstr_plural = dict(enumerate(forms))
        elif entry.msgid in RU:
            entry.msgstr = RU[entry.msgid]
        if not (entry.msgstr or (entry.msgstr_plural and all(entry.msgstr_plural.values()))):
            missing.append(entry.msgid)
    po.save()
    po.save_as_mofile(str(PO.with_suffix(".mo")))
    if missing:
        raise SystemExit("Untranslated:\n" + "\n".join(missing))
    print(f"{len(po)} entries translated")


if __name__ == "__main__":
    main()
