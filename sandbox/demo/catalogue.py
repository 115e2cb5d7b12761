"""Demo catalogue: polymer finishing materials with colour variants and images."""

import io
import math
import random
from decimal import Decimal

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from oscar.core.loading import get_model
from PIL import Image, ImageDraw

Product = get_model("catalogue", "Product")
ProductClass = get_model("catalogue", "ProductClass")
ProductAttribute = get_model("catalogue", "ProductAttribute")
ProductImage = get_model("catalogue", "ProductImage")
Category = get_model("catalogue", "Category")
RecommendedPrice = get_model("suz_offers", "RecommendedPrice")

# (class name, category path, kind of picture, sizes, recommended price range in roubles)
KINDS = [
    ("Стеновая панель", "Стеновые панели", "panel", ["2700×250×8 мм", "3000×250×9 мм", "2700×375×8 мм"], (290, 890)),
    ("Потолочная панель", "Потолочные панели", "panel", ["3000×250×8 мм", "3000×100×8 мм"], (190, 590)),
    ("Плинтус напольный", "Плинтусы > Напольные плинтусы", "skirting", ["2500×58×22 мм", "2500×85×22 мм"],
     (150, 420)),
    ("Плинтус потолочный", "Плинтусы > Потолочные плинтусы", "moulding", ["2000×50×50 мм", "2000×80×80 мм"],
     (90, 290)),
    ("Молдинг", "Молдинги и декор", "moulding", ["2000×40×15 мм", "2000×60×20 мм"], (120, 350)),
    ("Угол декоративный", "Профили и уголки", "corner", ["3000×20×20 мм", "3000×30×30 мм"], (60, 180)),
    ("Профиль стартовый", "Профили и уголки", "corner", ["3000×10 мм"], (50, 120)),
    ("Потолочная розетка", "Молдинги и декор", "rosette", ["Ø 400 мм", "Ø 600 мм"], (250, 990)),
]

SERIES = [
    "Классик", "Модерн", "Лофт", "Сканди", "Прованс", "Норд", "Арт", "Эко", "Премиум", "Элегант",
    "Венеция", "Флоренция", "Урбан", "Байкал", "Алтай", "Ладога", "Онега", "Карелия", "Таврида", "Вега",
]

COLOURS = [
    ("Белый", (245, 245, 242)), ("Слоновая кость", (236, 228, 205)), ("Бежевый мрамор", (222, 205, 178)),
    ("Дуб светлый", (201, 168, 120)), ("Орех", (139, 94, 60)), ("Венге", (78, 56, 44)),
    ("Серый бетон", (160, 160, 158)), ("Графит", (70, 72, 76)), ("Мята", (178, 214, 196)),
    ("Небесный", (170, 200, 225)),
]

DESCRIPTION = (
    "<p>{title} — отделочный материал из ПВХ серии «{series}». Не боится влаги, легко моется, "
    "монтируется без специального инструмента.</p><p>Размер: {size}. Подходит для жилых и "
    "влажных помещений, гарантия производителя 10 лет.</p>"
)


def picture(kind, colour, seed):
    """A 600×600 PNG of the product: lamellas for panels, a profile for skirting."""
    rnd = random.Random(seed)
    img = Image.new("RGB", (600, 600), (250, 250, 250))
    draw = ImageDraw.Draw(img)
    r, g, b = colour
    dark = (max(r - 40, 0), max(g - 40, 0), max(b - 40, 0))
    if kind == "panel":
        for x in range(40, 560, 104):
            draw.rectangle([x, 40, x + 96, 560], fill=colour, outline=dark, width=3)
            for _ in range(6):
                y = rnd.randint(50, 550)
                draw.line([x + 6, y, x + 90, y + rnd.randint(-6, 6)], fill=dark, width=1)
    elif kind == "skirting":
        draw.polygon([(60, 420), (540, 420), (540, 300), (480, 250), (60, 250)], fill=colour, outline=dark)
        draw.line([(60, 300), (540, 300)], fill=dark, width=3)
    elif kind == "moulding":
        draw.polygon([(60, 380), (540, 380), (540, 330), (140, 220), (60, 220)], fill=colour, outline=dark)
        for y in (250, 280, 310):
            draw.line([(60, y), (540, y + 20)], fill=dark, width=2)
    elif kind == "corner":
        outline = [(120, 500), (480, 500), (480, 460), (160, 460), (160, 100), (120, 100)]
        draw.polygon(outline, fill=colour, outline=dark)
    else:
        draw.ellipse([100, 100, 500, 500], fill=colour, outline=dark, width=4)
        draw.ellipse([220, 220, 380, 380], outline=dark, width=4)
        for i in range(12):
            draw.ellipse([290 + 170 * _cos(i) - 12, 290 + 170 * _sin(i) - 12, 290 + 170 * _cos(i) + 12,
                          290 + 170 * _sin(i) + 12], outline=dark, width=2)
    buf = io.BytesIO()
    img.save(buf, format="PNG", optimize=True)
    return buf.getvalue()


def _cos(i):
    return math.cos(i * math.pi / 6)


def _sin(i):
    return math.sin(i * math.pi / 6)


def _image_path(kind, colour_index):
    """One image file per kind and colour, shared by the products that look alike."""
    path = f"suz/demo/{kind}-{colour_index}.png"
    if not default_storage.exists(path):
        default_storage.save(path, ContentFile(picture(kind, COLOURS[colour_index][1], path)))
    return path


def _category(path):
    from oscar.apps.catalogue.categories import create_from_breadcrumbs

    return create_from_breadcrumbs(path)


def ensure_catalogue(products=40, stdout=None):
    """Create ``products`` product families, each with 2–5 colours. Idempotent (UPC keys)."""
    rnd = random.Random(2016)
    classes = {}
    for class_name, *_rest in KINDS:
        pc, _ = ProductClass.objects.get_or_create(
            name=class_name, defaults={"requires_shipping": True, "track_stock": True}
        )
        for code, name in (("colour", "Цвет"), ("size", "Размер")):
            ProductAttribute.objects.get_or_create(product_class=pc, code=code, defaults={"name": name, "type": "text"})
        classes[class_name] = pc

    created = 0
    for n in range(products):
        class_name, category_path, kind, sizes, (low, high) = KINDS[n % len(KINDS)]
        series = SERIES[(n // len(KINDS)) % len(SERIES)]
        suffix = n // (len(KINDS) * len(SERIES))
        size = sizes[n % len(sizes)]
        title = f"{class_name} «{series}»" + (f" {suffix + 1}" if suffix else "")
        upc = f"PD-{n + 1:05d}"
        parent, made = Product.objects.get_or_create(
            upc=upc,
            defaults={
                "title": title,
                "structure": Product.PARENT,
                "product_class": classes[class_name],
                "description": DESCRIPTION.format(title=title, series=series, size=size),
            },
        )
        if not made:
            continue
        created += 1
        parent.categories.add(_category(category_path))
        colour_ids = rnd.sample(range(len(COLOURS)), rnd.randint(2, 5))
        for pos, ci in enumerate(colour_ids):
            colour_name = COLOURS[ci][0]
            child = Product(
                upc=f"{upc}-{ci:02d}", title=f"{title}, {colour_name.lower()}", structure=Product.CHILD,
                parent=parent,
            )
            child.attr.colour = colour_name
            child.attr.size = size
            child.save()
            RecommendedPrice.objects.create(product=child, price=Decimal(rnd.randrange(low, high, 10)))
            image = _image_path(kind, ci)
            ProductImage.objects.create(product=child, original=image, display_order=0)
            if pos == 0:
                ProductImage.objects.create(product=parent, original=image, display_order=0)
    return created
