"""Translations of the hardening work (issue 9): dispatch messages, the customer's checkout and order page."""

RU = {
    # Checkout: delivery, payment, what happens next
    "Delivery agreed with the dealer": "Доставка по договорённости с дилером",
    "The dealer who takes your order agrees the delivery and its price with you.":
        "Дилер, который возьмёт ваш заказ, согласует с вами доставку и её стоимость.",
    "Not everything in your basket can be delivered to %(city)s: remove what is not offered there, or choose "
    "another city.":
        "Не всё из корзины можно доставить в город %(city)s: удалите то, чего там нет, или выберите другой город.",
    "The order goes to %(city)s: check the prices, they are those of its dealers.":
        "Заказ будет доставлен в город %(city)s: проверьте цены — теперь это цены его дилеров.",
    "Storefront": "Витрина",
    "Delivery": "Доставка",
    ("delivery price", "by agreement"): "по договорённости",
    ("checkout step", "1. Delivery address"): "1. Адрес доставки",
    ("checkout step", "2. Check the order"): "2. Проверка заказа",
    ("checkout step", "3. Confirmation"): "3. Подтверждение",
    "Payment": "Оплата",
    "Nothing to pay on the site: you pay the dealer who takes your order, as you agree with it.":
        "На сайте платить не нужно: вы оплачиваете заказ дилеру, который его возьмёт, так, как договоритесь.",
    "What happens next": "Что дальше",
    ("A dealer of %(city)s calls you within %(minutes)s minute to confirm the order, its delivery and the price "
     "of delivery.",
     "A dealer of %(city)s calls you within %(minutes)s minutes to confirm the order, its delivery and the price "
     "of delivery."): (
        "В течение %(minutes)s минуты вам позвонит дилер из вашего города (%(city)s), чтобы подтвердить заказ, "
        "доставку и её стоимость.",
        "В течение %(minutes)s минут вам позвонит дилер из вашего города (%(city)s), чтобы подтвердить заказ, "
        "доставку и её стоимость.",
        "В течение %(minutes)s минут вам позвонит дилер из вашего города (%(city)s), чтобы подтвердить заказ, "
        "доставку и её стоимость.",
        "В течение %(minutes)s минуты вам позвонит дилер из вашего города (%(city)s), чтобы подтвердить заказ, "
        "доставку и её стоимость.",
    ),
    "Your order <strong>%(number)s</strong> is placed.": "Ваш заказ <strong>%(number)s</strong> оформлен.",
    "A confirmation has been sent to %(email)s.": "Подтверждение отправлено на %(email)s.",
    "Tracking your order": "Как следить за заказом",
    "Follow your order on its page: whether a dealer has taken it, who, and what happens next.":
        "На странице заказа видно, взял ли его дилер, какой именно и что будет дальше.",
    "Order status": "Статус заказа",
    # The customer's order page
    "We are looking for a dealer": "Ищем дилера",
    "A dealer has taken your order and will call you": "Дилер взял ваш заказ и позвонит вам",
    "The dealer is working on your order": "Дилер выполняет ваш заказ",
    "Not completed": "Не выполнен",
    "Cancelled": "Отменён",
    "Order %(number)s": "Заказ %(number)s",
    "Delivery address": "Адрес доставки",
    "Keep the link to this page: it shows your order without signing in.":
        "Сохраните ссылку на эту страницу: по ней заказ открывается без входа на сайт.",
    "Dealer: %(dealer)s": "Дилер: %(dealer)s",
    ("A dealer of your city calls you within %(minutes)s minute.",
     "A dealer of your city calls you within %(minutes)s minutes."): (
        "Дилер из вашего города позвонит вам в течение %(minutes)s минуты.",
        "Дилер из вашего города позвонит вам в течение %(minutes)s минут.",
        "Дилер из вашего города позвонит вам в течение %(minutes)s минут.",
        "Дилер из вашего города позвонит вам в течение %(minutes)s минуты.",
    ),
    # Dispatch: what really happened to a claim or a link
    "Order %(number)s: %(reason)s": "Заказ %(number)s: %(reason)s",
    "This order does not exist.": "Такого заказа нет.",
    "This order is already yours.": "Этот заказ уже ваш.",
    "Your dealer does not take orders now: it is suspended, taken out of dispatch or does not accept orders from "
    "the site.":
        "Ваш дилер сейчас не получает заказы: он приостановлен, исключён из распределения или не принимает "
        "заказы с сайта.",
    "You have declined this order.": "Вы отказались от этого заказа.",
    "This order is no longer open to dealers.": "Этот заказ больше не доступен дилерам.",
    "Set when the entry records a dealer declining the order.": "Заполняется, если запись — отказ дилера от заказа.",
    "declined the order": "отказался от заказа",
    # Staff: who could take the order
    "suspended": "приостановлен",
    "taken out of dispatch for its rating": "исключён из распределения за рейтинг",
    "does not take orders from the site": "не принимает заказы с сайта",
    "does not serve the city": "не обслуживает город",
    "does not offer": "не предлагает",
    "price above the one the customer was shown": "цена выше показанной покупателю",
    "Payment, shipping and notes of the order": "Оплата, доставка и заметки заказа",
    "Dealers of the region": "Дилеры региона",
    "Who could take this order now, and why the others cannot.":
        "Кто мог бы взять этот заказ сейчас и почему не могут остальные.",
    "Can take it": "Может взять",
    "yes": "да",
    "No dealer serves this region.": "Ни один дилер не обслуживает этот регион.",
}
RU["How to pay"] = "Как оплатить"

# Oscar's order confirmation email (Oscar's Russian catalogue leaves it in English).
RU.update({
    "Hello,": "Здравствуйте!",
    "We are pleased to confirm your order %(order_number)s has been received and\n        will be processed "
    "shortly.": "Ваш заказ %(order_number)s получен, скоро им займутся.",
    "Your order contains:": "В заказе:",
    "Basket total:": "Товары и услуги:",
    "Shipping:": "Доставка:",
    "Order Total:": "Итого:",
    "Shipping address:": "Адрес доставки:",
    "You can view the status of this order by clicking <a href=\"%(absolute_status_url)s\" title=\"order "
    "status\">here</a>":
        "Следить за заказом можно <a href=\"%(absolute_status_url)s\" title=\"статус заказа\">на его странице</a>.",
    "Hello,\n\nWe are pleased to confirm your order %(order_number)s has been received and\nwill be processed "
    "shortly.": "Здравствуйте!\n\nВаш заказ %(order_number)s получен, скоро им займутся.",
    "quantity:": "количество:",
    "price:": "цена:",
    "You can view the status of this order at the below URL:\n%(absolute_status_url)s":
        "Следить за заказом можно на его странице:\n%(absolute_status_url)s",
    "The team": "Команда магазина",
})

# System checks
RU.update({
    "The default cache is local to each process: a dealer suspended in one web process stays visible in the "
    "others for up to five minutes.":
        "Кэш по умолчанию у каждого процесса свой: дилер, приостановленный в одном веб-процессе, ещё до пяти минут "
        "виден в остальных.",
    "Use a cache every process shares (Redis or Memcached) in production.":
        "В рабочей среде используйте общий для всех процессов кэш (Redis или Memcached).",
})

# Architecture (issue 10): the dispatch vocabulary
RU.update({
    "order failed": "заказ сорван",
    "order cancelled": "заказ отменён",
})

# After trying the demo as its users (issue 9)
RU.update({
    "has taken it": "взял его",
    "sees it": "видит",
    "will see it": "увидит",
    "sees it in the stage for every dealer": "видит на этапе для всех дилеров",
    "declined it": "отказался",
    "gave it back": "вернул",
    "is not in its plan": "не в плане заказа",
    "Whether the rules let each dealer take this order now, and where it stands in the order's plan. The stage "
    "for every dealer lets any dealer of the network take it, whatever the rules.":
        "Может ли каждый дилер по правилам взять этот заказ сейчас и где он в плане заказа. На этапе для всех "
        "дилеров заказ может взять любой дилер сети, что бы ни говорили правила.",
    "By the rules": "По правилам",
    "In this order": "В этом заказе",
    "may take it": "может взять",
    "You gave this order back.": "Вы вернули этот заказ.",
    "Call the customer through the system first: an order fails by the customer's fault only after a call.":
        "Сначала позвоните покупателю через систему: срыв по вине покупателя можно отметить только после звонка.",
    "shown to the dealer that takes the order": "виден дилеру, который возьмёт заказ",
    "Give the order back? It goes to other dealers and costs you points.":
        "Вернуть заказ? Он уйдёт другим дилерам, а у вас спишутся баллы.",
    "— why decline? —": "— причина отказа —",
    "You set a price: choose «in stock» or «on order» to offer it.":
        "Вы указали цену: выберите «в наличии» или «под заказ», чтобы предложить товар.",
})
RU.update({
    "A dealer of %(city)s calls you to confirm the order, its delivery and the price of delivery.":
        "Вам позвонит дилер из вашего города (%(city)s), чтобы подтвердить заказ, доставку и её стоимость.",
    "A dealer of your city calls you as soon as it takes the order.":
        "Дилер из вашего города позвонит вам, как только возьмёт заказ.",
})

# After the attack on the demo (issue 9)
RU.update({
    "The image is larger than %(mb)d MB.": "Изображение больше %(mb)d МБ.",
    "The image is %(width)d × %(height)d pixels: at most %(megapixels)d million pixels, please.":
        "В изображении %(width)d × %(height)d пикселей, а можно не больше %(megapixels)d миллионов.",
    "%(dealer)s already has this order.": "Этот заказ уже у дилера «%(dealer)s».",
    "The file cannot be read: it is damaged, or not a CSV or XLSX price list. Save it again from your spreadsheet "
    "(as “CSV UTF-8” or XLSX) and upload it.":
        "Файл не удаётся прочитать: он повреждён или это не прайс-лист CSV или XLSX. Сохраните его заново в "
        "своей таблице (как «CSV UTF-8» или XLSX) и загрузите.",
    ("and %(count)d more row with errors or not checked", "and %(count)d more rows with errors or not checked"): (
        "и ещё %(count)d строка с ошибками или не проверенная",
        "и ещё %(count)d строки с ошибками или не проверенные",
        "и ещё %(count)d строк с ошибками или не проверенных",
        "и ещё %(count)d строки с ошибками или не проверенные",
    ),
    "The file has no rows under its header.": "В файле нет строк под заголовком.",
    "Bad request": "Неверный запрос",
    "The request could not be understood. Check the address, or go back and try again.":
        "Запрос не удалось понять. Проверьте адрес или вернитесь назад и попробуйте ещё раз.",
    "To the home page": "На главную",
    "Server error": "Ошибка сервера",
    "Something went wrong on our side": "Что-то пошло не так на нашей стороне",
    "The page could not be shown. We have been told and will look into it. Nothing you did caused it.":
        "Страницу не удалось показать. Мы уже знаем об ошибке и разберёмся. Вы ни в чём не виноваты.",
    "Back to the previous page": "Назад",
})
