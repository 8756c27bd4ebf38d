"""Geometry of the server-side SVG charts; the markup is in templates/benchmarking/partials/.

Every chart has a text table beside or behind it (in the templates), so the figures are
readable without the picture. The same partials render in the page and in the PDF.
"""

import math
from dataclasses import dataclass

RADAR_SIZE = 360
RADAR_RADIUS = 120
TREND_COLOURS = ["#0b4f8a", "#b3261e", "#1e6b35", "#8a6100", "#6b2d8a", "#2d6b8a"]


@dataclass(frozen=True)
class Axis:
    x: float
    y: float
    label_x: float
    label_y: float
    anchor: str
    label: str


def _point(angle: float, radius: float, centre: float) -> tuple[float, float]:
    return round(centre + radius * math.cos(angle), 1), round(centre + radius * math.sin(angle), 1)


def _polygon(points) -> str:
    return " ".join(f"{x},{y}" for x, y in points)


def radar(areas) -> dict:
    """A radar of the areas: the organisation's position and the peer median, both 0–1."""
    count = len(areas)
    centre = RADAR_SIZE / 2
    if count < 3:
        return {}
    angles = [-math.pi / 2 + 2 * math.pi * k / count for k in range(count)]
    rings = [_polygon(_point(a, RADAR_RADIUS * level, centre) for a in angles) for level in (0.25, 0.5, 0.75, 1)]
    axes = []
    for angle, area in zip(angles, areas, strict=True):
        x, y = _point(angle, RADAR_RADIUS, centre)
        label_x, label_y = _point(angle, RADAR_RADIUS + 18, centre)
        cos = math.cos(angle)
        anchor = "middle" if abs(cos) < 0.3 else ("start" if cos > 0 else "end")
        axes.append(Axis(x, y, label_x, label_y + 4, anchor, area.code))

    def shape(attribute):
        values = [getattr(area, attribute) for area in areas]
        if all(value is None for value in values):
            return None, []
        points = [_point(a, RADAR_RADIUS * (v or 0), centre) for a, v in zip(angles, values, strict=True)]
        return _polygon(points), [p for p, v in zip(points, values, strict=True) if v is not None]

    own, own_dots = shape("own")
    peers, peer_dots = shape("peers")
    return {
        "size": RADAR_SIZE,
        "centre": centre,
        "rings": rings,
        "axes": axes,
        "own": own,
        "own_dots": own_dots,
        "peers": peers,
        "peer_dots": peer_dots,
    }


@dataclass(frozen=True)
class Segment:
    x: float
    width: float
    colour: str
    count: int


@dataclass(frozen=True)
class Bar:
    label: str
    y: float
    segments: list[Segment]


STACK_COLOURS = {"green": "#1e6b35", "yellow": "#c99a1e", "red": "#b3261e"}


def stacked_bars(rows: list[tuple[str, dict[str, int]]], *, width: int = 300, label_width: int = 60) -> dict:
    """Horizontal bars of green, yellow and red counts, one per row, each as wide as the chart."""
    bars, row_height = [], 24
    for position, (label, counts) in enumerate(rows):
        total = sum(counts.get(c, 0) for c in STACK_COLOURS) or 1
        x, segments = float(label_width), []
        for colour, fill in STACK_COLOURS.items():
            share = counts.get(colour, 0) / total * width
            if counts.get(colour, 0):
                segments.append(Segment(round(x, 1), round(share, 1), fill, counts[colour]))
            x += share
        bars.append(Bar(label, position * row_height + 4, segments))
    return {
        "width": label_width + width + 10,
        "height": len(rows) * row_height + 8,
        "bars": bars,
        "label_width": label_width,
    }


def value_bars(rows: list[tuple[str, int]], *, width: int = 300, label_width: int = 150) -> dict:
    """Horizontal bars of counts (labels by level, country, sector)."""
    top = max((count for _label, count in rows), default=0) or 1
    bars = [
        {"label": label, "y": i * 22 + 4, "width": round(count / top * width, 1), "count": count}
        for i, (label, count) in enumerate(rows)
    ]
    return {"width": label_width + width + 50, "height": len(rows) * 22 + 8, "bars": bars, "label_width": label_width}


def trend(points: list, area_codes: list[str]) -> dict:
    """One line per area across the decided assessments (x: oldest to latest, y: 0–1 scale)."""
    if len(points) < 2:
        return {}
    width, height, left, top, plot_w, plot_h = 420, 220, 40, 10, 340, 170
    step = plot_w / (len(points) - 1)
    lines = []
    for k, code in enumerate(area_codes):
        coords = [
            (round(left + i * step, 1), round(top + plot_h * (1 - point.areas[code]), 1))
            for i, point in enumerate(points)
            if point.areas.get(code) is not None
        ]
        lines.append({"code": code, "colour": TREND_COLOURS[k % len(TREND_COLOURS)], "points": _polygon(coords)})
    ticks = [{"y": round(top + plot_h * (1 - v), 1), "label": f"{v:g}"} for v in (0, 0.5, 1)]
    labels = [{"x": round(left + i * step, 1), "label": point.label} for i, point in enumerate(points)]
    legend = [
        {"x": left + k * 56, "code": code, "colour": TREND_COLOURS[k % len(TREND_COLOURS)]}
        for k, code in enumerate(area_codes)
    ]
    return {
        "width": width,
        "height": height + 20,
        "lines": lines,
        "ticks": ticks,
        "labels": labels,
        "legend": legend,
        "left": left,
        "right": left + plot_w,
        "baseline": top + plot_h,
        "label_y": top + plot_h + 18,
        "legend_y": height + 12,
    }
