"""Russian for telephony's second round: the system checks of the provider's configuration (issue 13)."""

RU = {
    "SUZ_TELEPHONY_BACKEND does not import: %(error)s":
        "SUZ_TELEPHONY_BACKEND не импортируется: %(error)s",
    "Name a backend class, e.g. 'suz_oscar.telephony.backends.console.ConsoleBackend'.":
        "Укажите класс провайдера, например 'suz_oscar.telephony.backends.console.ConsoleBackend'.",
    "The telephony provider %(backend)s has no %(missing)s in SUZ_TELEPHONY_BACKEND_OPTIONS: no call can start and "
    "its events are refused.":
        "У провайдера телефонии %(backend)s в SUZ_TELEPHONY_BACKEND_OPTIONS нет %(missing)s: ни один звонок не "
        "начнётся, а его события будут отклонены.",
    "Set them from the provider's account (Mango Office: Integrations → API; Asterisk: the AMI user in "
    "manager.conf), e.g. from environment variables.":
        "Возьмите их из кабинета провайдера (Mango Office: Интеграции → API; Asterisk: пользователь AMI в "
        "manager.conf), например из переменных окружения.",
}
