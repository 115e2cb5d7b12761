"""Translations of the architecture step (issue 10): system checks, Oscar's pages our classes answer."""

RU = {
    "Oscar's class loader does not give django-suz's classes: no regional prices, no dispatch-aware checkout, no "
    "regional catalogue.":
        "Загрузчик классов Oscar не отдаёт классы django-suz: не будет региональных цен, оформления заказа с "
        "распределением и регионального каталога.",
    "Set OSCAR_DYNAMIC_CLASS_LOADER = 'suz_oscar.core.loading.class_loader' (or call it from your own loader).":
        "Укажите OSCAR_DYNAMIC_CLASS_LOADER = 'suz_oscar.core.loading.class_loader' (или вызывайте его из своего "
        "загрузчика).",
    "The city middleware is missing: the storefront cannot know the visitor's city.":
        "Нет промежуточного слоя города: витрина не узнает город посетителя.",
    "Add '%(path)s' to MIDDLEWARE after Oscar's BasketMiddleware.":
        "Добавьте «%(path)s» в MIDDLEWARE после BasketMiddleware из Oscar.",
    "The city middleware runs before %(paths)s.": "Промежуточный слой города стоит раньше, чем %(paths)s.",
    "Move '%(path)s' after SessionMiddleware and Oscar's BasketMiddleware.":
        "Переставьте «%(path)s» после SessionMiddleware и BasketMiddleware из Oscar.",
    "SUZ_DISPATCH_STRATEGIES: %(error)s": "SUZ_DISPATCH_STRATEGIES: %(error)s",
    "Give the dotted path of a subclass of suz_oscar.dispatch.strategies.DispatchStrategy.":
        "Укажите путь к подклассу suz_oscar.dispatch.strategies.DispatchStrategy.",
    "Celery beat does not run %(tasks)s.": "Celery beat не запускает %(tasks)s.",
    "Add suz_oscar.schedule.beat_schedule() to your Celery beat schedule (CELERY_BEAT_SCHEDULE = "
    "{**beat_schedule(), …}).":
        "Добавьте suz_oscar.schedule.beat_schedule() в расписание Celery beat (CELERY_BEAT_SCHEDULE = "
        "{**beat_schedule(), …}).",
    "Specified page already exists!": "Такая страница уже есть.",
    "The given page number was invalid.": "Такой страницы нет: показываем первую.",
}
RU["Give a number of dealers or a share of them, not both."] = "Укажите число дилеров или их долю, но не то и другое."
