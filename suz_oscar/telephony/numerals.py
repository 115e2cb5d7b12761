"""Russian numerals in words, with the noun that agrees with them.

Own code rather than a dependency: the robot needs cardinals in the nominative and the (inanimate)
accusative, in three genders, and the noun's form chosen by the number (1 / 2–4 / 5–20 and 0) — about
sixty lines, every rule tested, none of a library's other languages or cases to carry.

    >>> number_words(21, "f")
    'двадцать одна'
    >>> agree(22, "f", ("штука", "штуки", "штук"))
    'двадцать две штуки'
    >>> rubles(Decimal("3200.50"))
    'три тысячи двести рублей пятьдесят копеек'
"""

from decimal import ROUND_HALF_UP, Decimal

MASCULINE, FEMININE, NEUTER = "m", "f", "n"
NOMINATIVE, ACCUSATIVE = "nom", "acc"

ONES = {
    MASCULINE: ["", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"],
    FEMININE: ["", "одна", "две", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"],
    NEUTER: ["", "одно", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"],
}
TEENS = ["десять", "одиннадцать", "двенадцать", "тринадцать", "четырнадцать", "пятнадцать", "шестнадцать",
         "семнадцать", "восемнадцать", "девятнадцать"]
TENS = ["", "", "двадцать", "тридцать", "сорок", "пятьдесят", "шестьдесят", "семьдесят", "восемьдесят",
        "девяносто"]
HUNDREDS = ["", "сто", "двести", "триста", "четыреста", "пятьсот", "шестьсот", "семьсот", "восемьсот",
            "девятьсот"]
# (gender of the word, its forms for 1 / 2–4 / 5+), from the smallest scale up.
SCALES = [
    (FEMININE, ("тысяча", "тысячи", "тысяч")),
    (MASCULINE, ("миллион", "миллиона", "миллионов")),
    (MASCULINE, ("миллиард", "миллиарда", "миллиардов")),
    (MASCULINE, ("триллион", "триллиона", "триллионов")),
]
RUBLE = (MASCULINE, ("рубль", "рубля", "рублей"))
KOPECK = (FEMININE, ("копейка", "копейки", "копеек"), "копейку")


def plural_index(n):
    """0 for 1, 21, 101…; 1 for 2–4, 22–24…; 2 for 0, 5–20, 25–30, 111…"""
    n = abs(int(n))
    if n % 10 == 1 and n % 100 != 11:
        return 0
    if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
        return 1
    return 2


def plural(n, forms):
    """The form of a noun that follows the number ``n``: ``forms`` = (1, 2–4, 5+)."""
    return forms[plural_index(n)]


def _triple(n, gender, case):
    words = [HUNDREDS[n // 100]]
    tens, ones = divmod(n % 100, 10)
    if tens == 1:
        words.append(TEENS[ones])
    else:
        words.append(TENS[tens])
        word = ONES[gender][ones]
        if case == ACCUSATIVE and gender == FEMININE and ones == 1:
            word = "одну"
        words.append(word)
    return [w for w in words if w]


def number_words(n, gender=MASCULINE, case=NOMINATIVE):
    """A whole number in words: ``number_words(2, "f")`` → «две»; accusative: «одну» (inanimate nouns)."""
    n = int(n)
    if n == 0:
        return "ноль"
    if n < 0:
        return "минус " + number_words(-n, gender, case)
    words = []
    groups = []
    while n:
        n, rest = divmod(n, 1000)
        groups.append(rest)
    if len(groups) > len(SCALES) + 1:
        raise ValueError("number too large to read")
    for power in range(len(groups) - 1, -1, -1):
        value = groups[power]
        if not value:
            continue
        if power == 0:
            words += _triple(value, gender, case)
        else:
            scale_gender, forms = SCALES[power - 1]
            # «одну тысячу» in the accusative; millions are masculine, so the same in both cases.
            words += _triple(value, scale_gender, case)
            form = plural(value, forms)
            if case == ACCUSATIVE and form == "тысяча":
                form = "тысячу"
            words.append(form)
    return " ".join(words)


def agree(n, gender, forms, case=NOMINATIVE, accusative_one=None):
    """The number in words and the noun in the form it takes: «две штуки», «двадцать один рубль».

    ``forms`` = (1, 2–4, 5+); ``accusative_one`` is the noun's accusative singular when it differs from the
    nominative (feminine nouns: «штуку»), used after 1, 21, 31… in the accusative.
    """
    form = plural(n, forms)
    if case == ACCUSATIVE and plural_index(n) == 0 and accusative_one:
        form = accusative_one
    return f"{number_words(n, gender, case)} {form}"


def rubles(amount, case=NOMINATIVE):
    """An amount of money: «три тысячи двести рублей», «один рубль одна копейка» (kopecks only when any)."""
    amount = Decimal(amount).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    whole = int(amount)
    kopecks = int((abs(amount) - abs(whole)) * 100)
    gender, forms = RUBLE
    text = agree(whole, gender, forms, case)
    if kopecks:
        k_gender, k_forms, k_acc = KOPECK
        text += " " + agree(kopecks, k_gender, k_forms, case, accusative_one=k_acc)
    return text


def digits_words(value):
    """A number read digit by digit (an order number): «1 0 2 4» → «один ноль два четыре»."""
    names = ["ноль", "один", "два", "три", "четыре", "пять", "шесть", "семь", "восемь", "девять"]
    return " ".join(names[int(ch)] for ch in str(value) if ch.isdigit())
