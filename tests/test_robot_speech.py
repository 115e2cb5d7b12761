"""The robot's text: Russian numerals that agree with their nouns in number, gender and case, the order read
back from the manufacturer's template, and its synthesis by espeak-ng (never skipped: CI installs it)."""

from decimal import Decimal

import pytest
from django.core import checks
from django.core.files.storage import default_storage
from oscar.test.basket import add_product
from oscar.test.factories import ProductFactory, create_basket, create_order

from suz_oscar.dispatch import services as dispatch_services
from suz_oscar.telephony import numerals, speech

from .conftest import regional_network

PANEL = ("f", "стеновая панель", "стеновые панели", "стеновых панелей", "стеновую панель")
NOUNS = {"стеновая панель": PANEL,
         "плинтус напольный": ("m", "напольный плинтус", "напольных плинтуса", "напольных плинтусов")}


@pytest.mark.parametrize("n, masculine, feminine, neuter", [
    (1, "один", "одна", "одно"),
    (2, "два", "две", "два"),
    (5, "пять", "пять", "пять"),
    (11, "одиннадцать", "одиннадцать", "одиннадцать"),
    (21, "двадцать один", "двадцать одна", "двадцать одно"),
    (22, "двадцать два", "двадцать две", "двадцать два"),
    (100, "сто", "сто", "сто"),
    (112, "сто двенадцать", "сто двенадцать", "сто двенадцать"),
    (1000, "одна тысяча", "одна тысяча", "одна тысяча"),
    (2002, "две тысячи два", "две тысячи две", "две тысячи два"),
    (5_000_001, "пять миллионов один", "пять миллионов одна", "пять миллионов одно"),
    (21_000_000, "двадцать один миллион", "двадцать один миллион", "двадцать один миллион"),
    (1_002_000_000, "один миллиард два миллиона", "один миллиард два миллиона", "один миллиард два миллиона"),
])
def test_numbers_agree_with_the_gender_of_their_noun(n, masculine, feminine, neuter):
    assert numerals.number_words(n, "m") == masculine
    assert numerals.number_words(n, "f") == feminine
    assert numerals.number_words(n, "n") == neuter


@pytest.mark.parametrize("n, pieces, rubles", [
    (1, "одна штука", "один рубль"),
    (2, "две штуки", "два рубля"),
    (5, "пять штук", "пять рублей"),
    (11, "одиннадцать штук", "одиннадцать рублей"),
    (12, "двенадцать штук", "двенадцать рублей"),
    (14, "четырнадцать штук", "четырнадцать рублей"),
    (21, "двадцать одна штука", "двадцать один рубль"),
    (22, "двадцать две штуки", "двадцать два рубля"),
    (25, "двадцать пять штук", "двадцать пять рублей"),
    (111, "сто одиннадцать штук", "сто одиннадцать рублей"),
    (0, "ноль штук", "ноль рублей"),
])
def test_the_noun_takes_the_form_its_number_asks_for(n, pieces, rubles):
    assert numerals.agree(n, "f", ("штука", "штуки", "штук")) == pieces
    assert numerals.rubles(n) == rubles


def test_the_accusative_changes_only_what_russian_changes():
    forms = ("штука", "штуки", "штук")
    assert numerals.agree(1, "f", forms, "acc", accusative_one="штуку") == "одну штуку"
    assert numerals.agree(21, "f", forms, "acc", accusative_one="штуку") == "двадцать одну штуку"
    assert numerals.agree(2, "f", forms, "acc", accusative_one="штуку") == "две штуки"
    assert numerals.number_words(1000, "m", "acc") == "одну тысячу"
    assert numerals.number_words(1, "m", "acc") == "один"


@pytest.mark.parametrize("amount, words", [
    ("3200", "три тысячи двести рублей"),
    ("3200.50", "три тысячи двести рублей пятьдесят копеек"),
    ("1.01", "один рубль одна копейка"),
    ("22.22", "двадцать два рубля двадцать две копейки"),
    ("0.05", "ноль рублей пять копеек"),
    ("21000.21", "двадцать одна тысяча рублей двадцать одна копейка"),
    ("1234567.89", "один миллион двести тридцать четыре тысячи пятьсот шестьдесят семь рублей "
                   "восемьдесят девять копеек"),
    ("2000000", "два миллиона рублей"),
    ("999.999", "одна тысяча рублей"),
])
def test_money_in_rubles_and_kopecks(amount, words):
    assert numerals.rubles(Decimal(amount)) == words


@pytest.mark.parametrize("qty, words", [
    (1, "одна стеновая панель «Норд», графит"),
    (2, "две стеновые панели «Норд», графит"),
    (5, "пять стеновых панелей «Норд», графит"),
    (11, "одиннадцать стеновых панелей «Норд», графит"),
    (21, "двадцать одна стеновая панель «Норд», графит"),
    (22, "двадцать две стеновые панели «Норд», графит"),
])
def test_a_known_title_reads_with_its_plural(settings, qty, words):
    settings.SUZ_ROBOT_NOUNS = NOUNS
    assert speech.line_words("Стеновая панель «Норд», графит", qty) == words


def test_masculine_titles_and_unknown_titles(settings):
    settings.SUZ_ROBOT_NOUNS = NOUNS
    assert speech.line_words("Плинтус напольный «Лофт», венге", 2) == "два напольных плинтуса «Лофт», венге"
    assert speech.line_words("Плинтус напольный «Лофт», венге", 21) == "двадцать один напольный плинтус «Лофт», венге"
    # A title that opens with no known phrase counts pieces, whatever its own grammar.
    assert speech.line_words("Клей монтажный, 310 мл", 2) == "Клей монтажный, 310 мл — две штуки"
    assert speech.line_words("Клей монтажный, 310 мл", 5) == "Клей монтажный, 310 мл — пять штук"
    assert speech.line_words("Клей монтажный, 310 мл", 1, case="acc") == "Клей монтажный, 310 мл — одну штуку"
    # A phrase matches whole words only: «Молдинги» is not «Молдинг».
    settings.SUZ_ROBOT_NOUNS = {"молдинг": ("m", "молдинг", "молдинга", "молдингов")}
    assert speech.line_words("Молдинги набор", 2) == "Молдинги набор — две штуки"
    # A dealer's own product title: control characters go, a long title is cut at a word.
    said = speech.line_words("Плитка\x00\nкерамическая " + "очень " * 60, 3)
    assert "\x00" not in said and "\n" not in said and len(said) < speech.MAX_TITLE + 30


def order_of(lines, number="100205"):
    basket = create_basket(empty=True)
    for title, price, qty in lines:
        add_product(basket, price=Decimal(price), quantity=qty, product=ProductFactory(title=title, stockrecords=[]))
    return create_order(basket=basket, number=number)


@pytest.mark.django_db
def test_the_order_read_back_from_the_default_template(settings):
    settings.SUZ_ROBOT_NOUNS = NOUNS
    settings.OSCAR_SHOP_NAME = "Полимер-Декор"
    order = order_of([("Стеновая панель «Норд», графит", "1500.25", 2), ("Клей монтажный, 310 мл", "200", 1)])
    script = speech.render_script(order)
    assert script.text == (
        "Здравствуйте! Это Полимер-Декор. Вы оформили заказ номер один ноль ноль два ноль пять: "
        "две стеновые панели «Норд», графит; Клей монтажный, 310 мл — одна штука. "
        "Итого три тысячи двести рублей пятьдесят копеек. "
        "Чтобы подтвердить заказ, нажмите 1. Чтобы с вами связались, нажмите 2.")


@pytest.mark.django_db
def test_the_dealer_and_the_manager_are_named_once_the_order_is_claimed(settings):
    from suz_oscar.test.factories import create_manager

    net = regional_network([10])
    dealer = net["dealers"][0]
    manager = create_manager(dealer)
    manager.first_name, manager.last_name = "Ирина", "Петрова"
    manager.save()
    from .conftest import make_order

    order = make_order(net["city"], net["product"])
    dispatch = dispatch_services.dispatch_plan(order=order)
    dispatch = dispatch_services.dispatch_claim(dispatch=dispatch, dealer=dealer, user=manager)
    text = speech.render_script(order, dispatch).text
    assert f"Заказ принял дилер {dealer.partner.name}, ваш менеджер — Ирина Петрова." in text
    assert "Чтобы поговорить с менеджером, нажмите 2." in text


@pytest.mark.django_db
def test_the_manufacturer_edits_the_template(settings):
    settings.SUZ_ROBOT_SCRIPT = ("{{ lines|length|ru_number:'f' }} "
                                 "{{ lines|length|ru_plural:'позиция,позиции,позиций' }}"
                                 " на {{ total }}. {{ 21|ru_number:'f' }}.")
    order = order_of([("Товар", "10", 1), ("Товар 2", "11", 1)], "1")
    assert speech.render_script(order).text == "две позиции на двадцать один рубль. двадцать одна."
    # Speech is not HTML: nothing is escaped in the text (the order card escapes it when it shows it).
    order = order_of([("Панель <b>&</b>", "10", 1)], "2")
    settings.SUZ_ROBOT_SCRIPT = "{{ items }}"
    assert speech.render_script(order).text == "Панель <b>&</b> — одна штука"


@pytest.mark.django_db
def test_a_broken_template_is_a_system_check_error_and_the_robot_reads_the_default(settings):
    from suz_oscar.checks import robot_script

    settings.SUZ_ROBOT_SCRIPT = "{% if %}"
    errors = robot_script(None)
    assert [e.id for e in errors] == ["suz.E020"] and errors[0].level == checks.ERROR
    order = order_of([("Товар", "10", 1)])
    assert speech.render_script(order).text.startswith("Здравствуйте!")


def test_abbreviations_are_spelled_for_the_synthesiser():
    assert speech.for_speech("Панель «Норд» 2700×250×8 мм, Ø 400 мм") == (
        "Панель Норд 2700 на 250 на 8 миллиметров, диаметр 400 миллиметров")


def test_espeak_ng_speaks_russian_into_a_wav_in_the_storage(settings):
    """espeak-ng is a real dependency of this path: CI installs it (.ci/run), so this test never skips."""
    assert speech.espeak_path(), "espeak-ng is missing: apt-get install -y espeak-ng"
    name = speech.store("Здравствуйте! Итого три тысячи двести рублей.")
    assert name.startswith("suz/telephony/robot/robot-") and name.endswith(".wav")
    with default_storage.open(name) as f:
        data = f.read()
    assert data[:4] == b"RIFF" and data[8:12] == b"WAVE" and len(data) > 20_000  # a couple of seconds of speech


def test_without_espeak_ng_the_robot_keeps_the_text_and_a_warning_says_why(settings):
    from suz_oscar.checks import robot_speech

    settings.SUZ_ROBOT_ESPEAK = "/nonexistent/espeak-ng"
    assert speech.store("Здравствуйте") == ""
    warnings = robot_speech(None)
    assert [w.id for w in warnings] == ["suz.W020"] and "espeak-ng" in warnings[0].msg
    settings.SUZ_ROBOT_ESPEAK = "espeak-ng"
    assert robot_speech(None) == []
