"""Russian for the robot's confirmation call, its speech and the Asterisk backend (issue 13, part 2)."""

RU = {
    # System checks
    "SUZ_ROBOT_SCRIPT is not a valid template: %(error)s": "SUZ_ROBOT_SCRIPT — некорректный шаблон: %(error)s",
    "The robot reads the default script until it is fixed.":
        "Пока шаблон не исправлен, робот читает текст по умолчанию.",
    "espeak-ng is not installed: the robot's confirmation calls are text only, with no audio to play and none for "
    "staff to hear.":
        "espeak-ng не установлен: звонки робота для подтверждения заказа идут только с текстом — нет звука, который "
        "можно проиграть покупателю и прослушать сотрудникам.",
    "Install it (Debian, Ubuntu: apt-get install espeak-ng) or set SUZ_ROBOT_ESPEAK to its path.":
        "Установите его (Debian, Ubuntu: apt-get install espeak-ng) или укажите путь к нему в SUZ_ROBOT_ESPEAK.",
    # Results
    "the customer confirmed the order": "покупатель подтвердил заказ",
    "the customer asked for the manager": "покупатель попросил соединить с менеджером",
    "no answer, the robot will call again": "нет ответа, робот позвонит ещё раз",
    "no answer, called again": "нет ответа, робот позвонил ещё раз",
    "the customer did not answer": "покупатель не ответил",
    # Notification types
    "The robot could not reach the customer": "Робот не дозвонился до покупателя",
    "The customer asked the robot for the manager": "Покупатель попросил робота соединить с менеджером",
    "The robot could not reach the customer of order %(number)s":
        "Робот не дозвонился до покупателя по заказу %(number)s",
    ("The robot called the customer of order %(number)s to confirm it and got no answer (%(attempts)s attempt).",
     "The robot called the customer of order %(number)s to confirm it and got no answer (%(attempts)s attempts)."): (
        "Робот звонил покупателю по заказу %(number)s, чтобы подтвердить заказ, и не получил ответа "
        "(%(attempts)s попытка).",
        "Робот звонил покупателю по заказу %(number)s, чтобы подтвердить заказ, и не получил ответа "
        "(%(attempts)s попытки).",
        "Робот звонил покупателю по заказу %(number)s, чтобы подтвердить заказ, и не получил ответа "
        "(%(attempts)s попыток).",
        "Робот звонил покупателю по заказу %(number)s, чтобы подтвердить заказ, и не получил ответа "
        "(%(attempts)s попытки)."),
    "Call the customer yourself from the order card in the dashboard.":
        "Позвоните покупателю сами — из карточки заказа в панели управления.",
    "Order %(number)s: the robot could not reach the customer, call them yourself.":
        "Заказ %(number)s: робот не дозвонился до покупателя, позвоните ему сами.",
    "The customer of order %(number)s asks for the manager": "Покупатель по заказу %(number)s просит менеджера",
    "The robot read order %(number)s back to the customer, and the customer pressed 2: they want to speak to the "
    "manager.":
        "Робот зачитал покупателю заказ %(number)s, и покупатель нажал 2: он хочет поговорить с менеджером.",
    "Call the customer from the order card in the dashboard.":
        "Позвоните покупателю из карточки заказа в панели управления.",
    "Order %(number)s: the customer asks the manager to call.":
        "Заказ %(number)s: покупатель просит менеджера позвонить.",
    # Asterisk
    "The PBX did not take the call (%(error)s). Try again in a minute.":
        "АТС не приняла звонок (%(error)s). Попробуйте ещё раз через минуту.",
    "The robot has no audio to play: espeak-ng is not installed.":
        "Роботу нечего проиграть: espeak-ng не установлен.",
    "The robot's prompts directory (prompts_dir) is not configured.":
        "Не настроен каталог для записей робота (prompts_dir).",
    "The robot's prompt could not be written for the PBX.": "Не удалось записать речь робота для АТС.",
    "The PBX could not reach the line.": "АТС не смогла дозвониться до линии.",
    "The recording is not available.": "Запись недоступна.",
    "The recording is not available yet.": "Запись пока недоступна.",
    # The order card
    "Confirmed by the customer": "Подтверждён покупателем",
    "The customer asks for the manager": "Покупатель просит менеджера",
    "The customer did not answer": "Покупатель не ответил",
    "No answer: the robot will call again": "Нет ответа: робот позвонит ещё раз",
    "No answer: called again": "Нет ответа: робот звонил ещё раз",
    "The robot is calling the customer…": "Робот звонит покупателю…",
    "What the robot said": "Что сказал робот",
    "Text only: espeak-ng is not installed on the server, so there is no audio (the provider read the text, if it "
    "can).":
        "Только текст: на сервере не установлен espeak-ng, поэтому звука нет (текст прочитал провайдер, если он это "
        "умеет).",
    "The robot's confirmation call": "Звонок робота для подтверждения заказа",
    "attempt %(attempt)s of %(attempts)s": "попытка %(attempt)s из %(attempts)s",
    "next call at %(time)s": "следующий звонок в %(time)s",
    "attempt %(attempt)s": "попытка %(attempt)s",
}
