#!/usr/bin/env python3
"""Builds the gazetteer's physical features and place shapes from two Debian packages.

Usage:
  tools/build_place_shapes.py --world-map WORLD_MAP_GPKG [--natural-earth DIR] [--gazetteer DIR]
                              [--table-only | --shapes-only]

Inputs: Natural Earth 10m rivers and lake centrelines (Debian libmagics++-data,
/usr/share/magics/10m/ne_10m_rivers_lake_centerlines.{shp,dbf}) and the admin-0 countries and admin-1
states and provinces of qgis-common's world_map.gpkg (/usr/share/qgis/resources/data/world_map.gpkg;
`apt-get download qgis-common && dpkg -x qgis-common_*.deb DIR` gives it without installing Qt).
Python 3 standard library only.

Writes into the gazetteer folder (default data/gazetteer):
  physical.tsv       (committed) the named rivers as gazetteer places: id name alt_names kind
                     feature_code country lat lon source; deterministic, byte-identical between runs
  place_shapes.gpkg  (built at setup, not committed) one feature per gazetteer place that has a
                     shape: place_id ("country:UA", "admin1:UA.04", "river:dnipro-26",
                     "curated:indus-river"), kind ("area" or "line"), and the geometry in WGS 84
                     lon/lat; read by geo::PlaceShapes.
data/gazetteer/SOURCES.md says how names are matched and why.
"""
import argparse
import os
import re
import sys
import unicodedata

sys.dont_write_bytecode = True
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "gazetteer"))
import areas  # noqa: E402
import geodata  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
SOURCE = "Natural Earth 10m rivers and lake centerlines (Debian libmagics++-data)"


def fold(name):
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = stripped.replace("-", " ")
    for a in "'\u2019\u2018\u02bc\u02bb\u02b9`":
        stripped = stripped.replace(a, "")
    return " ".join(stripped.lower().split())


def read_table(path, columns):
    rows = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            fields = line.rstrip("\n").split("\t")
            if len(fields) != columns:
                sys.exit(f"{path}: expected {columns} fields: {line!r}")
            rows.append(fields)
    return rows


def build_areas(world_map, gazetteer_dir):
    admin1 = read_table(os.path.join(gazetteer_dir, "admin1.tsv"), 7)
    countries = read_table(os.path.join(gazetteer_dir, "countries.tsv"), 10)
    return areas.match_areas(world_map, [(r[0], [r[1]] + (r[2].split("|") if r[2] else [])) for r in admin1],
                             [(c[0], c[1]) for c in countries])


# ---------------------------------------------------------------------------------------------
# Lines: rivers

def river_names(row):
    """"Dnipro (Dnieper)" → ["Dnipro", "Dnieper"]; name_alt adds another ("Drau", "Drava")."""
    names = []
    m = re.match(r"^(.*?)\s*\((.*)\)\s*$", row["name"])
    names += [m.group(1), m.group(2)] if m else [row["name"]]
    if row.get("name_alt") and "?" not in row["name_alt"]:
        names.append(row["name_alt"])
    return [n.strip() for n in names if n.strip() and "?" not in n]


def slug(name):
    return re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")


def close(a, b, limit=0.3):
    return abs(a[0] - b[0]) < limit and abs(a[1] - b[1]) < limit


def group_rivers(rows, records):
    """Segments of one name that touch (ends within about 30 km) make one river."""
    by_name = {}
    for i, row in enumerate(rows):
        names = river_names(row)
        if names and records[i]:
            by_name.setdefault(fold(names[0]), []).append(i)
    groups = []
    for key in sorted(by_name):
        members = by_name[key]
        parent = {i: i for i in members}

        def find(i):
            while parent[i] != i:
                parent[i] = parent[parent[i]]
                i = parent[i]
            return i

        ends = {i: [p for part in records[i] for p in (part[0], part[-1])] for i in members}
        for x in members:
            for y in members:
                if x < y and find(x) != find(y) and any(close(a, b) for a in ends[x] for b in ends[y]):
                    parent[find(x)] = find(y)
        clusters = {}
        for i in members:
            clusters.setdefault(find(i), []).append(i)
        groups += [sorted(c) for c in clusters.values()]
    return groups


def representative_vertex(lines):
    """The vertex nearest the length-weighted mean of the segment midpoints: on the course, central."""
    total = sx = sy = 0.0
    for line in lines:
        for (x1, y1), (x2, y2) in zip(line, line[1:]):
            length = ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5
            total += length
            sx += length * (x1 + x2) / 2
            sy += length * (y1 + y2) / 2
    if total == 0:
        return lines[0][0]
    mx, my = sx / total, sy / total
    return min((p for line in lines for p in line), key=lambda p: ((p[0] - mx) ** 2 + (p[1] - my) ** 2, p))


def country_at(point, country_polygons):
    for place_id, polygons, box in country_polygons:
        if not (box[0] <= point[0] <= box[1] and box[2] <= point[1] <= box[3]):
            continue
        for rings in polygons:
            if geodata.inside_polygon(point, rings):
                return place_id.split(":", 1)[1]
    return ""


def build_rivers(natural_earth, areas, gazetteer_dir):
    rows = geodata.read_dbf(os.path.join(natural_earth, "ne_10m_rivers_lake_centerlines.dbf"))
    records = geodata.read_shp_lines(os.path.join(natural_earth, "ne_10m_rivers_lake_centerlines.shp"))
    if len(rows) != len(records):
        sys.exit(f"{natural_earth}: rivers .dbf and .shp disagree ({len(rows)} vs {len(records)} records)")
    country_polygons = []
    for place_id, polygons in sorted(areas.items()):
        if place_id.startswith("country:"):
            country_polygons.append((place_id, polygons, geodata.bounds([p for rings in polygons for p in rings[0]])))
    # Curated rivers (tools/gazetteer/curated.py) keep their ids and points and get the course.
    curated = [r for r in read_table(os.path.join(gazetteer_dir, "curated.tsv"), 9) if r[4] == "STM"]
    curated_keys = {}
    for r in curated:
        for n in [r[1]] + (r[2].split("|") if r[2] else []):
            key = fold(n)
            key = key[:-6] if key.endswith(" river") else key[6:] if key.startswith("river ") else key
            curated_keys.setdefault(key, []).append(r)

    table, shapes, used_ids = [], {}, set()
    for group in group_rivers(rows, records):
        lines = [part for i in group for part in records[i]]
        names = []
        for i in group:
            names += [n for n in river_names(rows[i]) if n not in names]
        lon, lat = representative_vertex(lines)
        matches = [r for n in names for r in curated_keys.get(fold(n), [])]
        near = [r for r in matches if abs(float(r[6]) - lat) < 15 and abs(float(r[7]) - lon) < 20]
        if near:
            # The nearest curated point of that name takes the whole course.
            r = min(near, key=lambda r: (float(r[6]) - lat) ** 2 + (float(r[7]) - lon) ** 2)
            place_id = f"curated:{r[0]}"
            shapes.setdefault(place_id, []).extend(lines)
            continue
        rivernum = min(int(float(rows[i]["rivernum"] or 0)) for i in group)
        place_id = f"river:{slug(names[0])}-{rivernum}"
        while place_id in used_ids:
            place_id += "b"
        used_ids.add(place_id)
        # "the Dnipro river", "River Thames": the feature word makes the name a river's. Only the
        # major rivers (Natural Earth scalerank 0-5: the Danube, Dnipro, Indus, Seine) are known by
        # the bare name too; most smaller ones share theirs with people and ordinary words
        # ("James", "Main", "Grand", "French", "Ebola"), so there "X River" is the name.
        rank = min(float(rows[i]["scalerank"] or 10) for i in group)
        with_word = [f"{n} River" for n in names] + [f"River {n}" for n in names]
        if rank <= 5:
            name, alts = names[0], names[1:] + with_word
        else:
            name, alts = with_word[0], with_word[1:]
        table.append((place_id, name, "|".join(alts), "Physical", "STM",
                      country_at((lon, lat), country_polygons), f"{lat:.4f}".rstrip("0").rstrip("."),
                      f"{lon:.4f}".rstrip("0").rstrip("."), SOURCE))
        shapes[place_id] = lines
    table.sort()
    return table, shapes


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--world-map", required=True, help="qgis-common's world_map.gpkg")
    parser.add_argument("--natural-earth", default="/usr/share/magics/10m", help="Natural Earth 10m folder")
    parser.add_argument("--gazetteer", default=os.path.join(HERE, "..", "data", "gazetteer"))
    parser.add_argument("--shapes-out", help="where to write place_shapes.gpkg (default: the gazetteer folder)")
    which = parser.add_mutually_exclusive_group()
    which.add_argument("--table-only", action="store_true", help="write physical.tsv only")
    which.add_argument("--shapes-only", action="store_true", help="write place_shapes.gpkg only")
    args = parser.parse_args()
    for path in (args.world_map, os.path.join(args.natural_earth, "ne_10m_rivers_lake_centerlines.shp")):
        if not os.path.exists(path):
            sys.exit(f"{path}: missing")

    areas, matched, admin1_count, unmatched = build_areas(args.world_map, args.gazetteer)
    table, lines = build_rivers(args.natural_earth, areas, args.gazetteer)
    if not args.shapes_only:
        path = os.path.join(args.gazetteer, "physical.tsv")
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write("#id\tname\talt_names\tkind\tfeature_code\tcountry\tlat\tlon\tsource\n")
            for row in table:
                f.write("\t".join(row) + "\n")
    if not args.table_only:
        out = args.shapes_out or os.path.join(args.gazetteer, "place_shapes.gpkg")
        features = []
        for place_id in sorted(areas):
            polygons = areas[place_id]
            features.append((place_id, "area", "MULTIPOLYGON", geodata.wkb_multipolygon(polygons),
                             geodata.bounds([p for rings in polygons for p in rings[0]])))
        for place_id in sorted(lines):
            features.append((place_id, "line", "MULTILINESTRING", geodata.wkb_multilinestring(lines[place_id]),
                             geodata.bounds([p for line in lines[place_id] for p in line])))
        tmp = out + ".tmp"
        if os.path.exists(tmp):
            os.remove(tmp)
        geodata.write_gpkg(tmp, "place_shapes", features)
        os.replace(tmp, out)
    print(f"rivers {len(table)} (+{len(lines) - len(table)} curated), countries "
          f"{sum(k.startswith('country:') for k in areas)}, admin-1 {matched} of {admin1_count} "
          f"({len(unmatched)} Natural Earth regions without a GeoNames match)")


if __name__ == "__main__":
    main()
