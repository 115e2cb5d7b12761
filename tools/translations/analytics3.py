"""Translations of sales analytics, third part (issue 15): the reports' roll-ups and the funnel's estimates."""

RU = {
    # Models
    "hour": "час",
    "sales by hour": "продажи по часам",
    "dimensions": "разрезы",
    "rows": "строки",
    "value": "значение",
    "sales by term and landing page": "продажи по запросам и страницам входа",
    "monthly outcomes": "итоги заказов по месяцам",
    "step": "шаг",
    "duration bucket": "интервал длительности",
    "funnel histogram": "распределение времени воронки",
    "funnel histograms": "распределения времени воронки",
    "roll-ups current for facts written before": "сводки учитывают показатели, записанные до",
    "roll-up state": "состояние сводок",
    # The funnel report
    "%(step)s: median ≈, min": "%(step)s: медиана ≈, мин",
    "%(step)s: 90%% ≈, min": "%(step)s: 90%% ≈, мин",
    "to claim, median ≈, min": "до взятия, медиана ≈, мин",
    "to claim, 90% ≈, min": "до взятия, 90% ≈, мин",
    "claim to first contact, median ≈, min": "от взятия до первого контакта, медиана ≈, мин",
    "≈ Medians and 90th percentiles are estimated from how many orders took how long in fixed intervals: under "
    "3 minutes to within a minute, from 3 minutes to 30 days to within about 15 %, 30 days and more shown as "
    "30 days.":
        "≈ Медианы и 90-е процентили оценены по тому, сколько заказов уложилось в фиксированные интервалы времени: "
        "до 3 минут — с точностью до минуты, от 3 минут до 30 дней — примерно до 15 %, 30 дней и больше "
        "показаны как 30 дней.",
}
