"""Translations of the dealers hardening: invitations, territory requests, input checks."""

RU = {
    # Input checks
    "Write this on one line, without line breaks or tabs.": "Напишите в одну строку, без переносов и табуляции.",
    "Enter a web address starting with http:// or https://.": "Введите адрес сайта, начинающийся с http:// или https://.",
    "The dealer is not suspended: %(error)s": "Дилер не приостановлен: %(error)s",
    # Manager invitations: models
    "token hash": "хеш токена",
    "invited by": "кто пригласил",
    "expires at": "действует до",
    "accepted at": "когда принято",
    "accepted by": "кто принял",
    "revoked": "отозвано",
    "manager invitation": "приглашение менеджера",
    "manager invitations": "приглашения менеджеров",
    # Manager invitations: dashboard
    "Invitations sent": "Отправленные приглашения",
    "Sent": "Отправлено",
    "Valid until": "Действует до",
    "Expired": "Истекло",
    "Send again": "Отправить снова",
    "Revoke": "Отозвать",
    "The invitation is an email with a link. The person becomes a manager only after accepting it, and then sees "
    "this dealer only.":
        "Приглашение приходит письмом со ссылкой. Менеджером человек становится, только когда примет его, "
        "и видит только этого дилера.",
    "The invitation to %(email)s is withdrawn.": "Приглашение для %(email)s отозвано.",
    "This invitation is no longer pending.": "Это приглашение уже не действует.",
    # Manager invitations: email
    "Invitation to manage %(dealer)s": "Приглашение стать менеджером дилера «%(dealer)s»",
    "Hello,\n\nyou are invited to become a manager of the dealer “%(dealer)s”. In the dashboard you will see the "
    "orders offered to the dealer and keep its profile, outlets and prices up to date.":
        "Здравствуйте!\n\nВас приглашают стать менеджером дилера «%(dealer)s». В личном кабинете вы будете видеть "
        "заказы, предложенные дилеру, и вести его профиль, точки продаж и цены.",
    "To accept the invitation, open this link:": "Чтобы принять приглашение, откройте ссылку:",
    ("The link works once and for %(days)s day.", "The link works once and for %(days)s days."): (
        "Ссылка действует один раз и %(days)s день.",
        "Ссылка действует один раз и %(days)s дня.",
        "Ссылка действует один раз и %(days)s дней.",
        "Ссылка действует один раз и %(days)s дня.",
    ),
    "If you did not expect this invitation, ignore this email: nothing changes without you.":
        "Если вы не ждали этого приглашения, просто не обращайте внимания на письмо: без вас ничего не изменится.",
    # Manager invitations: the link's page
    "Dealer manager invitation": "Приглашение менеджера дилера",
    "Home": "Главная",
    "Log in": "Войти",
    "You were invited to manage “%(dealer)s”.": "Вас пригласили менеджером дилера «%(dealer)s».",
    "You are invited to become a manager of the dealer “%(dealer)s” with the address %(email)s.":
        "Вас приглашают стать менеджером дилера «%(dealer)s» с адресом %(email)s.",
    "Accept the invitation": "Принять приглашение",
    "This address already has an account. Log in with it, then accept the invitation on this page.":
        "С этим адресом уже есть учётная запись. Войдите в неё и примите приглашение на этой странице.",
    "Log in to accept": "Войти и принять",
    "Choose a password for your account; you will log in with your email address and this password.":
        "Придумайте пароль для учётной записи: вы будете входить по адресу электронной почты и этому паролю.",
    "Set password and accept": "Сохранить пароль и принять",
    "Password": "Пароль",
    "Password (again)": "Пароль ещё раз",
    "The two passwords do not match.": "Пароли не совпадают.",
    "You are now a manager of “%(dealer)s”.": "Теперь вы менеджер дилера «%(dealer)s».",
    "This link is not valid": "Ссылка недействительна",
    "Check that the whole link was copied from the email, or ask the dealer for a new invitation.":
        "Проверьте, что ссылка скопирована из письма целиком, или попросите дилера прислать новое приглашение.",
    "This invitation has expired": "Срок действия приглашения истёк",
    "Ask the dealer to send you a new one.": "Попросите дилера прислать новое.",
    "This invitation has been withdrawn": "Приглашение отозвано",
    "Ask the dealer to send you a new one if you still need access.":
        "Если доступ вам по-прежнему нужен, попросите дилера прислать новое приглашение.",
    "This invitation has already been accepted": "Это приглашение уже принято",
    "Each invitation link works once. Log in with your email and password.":
        "Каждая ссылка-приглашение действует один раз. Войдите, указав адрес электронной почты и пароль.",
    "This invitation is for another address": "Это приглашение отправлено на другой адрес",
    "Log out and log in with the account of the address the invitation was sent to.":
        "Выйдите и войдите в учётную запись с тем адресом, на который пришло приглашение.",
    "Manufacturer staff cannot be dealer managers": "Сотрудники производителя не могут быть менеджерами дилера",
    "Your account belongs to the manufacturer's staff. Nothing has been changed.":
        "Ваша учётная запись принадлежит сотруднику производителя. Ничего не изменено.",
    "You already manage another dealer": "Вы уже управляете другим дилером",
    "An account can work for one dealer only. Nothing has been changed; use another email address for this dealer, "
    "or ask to be removed from the other one first.":
        "Одна учётная запись может работать только с одним дилером. Ничего не изменено: для этого дилера "
        "используйте другой адрес электронной почты или сначала попросите исключить вас из менеджеров другого.",
    "You already have an account": "У вас уже есть учётная запись",
    "Log in with it to accept the invitation.": "Войдите в неё, чтобы принять приглашение.",
    # Territory requests: models
    "waiting for approval": "ждёт одобрения",
    "approved": "одобрена",
    "rejected": "отклонена",
    "regions requested": "запрошенные регионы",
    "cities requested": "запрошенные города",
    "requested by": "кто подал",
    "requested at": "когда подана",
    "decided by": "кто решил",
    "decided at": "когда решено",
    "manufacturer's comment": "комментарий производителя",
    "territory request": "заявка на территорию",
    "territory requests": "заявки на территорию",
    # Territory requests: forms and messages
    "Comment for the manufacturer": "Комментарий для производителя",
    "For example, why you want to serve these places.": "Например, почему вы хотите работать в этих местах.",
    "Comment for the dealer": "Комментарий для дилера",
    "Required when you reject the request.": "Обязателен, если вы отклоняете заявку.",
    "Your request is sent to the manufacturer. Until it is approved, your current regions and cities stay in force.":
        "Заявка отправлена производителю. Пока её не одобрят, действуют ваши нынешние регионы и города.",
    "Request approved: the dealer's territory is changed.": "Заявка одобрена: территория дилера изменена.",
    "Request rejected.": "Заявка отклонена.",
    "This is already your territory: change the regions or cities you ask for.":
        "Это и есть ваша нынешняя территория: измените регионы или города, которые запрашиваете.",
    "This request has already been decided.": "По этой заявке уже принято решение.",
    "Tell the dealer why the request is rejected.": "Напишите дилеру, почему заявка отклонена.",
    # Territory requests: pages
    "Territory": "Территория",
    "Territory request": "Заявка на территорию",
    "Territory requests": "Заявки на территорию",
    "The dealer asks to change its regions and cities.": "Дилер просит изменить его регионы и города.",
    "Review the request": "Рассмотреть заявку",
    "Your request to change the regions and cities is waiting for the manufacturer's approval.":
        "Ваша заявка на изменение регионов и городов ждёт одобрения производителя.",
    "See the request": "Открыть заявку",
    "Request a change of territory": "Запросить изменение территории",
    "Current territory": "Текущая территория",
    "Orders from these regions and cities are offered to the dealer.":
        "Дилеру предлагаются заказы из этих регионов и городов.",
    "Change the territory in the dealer's profile": "Изменить территорию в профиле дилера",
    "Requests": "Заявки",
    "No requests yet.": "Заявок пока нет.",
    "No requests.": "Заявок нет.",
    "Request a change": "Запросить изменение",
    "List every region and city you want to serve, not only the new ones. The manufacturer approves the change; "
    "until then your current territory stays in force.":
        "Укажите все регионы и города, в которых хотите работать, а не только новые. Изменение одобряет "
        "производитель; до тех пор действует ваша нынешняя территория.",
    "Your request still waiting will be replaced by this one.": "Эта заявка заменит ту, что ещё ждёт решения.",
    "Send the request": "Отправить заявку",
    "Regions requested": "Запрошенные регионы",
    "Cities requested": "Запрошенные города",
    "Dealer's comment": "Комментарий дилера",
    "Decided": "Решение принято",
    "Manufacturer's comment": "Комментарий производителя",
    "Compared with the current territory": "По сравнению с текущей территорией",
    "Regions added": "Добавляются регионы",
    "Regions removed": "Убираются регионы",
    "Cities added": "Добавляются города",
    "Cities removed": "Убираются города",
    "Decision": "Решение",
    "Approve": "Одобрить",
    "Reject": "Отклонить",
    "Back to the territory": "Назад к территории",
}
