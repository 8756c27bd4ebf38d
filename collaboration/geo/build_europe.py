"""Build collaboration/geo/europe.json, the bundled map of Europe, from Natural Earth data.

The portal draws its map on the server from the file this script writes, so nothing is fetched at
run time. The source is `countries-50m.json` of the npm package world-atlas 2.0.2 (ISC licence),
a TopoJSON redistribution of Natural Earth's 1:50m Admin 0 countries (public domain). See README.md
beside this file. To rebuild:

    cd /tmp && npm pack world-atlas@2.0.2 && tar xzf world-atlas-2.0.2.tgz
    .venv/bin/python collaboration/geo/build_europe.py /tmp/package/countries-50m.json

The output holds, per country, one SVG path already projected (Lambert azimuthal equal-area centred
on Europe, as the EU's statistical maps use), clipped to the view and simplified to about a third
of a pixel at the drawn size, plus a label point for small countries.
"""

import json
import math
import sys
from pathlib import Path

from django_countries.data import ALT_CODES

# Projection centre and the window shown, in projected units of the unit sphere.
LON0, LAT0 = math.radians(10), math.radians(52)
WINDOW = (-0.31, -0.37, 0.47, 0.36)  # x min, y min, x max, y max (y grows northwards)
WIDTH = 1000.0
HEIGHT = round(WIDTH * (WINDOW[3] - WINDOW[1]) / (WINDOW[2] - WINDOW[0]))
TOLERANCE = 0.35  # pixels: Douglas-Peucker simplification
SMALL_AREA = 60.0  # square pixels: countries smaller than this get a marker to click
# The countries the portal links (the Council of Europe's area and its neighbours); others are drawn as land.
EUROPE = {
    "AD", "AL", "AM", "AT", "AZ", "BA", "BE", "BG", "BY", "CH", "CY", "CZ", "DE", "DK", "EE", "ES", "FI",
    "FR", "GB", "GE", "GR", "HR", "HU", "IE", "IS", "IT", "LI", "LT", "LU", "LV", "MC", "MD", "ME", "MK",
    "MT", "NL", "NO", "PL", "PT", "RO", "RS", "RU", "SE", "SI", "SK", "SM", "TR", "UA", "VA",
}  # fmt: skip
NUMERIC_TO_ALPHA2 = {numeric: alpha2 for alpha2, (_alpha3, numeric) in ALT_CODES.items()}


def project(lon: float, lat: float) -> tuple[float, float]:
    """Lambert azimuthal equal-area, then scaled into the SVG's pixel box (y downwards)."""
    lam, phi = math.radians(lon), math.radians(lat)
    cos_c = math.sin(LAT0) * math.sin(phi) + math.cos(LAT0) * math.cos(phi) * math.cos(lam - LON0)
    k = math.sqrt(2 / max(1 + cos_c, 1e-9))
    x = k * math.cos(phi) * math.sin(lam - LON0)
    y = k * (math.cos(LAT0) * math.sin(phi) - math.sin(LAT0) * math.cos(phi) * math.cos(lam - LON0))
    x0, y0, x1, y1 = WINDOW
    return (x - x0) / (x1 - x0) * WIDTH, (y1 - y) / (y1 - y0) * HEIGHT


def decode_arcs(topology: dict) -> list[list[tuple[float, float]]]:
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(arc_indexes: list[int], arcs) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for index in arc_indexes:
        arc = arcs[index] if index >= 0 else list(reversed(arcs[~index]))
        points.extend(arc if not points else arc[1:])
    return points


def clip(points, edge_inside, intersect):
    """One Sutherland-Hodgman pass against one edge of the window."""
    if not points:
        return []
    output = []
    previous = points[-1]
    for current in points:
        if edge_inside(current):
            if not edge_inside(previous):
                output.append(intersect(previous, current))
            output.append(current)
        elif edge_inside(previous):
            output.append(intersect(previous, current))
        previous = current
    return output


def clip_to_view(points):
    def at_x(limit):
        return lambda a, b: (limit, a[1] + (b[1] - a[1]) * (limit - a[0]) / (b[0] - a[0]))

    def at_y(limit):
        return lambda a, b: (a[0] + (b[0] - a[0]) * (limit - a[1]) / (b[1] - a[1]), limit)

    points = clip(points, lambda p: p[0] >= 0, at_x(0))
    points = clip(points, lambda p: p[0] <= WIDTH, at_x(WIDTH))
    points = clip(points, lambda p: p[1] >= 0, at_y(0))
    return clip(points, lambda p: p[1] <= HEIGHT, at_y(HEIGHT))


def simplify(points, tolerance=TOLERANCE):
    """Douglas-Peucker on a closed ring (iterative: rings have thousands of points)."""
    if len(points) < 4:
        return points
    keep = [False] * len(points)
    keep[0] = keep[-1] = True
    stack = [(0, len(points) - 1)]
    while stack:
        start, end = stack.pop()
        (ax, ay), (bx, by) = points[start], points[end]
        length = math.hypot(bx - ax, by - ay)
        worst, worst_index = 0.0, None
        for i in range(start + 1, end):
            px, py = points[i]
            if length < 1e-9:  # a closed ring's two ends coincide: measure from the point itself
                distance = math.hypot(px - ax, py - ay)
            else:
                distance = abs((bx - ax) * (ay - py) - (ax - px) * (by - ay)) / length
            if distance > worst:
                worst, worst_index = distance, i
        if worst_index is not None and worst > tolerance:
            keep[worst_index] = True
            stack.extend([(start, worst_index), (worst_index, end)])
    return [p for p, kept in zip(points, keep, strict=True) if kept]


def area(points) -> float:
    return abs(sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(points, points[1:] + points[:1], strict=False))) / 2


def centroid(points) -> tuple[float, float]:
    return sum(p[0] for p in points) / len(points), sum(p[1] for p in points) / len(points)


def path(rings) -> str:
    parts = []
    for points in rings:
        coords = " ".join(f"{x:.1f} {y:.1f}" for x, y in points)
        parts.append(f"M{coords}Z")
    return "".join(parts)


def build(source: Path) -> dict:
    topology = json.loads(source.read_text())
    arcs = decode_arcs(topology)
    countries = []
    for geometry in topology["objects"]["countries"]["geometries"]:
        code = NUMERIC_TO_ALPHA2.get(int(geometry["id"])) if geometry.get("id") else None
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        rings = []
        for polygon in polygons:
            for arc_indexes in polygon:
                lonlat = ring(arc_indexes, arcs)
                # Rings far from Europe (overseas territories, the Pacific) are left out before projecting.
                if all(not (-45 <= lon <= 75 and 25 <= lat <= 85) for lon, lat in lonlat):
                    continue
                projected = clip_to_view([project(lon, lat) for lon, lat in lonlat])
                projected = simplify(projected)
                if len(projected) >= 3 and area(projected) >= 0.2:
                    rings.append(projected)
        if not rings:
            continue
        linked = code in EUROPE
        entry = {"code": code if linked else "", "name": geometry["properties"]["name"], "path": path(rings)}
        if linked:
            largest = max(rings, key=area)
            x, y = centroid(largest)
            entry["label"] = [round(x, 1), round(y, 1)]
            entry["small"] = sum(area(r) for r in rings) < SMALL_AREA
        countries.append(entry)
    countries.sort(key=lambda c: (c["code"] == "", c["code"], c["name"]))
    return {
        "source": "Natural Earth 1:50m Admin 0 countries 4.1.0 (public domain), via npm world-atlas 2.0.2 (ISC)",
        "projection": "Lambert azimuthal equal-area, centre 10°E 52°N",
        "width": WIDTH,
        "height": HEIGHT,
        "countries": countries,
    }


if __name__ == "__main__":
    target = Path(__file__).with_name("europe.json")
    data = build(Path(sys.argv[1]))
    target.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n")
    linked = [c["code"] for c in data["countries"] if c["code"]]
    print(f"{target}: {len(data['countries'])} shapes, {len(linked)} linked, {target.stat().st_size // 1024} KiB")
