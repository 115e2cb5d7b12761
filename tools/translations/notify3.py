"""Translations of the customer's order links (expiry, revocation, a new link), the customer's channels at
checkout and in the account, and Oscar's pages copied for them."""

RU = {
    # The order's place: the customer's channels and the link's key
    "tell by SMS": "сообщать по SMS",
    "tell by email": "сообщать по электронной почте",
    "link key": "ключ ссылки",
    "link sent": "ссылка отправлена",
    "by SMS": "по SMS",
    "by email": "по электронной почте",
    "Tell me about the order by SMS": "Сообщать о заказе по SMS",
    "Tell me about the order by email": "Сообщать о заказе по электронной почте",
    "Saved: we will tell you about this order as you chose.":
        "Сохранено: будем сообщать об этом заказе так, как вы выбрали.",
    "How to tell you about this order": "Как сообщать вам об этом заказе",
    "Keep the link to this page to yourself: it shows your order without signing in. It works for a limited time; "
    "each message about the order brings a fresh one.":
        "Не передавайте ссылку на эту страницу другим: она открывает заказ без входа на сайт. Ссылка действует "
        "ограниченное время; в каждом сообщении о заказе — свежая.",
    "The link to the order's page is on its way by SMS to %(phone)s.":
        "Ссылка на страницу заказа отправлена в SMS на номер %(phone)s.",
    # The customer card's timeline: what was sent to the customer
    "To the customer": "Покупателю",
    ("notification", "delivered"): "доставлено",
    # Staff revoke a guest's links
    "Revoke the customer's links and send a new one": "Отозвать ссылки покупателя и отправить новую",
    "For a link that reached the wrong person: the links sent so far stop working.":
        "Если ссылка попала не к тому человеку: все отправленные ранее ссылки перестанут работать.",
    "The customer's links are revoked; a new one is sent to the order's phone and email.":
        "Ссылки покупателя отозваны; новая отправлена на телефон и почту заказа.",
    # Event types and their messages
    "Your order is received (with the link to its page)": "Заказ принят (со ссылкой на страницу заказа)",
    "A new link to your order": "Новая ссылка на ваш заказ",
    "Your order %(number)s is received": "Ваш заказ %(number)s принят",
    "Your order %(number)s is received. We are finding the dealer nearest to you who has everything in stock; its "
    "manager will call you to agree on the details.":
        "Ваш заказ %(number)s принят. Мы подбираем ближайшего к вам дилера, у которого всё есть в наличии; его "
        "менеджер позвонит вам, чтобы обсудить детали.",
    "Total:": "Итого:",
    "Your order, its status and the conversation with the dealer (no sign-in needed; keep this link to yourself):":
        "Ваш заказ, его статус и переписка с дилером (вход на сайт не нужен; не передавайте эту ссылку другим):",
    "Order %(number)s is received, we are finding a dealer.": "Заказ %(number)s принят, подбираем дилера.",
    "A new link to your order %(number)s": "Новая ссылка на ваш заказ %(number)s",
    "Here is a new link to your order %(number)s. Links sent before no longer work.":
        "Вот новая ссылка на ваш заказ %(number)s. Ссылки, отправленные раньше, больше не работают.",
    "If you did not ask for it, just ignore this message: nobody else receives the link.":
        "Если вы её не запрашивали, просто не обращайте внимания на это сообщение: ссылку получаете только вы.",
    "New link to order %(number)s:": "Новая ссылка на заказ %(number)s:",
    # A link that does not open the order
    "This link does not open the order": "Эта ссылка не открывает заказ",
    "The link is out of date: links to an order work for a limited time.":
        "Срок действия ссылки истёк: ссылки на заказ действуют ограниченное время.",
    "The link was replaced by a newer one: only the latest link works.":
        "Ссылку заменила более новая: работает только последняя ссылка.",
    "The link is not valid. Check that it was copied whole.":
        "Ссылка недействительна. Проверьте, что она скопирована целиком.",
    "Get a new link": "Получить новую ссылку",
    "Give the order's number and the phone you gave with it: we will send a new link to that phone and to the "
    "order's email.":
        "Укажите номер заказа и телефон, который вы оставили при оформлении: мы отправим новую ссылку на этот "
        "телефон и на почту заказа.",
    "Order number": "Номер заказа",
    "The phone given with the order": "Телефон, указанный в заказе",
    "Send a new link": "Отправить новую ссылку",
    "If the number and the phone belong to one order, a new link is on its way to that phone and email. It may "
    "take a minute.":
        "Если номер и телефон относятся к одному заказу, новая ссылка уже отправлена на этот телефон и почту. "
        "Это может занять минуту.",
    # The account's notification settings
    "Choose how we tell you about your orders. Whatever you choose, the order's page in your account shows "
    "everything.":
        "Выберите, как сообщать вам о заказах. Что бы вы ни выбрали, страница заказа в личном кабинете показывает "
        "всё.",
    "Without it, SMS go to the phone given with each order (if you asked for SMS at checkout).":
        "Если номер не указан, SMS приходят на телефон, указанный в заказе (если при оформлении вы выбрали SMS).",
    # Oscar's account tabs and Communications list, copied
    "Order History": "История заказов",
    "Address Book": "Адресная книга",
    "Email History": "История писем",
    "Product Alerts": "Уведомления о товарах",
    "Wish Lists": "Списки желаний",
    "Emails": "Письма",
    "There are no defined emails to edit.": "Нет писем для редактирования.",
    "Toggle navigation": "Показать или скрыть меню",
    "Order related": "Заказы",
    "User related": "Пользователи",
}
