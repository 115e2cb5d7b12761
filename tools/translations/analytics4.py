"""Translations of sales analytics, fourth part (issue 15): the funnel's duration buckets stored on the facts."""

RU = {
    # Models
    "to claim: duration bucket": "до взятия: интервал длительности",
    "to first contact: duration bucket": "до первого контакта: интервал длительности",
    "to processed: duration bucket": "до обработки: интервал длительности",
    "to closed: duration bucket": "до закрытия: интервал длительности",
}
