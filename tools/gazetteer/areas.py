"""Matches the areas of qgis-common's world_map.gpkg (Natural Earth admin-0 countries and admin-1
states and provinces) to gazetteer ids: countries by ISO code, admin-1 regions by name within the
country, else by FIPS 10-4 code. Used by tools/build_place_shapes.py (the shapes) and
tools/build_gazetteer.py (admin-1 and country positions)."""
import re
import unicodedata

import geodata


def fold(name):
    decomposed = unicodedata.normalize("NFKD", name)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = stripped.replace("-", " ")
    for a in "'\u2019\u2018\u02bc\u02bb\u02b9`":
        stripped = stripped.replace(a, "")
    return " ".join(stripped.lower().split())


# Words around an admin-1 name in Natural Earth's gn_name/woe_name ("Land Schleswig-Holstein",
# "Provincie Groningen", "Chernivets'ka Oblast'") that GeoNames' names lack.
ADMIN_WORDS = re.compile(r"^(land|provincie|province|provincia|region|departement|department|state|estado|"
                         r"oblast|fylke|laen|county|prefecture|governorate|wilayat|muhafazat|"
                         r"distrikt|district|voivodeship|kraj|canton|kanton|of|de|du|del|la|le|the)$")


def admin_keys(name):
    """Folded forms of a name with and without the generic words around it, and for a name with a
    bracketed other name ("Sakha (Yakutia)") each of the two. (Natural Earth's Sakha carries
    Chukotka's FIPS code: with no name matched, the code gave Chukotka Yakutia's polygon and put
    Chukotka's point in Yakutia.)"""
    if not name:
        return []
    bracketed = re.match(r"^(.*?)\s*\((.+)\)\s*$", name)
    if bracketed:
        return [key for part in (name, bracketed.group(1), bracketed.group(2)) for key in admin_keys_plain(part)]
    return admin_keys_plain(name)


def admin_keys_plain(name):
    if not name:
        return []
    words = fold(name).split()
    core = [w for w in words if not ADMIN_WORDS.match(w)]
    out = [" ".join(words)]
    if core and core != words:
        out.append(" ".join(core))
    return out


def match_areas(world_map, admin1, countries):
    """{place_id: polygons} for "country:XX" and "admin1:CC.code", with the number of admin-1
    regions matched, of regions known, and the Natural Earth regions left unmatched.
    admin1: (code, [names]); countries: (iso2, iso3)."""
    iso3_to_iso2 = {iso3: iso2 for iso2, iso3 in countries}
    known_iso2 = {iso2 for iso2, _ in countries}
    codes = {code for code, _ in admin1}
    by_name = {}
    for code, names in admin1:
        for n in names:
            for key in admin_keys(n):
                by_name.setdefault((code[:2], key), set()).add(code)

    out = {}
    for attrs, wkb in geodata.read_gpkg_features(world_map, "countries", ["iso_a2", "ISO_A3"]):
        iso2 = attrs["iso_a2"] if attrs["iso_a2"] in known_iso2 else iso3_to_iso2.get(attrs["ISO_A3"] or "")
        if not iso2:
            continue
        out.setdefault(f"country:{iso2}", []).extend(geodata.parse_wkb(wkb)[1])

    taken = {}
    unmatched = []
    features = geodata.read_gpkg_features(world_map, "states_provinces", ["iso_a2", "name", "woe_name", "gn_name", "fips"])
    for attrs, wkb in features:
        country = attrs["iso_a2"]
        found = set()
        for n in (attrs["name"], attrs["woe_name"], attrs["gn_name"]):
            for key in admin_keys(n):
                found |= by_name.get((country, key), set())
        if len(found) != 1:
            # GeoNames' admin-1 codes are FIPS 10-4 codes for most countries ("UP03" → UA.03).
            fips = attrs["fips"] or ""
            code = f"{country}.{fips[2:]}" if len(fips) > 2 and not found else None
            found = {code} if code in codes else set()
        if len(found) == 1:
            code = found.pop()
            taken.setdefault(code, []).extend(geodata.parse_wkb(wkb)[1])
        else:
            unmatched.append(f'{country} {attrs["name"]}')
    for code, polygons in taken.items():
        out[f"admin1:{code}"] = polygons
    return out, len(taken), len(codes), unmatched


