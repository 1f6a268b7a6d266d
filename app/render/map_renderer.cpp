#include "app/render/map_renderer.hpp"

#include <algorithm>
#include <cmath>
#include <chrono>
#include <cstring>
#include <functional>
#include <future>
#include <list>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>

#include "app/render/colour_target.hpp"
#include "app/render/dem_window.hpp"
#include "app/render/fill_layer.hpp"
#include "app/render/gl_handles.hpp"
#include "app/render/image_layer.hpp"
#include "app/render/line_layer.hpp"
#include "app/render/marker_layer.hpp"
#include "app/render/render_space.hpp"
#include "app/render/terrain_layer.hpp"
#include "app/render/world_tiles.hpp"
#include "geo/error.hpp"

namespace app::render {

namespace {

constexpr int kWantedSamples = 4;
constexpr double kPi = 3.14159265358979323846;
// Points layers: disc radius = this + the layer's line width.
constexpr float kPointBaseRadiusPx = 2.0f;

bool hasAlpha(std::uint32_t rgba) { return (rgba & 0xffu) != 0; }

// The map's blending: "over", with alpha accumulating "over" too, so an opaque background stays
// opaque in the image.
void blendOver() {
    glEnable(GL_BLEND);
    glBlendEquation(GL_FUNC_ADD);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
}

// The absolute bounds of a rectangle of the viewport's pixels.
MercatorBox regionBox(const geo::Viewport& viewport, const PixelRect& region) {
    MercatorBox box;
    const geo::XY top_left = viewport.toMercator(geo::XY{double(region.x), double(region.y)});
    const geo::XY bottom_right =
        viewport.toMercator(geo::XY{double(region.x + region.width), double(region.y + region.height)});
    box.extend(top_left.x, top_left.y);
    box.extend(bottom_right.x, bottom_right.y);
    return box;
}

// A layer as the renderer keeps it: lon/lat geometry and its own style (polygons are triangulated,
// in lon/lat, the first time a fill is drawn), or a raster's picture (`picture`, uploaded as
// `image` the first time it is drawn, then released; `layer` is empty).
struct SourceLayer {
    geo::VectorLayer layer;
    geo::LayerStyle style;
    bool visible = true;
    std::unique_ptr<geo::RasterImage> picture;
    std::unique_ptr<ImageLayer> image;
    bool is_image = false;
    geo::WorldLayer world = geo::WorldLayer::None;  // drawn from the world store's tiles
    bool triangulated = false;
    std::vector<LonLatXY> triangles{};
    std::vector<std::size_t> polygon_ends{};
    std::optional<SubdividedTriangles> subdivided{};  // the triangles cut for non-Mercator projections
    std::string id{};                                 // the layer's file, for messages
};

// One layer's GPU geometry in one projection, built when first needed.
struct ProjectedLayer {
    bool fill_built = false;
    bool line_built = false;
    bool points_built = false;
    bool image_built = false;
    std::optional<FillLayer> fill;
    std::optional<GridMesh> image;  // raster layers
    std::optional<LineLayer> line;
    std::vector<geo::XY> points;  // absolute projected metres, for Points layers
};

// Everything drawn in one projection.
struct ProjectedScene {
    geo::MapProjection projection;
    geo::XY origin;
    std::vector<ProjectedLayer> layers;  // parallel to the source layers (grown as layers are added)
    // The terrain layers' meshes by the layer's serial and the level of detail (the least mesh
    // cell in degrees, 0 for full detail; see terrainMinStep), each built when first drawn.
    std::map<std::pair<std::uint64_t, double>, TerrainLayer::Mesh> terrain;
    std::optional<FillLayer> sea;             // the sphere's shown part, outside Web Mercator
    std::map<double, LineLayer> graticules;   // by spacing in degrees
};

// Projections whose geometry stays on the GPU; switching among them costs nothing.
constexpr std::size_t kCachedProjections = 3;
// Sea mesh: the world in cells of this many degrees (cut finer at the sphere's edge).
constexpr double kSeaCellDegrees = 10.0;
// A user's DEM fades into the world relief over this many of its cells (at the level drawn) inside
// its edge, but over no more than this share of its smaller side.
constexpr double kDemFeatherCells = 48.0;
constexpr double kDemFeatherMaxShare = 1.0 / 6.0;
// A DEM window holds the view and this share of its size on every side, so a pan reads rarely.
constexpr double kDemWindowMargin = 0.5;
// Graticule lines stop short of the poles, where meridians would crowd.
constexpr double kGraticuleMaxLatitude = 80.0;

// The globe's terrain at far-out zooms: mesh cells of at least this many pixels (at the centre),
// and never coarser than kGlobeTerrainMaxStepDegrees. In the orthographic projection the
// curvature is at most 1/R, so a cell h radians across bends its content off the straight
// (linearly interpolated) cell by at most h²R/8: for a 4° cell 20 px across, 0.2 px.
constexpr double kGlobeTerrainCellPx = 16.0;
constexpr double kGlobeTerrainMaxStepDegrees = 4.0;
constexpr double kGlobeRadius = 6378137.0;  // geo::MapProjection's globe sphere

// The least terrain mesh cell (degrees) for a view: 0 (the mesh's own detail) except on a globe
// seen from far out, where small cells would only cost triangles; 2° or 4°, so a drag or a zoom
// reuses a few cached levels.
double terrainMinStep(const geo::MapProjection& projection, double metres_per_pixel) {
    if (projection.kind() != geo::MapProjectionKind::Globe) return 0.0;
    const double px_per_degree = kGlobeRadius * kPi / 180.0 / metres_per_pixel;
    const double wanted = kGlobeTerrainCellPx / px_per_degree;
    if (wanted <= 1.0) return 0.0;
    return wanted <= 2.0 ? 2.0 : kGlobeTerrainMaxStepDegrees;
}

std::uint32_t withOpacity(std::uint32_t rgba, float opacity) {
    const float alpha = static_cast<float>(rgba & 0xffu) * std::clamp(opacity, 0.0f, 1.0f);
    return (rgba & 0xffffff00u) | static_cast<std::uint32_t>(std::lround(alpha));
}

// World lines widen a little as the map zooms in (a country border is a hairline on the globe).
float worldLineWidth(float width_px, double zoom) {
    const double factor = std::clamp(0.55 + 0.09 * zoom, 0.6, 1.3);
    return static_cast<float>(width_px * factor);
}

// The lon/lat triangles of the whole sphere, for the sea.
std::vector<LonLatXY> worldTriangles(std::vector<std::size_t>& ends) {
    std::vector<LonLatXY> triangles;
    for (double lat = -90.0; lat < 90.0; lat += kSeaCellDegrees) {
        for (double lon = -180.0; lon < 180.0; lon += kSeaCellDegrees) {
            const LonLatXY sw{lon, lat}, se{lon + kSeaCellDegrees, lat};
            const LonLatXY nw{lon, lat + kSeaCellDegrees}, ne{lon + kSeaCellDegrees, lat + kSeaCellDegrees};
            for (const LonLatXY& p : {sw, se, ne, sw, ne, nw}) triangles.push_back(p);
            ends.push_back(triangles.size());
        }
    }
    return triangles;
}

// Meridians and parallels every `spacing` degrees as lon/lat paths.
LineMesh graticuleMesh(double spacing, const geo::MapProjection& projection, const geo::XY& origin) {
    LineMesh mesh;
    const double step = std::min(1.0, spacing / 4.0);
    std::vector<LonLatXY> path;
    auto add = [&] {
        for (const std::vector<geo::XY>& piece : projectPath(path, projection, origin, step)) appendPolyline(piece, mesh);
        path.clear();
    };
    for (double lon = -180.0; lon < 180.0 - 1e-9; lon += spacing) {
        for (double lat = -kGraticuleMaxLatitude; lat <= kGraticuleMaxLatitude + 1e-9; lat += step) path.push_back({lon, lat});
        add();
    }
    const double first_lat = std::ceil(-kGraticuleMaxLatitude / spacing) * spacing;
    for (double lat = first_lat; lat <= kGraticuleMaxLatitude + 1e-9; lat += spacing) {
        for (double lon = -180.0; lon <= 180.0 + 1e-9; lon += step) path.push_back({lon, lat});
        add();
    }
    return mesh;
}

}  // namespace

struct MapRenderer::Impl {
    geo::XY mercator_origin;
    FillProgram fill_program;
    LineProgram line_program;
    MarkerLayer marker_layer;
    // One terrain to draw: the world relief or a user's DEM, with the window of it the last view
    // needed (read again when a view needs another). No `dem`: there is no world relief.
    struct Terrain {
        std::shared_ptr<const geo::Dem> dem;
        bool world_relief = false;  // opaque, not feathered, read at any level (no coarser DEM under it)
        std::unique_ptr<TerrainLayer> layer;
        DemWindow window;
        bool in_view = true;     // the last view needs this DEM
        bool failed = false;     // reading it failed once: not tried again
        std::uint64_t serial = 0;  // names `layer` in the scenes' mesh caches
        // A window being read on a worker thread (frames of the viewer's canvas never wait on the disk).
        struct Read {
            DemWindow window;
            std::future<geo::Raster> raster;
        };
        std::optional<Read> reading;
    };
    std::vector<Terrain> terrains;  // drawn in this order: the world relief, then user DEMs coarsest first
    double relief_cell_degrees = 0.0;
    std::uint64_t next_terrain_serial = 1;
    // DEMs that failed to read, polygons too tangled to fill: one line each (takeProblems)
    std::vector<std::string> problems;
    std::vector<SourceLayer> sources;
    std::unique_ptr<WorldTiles> world;   // the world store's tiles, when the basemap has a store
    std::list<ProjectedScene> scenes;    // most recently used first
    std::vector<LonLatXY> sea_triangles;
    std::vector<std::size_t> sea_ends;
    SubdividedTriangles sea_pieces;  // sea_triangles cut once for all non-Mercator projections
    std::vector<MarkerGpuInstance> instances;  // reused every frame
    ColourTarget multisampled;
    ColourTarget resolved;

    GLint max_texture_size = 0;
    std::uint64_t generation = 0;  // counts added layers and DEM windows read on a worker (MapRenderer::generation)
    bool reads_in_background = false;  // MapRenderer::setDemReadsInBackground
    std::optional<geo::Viewport> detail_viewport;  // MapRenderer::setDetailViewport

    Impl(const geo::Basemap& basemap, const geo::XY& render_origin) : mercator_origin(render_origin) {
        glGetIntegerv(GL_MAX_TEXTURE_SIZE, &max_texture_size);
        // Only the window of the world relief a view needs is read and uploaded (on the first
        // draw): the whole 5′ grid would be 9 million cells, some 185 MB on its way to the GPU.
        Terrain relief;
        relief.dem = basemap.world_relief;
        relief.world_relief = true;
        if (relief.dem) relief_cell_degrees = relief.dem->cellLatDegrees();
        terrains.push_back(std::move(relief));
        for (const std::shared_ptr<const geo::Dem>& dem : basemap.dems) addDem(dem);
        for (const geo::StyledLayer& styled : basemap.layers) {
            sources.push_back(SourceLayer{styled.layer, styled.style, styled.visible, nullptr, nullptr});
            sources.back().world = styled.world;
        }
        if (!basemap.world_store.empty()) world = std::make_unique<WorldTiles>(basemap.world_store, true);
        sea_triangles = worldTriangles(sea_ends);
    }

    // The scene of `projection`, built (geometry is added lazily) or taken from the cache.
    ProjectedScene& sceneFor(const geo::MapProjection& projection) {
        for (auto it = scenes.begin(); it != scenes.end(); ++it) {
            if (it->projection.crs() == projection.crs()) {
                if (it != scenes.begin()) scenes.splice(scenes.begin(), scenes, it);
                return scenes.front();
            }
        }
        if (scenes.size() >= kCachedProjections) scenes.pop_back();
        ProjectedScene scene;
        scene.projection = projection;
        if (projection.isWebMercator()) {
            scene.origin = mercator_origin;
        } else {
            const std::optional<geo::XY> centre = projection.forward(projection.centre().lon, projection.centre().lat);
            scene.origin = centre ? *centre : geo::XY{0.0, 0.0};
            if (sea_pieces.vertices.empty()) sea_pieces = subdivideTriangles(sea_triangles, sea_ends);
            scene.sea.emplace(sea_pieces, projection, scene.origin);
        }
        scenes.push_front(std::move(scene));
        return scenes.front();
    }

    void addDem(const std::shared_ptr<const geo::Dem>& dem) {
        if (!dem) return;
        Terrain terrain;
        terrain.dem = dem;
        // After the relief and every coarser DEM: the finest is drawn last, on top.
        auto at = std::find_if(terrains.begin() + 1, terrains.end(), [&](const Terrain& t) {
            return t.dem->cellLatDegrees() < dem->cellLatDegrees();
        });
        terrains.insert(at, std::move(terrain));
    }

    void removeDem(const geo::Dem* dem) {
        const auto gone = std::remove_if(terrains.begin() + 1, terrains.end(),
                                         [&](const Terrain& t) { return t.dem.get() == dem; });
        if (gone == terrains.end()) return;
        terrains.erase(gone, terrains.end());
        dropUnusedTerrainMeshes();
    }

    // A terrain's mesh in a scene at one level of detail.
    const TerrainLayer::Mesh& terrainMesh(ProjectedScene& scene, const Terrain& terrain, double min_step_degrees) {
        const auto key = std::make_pair(terrain.serial, min_step_degrees);
        auto it = scene.terrain.find(key);
        if (it == scene.terrain.end()) {
            it = scene.terrain.emplace(key, terrain.layer->buildMesh(scene.projection, scene.origin, min_step_degrees)).first;
        }
        return it->second;
    }

    // A DEM's cells in `window` (any thread: geo::Dem serialises its reads).
    static geo::Raster readWindow(const geo::Dem& dem, const DemWindow& window) {
        const double read_cells = double(window.width) * window.height;
        return dem.readCells(window.column, window.row, window.width, window.height, window.outWidth(),
                             window.outHeight(), read_cells <= kMaxAveragedCells);
    }

    // `raster`, read for `window`, becomes the terrain's layer; a read that failed leaves the DEM
    // out of the map from then on.
    void adoptWindow(Terrain& terrain, const DemWindow& window, const std::function<geo::Raster()>& raster) {
        const geo::Dem& dem = *terrain.dem;
        try {
            const double feather =
                std::min(kDemFeatherCells * dem.cellLatDegrees() * std::ldexp(1.0, window.level),
                         kDemFeatherMaxShare * std::min(dem.east() - dem.west(), dem.north() - dem.south()));
            const double fade[4] = {dem.west(), dem.south(), dem.east(), dem.north()};
            const bool feathered = !terrain.world_relief && relief_cell_degrees > 0.0;
            terrain.layer = std::make_unique<TerrainLayer>(raster(), feathered ? feather : 0.0, fade);
            terrain.window = window;
            terrain.serial = next_terrain_serial++;
        } catch (const std::exception& error) {
            // A tile that vanished or is damaged past its first line: the map goes on without it.
            terrain.failed = true;
            terrain.in_view = false;
            terrain.layer.reset();
            problems.push_back(std::string(error.what()) + " (left out of the terrain)");
        }
    }

    // Takes the window a worker read for `terrain` when it has landed (or, with `wait`, once it
    // lands). The generation changes: a picture kept without it is out of date. True if taken.
    bool finishRead(Terrain& terrain, bool wait) {
        if (!terrain.reading) return false;
        if (!wait && terrain.reading->raster.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return false;
        Terrain::Read read = std::move(*terrain.reading);
        terrain.reading.reset();
        adoptWindow(terrain, read.window, [&read] { return read.raster.get(); });
        ++generation;
        return true;
    }

    bool pollDemReads() {
        bool landed = false;
        for (Terrain& terrain : terrains) landed |= finishRead(terrain, false);
        if (landed) dropUnusedTerrainMeshes();
        return landed;
    }

    // Reads the window of the world relief and of each user DEM that the view needs, if the one held does not cover it:
    // here, or (reads_in_background) on a worker thread, drawing meanwhile what is held (the
    // relief where nothing is). `view` is the part being drawn (a strip of a scrolled canvas);
    // the window read is sized for the whole viewport and a margin, aligned so that strips match
    // what is kept.
    void refreshDemWindows(const geo::MapProjection& projection, const geo::Viewport& viewport, const MercatorBox& view) {
        const std::optional<LonLatBox> drawn = lonLatBoxOf(projection, view);
        const std::optional<LonLatBox> whole = lonLatBoxOf(projection, viewBox(viewport));
        const double ground_mpp = groundMetresPerPixel(projection, detail_viewport ? *detail_viewport : viewport);
        bool changed = false;
        for (Terrain& terrain : terrains) {
            if (!terrain.dem || terrain.failed) continue;
            if (!reads_in_background) changed |= finishRead(terrain, true);  // a picture that must be whole
            if (terrain.failed) continue;
            const geo::Dem& dem = *terrain.dem;
            // A user's DEM is left to the relief where its cells would be no finer than the relief's.
            const double coarsest_useful = terrain.world_relief ? 0.0 : relief_cell_degrees;
            // The relief may be read a whole row of the world wide: a view across the antimeridian
            // takes every longitude, and should not be read coarser for it.
            const int max_side = terrain.world_relief ? std::max({dem.columns(), dem.rows(), kMaxDemWindowSide})
                                                      : kMaxDemWindowSide;
            const std::optional<DemWindow> needed =
                drawn ? demWindowFor(dem, *drawn, ground_mpp, 0.0, coarsest_useful, max_side) : std::nullopt;
            terrain.in_view = needed.has_value();
            if (!needed || (terrain.layer && terrain.window.covers(*needed))) continue;
            std::optional<DemWindow> wanted =
                whole ? demWindowFor(dem, *whole, ground_mpp, kDemWindowMargin, coarsest_useful, max_side) : std::nullopt;
            if (!wanted || !wanted->covers(*needed)) wanted = needed;
            // The relief's first window is read before the first frame even on the viewer's canvas:
            // it is the ground every view stands on (a region's window reads in a few ms; the
            // world's, decimated, in under 0.1 s). Later windows are read while the held one is drawn.
            const bool first_relief_window = terrain.world_relief && !terrain.layer;
            if (reads_in_background && !first_relief_window) {
                // One read at a time per DEM: one on its way that no longer covers is followed by another.
                if (!terrain.reading) {
                    terrain.reading = Terrain::Read{
                        *wanted, std::async(std::launch::async, [dem = terrain.dem, window = *wanted] {
                            return readWindow(*dem, window);
                        })};
                }
                continue;
            }
            adoptWindow(terrain, *wanted, [&] { return readWindow(dem, *wanted); });
            changed = true;
        }
        if (changed) dropUnusedTerrainMeshes();
    }

    // Meshes of terrains or windows no longer held are dropped from every scene.
    void dropUnusedTerrainMeshes() {
        for (ProjectedScene& scene : scenes) {
            for (auto it = scene.terrain.begin(); it != scene.terrain.end();) {
                const bool current = std::any_of(terrains.begin(), terrains.end(),
                                                 [&](const Terrain& t) { return t.layer && t.serial == it->first.first; });
                it = current ? std::next(it) : scene.terrain.erase(it);
            }
        }
    }

    ProjectedLayer& projected(ProjectedScene& scene, std::size_t index) {
        if (scene.layers.size() < sources.size()) scene.layers.resize(sources.size());
        return scene.layers[index];
    }

    const FillLayer* fillOf(ProjectedScene& scene, std::size_t index) {
        ProjectedLayer& layer = projected(scene, index);
        SourceLayer& source = sources[index];
        if (!layer.fill_built) {
            layer.fill_built = true;
            if (source.layer.kind == geo::GeometryKind::Polygons) {
                if (!source.triangulated) {
                    int over_budget = 0;
                    source.triangles = triangulatePolygons(source.layer, nullptr, &source.polygon_ends, &over_budget);
                    source.triangulated = true;
                    if (over_budget > 0) {
                        const std::string name = source.id.empty() ? source.layer.name : source.id;
                        const bool one = over_budget == 1;
                        problems.push_back(name + ": " + std::to_string(over_budget) +
                                           (one ? " polygon crosses itself" : " polygons cross themselves") +
                                           " more than " + std::to_string(kMaxRepairedCrossings) + " times and " +
                                           (one ? "is" : "are") + " drawn as outlines only");
                    }
                }
                if (scene.projection.isWebMercator()) {
                    layer.fill.emplace(source.triangles, source.polygon_ends, scene.projection, scene.origin);
                } else {
                    // Cut once for every other projection: turning the globe then only projects.
                    if (!source.subdivided) source.subdivided = subdivideTriangles(source.triangles, source.polygon_ends);
                    layer.fill.emplace(*source.subdivided, scene.projection, scene.origin);
                }
            }
        }
        return layer.fill ? &*layer.fill : nullptr;
    }

    const LineLayer* lineOf(ProjectedScene& scene, std::size_t index) {
        ProjectedLayer& layer = projected(scene, index);
        if (!layer.line_built) {
            layer.line_built = true;
            if (sources[index].layer.kind != geo::GeometryKind::Points) {
                layer.line.emplace(sources[index].layer, scene.projection, scene.origin);
            }
        }
        return layer.line ? &*layer.line : nullptr;
    }

    // The raster layer's picture on the GPU, uploaded on first use (nullptr if the GL refused it).
    const ImageLayer* uploadedImage(SourceLayer& source) {
        if (!source.image && source.picture) {
            try {
                source.image = std::make_unique<ImageLayer>(*source.picture);
            } catch (const std::runtime_error&) {
                // addImageLayer checked the size against the GL's limit; nothing else is expected.
            }
            source.picture.reset();
        }
        return source.image.get();
    }

    const GridMesh* imageOf(ProjectedScene& scene, std::size_t index) {
        ProjectedLayer& layer = projected(scene, index);
        if (!layer.image_built) {
            layer.image_built = true;
            if (sources[index].image) layer.image.emplace(sources[index].image->buildMesh(scene.projection, scene.origin));
        }
        return layer.image ? &*layer.image : nullptr;
    }

    const std::vector<geo::XY>& pointsOf(ProjectedScene& scene, std::size_t index) {
        ProjectedLayer& layer = projected(scene, index);
        if (!layer.points_built) {
            layer.points_built = true;
            if (sources[index].layer.kind == geo::GeometryKind::Points) {
                for (const geo::VectorFeature& feature : sources[index].layer.features) {
                    for (const auto& part : feature.parts) {
                        for (const geo::LonLat& p : part) {
                            if (const auto xy = scene.projection.forward(p.lon, p.lat)) layer.points.push_back(*xy);
                        }
                    }
                }
            }
        }
        return layer.points;
    }

    // Adds a disc for `position` in every visible world copy, skipping copies far off screen.
    void addInstances(const geo::Viewport& viewport, const std::vector<WorldCopyTransform>& copies,
                      const geo::XY& position, float radius, std::uint32_t fill, std::uint32_t outline) {
        for (const WorldCopyTransform& copy : copies) {
            const geo::XY pixel = viewport.toPixel(geo::XY{position.x + copy.shift_metres, position.y});
            const double margin = radius + 2.0;
            if (pixel.x < -margin || pixel.y < -margin || pixel.x > viewport.width() + margin ||
                pixel.y > viewport.height() + margin) {
                continue;
            }
            instances.push_back(makeMarkerInstance(pixel.x, pixel.y, radius, fill, outline));
        }
    }

    void drawLayer(ProjectedScene& scene, const LayerDraw& draw, const std::vector<WorldCopyTransform>& copies,
                   const geo::Viewport& viewport, const MercatorBox& view, bool terrain_after_fill,
                   const FrameStyle& style) {
        if (sources[draw.layer].is_image) {
            const ImageLayer* image = uploadedImage(sources[draw.layer]);
            // A raster is drawn like a fill: under the terrain when it is the bottom layer.
            const GridMesh* mesh = image ? imageOf(scene, draw.layer) : nullptr;
            if (mesh) {
                for (const WorldCopyTransform& copy : copies) image->draw(*mesh, copy, view, draw.opacity);
            }
            if (terrain_after_fill) drawTerrain(scene, copies, viewport, view, style);
            return;
        }
        const geo::LayerStyle& layer_style = draw.style;
        const std::uint32_t fill_rgba = withOpacity(layer_style.fill_rgba, draw.opacity);
        const std::uint32_t line_rgba = withOpacity(layer_style.line_rgba, draw.opacity);
        if (sources[draw.layer].world != geo::WorldLayer::None) {
            if (world) {
                // Opaque water replaces what is below; skipping the blend saves software GL a read per pixel.
                const bool opaque = (fill_rgba & 0xffu) == 0xffu;
                if (opaque) glDisable(GL_BLEND);
                world->draw(sources[draw.layer].world, fill_program, line_program, scene.projection, scene.origin, copies,
                            viewport, view, fill_rgba, line_rgba, worldLineWidth(layer_style.line_width_px, viewport.zoom()));
                if (opaque) glEnable(GL_BLEND);
            }
            if (terrain_after_fill) drawTerrain(scene, copies, viewport, view, style);
            return;
        }
        const bool is_points = sources[draw.layer].layer.kind == geo::GeometryKind::Points;
        if (!is_points && hasAlpha(fill_rgba)) {
            if (const FillLayer* fill = fillOf(scene, draw.layer)) {
                // Opaque fills replace what is below; skipping the blend saves software GL a read per pixel.
                const bool opaque = (fill_rgba & 0xffu) == 0xffu;
                if (opaque) glDisable(GL_BLEND);
                for (const WorldCopyTransform& copy : copies) fill->draw(fill_program, copy, view, fill_rgba);
                if (opaque) glEnable(GL_BLEND);
            }
        }
        if (terrain_after_fill) drawTerrain(scene, copies, viewport, view, style);
        if (!is_points && hasAlpha(line_rgba) && layer_style.line_width_px > 0.0f) {
            if (const LineLayer* line = lineOf(scene, draw.layer)) {
                for (const WorldCopyTransform& copy : copies) {
                    line->draw(line_program, copy, viewport, view, layer_style.line_width_px, line_rgba);
                }
            }
        }
        if (is_points) {
            const std::vector<geo::XY>& points = pointsOf(scene, draw.layer);
            if (points.empty()) return;
            const std::uint32_t fill = hasAlpha(fill_rgba) ? fill_rgba : line_rgba;
            instances.clear();
            for (const geo::XY& p : points) {
                addInstances(viewport, copies, p, kPointBaseRadiusPx + layer_style.line_width_px, fill, line_rgba);
            }
            marker_layer.draw(instances, viewport.width(), viewport.height());
        }
    }

    void drawTerrain(ProjectedScene& scene, const std::vector<WorldCopyTransform>& copies,
                     const geo::Viewport& viewport, const MercatorBox& view, const FrameStyle& style) {
        if (!style.terrain.show_terrain) return;
        // Layers wholly hidden under an opaque one drawn after them are skipped (the world relief
        // when the view lies inside the regional DEM): software GL pays for every pixel drawn.
        refreshDemWindows(scene.projection, viewport, view);
        const auto drawn = [](const Terrain& t) { return t.layer && !t.layer->empty() && t.in_view; };
        std::size_t first = 0;
        if (scene.projection.isWebMercator() && copies.size() == 1 && copies.front().shift_metres == 0.0 &&
            style.terrain.terrain_opacity >= 1.0f && !view.empty()) {
            const auto lon = [](double x) { return x / kEarthRadiusMercator * 180.0 / kPi; };
            const auto lat = [](double y) { return std::atan(std::sinh(y / kEarthRadiusMercator)) * 180.0 / kPi; };
            for (std::size_t i = terrains.size(); i-- > 1;) {
                if (drawn(terrains[i]) &&
                    terrains[i].layer->opaqueOver(lon(view.min_x), lat(view.min_y), lon(view.max_x), lat(view.max_y))) {
                    first = i;
                    break;
                }
            }
        }
        const double min_step = terrainMinStep(scene.projection, viewport.metresPerPixel());
        for (std::size_t i = first; i < terrains.size(); ++i) {
            if (!drawn(terrains[i])) continue;
            const TerrainLayer::Mesh& mesh = terrainMesh(scene, terrains[i], min_step);
            // Feathered (user DEMs) or translucent terrain blends with what is below; an opaque one replaces it.
            const bool blend = !terrains[i].world_relief || style.terrain.terrain_opacity < 1.0f;
            if (!blend) glDisable(GL_BLEND);
            for (const WorldCopyTransform& copy : copies) {
                terrains[i].layer->draw(mesh, copy, view, viewport.metresPerPixel(), style);
            }
            glEnable(GL_BLEND);
        }
    }

    std::vector<LayerDraw> defaultOrder() const {
        std::vector<LayerDraw> order;
        for (std::size_t i = 0; i < sources.size(); ++i) {
            if (!sources[i].visible) continue;
            LayerDraw draw;
            draw.layer = i;
            draw.style = sources[i].style;
            order.push_back(draw);
        }
        return order;
    }

    // The world copies a frame draws: side by side in Web Mercator (as far as the data reaches),
    // one copy elsewhere.
    std::vector<WorldCopyTransform> copiesFor(ProjectedScene& scene, const geo::Viewport& viewport) {
        if (!scene.projection.isWebMercator()) return {singleCopy(viewport, scene.origin)};
        // Terrain lies inside ±180°; vector layers are unwrapped into the copies beside.
        return worldCopies(viewport, scene.origin, -geo::kWebMercatorHalfWorld, geo::kWebMercatorHalfWorld);
    }

    void drawBase(const geo::Viewport& viewport, const FrameStyle& style, const PixelRect* region) {
        glViewport(0, 0, viewport.width(), viewport.height());
        // The viewer's UI may leave these on; the map needs none of them.
        glDisable(GL_DEPTH_TEST);
        glDisable(GL_STENCIL_TEST);
        glDisable(GL_CULL_FACE);
        if (region != nullptr) {
            // GL's rows count from the bottom. The clear below honours the scissor too.
            glEnable(GL_SCISSOR_TEST);
            glScissor(region->x, viewport.height() - region->y - region->height, region->width, region->height);
        } else {
            glDisable(GL_SCISSOR_TEST);
        }
        blendOver();
        ProjectedScene& scene = sceneFor(style.projection);
        // The world tiles of the whole view (a strip drawn while scrolling draws the same band).
        if (world) world->beginFrame(viewport, style.projection);
        clearColour(backgroundColour(style));

        const std::vector<WorldCopyTransform> copies = copiesFor(scene, viewport);
        // Only geometry that reaches the part being drawn is submitted.
        const MercatorBox view = region != nullptr ? regionBox(viewport, *region) : viewBox(viewport);
        if (scene.sea) {
            glDisable(GL_BLEND);
            for (const WorldCopyTransform& copy : copies) scene.sea->draw(fill_program, copy, view, style.background_rgba);
            glEnable(GL_BLEND);
        }
        std::vector<LayerDraw> order = style.layers.empty() ? defaultOrder() : style.layers;
        order.erase(std::remove_if(order.begin(), order.end(),
                                   [&](const LayerDraw& d) {
                                       return d.layer >= sources.size() || viewport.zoom() < d.min_zoom;
                                   }),
                    order.end());
        for (std::size_t i = 0; i < order.size(); ++i) drawLayer(scene, order[i], copies, viewport, view, i == 0, style);
        if (order.empty()) drawTerrain(scene, copies, viewport, view, style);

        if (style.show_graticule && hasAlpha(style.graticule_rgba)) {
            const double spacing = graticuleSpacingDegrees(viewport.zoom());
            auto it = scene.graticules.find(spacing);
            if (it == scene.graticules.end()) {
                it = scene.graticules
                         .emplace(spacing, LineLayer(graticuleMesh(spacing, scene.projection, scene.origin), scene.origin))
                         .first;
            }
            for (const WorldCopyTransform& copy : copies) {
                it->second.draw(line_program, copy, viewport, view, 1.0f, style.graticule_rgba);
            }
        }
        glDisable(GL_SCISSOR_TEST);
        glUseProgram(0);
    }

    void drawMarkers(const geo::Viewport& viewport, const std::vector<MarkerInstance>& markers, const FrameStyle& style) {
        if (markers.empty()) return;
        glViewport(0, 0, viewport.width(), viewport.height());
        glDisable(GL_SCISSOR_TEST);
        blendOver();
        ProjectedScene& scene = sceneFor(style.projection);
        const std::vector<WorldCopyTransform> copies = copiesFor(scene, viewport);
        instances.clear();
        const double world = 2.0 * geo::kWebMercatorHalfWorld;
        for (const MarkerInstance& marker : markers) {
            // The scene may give a marker in a world copy beside (app::nearestWorldCopy): the copies
            // are counted from the world itself, so it is brought back first. A tile of a picture
            // across the antimeridian is centred in the world, not beside it like its markers.
            geo::XY position = marker.position;
            if (scene.projection.isWebMercator()) position.x = std::remainder(position.x, world);
            addInstances(viewport, copies, position, marker.radius_px, marker.fill_rgba, marker.outline_rgba);
        }
        marker_layer.draw(instances, viewport.width(), viewport.height());
        glUseProgram(0);
    }

    void draw(const geo::Viewport& viewport, const std::vector<MarkerInstance>& markers, const FrameStyle& style) {
        drawBase(viewport, style, nullptr);
        drawMarkers(viewport, markers, style);
    }
};

namespace {
// Geometry is stored relative to the first user DEM's centre (the region the map is about);
// without one, relative to the world's centre.
geo::XY renderOrigin(const geo::Basemap& basemap) {
    if (basemap.dems.empty() || !basemap.dems.front()) return geo::XY{0.0, 0.0};
    const geo::Dem& dem = *basemap.dems.front();
    return lonLatToMercator(0.5 * (dem.west() + dem.east()), 0.5 * (dem.south() + dem.north()));
}
}  // namespace

MapRenderer::MapRenderer(const geo::Basemap& basemap) : impl_(std::make_unique<Impl>(basemap, renderOrigin(basemap))) {}

MapRenderer::~MapRenderer() = default;

std::size_t MapRenderer::addLayer(const geo::StyledLayer& layer) {
    ++impl_->generation;
    impl_->sources.push_back(SourceLayer{layer.layer, layer.style, layer.visible, nullptr, nullptr});
    impl_->sources.back().id = layer.id;
    return impl_->sources.size() - 1;
}

std::size_t MapRenderer::addImageLayer(const geo::RasterImage& image) {
    if (image.width <= 0 || image.height <= 0 ||
        image.rgba.size() != static_cast<std::size_t>(image.width) * static_cast<std::size_t>(image.height) * 4) {
        throw std::runtime_error("the picture is empty or its size does not match its pixels");
    }
    if (!(image.west >= -180.0 && image.east <= 180.0 && image.west < image.east && image.south >= -90.0 &&
          image.north <= 90.0 && image.south < image.north)) {
        throw std::runtime_error("the picture is not a north-up lon/lat grid");
    }
    if (image.width > impl_->max_texture_size || image.height > impl_->max_texture_size) {
        throw std::runtime_error("a picture of " + std::to_string(image.width) + " x " + std::to_string(image.height) +
                                 " pixels exceeds this OpenGL's limit of " + std::to_string(impl_->max_texture_size));
    }
    ++impl_->generation;
    SourceLayer source;
    source.picture = std::make_unique<geo::RasterImage>(image);
    source.is_image = true;
    impl_->sources.push_back(std::move(source));
    return impl_->sources.size() - 1;
}

std::size_t MapRenderer::layerCount() const { return impl_->sources.size(); }

void MapRenderer::addDem(const std::shared_ptr<const geo::Dem>& dem) {
    ++impl_->generation;
    impl_->addDem(dem);
}

void MapRenderer::setDemReadsInBackground(bool background) { impl_->reads_in_background = background; }

bool MapRenderer::pollDemReads() { return impl_->pollDemReads(); }

std::size_t MapRenderer::terrainCellsHeld() const {
    std::size_t cells = 0;
    for (const Impl::Terrain& terrain : impl_->terrains)
        if (terrain.layer) cells += terrain.layer->cells();
    return cells;
}

void MapRenderer::setDetailViewport(const std::optional<geo::Viewport>& detail) { impl_->detail_viewport = detail; }

std::size_t MapRenderer::demReadsInFlight() const {
    return std::size_t(std::count_if(impl_->terrains.begin(), impl_->terrains.end(),
                                     [](const Impl::Terrain& t) { return t.reading.has_value(); }));
}

void MapRenderer::removeDem(const geo::Dem* dem) {
    ++impl_->generation;
    impl_->removeDem(dem);
}

std::vector<std::string> MapRenderer::takeProblems() {
    std::vector<std::string> problems;
    problems.swap(impl_->problems);
    return problems;
}

double graticuleSpacingDegrees(double zoom) {
    if (zoom < 2.5) return 30.0;
    if (zoom < 4.0) return 10.0;
    if (zoom < 5.5) return 5.0;
    if (zoom < 7.0) return 2.0;
    return 1.0;
}

void MapRenderer::draw(const geo::Viewport& viewport, const std::vector<MarkerInstance>& markers,
                       const FrameStyle& style) {
    impl_->draw(viewport, markers, style);
}

void MapRenderer::drawBase(const geo::Viewport& viewport, const FrameStyle& style, const PixelRect* region) {
    impl_->drawBase(viewport, style, region);
}

void MapRenderer::drawMarkers(const geo::Viewport& viewport, const std::vector<MarkerInstance>& markers,
                              const FrameStyle& style) {
    impl_->drawMarkers(viewport, markers, style);
}

std::uint64_t MapRenderer::generation() const { return impl_->generation; }

bool MapRenderer::updateTiles() {
    if (!impl_->world || !impl_->world->collect()) return false;
    ++impl_->generation;
    return true;
}

void MapRenderer::setWaitForTiles(bool wait) {
    if (impl_->world) impl_->world->setWait(wait);
}

std::string MapRenderer::tileError() const { return impl_->world ? impl_->world->error() : std::string(); }

Image MapRenderer::renderToImage(const geo::Viewport& viewport, const std::vector<MarkerInstance>& markers,
                                 const FrameStyle& style, const std::function<void()>& draw_on_top) {
    const int width = viewport.width();
    const int height = viewport.height();
    GLint max_renderbuffer = 0;
    GLint max_viewport[2] = {0, 0};
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &max_renderbuffer);
    glGetIntegerv(GL_MAX_VIEWPORT_DIMS, max_viewport);
    const int limit = std::min({max_renderbuffer, max_viewport[0], max_viewport[1]});
    if (width > limit || height > limit) {
        throw geo::Error(geo::ErrorKind::InvalidInput, "image size " + std::to_string(width) + " x " +
                                                           std::to_string(height) + " exceeds this OpenGL's limit of " +
                                                           std::to_string(limit) + " pixels per side");
    }
    GLint max_samples = 0;
    glGetIntegerv(GL_MAX_SAMPLES, &max_samples);
    const int samples = std::min(kWantedSamples, static_cast<int>(max_samples));

    const FramebufferBindingGuard restore_bindings;
    impl_->resolved.ensure(width, height, 0);
    if (samples > 1) impl_->multisampled.ensure(width, height, samples);
    const GLuint draw_target = samples > 1 ? impl_->multisampled.framebuffer.get() : impl_->resolved.framebuffer.get();

    glBindFramebuffer(GL_FRAMEBUFFER, draw_target);
    impl_->draw(viewport, markers, style);
    if (draw_on_top) {
        glBindFramebuffer(GL_FRAMEBUFFER, draw_target);
        glViewport(0, 0, width, height);
        draw_on_top();
    }
    if (samples > 1) {
        glBindFramebuffer(GL_READ_FRAMEBUFFER, draw_target);
        glBindFramebuffer(GL_DRAW_FRAMEBUFFER, impl_->resolved.framebuffer.get());
        glBlitFramebuffer(0, 0, width, height, 0, 0, width, height, GL_COLOR_BUFFER_BIT, GL_NEAREST);
    }

    glBindFramebuffer(GL_READ_FRAMEBUFFER, impl_->resolved.framebuffer.get());
    return readColour(width, height);
}

}  // namespace app::render
