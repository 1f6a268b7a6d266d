#include "app/render/world_tiles.hpp"

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <type_traits>

#include <geos_c.h>

namespace app::render {

namespace {

// Tiles kept (CPU and GPU together) up to about this many vertices: some 150 MB.
constexpr std::size_t kCacheVertexBudget = 4'000'000;
// Projections whose meshes a tile keeps.
constexpr std::size_t kProjectionsPerTile = 2;
// More tiles than this in one view means the view's box is too wide for its band (a tilted
// globe or a UTM zone seen from far out): a coarser band is drawn.
constexpr std::size_t kMaxFrameTiles = 48;

std::size_t lineVertices(const geo::VectorLayer& layer) {
    std::size_t n = 0;
    for (const geo::VectorFeature& f : layer.features) {
        for (const auto& part : f.parts) n += part.size();
    }
    return n;
}

// GEOS handles for the splitting below.
struct GeosDeleter {
    GEOSContextHandle_t context;
    void operator()(GEOSGeometry* g) const {
        if (g) GEOSGeom_destroy_r(context, g);
    }
};
using GeosGeometry = std::unique_ptr<GEOSGeometry, GeosDeleter>;

GEOSGeometry* ringOf(GEOSContextHandle_t context, const std::vector<geo::LonLat>& ring) {
    const bool closed = ring.front().lon == ring.back().lon && ring.front().lat == ring.back().lat;
    const unsigned n = static_cast<unsigned>(ring.size() + (closed ? 0 : 1));
    GEOSCoordSequence* sequence = GEOSCoordSeq_create_r(context, n, 2);
    for (unsigned i = 0; i < n; ++i) {
        const geo::LonLat& p = ring[i % ring.size()];
        GEOSCoordSeq_setXY_r(context, sequence, i, p.lon, p.lat);
    }
    return GEOSGeom_createLinearRing_r(context, sequence);
}

// The polygons of a feature (outer rings each followed by their holes) as one GEOS geometry.
GeosGeometry featureGeometry(GEOSContextHandle_t context, const geo::VectorFeature& feature) {
    std::vector<GEOSGeometry*> polygons;
    for (std::size_t i = 0; i < feature.parts.size();) {
        if (feature.parts[i].size() < 3) {
            ++i;
            continue;
        }
        GEOSGeometry* shell = ringOf(context, feature.parts[i]);
        std::vector<GEOSGeometry*> holes;
        for (++i; i < feature.parts.size() && i < feature.ring_is_hole.size() && feature.ring_is_hole[i]; ++i) {
            if (feature.parts[i].size() >= 3) {
                if (GEOSGeometry* hole = ringOf(context, feature.parts[i])) holes.push_back(hole);
            }
        }
        if (!shell) {
            for (GEOSGeometry* h : holes) GEOSGeom_destroy_r(context, h);
            continue;
        }
        polygons.push_back(GEOSGeom_createPolygon_r(context, shell, holes.data(), static_cast<unsigned>(holes.size())));
    }
    return GeosGeometry(GEOSGeom_createCollection_r(context, GEOS_MULTIPOLYGON, polygons.data(), static_cast<unsigned>(polygons.size())),
                        GeosDeleter{context});
}

// A GEOS (multi)polygon back into a feature's rings.
void appendRings(GEOSContextHandle_t context, const GEOSGeometry* geometry, geo::VectorFeature& feature) {
    const int type = GEOSGeomTypeId_r(context, geometry);
    if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
        for (int i = 0; i < GEOSGetNumGeometries_r(context, geometry); ++i) {
            appendRings(context, GEOSGetGeometryN_r(context, geometry, i), feature);
        }
        return;
    }
    if (type != GEOS_POLYGON) return;
    const auto add = [&](const GEOSGeometry* ring, bool hole) {
        const GEOSCoordSequence* sequence = GEOSGeom_getCoordSeq_r(context, ring);
        unsigned size = 0;
        if (!sequence || !GEOSCoordSeq_getSize_r(context, sequence, &size) || size < 4) return;
        std::vector<geo::LonLat> points;
        points.reserve(size);
        for (unsigned i = 0; i < size; ++i) {
            double x = 0, y = 0;
            GEOSCoordSeq_getXY_r(context, sequence, i, &x, &y);
            points.emplace_back(std::clamp(x, -180.0, 180.0), std::clamp(y, -90.0, 90.0));
        }
        feature.parts.push_back(std::move(points));
        feature.ring_is_hole.push_back(hole);
    };
    add(GEOSGetExteriorRing_r(context, geometry), false);
    for (int i = 0; i < GEOSGetNumInteriorRings_r(context, geometry); ++i) add(GEOSGetInteriorRingN_r(context, geometry, i), true);
}

void ignoreGeos(const char*, void*) {}

// Triangulates the feature; where GEOS's triangulator gives up (it does on some coastlines with
// many islands), the feature is cut into quarters and each is tried again, down to `depth`.
void triangulateSplitting(GEOSContextHandle_t context, const geo::VectorFeature& feature, int depth,
                          std::vector<LonLatXY>& triangles, std::vector<std::size_t>& ends) {
    geo::VectorLayer one;
    one.kind = geo::GeometryKind::Polygons;
    one.features.push_back(feature);
    int skipped = 0, over_budget = 0;
    std::vector<std::size_t> piece_ends;
    std::vector<LonLatXY> piece = triangulatePolygons(one, &skipped, &piece_ends, &over_budget);
    if (skipped + over_budget == 0 || depth == 0) {
        const std::size_t base = triangles.size();
        triangles.insert(triangles.end(), piece.begin(), piece.end());
        for (std::size_t e : piece_ends) ends.push_back(base + e);
        return;
    }
    GeosGeometry geometry = featureGeometry(context, feature);
    if (!geometry) return;
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    GEOSGeom_getXMin_r(context, geometry.get(), &x0);
    GEOSGeom_getYMin_r(context, geometry.get(), &y0);
    GEOSGeom_getXMax_r(context, geometry.get(), &x1);
    GEOSGeom_getYMax_r(context, geometry.get(), &y1);
    const double xm = 0.5 * (x0 + x1), ym = 0.5 * (y0 + y1);
    const double boxes[4][4] = {{x0, y0, xm, ym}, {xm, y0, x1, ym}, {x0, ym, xm, y1}, {xm, ym, x1, y1}};
    for (const auto& b : boxes) {
        GeosGeometry quarter(GEOSClipByRect_r(context, geometry.get(), b[0], b[1], b[2], b[3]), GeosDeleter{context});
        if (!quarter || GEOSisEmpty_r(context, quarter.get())) continue;
        geo::VectorFeature part;
        appendRings(context, quarter.get(), part);
        if (!part.parts.empty()) triangulateSplitting(context, part, depth - 1, triangles, ends);
    }
}

std::unique_ptr<PreparedTile> prepare(geo::WorldStore& store, const geo::TileKey& key) {
    auto prepared = std::make_unique<PreparedTile>();
    prepared->tile = store.read(key);
    const std::unique_ptr<std::remove_pointer_t<GEOSContextHandle_t>, decltype(&GEOS_finish_r)> context(GEOS_init_r(),
                                                                                                        &GEOS_finish_r);
    GEOSContext_setErrorMessageHandler_r(context.get(), ignoreGeos, nullptr);
    GEOSContext_setNoticeMessageHandler_r(context.get(), ignoreGeos, nullptr);
    for (const geo::VectorFeature& feature : prepared->tile.water.features) {
        triangulateSplitting(context.get(), feature, 6, prepared->water_triangles, prepared->water_ends);
    }
    // The polygons are not needed once triangulated.
    prepared->tile.water.features.clear();
    prepared->tile.water.features.shrink_to_fit();
    prepared->vertices = prepared->water_triangles.size() + lineVertices(prepared->tile.rivers_major) +
                         lineVertices(prepared->tile.rivers_minor) + lineVertices(prepared->tile.countries) +
                         lineVertices(prepared->tile.admin1);
    return prepared;
}

int lineIndex(geo::WorldLayer layer, bool minor) {
    switch (layer) {
        case geo::WorldLayer::Rivers: return minor ? 1 : 0;
        case geo::WorldLayer::Countries: return 2;
        case geo::WorldLayer::Admin1: return 3;
        default: return -1;
    }
}

const geo::VectorLayer& linesOf(const geo::WorldTile& tile, int index) {
    switch (index) {
        case 0: return tile.rivers_major;
        case 1: return tile.rivers_minor;
        case 2: return tile.countries;
        default: return tile.admin1;
    }
}

}  // namespace

WorldTiles::WorldTiles(const std::string& store_path, bool wait)
    : wait_(wait),
      loader_([store = std::make_shared<std::unique_ptr<geo::WorldStore>>(), store_path](const geo::TileKey& key) {
          // The store is opened on the worker, the only thread that reads it.
          if (!*store) *store = std::make_unique<geo::WorldStore>(store_path);
          return prepare(**store, key);
      }) {}

WorldTiles::~WorldTiles() = default;

void WorldTiles::insert(geo::TileKey key, std::unique_ptr<PreparedTile> tile) {
    Entry& entry = cache_[key];
    if (entry.tile) cached_vertices_ -= entry.tile->vertices;
    cached_vertices_ += tile->vertices;
    entry.tile = std::move(tile);
    entry.gpu.clear();
    entry.subdivided.reset();
}

void WorldTiles::evict() {
    while (cached_vertices_ > kCacheVertexBudget) {
        auto oldest = cache_.end();
        for (auto it = cache_.begin(); it != cache_.end(); ++it) {
            // Tiles of the current frame and the world tile stay.
            if (it->second.last_frame == frame_ || it->first.band == 0) continue;
            if (oldest == cache_.end() || it->second.last_frame < oldest->second.last_frame) oldest = it;
        }
        if (oldest == cache_.end()) return;
        cached_vertices_ -= oldest->second.tile->vertices;
        cache_.erase(oldest);
    }
}

bool WorldTiles::collect() {
    auto ready = loader_.takeReady();
    if (ready.empty()) return false;
    for (auto& [key, tile] : ready) insert(key, std::move(tile));
    evict();
    // The frame changes if a finer band than the one drawn is now all here.
    for (int b = wanted_band_; b > frame_band_; --b) {
        const std::vector<geo::TileKey> keys = geo::tilesCovering(box_, b);
        if (!keys.empty() && std::all_of(keys.begin(), keys.end(), [&](const geo::TileKey& k) { return cache_.count(k) || loader_.failed(k); })) {
            return true;
        }
    }
    return false;
}

bool WorldTiles::beginFrame(const geo::Viewport& viewport, const geo::MapProjection& projection) {
    ++frame_;
    collect();
    const geo::LonLatBox box = geo::visibleBox(viewport, projection);
    int band = geo::bandForZoom(viewport.zoom());
    std::vector<geo::TileKey> wanted;
    for (; band >= 0; --band) {
        wanted = geo::tilesCovering(box, band);
        if (wanted.size() <= kMaxFrameTiles) break;
    }
    band = std::max(band, 0);
    box_ = box;
    wanted_band_ = band;
    const auto missing = [&](const std::vector<geo::TileKey>& keys) {
        std::vector<geo::TileKey> absent;
        for (const geo::TileKey& k : keys) {
            if (!cache_.count(k) && !loader_.failed(k)) absent.push_back(k);
        }
        return absent;
    };
    std::vector<geo::TileKey> absent = missing(wanted);
    if (wait_ && !absent.empty()) {
        const auto start = std::chrono::steady_clock::now();
        loader_.waitFor(absent);
        if (std::getenv("TEXTATLAS_TIMINGS")) {
            std::fprintf(stderr, "textatlas timing: waited %.3f s for %zu world tiles of band %d\n",
                         std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(), absent.size(), band);
        }
        collect();
        absent = missing(wanted);
    }
    int drawn_band = band;
    std::vector<geo::TileKey> drawn = wanted;
    if (!absent.empty()) {
        // The finest coarser band that is all here stands in; the world band is always asked for.
        std::vector<geo::TileKey> ask = absent;
        for (const geo::TileKey& k : geo::tilesCovering(box, 0)) ask.push_back(k);
        loader_.request(ask);
        drawn.clear();
        drawn_band = -1;
        for (int b = band - 1; b >= 0; --b) {
            std::vector<geo::TileKey> keys = geo::tilesCovering(box, b);
            if (missing(keys).empty() && std::all_of(keys.begin(), keys.end(), [&](const geo::TileKey& k) { return cache_.count(k); })) {
                drawn = std::move(keys);
                drawn_band = b;
                break;
            }
        }
    } else {
        loader_.request({});
    }
    // Only the tiles that are here (a failed one is left out).
    drawn.erase(std::remove_if(drawn.begin(), drawn.end(), [&](const geo::TileKey& k) { return !cache_.count(k); }), drawn.end());
    for (const geo::TileKey& k : drawn) cache_[k].last_frame = frame_;
    const bool changed = drawn_band != frame_band_ || drawn != frame_tiles_;
    frame_band_ = drawn_band;
    frame_tiles_ = std::move(drawn);
    return changed;
}

WorldTiles::Gpu& WorldTiles::gpuFor(Entry& entry, const geo::MapProjection& projection) {
    const std::string crs = projection.crs();
    for (auto it = entry.gpu.begin(); it != entry.gpu.end(); ++it) {
        if (it->first == crs) {
            entry.gpu.splice(entry.gpu.begin(), entry.gpu, it);
            return entry.gpu.front().second;
        }
    }
    entry.gpu.emplace_front(crs, Gpu{});
    while (entry.gpu.size() > kProjectionsPerTile) entry.gpu.pop_back();
    return entry.gpu.front().second;
}

void WorldTiles::draw(geo::WorldLayer layer, const FillProgram& fill_program, const LineProgram& line_program,
                      const geo::MapProjection& projection, const geo::XY& origin,
                      const std::vector<WorldCopyTransform>& copies, const geo::Viewport& viewport,
                      const MercatorBox& view, std::uint32_t fill_rgba, std::uint32_t line_rgba, float line_width_px) {
    for (const geo::TileKey& key : frame_tiles_) {
        auto found = cache_.find(key);
        if (found == cache_.end()) continue;
        Entry& entry = found->second;
        Gpu& gpu = gpuFor(entry, projection);
        if (layer == geo::WorldLayer::Water) {
            if ((fill_rgba & 0xffu) == 0) continue;
            if (!gpu.built[4]) {
                gpu.built[4] = true;
                if (!entry.tile->water_triangles.empty()) {
                    if (projection.isWebMercator()) {
                        gpu.water.emplace(entry.tile->water_triangles, entry.tile->water_ends, projection, origin);
                    } else {
                        if (!entry.subdivided) entry.subdivided = subdivideTriangles(entry.tile->water_triangles, entry.tile->water_ends);
                        gpu.water.emplace(*entry.subdivided, projection, origin);
                    }
                }
            }
            if (gpu.water) {
                for (const WorldCopyTransform& copy : copies) gpu.water->draw(fill_program, copy, view, fill_rgba);
            }
            continue;
        }
        if ((line_rgba & 0xffu) == 0 || line_width_px <= 0.0f) continue;
        for (bool minor : {false, true}) {
            const int index = lineIndex(layer, minor);
            if (index < 0 || (minor && layer != geo::WorldLayer::Rivers)) continue;
            if (!gpu.built[index]) {
                gpu.built[index] = true;
                const geo::VectorLayer& lines = linesOf(entry.tile->tile, index);
                if (!lines.features.empty()) gpu.lines[index].emplace(lines, projection, origin);
            }
            if (!gpu.lines[index]) continue;
            // Minor rivers are drawn thinner than major ones.
            const float width = minor ? 0.6f * line_width_px : line_width_px;
            for (const WorldCopyTransform& copy : copies) {
                gpu.lines[index]->draw(line_program, copy, viewport, view, width, line_rgba);
            }
        }
    }
}

}  // namespace app::render
