"""Translations of the customer's acts on the order (cancel, change requests) and the dealer's answer."""

RU = {
    # The dealer answers a change request (the order card)
    "Choose whether you accept the change.": "Выберите, принимаете ли вы изменение.",
    "The change is accepted; the customer is told.": "Изменение принято, покупатель получит уведомление.",
    "Order %(number)s goes back to dispatch with the change; the customer is told.":
        "Заказ %(number)s с изменением возвращается в распределение, покупатель получит уведомление.",
    "The customer asks for a change": "Покупатель просит изменить заказ",
    "Your offer: %(price)s, %(availability)s.": "Ваше предложение: %(price)s, %(availability)s.",
    "Accepting changes the line and the order's total at your price.":
        "Если принять, позиция и сумма заказа изменятся по вашей цене.",
    "You do not offer this variant: add it to your offers to accept, or answer that you cannot.":
        "Вы не предлагаете этот вариант: добавьте его в свои предложения, чтобы принять изменение, или ответьте, "
        "что не можете.",
    "Your answer to the customer (optional)": "Ваш ответ покупателю (необязательно)",
    "Accept the change": "Принять изменение",
    "The order goes back to dispatch with the change, to other dealers. Continue?":
        "Заказ с изменением вернётся в распределение и уйдёт другим дилерам. Продолжить?",
    "We cannot": "Мы не можем",
    "Waiting for the answer of the dealer holding the order.": "Ждём ответа дилера, который взял заказ.",
    ("%(quantity)s item", "%(quantity)s items"): ("%(quantity)s шт.", "%(quantity)s шт.", "%(quantity)s шт.",
                                                 "%(quantity)s шт."),
    # The model
    "The dealer holding the order when the customer asked.": "Дилер, у которого был заказ, когда покупатель попросил.",
    "request": "просьба",
    "line": "позиция",
    "requested variant": "желаемый вариант",
    "line before": "позиция до изменения",
    "answer": "ответ",
    "answered by": "кто ответил",
    "asked at": "когда попросили",
    "answered at": "дан ответ",
    "change request": "просьба об изменении",
    "change requests": "просьбы об изменении",
    "waiting for the dealer": "ждёт ответа дилера",
    "the dealer cannot": "дилер не может",
    # Services
    "The order is cancelled already.": "Заказ уже отменён.",
    "The order is closed: there is nothing to cancel.": "Заказ закрыт: отменять нечего.",
    "The dealer has already agreed the order with you, so it cannot be cancelled on the site. Write to the dealer "
    "below or call it.":
        "Дилер уже согласовал с вами заказ, поэтому его нельзя отменить на сайте. Напишите дилеру ниже или "
        "позвоните ему.",
    "the order is cancelled": "заказ отменён",
    "cancelled by the customer": "отменён покупателем",
    "The order is closed: it cannot be changed any more.": "Заказ закрыт: изменить его уже нельзя.",
    "You can ask for a change once a dealer has taken the order. Until then, write a message: the shop reads it.":
        "Попросить об изменении можно, когда дилер возьмёт заказ. А пока напишите сообщение — магазин его "
        "прочитает.",
    "Your previous request is still waiting for the dealer's answer.": "Ваша прошлая просьба ещё ждёт ответа дилера.",
    "Choose the line to change.": "Выберите позицию, которую нужно изменить.",
    "This variant cannot replace the line: choose one of the listed variants.":
        "Этим вариантом нельзя заменить позицию: выберите один из предложенных вариантов.",
    "Describe the change, or choose another variant of a line.":
        "Опишите изменение или выберите другой вариант товара.",
    "The request has been answered already.": "На эту просьбу уже ответили.",
    "The line of this request is no longer in the order.": "Позиции из этой просьбы уже нет в заказе.",
    "You do not offer “%(product)s”: add it to your offers, or answer that you cannot.":
        "Вы не предлагаете «%(product)s»: добавьте его в свои предложения или ответьте, что не можете.",
    "the dealer cannot make the change the customer asked for": "дилер не может внести изменение, о котором просил "
                                                                "покупатель",
    "no other dealer can take it": "другие дилеры не могут его взять",
    # Event types
    "The customer cancelled an order": "Покупатель отменил заказ",
    "Answer to your change request": "Ответ на вашу просьбу изменить заказ",
    # The customer's page
    "Your order is cancelled.": "Заказ отменён.",
    "The request is too long: at most 2,000 characters.": "Просьба слишком длинная: не больше 2000 символов.",
    "Choose one of the listed variants.": "Выберите один из предложенных вариантов.",
    "Your request is sent to the dealer. Its answer will appear on this page.":
        "Ваша просьба отправлена дилеру. Его ответ появится на этой странице.",
    "Instead of «%(old)s»: «%(new)s»": "Вместо «%(old)s»: «%(new)s»",
    "Your change request is waiting for the dealer's answer.": "Ваша просьба ждёт ответа дилера.",
    "Ask for a change": "Попросить изменить заказ",
    "Another variant of a line": "Другой вариант товара",
    "— keep the lines as they are —": "— товары без изменений —",
    "Instead of «%(title)s»": "Вместо «%(title)s»",
    "What should change": "Что изменить",
    "For example: deliver on Saturday": "Например: привезти в субботу",
    "Send the request to the dealer": "Отправить просьбу дилеру",
    "Cancel the order? This cannot be undone.": "Отменить заказ? Это нельзя будет вернуть.",
    "Cancel the order": "Отменить заказ",
    "You can cancel until the dealer has agreed the order with you.":
        "Отменить заказ можно, пока дилер не согласовал его с вами.",
    "Your manager: %(manager)s": "Ваш менеджер: %(manager)s",
    # The thread
    "answer to the change request": "ответ на просьбу изменить заказ",
    "The dealer accepted the change.": "Дилер принял изменение.",
    "The dealer cannot make the change: we are finding another dealer for the order with your change.":
        "Дилер не может внести изменение: мы ищем для заказа с вашим изменением другого дилера.",
    "The dealer could not make the change; the order went back to dispatch.":
        "Дилер не смог внести изменение, заказ вернулся в распределение.",
    "waiting for the dealer's answer": "ждёт ответа дилера",
    # Emails and SMS
    "The dealer accepted the change you asked for in order %(number)s.":
        "Дилер принял изменение, о котором вы просили в заказе %(number)s.",
    "The line is now: %(new)s. The order's total: %(total)s.": "Теперь в заказе: %(new)s. Сумма заказа: %(total)s.",
    "The dealer cannot make the change you asked for in order %(number)s. We are already finding another dealer of "
    "your city for the order with your change; it will call you.":
        "Дилер не может внести изменение, о котором вы просили в заказе %(number)s. Мы уже ищем для заказа с вашим "
        "изменением другого дилера в вашем городе — он вам позвонит.",
    "Order %(number)s: the dealer accepted your change.": "Заказ %(number)s: дилер принял ваше изменение.",
    "Order %(number)s: the dealer cannot make the change, we are finding another dealer.":
        "Заказ %(number)s: дилер не может внести изменение, ищем другого дилера.",
    "The dealer accepted your change to order %(number)s": "Дилер принял изменение заказа %(number)s",
    "The customer asks to change order %(number)s.": "Покупатель просит изменить заказ %(number)s.",
    "Instead of: %(old)s\nThey want: %(new)s": "Вместо: %(old)s\nХочет: %(new)s",
    "Accept it, or answer that you cannot (the order then goes to other dealers), on the order's card:":
        "Примите изменение или ответьте, что не можете (тогда заказ уйдёт другим дилерам), в карточке заказа:",
    "Order %(number)s: the customer asks for %(new)s instead of %(old)s.":
        "Заказ %(number)s: покупатель просит %(new)s вместо %(old)s.",
    "Order %(number)s, the customer asks for a change: %(text)s": "Заказ %(number)s, покупатель просит: %(text)s",
    "The customer asks to change order %(number)s": "Покупатель просит изменить заказ %(number)s",
    "The customer cancelled order %(number)s on the site. It is closed: there is nothing more to do with it, and "
    "it does not count against you.":
        "Покупатель отменил заказ %(number)s на сайте. Заказ закрыт: делать с ним больше ничего не нужно, и он "
        "не засчитывается против вас.",
    "Order %(number)s is cancelled by the customer.": "Заказ %(number)s отменён покупателем.",
    "The customer cancelled order %(number)s": "Покупатель отменил заказ %(number)s",
}
