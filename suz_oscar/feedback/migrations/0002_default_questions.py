"""The survey's questions a new installation starts with (editors change them in the dashboard)."""

from django.db import migrations

QUESTIONS = [
    ("Оцените работу дилера от 1 до 5", "score", "all"),
    ("Дилер позвонил вам в обещанное время?", "yes_no", "all"),
    ("Заказ доставили в срок и в сохранности?", "yes_no", "sold"),
    ("Дилер объяснил, почему покупка не состоялась?", "yes_no", "unsold"),
    ("Порекомендуете ли вы этого дилера знакомым?", "yes_no", "all"),
    ("Что нам стоит улучшить?", "text", "all"),
]


def add_questions(apps, schema_editor):
    SurveyQuestion = apps.get_model("suz_feedback", "SurveyQuestion")
    if SurveyQuestion.objects.exists():
        return
    SurveyQuestion.objects.bulk_create(
        SurveyQuestion(text=text, kind=kind, audience=audience, position=i * 10)
        for i, (text, kind, audience) in enumerate(QUESTIONS, start=1))


class Migration(migrations.Migration):
    dependencies = [("suz_feedback", "0001_initial")]

    operations = [migrations.RunPython(add_questions, migrations.RunPython.noop)]
