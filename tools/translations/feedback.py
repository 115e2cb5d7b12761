"""Translations of customer feedback: surveys, complaints, reviews, the results block, the customer card."""

RU = {
    # Models and vocabulary
    "Customer feedback": "Отзывы клиентов",
    "Feedback": "Обратная связь",
    "question": "вопрос",
    "answer": "ответ",
    "asked": "задаётся",
    "who is asked": "кому задаётся",
    "survey question": "вопрос опроса",
    "survey questions": "вопросы опроса",
    "the order sold": "заказ состоялся",
    "sent at": "отправлен",
    "times sent": "сколько раз отправлен",
    "answered at": "дан ответ",
    "score": "оценка",
    "survey": "опрос",
    "surveys": "опросы",
    "survey answer": "ответ на опрос",
    "survey answers": "ответы на опрос",
    "complaint": "жалоба",
    "complaints": "жалобы",
    "upheld": "признана обоснованной",
    "filed at": "подана",
    "answered by": "кто ответил",
    "closed at": "время закрытия",
    "closed by": "закрыл",
    "who": "кто",
    "complaint message": "сообщение по жалобе",
    "complaint messages": "сообщения по жалобе",
    "review": "отзыв",
    "reviews": "отзывы",
    "written at": "написан",
    "moderated at": "проверен",
    "moderated by": "проверил",
    "confirmed by": "подтвердил",
    "amount earned": "заработанная сумма",
    "amounts earned": "заработанные суммы",
    "score from 1 to 5": "оценка от 1 до 5",
    "yes or no": "да или нет",
    "free text": "свободный ответ",
    "every customer": "всем клиентам",
    "customers who bought": "купившим",
    "customers who did not buy": "не купившим",
    "answered": "дан ответ",
    "resolved": "решена",
    "waiting for moderation": "ждёт проверки",
    "published": "опубликован",
    "per complaint upheld": "за обоснованную жалобу",
    "When staff close a customer's complaint as justified, the dealer that held the order gets these points.":
        "Когда производитель признаёт жалобу клиента обоснованной, дилер, который вёл заказ, получает эти баллы.",
    "customer complaint upheld": "обоснованная жалоба клиента",
    "complaint upheld": "жалоба признана обоснованной",
    # Event types
    "How did the dealer do? (survey)": "Как сработал дилер? (опрос)",
    "A customer complained about our order": "Клиент пожаловался на наш заказ",
    "A customer complained about a dealer": "Клиент пожаловался на дилера",
    "An answer to your complaint": "Ответ на вашу жалобу",
    "A complaint is not answered in time": "На жалобу не ответили вовремя",
    # Services
    "The survey is sent once the order is closed.": "Опрос отправляется, когда заказ закрыт.",
    "The customer has answered the survey already.": "Клиент уже ответил на опрос.",
    "This survey has been answered already.": "На этот опрос уже ответили.",
    "A score is a whole number from 1 to 5.": "Оценка — целое число от 1 до 5.",
    "Answer at least one question.": "Ответьте хотя бы на один вопрос.",
    "A review of this order cannot be written now.": "Отзыв по этому заказу сейчас написать нельзя.",
    "Write your review.": "Напишите отзыв.",
    "Write what went wrong.": "Напишите, что пошло не так.",
    "This complaint is not about your order.": "Эта жалоба не о вашем заказе.",
    "The complaint is closed already.": "Жалоба уже закрыта.",
    "The amount earned is set for a completed order.": "Заработанная сумма указывается для выполненного заказа.",
    "Enter an amount from 0 to 9,999,999,999.99.": "Введите сумму от 0 до 9 999 999 999,99.",
    # Dashboard
    "Earned: what the customer paid you": "Заработано: сколько клиент вам заплатил",
    "When completing: the order total unless you correct it.":
        "При выполнении заказа: сумма заказа, если вы её не исправите.",
    "Earned": "Заработано",
    "Enter the amount the customer paid.": "Введите сумму, которую заплатил клиент.",
    "Enter the amount as a number.": "Введите сумму числом.",
    "Answer": "Ответ",
    "Write the answer.": "Напишите ответ.",
    "At most 2,000 characters.": "Не больше 2000 символов.",
    "resolved: the complaint is justified (the dealer loses points)":
        "решена: жалоба обоснованна (дилер теряет баллы)",
    "resolved without the dealer's fault": "решена, дилер не виноват",
    "rejected: the complaint is not justified": "отклонена: жалоба необоснованна",
    "Phone, email or name": "Телефон, email или имя",
    "The survey is sent to the customer.": "Опрос отправлен клиенту.",
    "The amount earned is saved.": "Заработанная сумма сохранена.",
    "Open and answered": "Открытые и отвеченные",
    "The answer is sent to the customer.": "Ответ отправлен клиенту.",
    "Choose a decision.": "Выберите решение.",
    "The complaint is closed.": "Жалоба закрыта.",
    "Choose to publish or to reject the review.": "Опубликуйте или отклоните отзыв.",
    "The review is published.": "Отзыв опубликован.",
    "The review is rejected.": "Отзыв отклонён.",
    "Survey questions": "Вопросы опроса",
    "Every closed order's customer gets the active questions meant for them: those who bought, those who did not, "
    "or both. The first «score» question is the dealer's score: it moves the dealer's points by the points table. "
    "Answered questions cannot be deleted; switch them off.":
        "Клиент каждого закрытого заказа получает включённые вопросы, предназначенные ему: купившим, не купившим "
        "или всем. Первый вопрос с оценкой — это оценка дилера: она меняет баллы дилера по таблице баллов. "
        "Вопросы, на которые уже отвечали, не удаляются — выключите их.",
    "Complaints": "Жалобы",
    "Customers": "Клиенты",
    "Customer cards": "Карточки клиентов",
    "Dealer reviews": "Отзывы о дилерах",
    "Show the whole story": "Показать всю историю",
    ("%(counter)s earlier entry is not shown.", "%(counter)s earlier entries are not shown."): (
        "%(counter)s более ранняя запись не показана.", "%(counter)s более ранние записи не показаны.",
        "%(counter)s более ранних записей не показаны.", "%(counter)s более ранних записей не показаны."),
    "Reviews": "Отзывы",
    "Complaint": "Жалоба",
    "Complaint about order %(number)s": "Жалоба по заказу %(number)s",
    "Filed": "Подана",
    "Answered": "Ответ",
    "Closed": "Закрыта",
    "Thread": "Переписка",
    "Answer the customer (they are notified)": "Ответ клиенту (он получит уведомление)",
    "Send the answer": "Отправить ответ",
    "Close the complaint": "Закрыть жалобу",
    "Close": "Закрыть",
    "not answered in time": "нет ответа в срок",
    "No complaints here.": "Жалоб нет.",
    "Customer card": "Карточка клиента",
    "Contacts": "Контакты",
    "account": "аккаунт",
    "guest": "гость",
    "hidden": "скрыт",
    ("%(n)s order", "%(n)s orders"): ("%(n)s заказ", "%(n)s заказа", "%(n)s заказов", "%(n)s заказа"),
    "%(p)s points": "баллов: %(p)s",
    "Every contact with the customer": "Все контакты с клиентом",
    "No contacts yet.": "Контактов пока нет.",
    "You find the customers of the orders your dealer holds.": "Вы находите клиентов заказов, которые ведёт ваш дилер.",
    "Latest order": "Последний заказ",
    "Nobody found. Search by a phone (any format), an email or a name.":
        "Никого не нашли. Ищите по телефону (в любом формате), email или имени.",
    "Customers who gave a dealer a good score are asked for a public review. Nobody sees a review until you "
    "publish it.":
        "Клиентов, которые высоко оценили дилера, просят оставить публичный отзыв. Отзыв никто не увидит, пока вы "
        "его не опубликуете.",
    "Written": "Написан",
    "Score": "Оценка",
    "Review": "Отзыв",
    "Publish": "Опубликовать",
    "No reviews here.": "Отзывов нет.",
    # The order card: results and map; the scorecard
    "Delivery point": "Точка доставки",
    "Set by the customer on the map at checkout.": "Клиент отметил её на карте при оформлении заказа.",
    "The customer set no point: the city's centre is shown.": "Клиент не отметил точку: показан центр города.",
    "Results": "Итоги",
    "confirmed by the dealer": "подтверждено дилером",
    "the order total": "сумма заказа",
    "Correct": "Исправить",
    "Survey": "Опрос",
    "answered %(when)s": "ответ получен %(when)s",
    "sent %(when)s, not answered yet": "отправлен %(when)s, ответа пока нет",
    "not sent": "не отправлялся",
    "Send the survey again": "Отправить опрос ещё раз",
    "Send the survey": "Отправить опрос",
    "none": "нет",
    "The customer card: every order and contact": "Карточка клиента: все заказы и контакты",
    "Customer surveys and complaints": "Опросы и жалобы клиентов",
    "Average score": "Средняя оценка",
    "Response rate": "Доля ответов",
    "%(answered)s of %(sent)s surveys": "%(answered)s из %(sent)s опросов",
    "Open complaints": "Открытые жалобы",
    "Complaints upheld": "Обоснованные жалобы",
    "Latest comments": "Последние комментарии",
    "order %(number)s": "заказ %(number)s",
    "Your complaint": "Ваша жалоба",
    "Answer to your complaint": "Ответ на вашу жалобу",
    "Complaint from the customer": "Жалоба клиента",
    "Manufacturer's answer to the complaint": "Ответ производителя на жалобу",
    "Dealer's answer to the complaint": "Ответ дилера на жалобу",
    "The customer answered the survey": "Клиент ответил на опрос",
    "Survey sent to the customer": "Клиенту отправлен опрос",
    ("sent %(n)s time", "sent %(n)s times"): (
        "отправлен %(n)s раз", "отправлен %(n)s раза", "отправлен %(n)s раз", "отправлен %(n)s раза"),
    # The customer's pages
    "This link does not work": "Ссылка не работает",
    "Check that the whole link from the message was copied.": "Проверьте, что ссылка из сообщения скопирована целиком.",
    "This survey has expired": "Срок опроса истёк",
    "The link was valid for a limited time. Thank you all the same!":
        "Ссылка действовала ограниченное время. Всё равно спасибо!",
    "This link has been replaced": "Эта ссылка заменена",
    "We sent you a newer link to the same survey: use the latest message.":
        "Мы прислали вам новую ссылку на этот опрос: воспользуйтесь последним сообщением.",
    "You have answered this survey already": "Вы уже ответили на этот опрос",
    "Thank you for your answers!": "Спасибо за ответы!",
    "Something went wrong? Write a complaint: the manufacturer reads every one.":
        "Что-то пошло не так? Напишите жалобу: производитель читает каждую.",
    "Choose a score from 1 to 5.": "Выберите оценку от 1 до 5.",
    "Answer yes or no.": "Ответьте «да» или «нет».",
    "Your review": "Ваш отзыв",
    "Your name as it appears with the review": "Ваше имя под отзывом",
    "What went wrong?": "Что пошло не так?",
    "Your complaint is sent to the dealer and the manufacturer. The answer will appear on this page.":
        "Ваша жалоба отправлена дилеру и производителю. Ответ появится на этой странице.",
    "Complain": "Пожаловаться",
    "about the order or the dealer: the manufacturer reads every complaint.":
        "на заказ или дилера: производитель читает каждую жалобу.",
    "The dealer and the manufacturer get your complaint at once. The answer will appear on the order's page and "
    "come by your usual channels.":
        "Дилер и производитель получат жалобу сразу. Ответ появится на странице заказа и придёт по вашим обычным "
        "каналам.",
    "Send the complaint": "Отправить жалобу",
    "Back to the order": "Вернуться к заказу",
    "How did it go? Order %(number)s": "Как всё прошло? Заказ %(number)s",
    "Dealer: %(dealer)s. ": "Дилер: %(dealer)s. ",
    "Answer the questions you like; each may be skipped. Your answers help us choose the dealers who serve you "
    "best.":
        "Ответьте на те вопросы, на которые хотите: любой можно пропустить. Ваши ответы помогают нам выбирать "
        "дилеров, которые обслуживают лучше всех.",
    "1 — very bad, 5 — excellent": "1 — очень плохо, 5 — отлично",
    "Send the answers": "Отправить ответы",
    "Thank you!": "Спасибо!",
    "Thank you for the review! It will appear on the site once the manufacturer has checked it.":
        "Спасибо за отзыв! Он появится на сайте после проверки производителем.",
    "Your answers are saved.": "Ваши ответы сохранены.",
    "Your complaint is sent to the dealer and the manufacturer; the answer will come by your usual channels.":
        "Ваша жалоба отправлена дилеру и производителю; ответ придёт по вашим обычным каналам.",
    "Would you recommend the dealer to others?": "Порекомендуете дилера другим?",
    "Write a short public review of %(dealer)s: it will appear with the dealer on our site after the manufacturer "
    "checks it.":
        "Напишите короткий публичный отзыв о дилере «%(dealer)s»: он появится на нашем сайте после проверки "
        "производителем.",
    "Publish the review": "Опубликовать отзыв",
    # Messages
    "An answer to your complaint about order %(number)s:": "Ответ на вашу жалобу по заказу %(number)s:",
    "Order %(number)s: an answer to your complaint": "Заказ %(number)s: ответ на вашу жалобу",
    "An answer to your complaint about order %(number)s": "Ответ на вашу жалобу по заказу %(number)s",
    "The customer of order %(number)s complained:": "Клиент заказа %(number)s пожаловался:",
    "Answer the customer on the order's card; the manufacturer has been told as well:":
        "Ответьте клиенту в карточке заказа; производитель тоже получил жалобу:",
    ("Nobody has answered the complaint about order %(number)s within %(hours)s hour.",
     "Nobody has answered the complaint about order %(number)s within %(hours)s hours."): (
        "На жалобу по заказу %(number)s никто не ответил за %(hours)s час.",
        "На жалобу по заказу %(number)s никто не ответил за %(hours)s часа.",
        "На жалобу по заказу %(number)s никто не ответил за %(hours)s часов.",
        "На жалобу по заказу %(number)s никто не ответил за %(hours)s часа.",
    ),
    "Dealer: %(dealer)s.": "Дилер: %(dealer)s.",
    "Complaint about order %(number)s not answered in time": "Жалоба по заказу %(number)s без ответа в срок",
    "A complaint about order %(number)s is not answered": "На жалобу по заказу %(number)s нет ответа",
    "Complaint, order %(number)s: %(text)s": "Жалоба, заказ %(number)s: %(text)s",
    "The customer of order %(number)s (dealer %(dealer)s) complained:":
        "Клиент заказа %(number)s (дилер %(dealer)s) пожаловался:",
    "The customer of order %(number)s complained (no dealer holds the order):":
        "Клиент заказа %(number)s пожаловался (заказ не ведёт ни один дилер):",
    "Your order %(number)s is closed.": "Ваш заказ %(number)s закрыт.",
    "Please tell us how %(dealer)s served you: a score and a few questions, whether you bought or not.":
        "Расскажите, как вас обслужил дилер «%(dealer)s»: оценка и несколько вопросов — купили вы или нет.",
    "Please tell us how it went: a score and a few questions, whether you bought or not.":
        "Расскажите, как всё прошло: оценка и несколько вопросов — купили вы или нет.",
    "The link works once and needs no password. Something went wrong? You can write a complaint there too: the "
    "manufacturer reads every one.":
        "Ссылка работает один раз и не требует пароля. Что-то пошло не так? Там же можно написать жалобу: "
        "производитель читает каждую.",
    "Order %(number)s: please rate the dealer": "Заказ %(number)s: оцените дилера",
    "How was your order %(number)s? Two minutes of your time":
        "Как прошёл ваш заказ %(number)s? Две минуты вашего времени",
    # Checkout: the delivery point
    "Delivery point on the map (optional)": "Точка доставки на карте (необязательно)",
    "Click the map where the order should be delivered: the dealer will find you faster. Without a point the "
    "dealer sees the city's centre.":
        "Щёлкните по карте там, куда доставить заказ: так дилер найдёт вас быстрее. Без точки дилер видит центр "
        "города.",
    "Remove the point": "Убрать точку",
}
