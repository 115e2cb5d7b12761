"""Translations of a storefront a customer understands (issue 16, item 4): whose price it is, families «от»,
requests to the manufacturer where no dealer sells, phones, Oscar's English leftovers."""

RU = {
    # prices
    "from %(amount)s": "от %(amount)s",
    "The lowest price of a variant in %(city)s; each variant's price and dealer are below.":
        "Самая низкая цена среди вариантов в городе %(city)s; цена и дилер каждого варианта — ниже.",
    "The price of «%(dealer)s», the one dealer in %(city)s that sells it: your order goes to this dealer.":
        "Цена дилера «%(dealer)s» — единственного в городе %(city)s, у кого есть этот товар: "
        "ваш заказ получит он.",
    "The price of «%(dealer)s»: your order goes to this dealer first, as it has the best rating in %(city)s.":
        "Цена дилера «%(dealer)s»: ваш заказ первым получит он — у него лучший рейтинг в городе %(city)s.",
    "«%(dealer)s» lists it for %(price)s, but dealers with a better rating get site orders first: they call "
    "back sooner and keep their promises more often. The price you see is the price you pay.":
        "У дилера «%(dealer)s» он стоит %(price)s, но заказы с сайта первыми получают дилеры с лучшим рейтингом: "
        "они быстрее перезванивают и чаще выполняют обещанное. Вы платите ту цену, которую видите.",
    "your price": "ваша цена",
    "Dealers with the best rating come first: your order goes to them first, at the price marked «your price», "
    "and to the others of your city if they do not take it. You do not need to choose.":
        "Первыми идут дилеры с лучшим рейтингом: ваш заказ сначала получат они — по цене с пометкой «ваша цена», "
        "а если не возьмут, то другие дилеры города. Выбирать дилера не нужно.",
    # requests where no dealer sells
    "Manufacturer": "Производитель",
    "On request": "Под заказ",
    "On request: the manufacturer finds you a dealer": "Под заказ: дилера подберёт производитель",
    "No dealer in %(city)s sells this product yet. You can still order it at the manufacturer's recommended "
    "price: the manufacturer finds you a dealer, who calls you.":
        "В городе %(city)s этот товар пока не продаёт ни один дилер. Его всё равно можно заказать по цене, "
        "рекомендованной производителем: производитель подберёт вам дилера, и тот перезвонит.",
    "You can still order it at the manufacturer's recommended price: the manufacturer finds you a dealer, who "
    "calls you.":
        "Его всё равно можно заказать по цене, рекомендованной производителем: производитель подберёт вам дилера, "
        "и тот перезвонит.",
    "There are no dealers in %(city)s yet.": "В городе %(city)s пока нет дилеров.",
    "You can still order at the manufacturer's recommended prices: the manufacturer finds you a dealer in the "
    "region, who calls you to agree on delivery.":
        "Заказать всё равно можно — по ценам, рекомендованным производителем: производитель подберёт вам дилера, "
        "и тот перезвонит, чтобы договориться о доставке.",
    "Or pick a city nearby at the top of the page.": "Или выберите ближайший город вверху страницы.",
    # phones, Oscar's leftovers
    "Show the basket's contents": "Показать содержимое корзины",
    "Close": "Закрыть",
    "choose action": "выберите действие",
    "All alerts": "Все уведомления",
    "The wish list has changed meanwhile: here it is as it is now.":
        "Список желаний изменился, пока страница была открыта: вот он сейчас.",
    "Data": "Данные",
}
RU.update({
    "Open the menu": "Открыть меню",
    "Open the catalogue menu": "Открыть меню каталога",
    "No dealer of %(city)s sells everything you ordered yet, so your order goes to the manufacturer first: they "
    "find you a dealer, who calls you to confirm the order, its delivery and the price of delivery.":
        "Не всё из заказа пока продают дилеры города %(city)s, поэтому заказ сначала получит производитель: он "
        "подберёт вам дилера, и тот позвонит, чтобы подтвердить заказ, доставку и её стоимость.",
})
# Oscar's account bar (oscar/partials/nav_accounts.html, copied to translate its toggler)
RU.update({
    "Submitting...": "Отправка…",
    "Go": "Выполнить",
    "Account": "Личный кабинет",
    "Logout": "Выйти",
    "Login or register": "Войти или зарегистрироваться",
})
RU.update({
    "guest, checked out with a phone number": "гость, оформил заказ по телефону",
})
RU.update({
    "Customer's name": "Имя покупателя",
})
# Oscar's order page for staff (oscar/dashboard/orders/order_detail.html, its blocks answered by django-suz)
RU.update({
    "Customer Information": "Информация о клиенте",
    "Order information": "Информация о заказе",
    "Order Total": "Всего",
    "Date of purchase": "Дата покупки",
    "Time of purchase": "Время покупки",
    "Basket": "Корзина",
})
