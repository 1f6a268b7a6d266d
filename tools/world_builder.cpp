// tools/world_builder.cpp — builds the world basemap from Debian packages into one folder:
//   world.gpkg         the tiled, generalised vector store read by geo/world_store: water (sea and
//                      lakes as polygons, GSHHG), rivers (Natural Earth 10m at small scales, WDBII
//                      by class at large ones), country and admin-1 borders (Natural Earth 10m),
//                      each per zoom band, simplified for it and cut into the band's tiles;
//   landmask_30s.tif   1-bit land/water at 30″ from the full GSHHG shoreline (even–odd over all
//                      levels: land, lakes, islands in lakes, ponds);
//   relief_5m.tif      ETOPO5 at its native 5′ (Debian ferret-datasets), land only: cells the
//                      mask finds no land in (the sea) and land at or below sea level are 1 m.
// GSHHG is read through GMT (`gmt coast -M`), whose binned files cut every shoreline at 1° bin
// edges: the pieces are joined back into whole rings here (across the antimeridian too; rings
// round a pole are closed along it).
//
//   world_builder OUT_DIR [--natural-earth DIR] [--etopo FILE] [--gmt PROGRAM]
//                 [--rasters-only] [--band N --region W/S/E/N]   (the last two: a partial store, for debugging)
//
// Run by tools/build_world.sh (tools/setup.sh), which skips it when its inputs have not changed.
#include <cpl_conv.h>
#include <gdal.h>
#include <gdal_alg.h>
#include <geos_c.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <vector>

#include "geo/world_tiles.hpp"

namespace {

using geo::TileKey;
using geo::WorldBand;

struct Point {
    double x, y;
};
using Path = std::vector<Point>;

struct Piece {
    int level = 0;
    Path points;
};

[[noreturn]] void fail(const std::string& message) {
    std::fprintf(stderr, "world_builder: %s\n", message.c_str());
    std::exit(1);
}

void say(const std::string& message) {
    static const auto start = std::chrono::steady_clock::now();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::fprintf(stderr, "world_builder [%5.1f s] %s\n", seconds, message.c_str());
}

// ---------------------------------------------------------------- GMT's multisegment dumps

// Runs `command` and reads its GMT multisegment output: a "> ... Level N" header per piece.
std::vector<Piece> readGmt(const std::string& command) {
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    if (!pipe) fail("cannot run " + command);
    std::vector<Piece> pieces;
    char line[512];
    while (std::fgets(line, sizeof line, pipe.get())) {
        if (line[0] == '>') {
            Piece piece;
            if (const char* level = std::strstr(line, "Level ")) piece.level = std::atoi(level + 6);
            pieces.push_back(std::move(piece));
            continue;
        }
        if (pieces.empty()) continue;
        char* end = nullptr;
        const double x = std::strtod(line, &end);
        if (end == line) continue;
        const double y = std::strtod(end, nullptr);
        pieces.back().points.push_back({x, y});
    }
    if (pieces.empty()) fail("no output from " + command);
    return pieces;
}

// ---------------------------------------------------------------- joining bin pieces into rings

struct Ring {
    int level = 0;
    Path points;  // closed (last == first); longitudes continuous, possibly beyond ±180
};

std::uint64_t endpointKey(const Point& p) {
    // The antimeridian is one line: a piece ending at +180 goes on at −180.
    double x = p.x <= -180.0 + 1e-9 ? 180.0 : p.x;
    const auto qx = static_cast<std::int64_t>(std::llround(x * 1e6));
    const auto qy = static_cast<std::int64_t>(std::llround(p.y * 1e6));
    return (static_cast<std::uint64_t>(qx) << 32) ^ static_cast<std::uint64_t>(qy & 0xffffffff);
}

bool samePoint(const Point& a, const Point& b) { return endpointKey(a) == endpointKey(b); }

// Makes longitudes continuous along the path (no jump of more than 180°).
void unwrap(Path& path) {
    for (std::size_t i = 1; i < path.size(); ++i) {
        while (path[i].x - path[i - 1].x > 180.0) path[i].x -= 360.0;
        while (path[i].x - path[i - 1].x < -180.0) path[i].x += 360.0;
    }
}

std::vector<Ring> joinRings(std::vector<Piece> pieces, int* left_open) {
    std::vector<Ring> rings;
    std::unordered_multimap<std::uint64_t, std::size_t> by_start;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        Path& p = pieces[i].points;
        if (p.size() < 2) continue;
        if (samePoint(p.front(), p.back()) && p.size() >= 4) {
            rings.push_back({pieces[i].level, std::move(p)});
            continue;
        }
        by_start.emplace(endpointKey(p.front()), i);
    }
    std::vector<bool> used(pieces.size(), false);
    int open = 0;
    for (std::size_t i = 0; i < pieces.size(); ++i) {
        if (used[i] || pieces[i].points.size() < 2) continue;
        if (by_start.find(endpointKey(pieces[i].points.front())) == by_start.end()) continue;  // a ring already
        used[i] = true;
        Path chain = pieces[i].points;
        bool closed = false;
        for (std::size_t guard = 0; guard < pieces.size(); ++guard) {
            if (chain.size() >= 4 && samePoint(chain.back(), chain.front())) {
                closed = true;
                break;
            }
            auto range = by_start.equal_range(endpointKey(chain.back()));
            std::size_t next = pieces.size();
            for (auto it = range.first; it != range.second; ++it) {
                if (!used[it->second]) {
                    next = it->second;
                    break;
                }
            }
            if (next == pieces.size()) break;
            used[next] = true;
            const Path& more = pieces[next].points;
            chain.insert(chain.end(), more.begin() + 1, more.end());
        }
        if (!closed) {
            ++open;
            continue;
        }
        rings.push_back({pieces[i].level, std::move(chain)});
    }
    for (Ring& ring : rings) {
        unwrap(ring.points);
        const double drift = ring.points.back().x - ring.points.front().x;
        if (std::abs(drift) > 180.0) {
            // Round a pole (Antarctica): close the ring along it.
            const double pole = ring.points.front().y < 0.0 ? -90.0 : 90.0;
            ring.points.push_back({ring.points.back().x, pole});
            ring.points.push_back({ring.points.front().x, pole});
            ring.points.push_back(ring.points.front());
        } else {
            ring.points.back() = ring.points.front();
        }
    }
    if (left_open) *left_open = open;
    return rings;
}

// ---------------------------------------------------------------- GEOS

GEOSContextHandle_t ctx = nullptr;

struct GeomDeleter {
    void operator()(GEOSGeometry* g) const {
        if (g) GEOSGeom_destroy_r(ctx, g);
    }
};
using Geom = std::unique_ptr<GEOSGeometry, GeomDeleter>;

struct Box {
    double west, south, east, north;
    bool intersects(const Box& o) const { return west < o.east && o.west < east && south < o.north && o.south < north; }
    bool contains(const Box& o) const { return west <= o.west && o.east <= east && south <= o.south && o.north <= north; }
};

Box boxOf(const Path& path) {
    Box b{1e300, 1e300, -1e300, -1e300};
    for (const Point& p : path) {
        b.west = std::min(b.west, p.x);
        b.east = std::max(b.east, p.x);
        b.south = std::min(b.south, p.y);
        b.north = std::max(b.north, p.y);
    }
    return b;
}

Box boxOf(const geo::LonLatBox& b) { return Box{b.west, b.south, b.east, b.north}; }
Box tileBox(const TileKey& key) { return boxOf(geo::tileBounds(key)); }

GEOSCoordSequence* sequenceOf(const Path& path, double shift) {
    GEOSCoordSequence* seq = GEOSCoordSeq_create_r(ctx, static_cast<unsigned>(path.size()), 2);
    for (std::size_t i = 0; i < path.size(); ++i) {
        GEOSCoordSeq_setXY_r(ctx, seq, static_cast<unsigned>(i), path[i].x + shift, path[i].y);
    }
    return seq;
}

Geom polygonOf(const Path& ring, double shift) {
    GEOSGeometry* shell = GEOSGeom_createLinearRing_r(ctx, sequenceOf(ring, shift));
    if (!shell) return nullptr;
    return Geom(GEOSGeom_createPolygon_r(ctx, shell, nullptr, 0));
}

Geom rectangle(const Box& b) {
    return polygonOf(Path{{b.west, b.south}, {b.east, b.south}, {b.east, b.north}, {b.west, b.north}, {b.west, b.south}}, 0.0);
}

Box envelope(const GEOSGeometry* g) {
    double x0, y0, x1, y1;
    GEOSGeom_getXMin_r(ctx, g, &x0);
    GEOSGeom_getYMin_r(ctx, g, &y0);
    GEOSGeom_getXMax_r(ctx, g, &x1);
    GEOSGeom_getYMax_r(ctx, g, &y1);
    return Box{x0, y0, x1, y1};
}

// A polygon ring as GEOS wants it (valid); a piece GEOS cannot repair is dropped.
Geom valid(Geom g) {
    if (!g) return nullptr;
    if (GEOSisValid_r(ctx, g.get()) == 1) return g;
    Geom repaired(GEOSMakeValid_r(ctx, g.get()));
    return repaired;
}

// A shared polygon piece with its level and box.
struct Shape {
    int level;
    std::shared_ptr<GEOSGeometry> geometry;
    Box box;
};

std::shared_ptr<GEOSGeometry> shared(Geom g) { return std::shared_ptr<GEOSGeometry>(g.release(), GeomDeleter{}); }

// a − b, repairing both when GEOS finds them invalid (null only if even that fails).
Geom difference(const GEOSGeometry* a, const GEOSGeometry* b) {
    if (GEOSGeometry* d = GEOSDifference_r(ctx, a, b)) return Geom(d);
    Geom va(GEOSMakeValid_r(ctx, a)), vb(GEOSMakeValid_r(ctx, b));
    if (!va || !vb) return nullptr;
    return Geom(GEOSDifference_r(ctx, va.get(), vb.get()));
}

// Union of the shapes of some levels (null if none).
Geom unionOf(const std::vector<Shape>& shapes, int level_a, int level_b) {
    std::vector<GEOSGeometry*> parts;
    for (const Shape& s : shapes) {
        if (s.level == level_a || s.level == level_b) parts.push_back(GEOSGeom_clone_r(ctx, s.geometry.get()));
    }
    if (parts.empty()) return nullptr;
    Geom collection(GEOSGeom_createCollection_r(ctx, GEOS_GEOMETRYCOLLECTION, parts.data(), static_cast<unsigned>(parts.size())));
    Geom merged(GEOSUnaryUnion_r(ctx, collection.get()));
    if (!merged) {
        Geom repaired(GEOSMakeValid_r(ctx, collection.get()));
        if (repaired) merged.reset(GEOSUnaryUnion_r(ctx, repaired.get()));
    }
    return merged;
}

// ---------------------------------------------------------------- GeoPackage output

struct Store {
    GDALDatasetH dataset = nullptr;
    OGRLayerH water = nullptr;
    OGRLayerH lines = nullptr;
    std::size_t rows = 0;

    explicit Store(const std::string& path) {
        GDALDriverH driver = GDALGetDriverByName("GPKG");
        if (!driver) fail("GDAL has no GeoPackage driver");
        std::filesystem::remove(path);
        dataset = GDALCreate(driver, path.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
        if (!dataset) fail("cannot create " + path);
        OGRSpatialReferenceH wgs84 = OSRNewSpatialReference(nullptr);
        OSRImportFromEPSG(wgs84, 4326);
        OSRSetAxisMappingStrategy(wgs84, OAMS_TRADITIONAL_GIS_ORDER);
        const char* options[] = {"SPATIAL_INDEX=NO", nullptr};
        water = GDALDatasetCreateLayer(dataset, "water", wgs84, wkbMultiPolygon, const_cast<char**>(options));
        lines = GDALDatasetCreateLayer(dataset, "lines", wgs84, wkbMultiLineString, const_cast<char**>(options));
        OSRDestroySpatialReference(wgs84);
        if (!water || !lines) fail("cannot create the store's tables");
        for (OGRLayerH layer : {water, lines}) {
            for (const char* name : {"band", "tx", "ty", "kind", "rank"}) {
                OGRFieldDefnH field = OGR_Fld_Create(name, OFTInteger);
                OGR_L_CreateField(layer, field, TRUE);
                OGR_Fld_Destroy(field);
            }
        }
        OGRFieldDefnH name = OGR_Fld_Create("name", OFTString);
        OGR_L_CreateField(lines, name, TRUE);
        OGR_Fld_Destroy(name);
        GDALDatasetStartTransaction(dataset, TRUE);
    }

    void add(OGRLayerH layer, const TileKey& key, int kind, int rank, const GEOSGeometry* geometry, const std::string& label = {}) {
        if (!geometry || GEOSisEmpty_r(ctx, geometry) == 1) return;
        std::size_t size = 0;
        GEOSWKBWriter* writer = GEOSWKBWriter_create_r(ctx);
        unsigned char* wkb = GEOSWKBWriter_write_r(ctx, writer, geometry, &size);
        GEOSWKBWriter_destroy_r(ctx, writer);
        OGRGeometryH ogr = nullptr;
        OGR_G_CreateFromWkb(wkb, nullptr, &ogr, static_cast<int>(size));
        GEOSFree_r(ctx, wkb);
        if (!ogr) return;
        OGRGeometryH multi = layer == water ? OGR_G_ForceToMultiPolygon(ogr) : OGR_G_ForceToMultiLineString(ogr);
        OGRFeatureH feature = OGR_F_Create(OGR_L_GetLayerDefn(layer));
        OGR_F_SetFieldInteger(feature, 0, key.band);
        OGR_F_SetFieldInteger(feature, 1, key.x);
        OGR_F_SetFieldInteger(feature, 2, key.y);
        OGR_F_SetFieldInteger(feature, 3, kind);
        OGR_F_SetFieldInteger(feature, 4, rank);
        if (layer == lines && !label.empty()) OGR_F_SetFieldString(feature, 5, label.c_str());
        OGR_F_SetGeometryDirectly(feature, multi);
        if (OGR_L_CreateFeature(layer, feature) != OGRERR_NONE) fail("cannot write a feature");
        OGR_F_Destroy(feature);
        if (++rows % 20000 == 0) {
            GDALDatasetCommitTransaction(dataset);
            GDALDatasetStartTransaction(dataset, TRUE);
        }
    }

    void finish() {
        GDALDatasetCommitTransaction(dataset);
        for (const char* table : {"water", "lines"}) {
            const std::string sql = std::string("CREATE INDEX ") + table + "_tile ON " + table + " (band, tx, ty)";
            OGRLayerH result = GDALDatasetExecuteSQL(dataset, sql.c_str(), nullptr, nullptr);
            if (result) GDALDatasetReleaseResultSet(dataset, result);
        }
        GDALClose(dataset);
        dataset = nullptr;
    }
};

// ---------------------------------------------------------------- water per band

// The band's water (sea = the tile minus land, lakes = lakes minus their islands) for every
// tile: shapes are clipped down the tile quadtree (each level only clips what reached its parent)
// to the band's cell level, where the water is worked out.
class WaterBuilder {
public:
    WaterBuilder(const WorldBand& band, int band_index, Store& store) : band_(band), index_(band_index), store_(store) {}

    void run(const std::vector<Ring>& rings) {
        std::vector<Shape> shapes;
        for (const Ring& ring : rings) {
            if (ring.level < 1 || ring.level > 3) continue;
            const Box box = boxOf(ring.points);
            // Rings reaching past the antimeridian also go in shifted by 360°, so both sides clip them.
            for (double shift : {-360.0, 0.0, 360.0}) {
                const Box moved{box.west + shift, box.south, box.east + shift, box.north};
                if (!moved.intersects(Box{-180.0, -90.0, 180.0, 90.0})) continue;
                Geom polygon = valid(polygonOf(ring.points, shift));
                if (!polygon) continue;
                shapes.push_back(Shape{ring.level, shared(std::move(polygon)), moved});
            }
        }
        descend(0, 0, 0, shapes);
    }

private:
    void emit(int level, int x, int y, const Box& box, const GEOSGeometry* sea, const GEOSGeometry* lakes) {
        // A cell belongs to the band tile that contains it; a cell above the tile level is
        // split into its tiles (only for whole water, which is then a rectangle per tile).
        const int tile_level = band_.tile_level;
        if (level >= tile_level) {
            const int shift = level - tile_level;
            const TileKey key{index_, x >> shift, y >> shift};
            if (sea) store_.add(store_.water, key, 0, 0, sea);
            if (lakes) store_.add(store_.water, key, 1, 0, lakes);
            return;
        }
        (void)box;
        const int span = 1 << (tile_level - level);
        for (int dy = 0; dy < span; ++dy) {
            for (int dx = 0; dx < span; ++dx) {
                const TileKey key{index_, x * span + dx, y * span + dy};
                Geom rect = rectangle(tileBox(key));
                store_.add(store_.water, key, 0, 0, rect.get());
            }
        }
    }

    void descend(int level, int x, int y, const std::vector<Shape>& shapes) {
        const Box box = boxOf(geo::tileBounds(level, x, y));
        if (shapes.empty()) {
            Geom rect = rectangle(box);
            emit(level, x, y, box, rect.get(), nullptr);
            return;
        }
        // Wholly inside one land polygon and nothing else: no water here.
        if (shapes.size() == 1 && shapes[0].level == 1 && shapes[0].box.contains(box)) {
            Geom rect = rectangle(box);
            if (GEOSCovers_r(ctx, shapes[0].geometry.get(), rect.get()) == 1) return;
        }
        if (level >= band_.cell_level) {
            Geom rect = rectangle(box);
            Geom land = unionOf(shapes, 1, 1);
            Geom sea = land ? difference(rect.get(), land.get()) : std::move(rect);
            Geom lakes;
            if (Geom lake = unionOf(shapes, 2, 2)) {
                Geom islands = unionOf(shapes, 3, 3);
                lakes = islands ? difference(lake.get(), islands.get()) : std::move(lake);
            }
            if (land && !sea) ++failures;
            emit(level, x, y, box, sea.get(), lakes.get());
            return;
        }
        for (int dy = 0; dy < 2; ++dy) {
            for (int dx = 0; dx < 2; ++dx) {
                const int cx = x * 2 + dx, cy = y * 2 + dy;
                const Box child = boxOf(geo::tileBounds(level + 1, cx, cy));
                if (!region_.intersects(child)) continue;
                std::vector<Shape> inside;
                for (const Shape& s : shapes) {
                    if (!s.box.intersects(child)) continue;
                    if (child.contains(s.box)) {
                        inside.push_back(s);
                        continue;
                    }
                    Geom clipped(GEOSClipByRect_r(ctx, s.geometry.get(), child.west, child.south, child.east, child.north));
                    if (!clipped || GEOSisEmpty_r(ctx, clipped.get()) == 1) continue;
                    const Box b = envelope(clipped.get());
                    if (b.east - b.west <= 0.0 || b.north - b.south <= 0.0) continue;
                    inside.push_back(Shape{s.level, shared(std::move(clipped)), b});
                }
                descend(level + 1, cx, cy, inside);
            }
        }
    }

    const WorldBand& band_;
    int index_;
    Store& store_;

public:
    Box region_{-180.0, -90.0, 180.0, 90.0};  // only cells meeting this box (a debugging aid)
    int failures = 0;                          // cells whose water GEOS could not work out
};

// ---------------------------------------------------------------- lines per band

struct Line {
    int kind;   // geo::WorldLineKind
    int rank;   // 0 major, 1 minor
    std::string name;
    Path points;
};

// Cuts each line into the band's tiles (after simplifying it for the band).
void writeLines(const std::vector<Line>& lines, const WorldBand& band, int band_index, Store& store) {
    const int n = 1 << band.tile_level;
    for (const Line& line : lines) {
        if (line.points.size() < 2) continue;
        GEOSGeometry* raw = GEOSGeom_createLineString_r(ctx, sequenceOf(line.points, 0.0));
        if (!raw) continue;
        Geom geometry(raw);
        if (band.simplify_degrees > 0.0) geometry.reset(GEOSSimplify_r(ctx, geometry.get(), band.simplify_degrees));
        if (!geometry || GEOSisEmpty_r(ctx, geometry.get()) == 1) continue;
        const Box b = envelope(geometry.get());
        const double tw = 360.0 / n, th = 180.0 / n;
        const int x0 = std::clamp(static_cast<int>(std::floor((b.west + 180.0) / tw)), 0, n - 1);
        const int x1 = std::clamp(static_cast<int>(std::floor((b.east + 180.0) / tw)), 0, n - 1);
        const int y0 = std::clamp(static_cast<int>(std::floor((90.0 - b.north) / th)), 0, n - 1);
        const int y1 = std::clamp(static_cast<int>(std::floor((90.0 - b.south) / th)), 0, n - 1);
        for (int y = y0; y <= y1; ++y) {
            for (int x = x0; x <= x1; ++x) {
                const TileKey key{band_index, x, y};
                const Box t = tileBox(key);
                if (t.contains(b)) {
                    store.add(store.lines, key, line.kind, line.rank, geometry.get(), line.name);
                    continue;
                }
                Geom clipped(GEOSClipByRect_r(ctx, geometry.get(), t.west, t.south, t.east, t.north));
                if (clipped) store.add(store.lines, key, line.kind, line.rank, clipped.get(), line.name);
            }
        }
    }
}

// Lines of an OGR file (first layer); `keep` filters and ranks features (rank < 0: dropped).
std::vector<Line> readOgrLines(const std::string& path, int kind, const std::function<int(OGRFeatureH)>& rank_of) {
    GDALDatasetH dataset = GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr);
    if (!dataset) fail("cannot open " + path);
    OGRLayerH layer = GDALDatasetGetLayer(dataset, 0);
    std::vector<Line> lines;
    const int name_field = OGR_FD_GetFieldIndex(OGR_L_GetLayerDefn(layer), "name");
    OGR_L_ResetReading(layer);
    while (OGRFeatureH feature = OGR_L_GetNextFeature(layer)) {
        const int rank = rank_of(feature);
        OGRGeometryH geometry = OGR_F_GetGeometryRef(feature);
        if (rank >= 0 && geometry) {
            std::vector<OGRGeometryH> parts;
            if (OGR_G_GetGeometryCount(geometry) > 0 && wkbFlatten(OGR_G_GetGeometryType(geometry)) != wkbLineString) {
                for (int i = 0; i < OGR_G_GetGeometryCount(geometry); ++i) parts.push_back(OGR_G_GetGeometryRef(geometry, i));
            } else {
                parts.push_back(geometry);
            }
            for (OGRGeometryH part : parts) {
                Line line{kind, rank, name_field >= 0 ? OGR_F_GetFieldAsString(feature, name_field) : "", {}};
                for (int i = 0; i < OGR_G_GetPointCount(part); ++i) line.points.push_back({OGR_G_GetX(part, i), OGR_G_GetY(part, i)});
                if (line.points.size() >= 2) lines.push_back(std::move(line));
            }
        }
        OGR_F_Destroy(feature);
    }
    GDALClose(dataset);
    return lines;
}

// WDBII rivers from GMT: classes 1 (double-lined) to `max_class`; 1–2 are major.
std::vector<Line> readRivers(const std::string& gmt, char resolution, int max_class) {
    std::vector<Line> lines;
    for (Piece& piece : readGmt(gmt + " coast -Rd -D" + resolution + " -M -Ia --GMT_HISTORY=false 2>/dev/null")) {
        if (piece.level < 1 || piece.level > max_class || piece.points.size() < 2) continue;
        lines.push_back(Line{static_cast<int>(geo::WorldLineKind::River), piece.level <= 2 ? 0 : 1, "", std::move(piece.points)});
    }
    return lines;
}

// ---------------------------------------------------------------- the 30″ land mask

constexpr int kMaskPerDegree = 120;  // 30″
constexpr int kMaskWidth = 360 * kMaskPerDegree;
constexpr int kMaskHeight = 180 * kMaskPerDegree;
constexpr int kMaskStrip = 1200;  // rows per strip (10°)

// Even–odd scanline fill of every ring (all levels nested, so even–odd is land), one strip of
// rows at a time; the strip's cells are 1 for land. Also sums land cells per 5′ relief cell.
void writeMask(const std::vector<Ring>& rings, const std::string& path, std::vector<std::uint8_t>& land_count) {
    struct Edge {
        double x0, y0, x1, y1;
    };
    std::vector<std::vector<Edge>> by_strip(kMaskHeight / kMaskStrip);
    for (const Ring& ring : rings) {
        for (double shift : {-360.0, 0.0, 360.0}) {
            const Box b = boxOf(ring.points);
            if (b.east + shift < -180.0 || b.west + shift > 180.0) continue;
            for (std::size_t i = 0; i + 1 < ring.points.size(); ++i) {
                const Point& a = ring.points[i];
                const Point& c = ring.points[i + 1];
                if (a.y == c.y) continue;
                const double top = std::max(a.y, c.y), bottom = std::min(a.y, c.y);
                const int first = std::clamp(static_cast<int>((90.0 - top) * kMaskPerDegree) / kMaskStrip, 0, int(by_strip.size()) - 1);
                const int last = std::clamp(static_cast<int>((90.0 - bottom) * kMaskPerDegree) / kMaskStrip, 0, int(by_strip.size()) - 1);
                for (int s = first; s <= last; ++s) by_strip[s].push_back(Edge{a.x + shift, a.y, c.x + shift, c.y});
            }
        }
    }
    GDALDriverH driver = GDALGetDriverByName("GTiff");
    const char* options[] = {"NBITS=1", "COMPRESS=DEFLATE", "TILED=YES", "BLOCKXSIZE=512", "BLOCKYSIZE=512", nullptr};
    GDALDatasetH out = GDALCreate(driver, path.c_str(), kMaskWidth, kMaskHeight, 1, GDT_Byte, const_cast<char**>(options));
    if (!out) fail("cannot create " + path);
    double transform[6] = {-180.0, 1.0 / kMaskPerDegree, 0.0, 90.0, 0.0, -1.0 / kMaskPerDegree};
    GDALSetGeoTransform(out, transform);
    OGRSpatialReferenceH wgs84 = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(wgs84, 4326);
    GDALSetSpatialRef(out, wgs84);
    OSRDestroySpatialReference(wgs84);
    std::vector<std::uint8_t> strip(static_cast<std::size_t>(kMaskWidth) * kMaskStrip);
    std::vector<double> crossings;
    constexpr int kReliefPerDegree = 12;
    constexpr int kRatio = kMaskPerDegree / kReliefPerDegree;  // 10 × 10 mask cells per relief cell
    land_count.assign(static_cast<std::size_t>(360 * kReliefPerDegree) * 180 * kReliefPerDegree, 0);
    for (std::size_t s = 0; s < by_strip.size(); ++s) {
        std::fill(strip.begin(), strip.end(), 0);
        for (int r = 0; r < kMaskStrip; ++r) {
            const int row = static_cast<int>(s) * kMaskStrip + r;
            const double y = 90.0 - (row + 0.5) / kMaskPerDegree;
            crossings.clear();
            for (const Edge& e : by_strip[s]) {
                if ((e.y0 > y) == (e.y1 > y)) continue;
                crossings.push_back(e.x0 + (y - e.y0) * (e.x1 - e.x0) / (e.y1 - e.y0));
            }
            std::sort(crossings.begin(), crossings.end());
            std::uint8_t* cells = strip.data() + static_cast<std::size_t>(r) * kMaskWidth;
            for (std::size_t i = 0; i + 1 < crossings.size(); i += 2) {
                const int from = std::max(0, static_cast<int>(std::ceil((crossings[i] + 180.0) * kMaskPerDegree - 0.5)));
                const int to = std::min(kMaskWidth, static_cast<int>(std::ceil((crossings[i + 1] + 180.0) * kMaskPerDegree - 0.5)));
                for (int c = from; c < to; ++c) cells[c] = 1;
            }
            const std::size_t relief_row = static_cast<std::size_t>(row / kRatio) * 360 * kReliefPerDegree;
            for (int c = 0; c < kMaskWidth; ++c) land_count[relief_row + c / kRatio] += cells[c];
        }
        if (GDALRasterIO(GDALGetRasterBand(out, 1), GF_Write, 0, static_cast<int>(s) * kMaskStrip, kMaskWidth, kMaskStrip,
                         strip.data(), kMaskWidth, kMaskStrip, GDT_Byte, 0, 0) != CE_None) {
            fail("cannot write " + path);
        }
    }
    GDALClose(out);
}

// ---------------------------------------------------------------- the 5′ relief

void writeRelief(const std::string& etopo, const std::vector<std::uint8_t>& land_count, const std::string& path) {
    GDALDatasetH source = GDALOpen(etopo.c_str(), GA_ReadOnly);
    if (!source) fail("cannot open " + etopo);
    const int sw = GDALGetRasterXSize(source), sh = GDALGetRasterYSize(source);
    std::vector<float> values(static_cast<std::size_t>(sw) * sh);
    if (GDALRasterIO(GDALGetRasterBand(source, 1), GF_Read, 0, 0, sw, sh, values.data(), sw, sh, GDT_Float32, 0, 0) != CE_None) {
        fail("cannot read " + etopo);
    }
    double st[6];
    GDALGetGeoTransform(source, st);
    GDALClose(source);
    // ETOPO5 is stored from 0° east; its values are at the 5′ grid's nodes. Each output cell
    // (pixel-is-area, −180…180) averages the four nodes at its corners.
    constexpr int kPerDegree = 12;
    const int width = 360 * kPerDegree, height = 180 * kPerDegree;
    const bool south_up = st[5] > 0.0;
    auto node = [&](double lon, double lat) {
        double col = (lon - (st[0] + 0.5 * st[1])) / st[1];
        double row = (lat - (st[3] + 0.5 * st[5])) / st[5];
        int c = static_cast<int>(std::lround(col)), r = static_cast<int>(std::lround(row));
        c = ((c % sw) + sw) % sw;
        r = std::clamp(r, 0, sh - 1);
        (void)south_up;
        return values[static_cast<std::size_t>(r) * sw + c];
    };
    std::vector<std::int16_t> out(static_cast<std::size_t>(width) * height);
    constexpr std::int16_t kNoData = -32768;
    for (int r = 0; r < height; ++r) {
        const double north = 90.0 - static_cast<double>(r) / kPerDegree, south = north - 1.0 / kPerDegree;
        for (int c = 0; c < width; ++c) {
            const std::size_t i = static_cast<std::size_t>(r) * width + c;
            if (land_count[i] == 0) {
                // The sea is at sea level: the water drawn over it (the store's) makes the coast,
                // and the relief's filtering never frays it with no-data.
                out[i] = 1;
                continue;
            }
            const double west = -180.0 + static_cast<double>(c) / kPerDegree, east = west + 1.0 / kPerDegree;
            const double mean = 0.25 * (node(west, north) + node(east, north) + node(west, south) + node(east, south));
            out[i] = static_cast<std::int16_t>(std::clamp(std::lround(mean), 1L, 9000L));
        }
    }
    GDALDriverH driver = GDALGetDriverByName("GTiff");
    const char* options[] = {"COMPRESS=DEFLATE", "PREDICTOR=2", "TILED=YES", nullptr};
    GDALDatasetH dataset = GDALCreate(driver, path.c_str(), width, height, 1, GDT_Int16, const_cast<char**>(options));
    if (!dataset) fail("cannot create " + path);
    double transform[6] = {-180.0, 1.0 / kPerDegree, 0.0, 90.0, 0.0, -1.0 / kPerDegree};
    GDALSetGeoTransform(dataset, transform);
    OGRSpatialReferenceH wgs84 = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(wgs84, 4326);
    GDALSetSpatialRef(dataset, wgs84);
    OSRDestroySpatialReference(wgs84);
    GDALRasterBandH band = GDALGetRasterBand(dataset, 1);
    GDALSetRasterNoDataValue(band, kNoData);
    if (GDALRasterIO(band, GF_Write, 0, 0, width, height, out.data(), width, height, GDT_Int16, 0, 0) != CE_None) {
        fail("cannot write " + path);
    }
    GDALClose(dataset);
}

void rasters(const std::string& gmt, const std::string& etopo, const std::string& out_dir);

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: world_builder OUT_DIR [--natural-earth DIR] [--etopo FILE] [--gmt PROGRAM]\n");
        return 2;
    }
    std::string out_dir = argv[1];
    std::string natural_earth = "/usr/share/magics/10m";
    std::string etopo = "/usr/share/ferret-vis/data/etopo5.cdf";
    std::string gmt = "gmt";
    Box region{-180.0, -90.0, 180.0, 90.0};
    int only_band = -1;
    bool rasters_only = false;
    for (int i = 2; i < argc; ++i) {
        const std::string option = argv[i];
        if (option == "--rasters-only") {
            rasters_only = true;
            continue;
        }
        if (i + 1 >= argc) fail("option " + option + " needs a value");
        const char* value = argv[++i];
        if (option == "--region") std::sscanf(value, "%lf/%lf/%lf/%lf", &region.west, &region.south, &region.east, &region.north);
        else if (option == "--band") only_band = std::atoi(value);
        else if (option == "--natural-earth") natural_earth = value;
        else if (option == "--etopo") etopo = value;
        else if (option == "--gmt") gmt = value;
        else fail("unknown option " + option);
    }
    GDALAllRegister();
    CPLSetConfigOption("OGR_SQLITE_SYNCHRONOUS", "OFF");
    ctx = GEOS_init_r();
    std::filesystem::create_directories(out_dir);
    const std::string partial = out_dir + "/world.part.gpkg";  // GDAL wants the .gpkg ending

    const std::vector<WorldBand>& bands = geo::worldBands();
    if (rasters_only) {
        rasters(gmt, etopo, out_dir);
        GEOS_finish_r(ctx);
        return 0;
    }
    {
        Store store(partial);
        for (std::size_t b = 0; b < bands.size(); ++b) {
            const WorldBand& band = bands[b];
            if (only_band >= 0 && static_cast<int>(b) != only_band) continue;
            int open = 0;
            std::vector<Ring> rings =
                joinRings(readGmt(gmt + " coast -Rd -D" + band.gshhg_resolution + " -M -W -A0/1/3 --GMT_HISTORY=false 2>/dev/null"), &open);
            say("band " + std::to_string(b) + ": " + std::to_string(rings.size()) + " shoreline rings (" + band.gshhg_resolution +
                "), " + std::to_string(open) + " left open");
            WaterBuilder water(band, static_cast<int>(b), store);
            water.region_ = region;
            water.run(rings);
            if (water.failures > 0) say("band " + std::to_string(b) + ": water failed in " + std::to_string(water.failures) + " cells");
            if (b == 0) {
                // The world tile also holds the coasts as lines (locator maps draw them).
                std::vector<Line> coasts;
                for (const Ring& ring : rings) {
                    if (ring.level == 1) coasts.push_back(Line{static_cast<int>(geo::WorldLineKind::Coast), 0, "", ring.points});
                }
                WorldBand coarse = band;
                coarse.simplify_degrees = 0.1;
                writeLines(coasts, coarse, 0, store);
            }
            say("band " + std::to_string(b) + ": water written");
        }
        if (only_band >= 0) {
            store.finish();
            std::filesystem::rename(partial, out_dir + "/world.gpkg");
            return 0;
        }
        // Rivers: Natural Earth's named rivers at small scales (by its scalerank), WDBII by class at large.
        const std::string ne_rivers = natural_earth + "/ne_10m_rivers_lake_centerlines.shp";
        for (std::size_t b = 0; b < bands.size(); ++b) {
            const WorldBand& band = bands[b];
            std::vector<Line> rivers;
            if (band.wdbii_max_class > 0) {
                rivers = readRivers(gmt, band.wdbii_resolution, band.wdbii_max_class);
            } else {
                rivers = readOgrLines(ne_rivers, static_cast<int>(geo::WorldLineKind::River), [&](OGRFeatureH f) {
                    const int rank = OGR_F_GetFieldAsInteger(f, OGR_F_GetFieldIndex(f, "scalerank"));
                    if (rank > band.natural_earth_max_rank) return -1;
                    return rank <= band.natural_earth_max_rank - 3 ? 0 : 1;
                });
            }
            writeLines(rivers, band, static_cast<int>(b), store);
            std::vector<Line> borders = readOgrLines(natural_earth + "/ne_10m_admin_0_boundary_lines_land.shp",
                                                     static_cast<int>(geo::WorldLineKind::Country), [](OGRFeatureH) { return 0; });
            writeLines(borders, band, static_cast<int>(b), store);
            if (band.admin1) {
                std::vector<Line> admin1 = readOgrLines(natural_earth + "/ne_10m_admin_1_states_provinces_lines.shp",
                                                        static_cast<int>(geo::WorldLineKind::Admin1), [](OGRFeatureH) { return 0; });
                writeLines(admin1, band, static_cast<int>(b), store);
            }
            say("band " + std::to_string(b) + ": " + std::to_string(rivers.size()) + " river pieces, borders written");
        }
        store.finish();
    }
    std::filesystem::rename(partial, out_dir + "/world.gpkg");
    rasters(gmt, etopo, out_dir);
    GEOS_finish_r(ctx);
    return 0;
}

namespace {

void rasters(const std::string& gmt, const std::string& etopo, const std::string& out_dir) {
    int open = 0;
    const std::vector<Ring> full = joinRings(readGmt(gmt + " coast -Rd -Df -M -W -A0/1/4 --GMT_HISTORY=false 2>/dev/null"), &open);
    std::vector<std::uint8_t> land_count;
    writeMask(full, out_dir + "/landmask_30s.tif.part", land_count);
    std::filesystem::rename(out_dir + "/landmask_30s.tif.part", out_dir + "/landmask_30s.tif");
    say("30\" land mask written");
    writeRelief(etopo, land_count, out_dir + "/relief_5m.tif.part");
    std::filesystem::rename(out_dir + "/relief_5m.tif.part", out_dir + "/relief_5m.tif");
    say("5' relief written");
}

}  // namespace
