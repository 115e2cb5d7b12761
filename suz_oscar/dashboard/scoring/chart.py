"""The rating history as an inline SVG line: no JavaScript chart library to ship or load."""

from dataclasses import dataclass


@dataclass
class LineChart:
    width: int
    height: int
    points: str  # the polyline's "x,y x,y …"
    area: str  # the same, closed along the zero line, for the fill
    zero_y: float
    labels: list  # [(x, text)] under the axis
    ticks: list  # [(y, value)] on the left
    last: tuple  # (x, y, value) of the latest point


def line_chart(series, width=640, height=180, pad=36):
    """Lay ``[(date, value)]`` out in a ``width`` × ``height`` box (dates spaced by time)."""
    if not series:
        return None
    first, last = series[0][0], series[-1][0]
    span_days = max((last - first).days, 1)
    values = [float(v) for _d, v in series]
    low, high = min(values + [0.0]), max(values + [0.0])
    if high == low:
        high = low + 1
    inner_w, inner_h = width - 2 * pad, height - 2 * pad

    def x(day):
        return round(pad + inner_w * (day - first).days / span_days, 1)

    def y(value):
        return round(pad + inner_h * (high - value) / (high - low), 1)

    coords = []
    for (day, _value), value in zip(series, values, strict=True):
        if coords:  # a step: the rating holds until the next day with points
            coords.append((x(day), coords[-1][1]))
        coords.append((x(day), y(value)))
    points = " ".join(f"{cx},{cy}" for cx, cy in coords)
    zero = y(0.0)
    area = f"{coords[0][0]},{zero} {points} {coords[-1][0]},{zero}"
    labels = [(x(first), first), (x(last), last)]
    ticks = [(y(high), high), (zero, 0.0)] + ([(y(low), low)] if low < 0 else [])
    return LineChart(width, height, points, area, zero, labels, ticks, (coords[-1][0], coords[-1][1], values[-1]))
