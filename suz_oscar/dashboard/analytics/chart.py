"""Report charts as inline SVG columns: no JavaScript chart library to ship or load."""

from dataclasses import dataclass, field

COLOURS = ("#0d6efd", "#fd7e14", "#20c997", "#6f42c1", "#dc3545")


@dataclass
class Bar:
    x: float
    width: float
    label: str
    total: float
    parts: list = field(default_factory=list)  # [(y, height, colour, value)]


@dataclass
class BarChart:
    width: int
    height: int
    bars: list
    ticks: list  # [(y, value)]
    base_y: float
    legend: list  # [(colour, name)]
    label_every: int


def bar_chart(items, series_names, width=760, height=240, pad_left=56, pad=28):
    """Columns for ``[(label, [value per series])]``, stacked; ``series_names`` label the legend."""
    if not items:
        return None
    totals = [sum(float(v or 0) for v in values) for _label, values in items]
    high = max(totals + [0.0]) or 1.0
    inner_w, inner_h = width - pad_left - pad, height - 2 * pad
    step = inner_w / len(items)
    bar_w = max(step * 0.7, 1.0)
    bars = []
    for index, ((label, values), total) in enumerate(zip(items, totals, strict=True)):
        x = round(pad_left + index * step + (step - bar_w) / 2, 1)
        bar = Bar(x=x, width=round(bar_w, 1), label=str(label), total=total)
        bottom = pad + inner_h
        for series, value in enumerate(values):
            h = inner_h * float(value or 0) / high
            bottom -= h
            bar.parts.append((round(bottom, 1), round(h, 1), COLOURS[series % len(COLOURS)], value))
        bars.append(bar)
    ticks = [(round(pad + inner_h * (1 - f), 1), high * f) for f in (0, 0.5, 1)]
    legend = [(COLOURS[i % len(COLOURS)], name) for i, name in enumerate(series_names)]
    return BarChart(width, height, bars, ticks, pad + inner_h, legend, max(1, len(items) // 12))
