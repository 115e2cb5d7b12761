"""Report charts as inline SVG columns: no JavaScript chart library to ship or load."""

import math
from dataclasses import dataclass, field

COLOURS = ("#0d6efd", "#fd7e14", "#20c997", "#6f42c1", "#dc3545")
MAX_LABELS = 8  # labels under the axis; the others are in each column's tooltip


@dataclass
class Bar:
    x: float
    label: str
    total: float
    show_label: bool
    parts: list = field(default_factory=list)  # [(x, y, width, height, colour, value)]


@dataclass
class BarChart:
    width: int
    height: int
    bars: list
    ticks: list  # [(y, value)]
    base_y: float
    legend: list  # [(colour, name)]


def bar_chart(items, series_names, *, stacked=True, width=1000, height=260, pad_left=70, pad=24):
    """Columns for ``[(label, [value per series])]``: stacked, or side by side (``stacked=False``)."""
    if not items:
        return None
    values = [[float(v or 0) for v in row] for _label, row in items]
    high = max([sum(row) if stacked else max(row + [0.0]) for row in values] + [0.0]) or 1.0
    inner_w, inner_h = width - pad_left - pad, height - 2 * pad
    step = inner_w / len(items)
    bar_w = max(step * 0.7, 1.0)
    every = max(1, math.ceil(len(items) / MAX_LABELS))
    bars = []
    for index, ((label, _raw), row) in enumerate(zip(items, values, strict=True)):
        x = pad_left + index * step + (step - bar_w) / 2
        bar = Bar(x=round(x, 1), label=str(label), total=sum(row), show_label=index % every == 0)
        bottom = pad + inner_h
        part_w = bar_w if stacked else bar_w / max(len(row), 1)
        for series, value in enumerate(row):
            h = inner_h * value / high
            px = x if stacked else x + series * part_w
            y = bottom - h if stacked else pad + inner_h - h
            bar.parts.append((round(px, 1), round(y, 1), round(part_w, 1), round(h, 1),
                              COLOURS[series % len(COLOURS)], value))
            if stacked:
                bottom -= h
        bars.append(bar)
    ticks = [(round(pad + inner_h * (1 - f), 1), high * f) for f in (0, 0.5, 1)]
    legend = [(COLOURS[i % len(COLOURS)], name) for i, name in enumerate(series_names)]
    return BarChart(width, height, bars, ticks, pad + inner_h, legend)
