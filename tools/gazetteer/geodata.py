"""Readers and a writer for the geodata formats the gazetteer builders meet, in the Python standard
library: dBASE tables and polyline shapefiles (Natural Earth in Debian's libmagics++-data), GeoPackage
feature tables (qgis-common's world_map.gpkg) with their WKB geometries, and a minimal GeoPackage
writer. Geometry is lists of (lon, lat) tuples: a polygon is [outer ring, hole, ...], a line a list
of points. Nothing here simplifies or reprojects (everything is WGS 84 longitude/latitude)."""
import sqlite3
import struct


def read_dbf(path):
    """The rows of a dBASE table (a shapefile's attributes) as dicts of stripped strings."""
    with open(path, "rb") as f:
        header = f.read(32)
        count, header_length, record_length = struct.unpack("<IHH", header[4:12])
        fields = []
        while True:
            d = f.read(32)
            if d[0] == 0x0D:
                break
            fields.append((d[:11].split(b"\0")[0].decode("ascii"), d[16]))
        f.seek(header_length)
        rows = []
        for _ in range(count):
            record = f.read(record_length)
            pos, row = 1, {}
            for name, length in fields:
                row[name] = record[pos:pos + length].decode("utf-8", "replace").strip()
                pos += length
            rows.append(row)
    return rows


def read_shp_lines(path):
    """The parts of every record of a polyline shapefile (shape type 3), in record order: a list,
    per record, of lists of (lon, lat)."""
    with open(path, "rb") as f:
        data = f.read()
    shape_type = struct.unpack("<i", data[32:36])[0]
    if shape_type not in (3, 13, 23):
        raise ValueError(f"{path}: shape type {shape_type} is not a polyline")
    records, pos = [], 100
    while pos < len(data):
        length = struct.unpack(">i", data[pos + 4:pos + 8])[0] * 2
        body = data[pos + 8:pos + 8 + length]
        pos += 8 + length
        if struct.unpack("<i", body[:4])[0] == 0:
            records.append([])
            continue
        num_parts, num_points = struct.unpack("<ii", body[36:44])
        starts = list(struct.unpack(f"<{num_parts}i", body[44:44 + 4 * num_parts]))
        at = 44 + 4 * num_parts
        flat = struct.unpack(f"<{2 * num_points}d", body[at:at + 16 * num_points])
        points = list(zip(flat[0::2], flat[1::2]))
        starts.append(num_points)
        records.append([points[starts[i]:starts[i + 1]] for i in range(num_parts)])
    return records


# ---------------------------------------------------------------------------------------------
# WKB

def _parse_wkb(buf, pos):
    order = "<" if buf[pos] == 1 else ">"
    kind = struct.unpack(order + "I", buf[pos + 1:pos + 5])[0] % 1000
    pos += 5

    def points(pos):
        n = struct.unpack(order + "I", buf[pos:pos + 4])[0]
        flat = struct.unpack(order + f"{2 * n}d", buf[pos + 4:pos + 4 + 16 * n])
        return list(zip(flat[0::2], flat[1::2])), pos + 4 + 16 * n

    if kind == 2:  # LineString
        line, pos = points(pos)
        return ("lines", [line]), pos
    if kind == 3:  # Polygon
        rings = []
        n = struct.unpack(order + "I", buf[pos:pos + 4])[0]
        pos += 4
        for _ in range(n):
            ring, pos = points(pos)
            rings.append(ring)
        return ("polygons", [rings]), pos
    if kind in (5, 6):  # MultiLineString, MultiPolygon
        n = struct.unpack(order + "I", buf[pos:pos + 4])[0]
        pos += 4
        parts = []
        for _ in range(n):
            (_, sub), pos = _parse_wkb(buf, pos)
            parts += sub
        return ("lines" if kind == 5 else "polygons", parts), pos
    raise ValueError(f"WKB geometry type {kind} is not supported")


def parse_wkb(buf):
    """("polygons", [[ring, ...], ...]) or ("lines", [line, ...]) from 2D WKB."""
    return _parse_wkb(buf, 0)[0]


def wkb_multipolygon(polygons):
    out = [struct.pack("<BII", 1, 6, len(polygons))]
    for rings in polygons:
        out.append(struct.pack("<BII", 1, 3, len(rings)))
        for ring in rings:
            out.append(struct.pack("<I", len(ring)))
            out.append(struct.pack(f"<{2 * len(ring)}d", *[c for p in ring for c in p]))
    return b"".join(out)


def wkb_multilinestring(lines):
    out = [struct.pack("<BII", 1, 5, len(lines))]
    for line in lines:
        out.append(struct.pack("<BII", 1, 2, len(line)))
        out.append(struct.pack(f"<{2 * len(line)}d", *[c for p in line for c in p]))
    return b"".join(out)


# ---------------------------------------------------------------------------------------------
# GeoPackage

_ENVELOPE_BYTES = {0: 0, 1: 32, 2: 48, 3: 48, 4: 64}


def gpkg_wkb(blob):
    """The WKB inside a GeoPackage geometry blob (its "GP" header and envelope skipped)."""
    if blob[:2] != b"GP":
        raise ValueError("not a GeoPackage geometry blob")
    flags = blob[3]
    return bytes(blob[8 + _ENVELOPE_BYTES[(flags >> 1) & 7]:])


def read_gpkg_features(path, table, columns):
    """(attribute dict, WKB) of every feature of a GeoPackage table, in fid order."""
    con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        geometry = con.execute("SELECT column_name FROM gpkg_geometry_columns WHERE table_name = ?",
                               (table,)).fetchone()[0]
        quoted = ", ".join(f'"{c}"' for c in columns)
        rows = con.execute(f'SELECT {quoted}, "{geometry}" FROM "{table}" ORDER BY fid').fetchall()
    finally:
        con.close()
    return [(dict(zip(columns, r[:-1])), gpkg_wkb(r[-1])) for r in rows if r[-1] is not None]


def inside_ring(point, ring):
    """Even-odd rule: True when (lon, lat) lies inside the ring."""
    x, y = point
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        if (y1 > y) != (y2 > y) and x < x1 + (y - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def inside_polygon(point, rings):
    """Inside the outer ring and outside every hole."""
    return inside_ring(point, rings[0]) and not any(inside_ring(point, hole) for hole in rings[1:])


def ring_area_centroid(ring):
    """Area and area centroid (lon, lat) of a ring, in plain degrees (shoelace formula)."""
    area = cx = cy = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1]):
        cross = x1 * y2 - x2 * y1
        area += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    area /= 2
    if area == 0:
        return 0.0, ring[0]
    return abs(area), (cx / (6 * area), cy / (6 * area))


def main_centroid(polygons):
    """The area centroid (lon, lat) of the largest polygon, when it lies inside that polygon (a
    concave or ring-shaped one may have its centroid outside); else None."""
    area, centroid, rings = max(((*ring_area_centroid(p[0]), p) for p in polygons), key=lambda t: t[0])
    return centroid if area > 0 and inside_polygon(centroid, rings) else None


def bounds(points):
    xs = [p[0] for p in points]
    ys = [p[1] for p in points]
    return min(xs), max(xs), min(ys), max(ys)


def write_gpkg(path, table, features):
    """A GeoPackage with one WGS 84 feature table `table` (fid, place_id TEXT UNIQUE, kind TEXT,
    geom): features are (place_id, kind, geometry_type, wkb, (minx, maxx, miny, maxy))."""
    con = sqlite3.connect(path)
    con.execute("PRAGMA application_id = 1196444487")  # 'GPKG'
    con.execute("PRAGMA user_version = 10300")
    con.executescript("""
        CREATE TABLE gpkg_spatial_ref_sys (srs_name TEXT NOT NULL, srs_id INTEGER PRIMARY KEY,
            organization TEXT NOT NULL, organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL,
            description TEXT);
        CREATE TABLE gpkg_contents (table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL,
            identifier TEXT UNIQUE, description TEXT DEFAULT '', last_change DATETIME NOT NULL,
            min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER);
        CREATE TABLE gpkg_geometry_columns (table_name TEXT NOT NULL, column_name TEXT NOT NULL,
            geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL, z TINYINT NOT NULL, m TINYINT NOT NULL,
            CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name));
    """)
    wgs84 = ('GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563]],'
             'PRIMEM["Greenwich",0],UNIT["degree",0.0174532925199433],AUTHORITY["EPSG","4326"]]')
    con.executemany("INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)", [
        ("Undefined cartesian SRS", -1, "NONE", -1, "undefined", None),
        ("Undefined geographic SRS", 0, "NONE", 0, "undefined", None),
        ("WGS 84 geodetic", 4326, "EPSG", 4326, wgs84, None)])
    con.execute(f'CREATE TABLE "{table}" (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom GEOMETRY, '
                'place_id TEXT NOT NULL UNIQUE, kind TEXT NOT NULL)')
    every = [f[4] for f in features]
    extent = (min(b[0] for b in every), min(b[2] for b in every), max(b[1] for b in every), max(b[3] for b in every))
    con.execute("INSERT INTO gpkg_contents VALUES (?, 'features', ?, '', '2026-01-01T00:00:00Z', ?, ?, ?, ?, 4326)",
                (table, table, *extent))
    con.execute("INSERT INTO gpkg_geometry_columns VALUES (?, 'geom', 'GEOMETRY', 4326, 0, 0)", (table,))
    rows = []
    for place_id, kind, _, wkb, (minx, maxx, miny, maxy) in features:
        header = b"GP" + bytes([0, 0x03]) + struct.pack("<i", 4326) + struct.pack("<4d", minx, maxx, miny, maxy)
        rows.append((header + wkb, place_id, kind))
    con.executemany(f'INSERT INTO "{table}" (geom, place_id, kind) VALUES (?, ?, ?)', rows)
    con.commit()
    con.close()
