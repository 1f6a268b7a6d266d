#include "app/framing.hpp"

#include <algorithm>
#include <cmath>
#include <memory>
#include <numeric>
#include <optional>
#include <string>
#include <type_traits>
#include <unordered_map>

#include <geos_c.h>

#include "app/scene.hpp"
#include "geo/geodesy.hpp"
#include "geo/dem.hpp"
#include "geo/error.hpp"
#include "geo/raster.hpp"

namespace app {
namespace {

// Finer places must hold this share of the text's weight to make the focus on their own.
constexpr double kFinerShare = 0.25;
// The focus circle is widened by this factor, and to at least kNeighbourhoodM.
constexpr double kCircleWidening = 1.5;
constexpr double kNeighbourhoodM = 50'000.0;

// The vector layers' detail: Natural Earth 1:10m borders and rivers, GeoNames towns. Below a
// regional elevation grid the map is worth looking at to about this zoom.
constexpr double kVectorDetailZoom = 8.0;
// An elevation cell may be drawn this many pixels wide before the hillshade turns to blur.
constexpr double kPixelsPerDemCell = 4.0;
// The world relief (ETOPO5) every place has under it, when state.relief is not given: 5 arc-minutes a cell.
constexpr double kWorldReliefCellDeg = 5.0 / 60.0;

// Margin round fitted places: the largest marker (selected, clustered) plus room for its label's
// first row, so no marker touches an edge.
constexpr double kFitMarginPx = 56.0;

bool isBroad(geo::PlaceKind kind) { return kind == geo::PlaceKind::Continent || kind == geo::PlaceKind::Country; }

// The zoom at which a cell of `cell_deg` degrees spans kPixelsPerDemCell pixels (on the ground at
// any latitude: the cosines of the cell and of Web Mercator's scale cancel).
double zoomForCell(double cell_deg) { return std::log2(360.0 * kPixelsPerDemCell / (256.0 * cell_deg)); }

double density(const AppState& state) {
    return std::isfinite(state.ui_scale) && state.ui_scale > 0 ? double(state.ui_scale) : 1.0;
}

// The zooms above (kind, data detail) are Web Mercator's, whose scale at latitude φ is 1/cos φ too
// large: at zoom z a pixel there covers cos φ of the metres it covers at the equator. UTM, LAEA and
// the globe are about true to scale round their centre, so the same ground detail is this many
// zoom levels further in (1.24 at Iceland's 65°N); without it their views stop that much short.
double projectionZoomShift(const AppState& state, double lat) {
    if (state.projection.isWebMercator()) return 0.0;
    constexpr double kPi = 3.14159265358979323846;
    return -std::log2(std::cos(std::clamp(lat, -85.0, 85.0) * kPi / 180.0));
}

// The closest zoom for a place of this kind, at standard density.
double kindZoom(const geo::Place& place) {
    switch (place.kind) {
        case geo::PlaceKind::Continent: return 3.0;
        case geo::PlaceKind::Country: return 5.0;
        case geo::PlaceKind::Admin1: return 7.0;
        case geo::PlaceKind::Admin2:
        case geo::PlaceKind::Region:
        case geo::PlaceKind::Physical: return 8.0;
        case geo::PlaceKind::City: return place.population >= 1'000'000 ? 9.0 : 10.0;  // a city, a town
    }
    return 8.0;
}

// Web Mercator's plane repeats every 360° of longitude: the points moved by whole worlds so that
// they lie together the short way round (cut at the widest empty stretch of longitude), their
// middle inside the world. Places either side of the antimeridian (the Aleutians and Kamchatka,
// Fiji) are then framed across it rather than by a view of the whole world.
void unwrapAcrossTheAntimeridian(std::vector<geo::XY>& points) {
    if (points.size() < 2) return;
    const double world = 2.0 * geo::kWebMercatorHalfWorld;
    std::vector<double> xs;
    xs.reserve(points.size());
    for (geo::XY& p : points) {
        p.x = std::remainder(p.x, world);
        xs.push_back(p.x);
    }
    std::sort(xs.begin(), xs.end());
    // The stretch across the antimeridian first: when it is the widest, nothing moves.
    double widest = xs.front() + world - xs.back();
    std::optional<double> cut;
    for (std::size_t i = 0; i + 1 < xs.size(); ++i)
        if (xs[i + 1] - xs[i] > widest) {
            widest = xs[i + 1] - xs[i];
            cut = xs[i];
        }
    if (!cut) return;
    double min_x = INFINITY, max_x = -INFINITY;
    for (geo::XY& p : points) {
        if (p.x <= *cut) p.x += world;  // the western group goes east of the others
        min_x = std::min(min_x, p.x);
        max_x = std::max(max_x, p.x);
    }
    const double shift = world * std::round((min_x + max_x) / 2.0 / world);
    for (geo::XY& p : points) p.x -= shift;
}

// Moves a view fitted to the visible area's size so that its centre lands on the area's centre.
geo::Viewport placeInArea(const AppState& state, const MapArea& area, const geo::XY& centre, double zoom) {
    const geo::Viewport at(state.view.width(), state.view.height(), centre, zoom);
    const double mpp = at.metresPerPixel();
    // Pixel y grows down, plane y up.
    geo::XY shifted{centre.x - (area.centreX() - state.view.width() / 2.0) * mpp,
                    centre.y + (area.centreY() - state.view.height() / 2.0) * mpp};
    // Near the antimeridian the shift may cross it: the same view from the world copy beside.
    if (state.projection.isWebMercator()) shifted.x = std::remainder(shifted.x, 2.0 * geo::kWebMercatorHalfWorld);
    return geo::Viewport(state.view.width(), state.view.height(), shifted, zoom);
}

}  // namespace

std::vector<PlaceWeight> placeWeights(const OpenDocument& doc) {
    std::vector<PlaceWeight> weights;
    const auto& places = doc.extraction.places;
    weights.reserve(places.size());
    for (std::size_t i = 0; i < places.size(); ++i) {
        PlaceWeight w;
        w.place = i;
        for (std::size_t m : places[i].mentions)
            w.weight += doc.extraction.mentions[m].kind == geo::MentionKind::Demonym ? 0.5 : 1.0;
        w.weight += double(places[i].passages.size());
        w.broad = isBroad(places[i].place.kind);
        weights.push_back(w);
    }
    return weights;
}

TextFocus textFocus(const OpenDocument& doc) {
    TextFocus focus;
    const auto& places = doc.extraction.places;
    focus.weights = placeWeights(doc);
    double total = 0.0, finer = 0.0;
    for (const PlaceWeight& w : focus.weights) {
        total += w.weight;
        if (!w.broad) finer += w.weight;
    }
    std::vector<std::size_t> candidates;
    const bool finer_carry = finer > 0.0 && finer >= kFinerShare * total;
    for (const PlaceWeight& w : focus.weights)
        if (w.weight > 0.0 && (!finer_carry || !w.broad)) candidates.push_back(w.place);
    if (candidates.empty())
        for (std::size_t i = 0; i < places.size(); ++i) candidates.push_back(i);
    if (candidates.empty()) return focus;
    // The heaviest first (stable: in text order among equals), at most kMaxFocusCandidates.
    std::stable_sort(candidates.begin(), candidates.end(), [&](std::size_t a, std::size_t b) {
        return focus.weights[a].weight > focus.weights[b].weight;
    });
    if (candidates.size() > kMaxFocusCandidates) candidates.resize(kMaxFocusCandidates);

    const std::size_t n = candidates.size();
    std::vector<double> distance(n * n, 0.0);
    for (std::size_t a = 0; a < n; ++a)
        for (std::size_t b = a + 1; b < n; ++b)
            distance[a * n + b] = distance[b * n + a] = geo::geodesicDistanceMeters(
                places[candidates[a]].place.position, places[candidates[b]].place.position);
    // The weighted medoid; ties go to the heavier place.
    std::size_t centre = 0;
    double best = INFINITY;
    for (std::size_t a = 0; a < n; ++a) {
        double cost = 0.0;
        for (std::size_t b = 0; b < n; ++b) cost += focus.weights[candidates[b]].weight * distance[a * n + b];
        const bool better = cost < best - 1e-6 ||
                            (cost < best + 1e-6 && focus.weights[candidates[a]].weight > focus.weights[candidates[centre]].weight);
        if (better) {
            best = std::min(best, cost);
            centre = a;
        }
    }
    focus.centre = candidates[centre];
    // The smallest circle round the centre holding kCoreShare of the weight.
    std::vector<std::size_t> by_distance(n);
    std::iota(by_distance.begin(), by_distance.end(), 0);
    std::stable_sort(by_distance.begin(), by_distance.end(),
                     [&](std::size_t a, std::size_t b) { return distance[centre * n + a] < distance[centre * n + b]; });
    double candidate_weight = 0.0;
    for (std::size_t c : candidates) candidate_weight += focus.weights[c].weight;
    double held = 0.0;
    for (std::size_t k : by_distance) {
        held += focus.weights[candidates[k]].weight;
        focus.radius_m = distance[centre * n + k];
        if (held >= kCoreShare * candidate_weight - 1e-9) break;
    }
    const double reach = std::max(kCircleWidening * focus.radius_m, kNeighbourhoodM);
    for (std::size_t k : by_distance)
        if (distance[centre * n + k] <= reach) focus.places.push_back(candidates[k]);
    std::stable_sort(focus.places.begin(), focus.places.end(),
                     [&](std::size_t a, std::size_t b) { return focus.weights[a].weight > focus.weights[b].weight; });
    return focus;
}

MapArea visibleMapArea(const AppState& state) {
    const double w = state.view.width(), h = state.view.height();
    MapArea area;
    // The panel covers at most half the window (as on a narrow window), the bars at most a third.
    area.x0 = std::clamp(double(state.panel_width_px), 0.0, w / 2);
    area.y0 = std::clamp(double(state.map_top_px), 0.0, h / 3);
    area.x1 = w;
    area.y1 = h - std::clamp(double(state.map_bottom_px), 0.0, h / 3);
    return area;
}

namespace {

// The plane metres the projection shows (Web Mercator's world square; the rim of the globe's, LAEA's
// or UTM's cap walked round its centre a little inside it, with PROJ's geodesic: a degree of arc
// is kWebMercatorHalfWorld / 180 metres on the sphere Web Mercator uses). Empty when PROJ gives
// nothing for the rim.
struct PlaneBox {
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};
std::optional<PlaneBox> shownPlaneBox(const geo::MapProjection& projection) {
    if (projection.isWebMercator())
        return PlaneBox{-geo::kWebMercatorHalfWorld, -geo::kWebMercatorHalfWorld, geo::kWebMercatorHalfWorld, geo::kWebMercatorHalfWorld};
    const geo::LonLat centre = projection.centre();
    const double rim_m = projection.visibleRadiusDegrees() * 0.995 * geo::kWebMercatorHalfWorld / 180.0;
    std::optional<PlaneBox> box;
    for (int bearing = 0; bearing < 360; bearing += 10) {
        const geo::LonLat p = geo::geodesicDirect(centre, bearing, rim_m);
        const std::optional<geo::XY> xy = projection.forward(p.lon, p.lat);
        if (!xy) continue;
        if (!box) box = PlaneBox{xy->x, xy->y, xy->x, xy->y};
        box->x0 = std::min(box->x0, xy->x);
        box->x1 = std::max(box->x1, xy->x);
        box->y0 = std::min(box->y0, xy->y);
        box->y1 = std::max(box->y1, xy->y);
    }
    if (box && !(box->x1 > box->x0 && box->y1 > box->y0)) return std::nullopt;
    return box;
}

}  // namespace

double wholeWorldZoom(const AppState& state) {
    const MapArea area = visibleMapArea(state);
    const std::optional<PlaneBox> box = shownPlaneBox(state.projection);
    if (!box || !(area.width() > 0 && area.height() > 0)) return geo::kMinZoom;
    const double metres_per_pixel = std::max((box->x1 - box->x0) / area.width(), (box->y1 - box->y0) / area.height());
    return std::clamp(std::log2(2 * geo::kWebMercatorHalfWorld / (256.0 * metres_per_pixel)), geo::kMinZoom, geo::kMaxZoom);
}

geo::Viewport wholeWorldView(const AppState& state) {
    const MapArea area = visibleMapArea(state);
    const std::optional<PlaneBox> box = shownPlaneBox(state.projection);
    if (!box) return state.view;
    const double zoom = wholeWorldZoom(state);
    const double mpp = geo::Viewport(state.view.width(), state.view.height(), state.view.center(), zoom).metresPerPixel();
    // The globe's disc stays on the view's centre, as it does when it turns (actions' dragMap).
    if (state.projection.kind() == geo::MapProjectionKind::Globe)
        return geo::Viewport(state.view.width(), state.view.height(), geo::XY{(box->x0 + box->x1) / 2, (box->y0 + box->y1) / 2}, zoom);
    // The shown box's centre at the map area's centre; Web Mercator keeps the view's longitude,
    // since its world repeats east and west.
    const double box_x = state.projection.isWebMercator() ? state.view.center().x + (area.centreX() - state.view.width() / 2.0) * mpp
                                                          : (box->x0 + box->x1) / 2;
    const double box_y = (box->y0 + box->y1) / 2;
    const geo::XY centre{box_x - (area.centreX() - state.view.width() / 2.0) * mpp,
                         box_y + (area.centreY() - state.view.height() / 2.0) * mpp};
    return geo::Viewport(state.view.width(), state.view.height(), centre, zoom);
}

double detailZoomAt(const AppState& state, const geo::LonLat& point) {
    double finest_cell = kWorldReliefCellDeg;
    if (state.relief) finest_cell = std::abs(state.relief->cellLonDegrees());
    for (const auto& dem : state.dems)
        if (dem && point.lon >= dem->west() && point.lon <= dem->east() && point.lat >= dem->south() &&
            point.lat <= dem->north())
            finest_cell = std::min(finest_cell, std::abs(dem->cellLonDegrees()));
    return std::max(kVectorDetailZoom, zoomForCell(finest_cell));
}

double flyToZoom(const AppState& state, const geo::Place& place) {
    // HiDPI: the view has ui_scale times the pixels, so the same ground is one log2(ui_scale) zoom up.
    const double zoom = std::min(kindZoom(place), detailZoomAt(state, place.position)) + std::log2(density(state)) +
                        projectionZoomShift(state, place.position.lat);
    return std::clamp(zoom, geo::kMinZoom, geo::kMaxZoom);
}

geo::Viewport fitPlaces(const AppState& state, const std::vector<std::size_t>& places) {
    std::vector<geo::XY> points;
    double closest_zoom = geo::kMinZoom;
    float largest_marker = 0.0f;
    if (state.doc)
        for (std::size_t i : places) {
            if (i >= state.doc->extraction.places.size()) continue;
            const auto& place = state.doc->extraction.places[i];
            // Places the projection does not show (far side of the globe) are left out.
            if (const auto position = placePosition(state, *state.doc, i)) points.push_back(*position);
            // One place with an outline or course (a country, a province, a river) is fitted whole.
            const ProjectedShape* shape =
                places.size() == 1 && state.selection.place == i ? selectedShape(state) : nullptr;
            if (shape) {
                for (const auto& part : shape->parts) points.insert(points.end(), part.begin(), part.end());
                closest_zoom = std::max(closest_zoom, detailZoomAt(state, place.place.position) + std::log2(density(state)) +
                                                          projectionZoomShift(state, place.place.position.lat));
                continue;
            }
            closest_zoom = std::max(closest_zoom, flyToZoom(state, place.place));
            largest_marker = std::max(largest_marker, markerRadiusPx(place.mentions.size()));
        }
    const MapArea area = visibleMapArea(state);
    if (points.empty()) return state.view;
    if (state.projection.isWebMercator()) unwrapAcrossTheAntimeridian(points);
    const double margin = (kFitMarginPx + largest_marker) * density(state);
    const int area_w = std::max(1, int(std::lround(area.width()))), area_h = std::max(1, int(std::lround(area.height())));
    const geo::Viewport fitted = geo::Viewport::fit(points, area_w, area_h, margin, closest_zoom);
    return placeInArea(state, area, fitted.center(), std::min(fitted.zoom(), closest_zoom));
}

geo::Viewport viewOfPoint(const AppState& state, const geo::LonLat& point, double zoom) {
    const std::optional<geo::XY> xy = state.projection.forward(point.lon, point.lat);
    if (!xy) return state.view;
    return placeInArea(state, visibleMapArea(state), *xy, std::clamp(zoom, geo::kMinZoom, geo::kMaxZoom));
}

geo::Viewport focusView(const AppState& state) {
    if (!state.doc) return state.view;
    return fitPlaces(state, textFocus(*state.doc).places);
}

geo::Viewport allPlacesView(const AppState& state) {
    if (!state.doc) return state.view;
    std::vector<std::size_t> all(state.doc->extraction.places.size());
    std::iota(all.begin(), all.end(), 0);
    return fitPlaces(state, all);
}

bool sameView(const geo::Viewport& a, const geo::Viewport& b) {
    if (a.width() != b.width() || a.height() != b.height() || std::abs(a.zoom() - b.zoom()) > 0.01) return false;
    const double mpp = a.metresPerPixel();
    return std::abs(a.center().x - b.center().x) <= mpp && std::abs(a.center().y - b.center().y) <= mpp;
}

// GEOS objects belong to a context; the deleters carry it.
struct GeosContextDeleter {
    void operator()(GEOSContextHandle_t context) const { GEOS_finish_r(context); }
};
struct GeosGeometryDeleter {
    GEOSContextHandle_t context;
    void operator()(GEOSGeometry* geometry) const { GEOSGeom_destroy_r(context, geometry); }
};
struct GeosPreparedDeleter {
    GEOSContextHandle_t context;
    void operator()(const GEOSPreparedGeometry* prepared) const { GEOSPreparedGeom_destroy_r(context, prepared); }
};

class PreparedAreas {
public:
    PreparedAreas() : context_(GEOS_init_r()) {}

    // Whether the area with this id covers the point; its shape is read and prepared the first time.
    bool covers(const geo::PlaceShapes& shapes, const std::string& id, const geo::LonLat& point) {
        const Shape& area = shape(shapes, id);
        if (!area.prepared || !area.is_area || point.lat < area.south || point.lat > area.north) return false;
        GEOSCoordSequence* sequence = GEOSCoordSeq_create_r(context_.get(), 1, 2);
        if (!sequence) return false;
        GEOSCoordSeq_setXY_r(context_.get(), sequence, 0, point.lon, point.lat);
        // GEOSGeom_createPoint_r takes the sequence.
        const Geometry at(GEOSGeom_createPoint_r(context_.get(), sequence), GeosGeometryDeleter{context_.get()});
        return at && GEOSPreparedCovers_r(context_.get(), area.prepared.get(), at.get()) == 1;
    }

    // Whether the course (a river) with this id crosses the lon/lat polygon `ring` (closed).
    bool crosses(const geo::PlaceShapes& shapes, const std::string& id, const std::vector<geo::LonLat>& ring) {
        const Shape& course = shape(shapes, id);
        if (!course.prepared || course.is_area) return false;
        GEOSGeometry* shell = makeRing(ring);
        if (!shell) return false;
        // Takes the shell.
        const Geometry box(GEOSGeom_createPolygon_r(context_.get(), shell, nullptr, 0), GeosGeometryDeleter{context_.get()});
        return box && GEOSPreparedIntersects_r(context_.get(), course.prepared.get(), box.get()) == 1;
    }

private:
    using Geometry = std::unique_ptr<GEOSGeometry, GeosGeometryDeleter>;
    struct Shape {
        Geometry geometry;
        std::unique_ptr<const GEOSPreparedGeometry, GeosPreparedDeleter> prepared;
        bool is_area = false;
        double south = 0, north = 0;
    };

    const Shape& shape(const geo::PlaceShapes& shapes, const std::string& id) {
        auto found = shapes_.find(id);
        if (found == shapes_.end()) found = shapes_.emplace(id, prepare(shapes, id)).first;
        return found->second;
    }

    GEOSGeometry* makeRing(const std::vector<geo::LonLat>& points) {
        if (points.size() < 4) return nullptr;
        GEOSCoordSequence* sequence = GEOSCoordSeq_create_r(context_.get(), unsigned(points.size()), 2);
        if (!sequence) return nullptr;
        for (std::size_t i = 0; i < points.size(); ++i)
            GEOSCoordSeq_setXY_r(context_.get(), sequence, unsigned(i), points[i].lon, points[i].lat);
        return GEOSGeom_createLinearRing_r(context_.get(), sequence);  // takes the sequence
    }

    GEOSGeometry* makeLine(const std::vector<geo::LonLat>& points) {
        if (points.size() < 2) return nullptr;
        GEOSCoordSequence* sequence = GEOSCoordSeq_create_r(context_.get(), unsigned(points.size()), 2);
        if (!sequence) return nullptr;
        for (std::size_t i = 0; i < points.size(); ++i)
            GEOSCoordSeq_setXY_r(context_.get(), sequence, unsigned(i), points[i].lon, points[i].lat);
        return GEOSGeom_createLineString_r(context_.get(), sequence);  // takes the sequence
    }

    Shape prepare(const geo::PlaceShapes& shapes, const std::string& id) {
        GEOSContextHandle_t context = context_.get();
        Shape result{Geometry(nullptr, GeosGeometryDeleter{context}),
                     std::unique_ptr<const GEOSPreparedGeometry, GeosPreparedDeleter>(nullptr, GeosPreparedDeleter{context})};
        if (!context) return result;
        std::optional<geo::PlaceShape> shape;
        try {
            shape = shapes.find(id);
        } catch (const geo::Error&) {
            return result;  // a damaged shapes file: no outline is known
        }
        if (!shape) return result;
        result.is_area = shape->kind == geo::PlaceShape::Kind::Area;
        std::vector<GEOSGeometry*> parts;
        if (result.is_area) {
            for (const auto& rings : shape->polygons) {
                GEOSGeometry* shell = rings.empty() ? nullptr : makeRing(rings.front());
                if (!shell) continue;
                std::vector<GEOSGeometry*> holes;
                for (std::size_t r = 1; r < rings.size(); ++r)
                    if (GEOSGeometry* hole = makeRing(rings[r])) holes.push_back(hole);
                // Takes the shell and the holes.
                if (GEOSGeometry* polygon = GEOSGeom_createPolygon_r(context, shell, holes.data(), unsigned(holes.size())))
                    parts.push_back(polygon);
            }
        } else {
            for (const auto& line : shape->lines)
                if (GEOSGeometry* part = makeLine(line)) parts.push_back(part);
        }
        if (parts.empty()) return result;
        // Takes the parts.
        result.geometry.reset(GEOSGeom_createCollection_r(context, result.is_area ? GEOS_MULTIPOLYGON : GEOS_MULTILINESTRING,
                                                          parts.data(), unsigned(parts.size())));
        if (!result.geometry) {
            for (GEOSGeometry* part : parts) GEOSGeom_destroy_r(context, part);
            return result;
        }
        result.prepared.reset(GEOSPrepare_r(context, result.geometry.get()));
        result.south = shape->south;
        result.north = shape->north;
        return result;
    }

    std::unique_ptr<std::remove_pointer_t<GEOSContextHandle_t>, GeosContextDeleter> context_;
    std::unordered_map<std::string, Shape> shapes_;
};

bool areaCovers(const AppState& state, std::size_t place, const geo::LonLat& point) {
    if (!state.doc || !state.shapes || place >= state.doc->extraction.places.size()) return false;
    const geo::Place& area = state.doc->extraction.places[place].place;
    // Only countries and provinces have outlines (geo/place_shapes); a city costs no look-up.
    if (area.id.empty() || (area.kind != geo::PlaceKind::Country && area.kind != geo::PlaceKind::Admin1)) return false;
    const std::string& id = area.id;
    if (!state.prepared_areas) state.prepared_areas = std::make_shared<PreparedAreas>();
    return state.prepared_areas->covers(*state.shapes, id, point);
}

bool courseCrossesView(const AppState& state, std::size_t place) {
    if (!state.doc || !state.shapes || place >= state.doc->extraction.places.size()) return false;
    const geo::Place& river = state.doc->extraction.places[place].place;
    // Only rivers have courses (geo/place_shapes); other places cost no look-up.
    if (river.id.empty() || river.kind != geo::PlaceKind::Physical) return false;
    // The visible map's outline in lon/lat: its corners and the middles of its sides.
    const MapArea area = visibleMapArea(state);
    std::vector<geo::LonLat> ring;
    const double xs[] = {area.x0, area.centreX(), area.x1, area.x1, area.x1, area.centreX(), area.x0, area.x0};
    const double ys[] = {area.y0, area.y0, area.y0, area.centreY(), area.y1, area.y1, area.y1, area.centreY()};
    double west = 180, east = -180;
    for (std::size_t i = 0; i < 8; ++i) {
        const std::optional<geo::LonLat> at = lonLatAtPixel(state, xs[i], ys[i]);
        if (!at) return false;  // the view reaches past the world's edge (a globe): no outline to test
        ring.push_back(*at);
        west = std::min(west, at->lon), east = std::max(east, at->lon);
    }
    if (east - west > 180) return false;  // across the antimeridian: not a simple lon/lat polygon
    ring.push_back(ring.front());
    if (!state.prepared_areas) state.prepared_areas = std::make_shared<PreparedAreas>();
    return state.prepared_areas->crosses(*state.shapes, river.id, ring);
}

}  // namespace app
