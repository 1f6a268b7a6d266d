#include "app/scene.hpp"

#include <algorithm>
#include <cmath>

#include "geo/projection.hpp"

namespace app {
namespace {

constexpr std::uint32_t kPlaceFill = 0xd7301fffu;     // red-orange, readable on terrain
constexpr std::uint32_t kDemonymFill = 0xef8a62ffu;   // lighter: only named through a demonym
constexpr std::uint32_t kHoverFill = 0xfc8d59ffu;
constexpr std::uint32_t kSelectedFill = 0xffd60aff;   // yellow
constexpr std::uint32_t kOutline = 0xffffffffu;
constexpr std::uint32_t kSelectedOutline = 0x1a1a1aff;
constexpr std::uint32_t kOtherTextFill = 0x6b7fa3c0u;  // muted blue-grey, translucent
constexpr std::uint32_t kClusterFill = 0x9e1a1affu;    // darker red: several places in one marker

bool onlyDemonyms(const OpenDocument& doc, const geo::ResolvedPlace& place) {
    for (std::size_t m : place.mentions)
        if (doc.extraction.mentions[m].kind != geo::MentionKind::Demonym) return false;
    return !place.mentions.empty();
}

}  // namespace

geo::XY nearestWorldCopy(const AppState& state, const geo::XY& xy) {
    if (!state.projection.isWebMercator()) return xy;
    const double world = 2.0 * geo::kWebMercatorHalfWorld;
    return geo::XY{xy.x - world * std::round((xy.x - state.view.center().x) / world), xy.y};
}

float markerRadiusPx(std::size_t mentions) {
    return 6.0f + 2.0f * std::sqrt(static_cast<float>(mentions > 0 ? mentions - 1 : 0));
}

MarkerScene buildMarkers(const AppState& state) {
    MarkerScene scene;
    if (state.show_other_texts)
        for (std::size_t t = 0; t < state.other_docs.size(); ++t) {
            const OpenDocument& other = *state.other_docs[t];
            for (std::size_t i = 0; i < other.extraction.places.size(); ++i) {
                const std::optional<geo::XY> position = placePosition(state, other, i);
                if (!position) continue;  // not shown in this projection (far side of the globe)
                MarkerInstance m;
                m.position = nearestWorldCopy(state, *position);
                m.radius_px = markerRadiusPx(other.extraction.places[i].mentions.size()) * 0.8f * state.ui_scale;
                m.fill_rgba = kOtherTextFill;
                m.outline_rgba = kOutline;
                scene.markers.push_back(m);
                scene.place_of_marker.push_back(i);
                scene.text_of_marker.push_back(t);
                scene.cluster_size.push_back(1);
                scene.members.push_back({i});
            }
        }
    if (!state.doc) return scene;
    const auto& places = state.doc->extraction.places;
    auto add = [&](std::size_t i) {
        const std::optional<geo::XY> position = spreadPosition(state, i);
        if (!position) return;
        MarkerInstance m;
        m.position = nearestWorldCopy(state, *position);
        m.radius_px = markerRadiusPx(places[i].mentions.size());
        m.fill_rgba = onlyDemonyms(*state.doc, places[i]) ? kDemonymFill : kPlaceFill;
        m.outline_rgba = kOutline;
        if (state.hover.place == i) {
            m.fill_rgba = kHoverFill;
            m.radius_px += 2.0f;
        }
        if (state.selection.place == i) {
            m.fill_rgba = kSelectedFill;
            m.outline_rgba = kSelectedOutline;
            m.radius_px += 3.0f;
        }
        m.radius_px *= state.ui_scale;  // HiDPI: the same physical size
        scene.markers.push_back(m);
        scene.place_of_marker.push_back(i);
        scene.text_of_marker.push_back(std::nullopt);
        scene.cluster_size.push_back(1);
        scene.members.push_back({i});
    };
    for (std::size_t i = 0; i < places.size(); ++i)
        if (state.hover.place != i && state.selection.place != i) add(i);
    if (state.hover.place && *state.hover.place < places.size() && state.hover.place != state.selection.place)
        add(*state.hover.place);
    if (state.selection.place && *state.selection.place < places.size()) add(*state.selection.place);
    return scene;
}

std::optional<geo::XY> spreadPosition(const AppState& state, std::size_t place) {
    const std::optional<geo::XY> own = state.doc ? placePosition(state, *state.doc, place) : std::nullopt;
    if (!state.spread || !own) return own;
    const auto& members = state.spread->places;
    const auto at = std::find(members.begin(), members.end(), place);
    if (at == members.end()) return own;
    const std::optional<geo::XY> spot = state.projection.forward(state.spread->spot.lon, state.spread->spot.lat);
    if (!spot) return own;
    // A ring round the spot, the first member at the top, wide enough for the markers to stand apart.
    constexpr double kPi = 3.14159265358979323846;
    const double n = double(members.size());
    const double ring_px = std::max(30.0, 9.0 * n) * double(state.ui_scale);
    const double angle = 2.0 * kPi * double(at - members.begin()) / n;
    const double mpp = state.view.metresPerPixel();
    return geo::XY{spot->x + std::sin(angle) * ring_px * mpp, spot->y + std::cos(angle) * ring_px * mpp};
}

const ProjectedShape* selectedShape(const AppState& state) {
    if (!state.doc || !state.shapes || !state.selection.place ||
        *state.selection.place >= state.doc->extraction.places.size())
        return nullptr;
    const std::string& id = state.doc->extraction.places[*state.selection.place].place.id;
    auto& cache = state.selected_shape;
    if (cache && cache->place_id == id && cache->projected_for == state.projection.id())
        return cache->parts.empty() ? nullptr : &*cache;
    std::optional<geo::PlaceShape> shape;
    try {
        shape = state.shapes->find(id);
    } catch (const geo::Error&) {
        shape.reset();  // a damaged shapes file: the place is a dot, as without one
    }
    ProjectedShape projected;
    projected.place_id = id;
    projected.projected_for = state.projection.id();
    if (shape) {
        projected.area = shape->kind == geo::PlaceShape::Kind::Area;
        projected.west = shape->west, projected.south = shape->south;
        projected.east = shape->east, projected.north = shape->north;
        auto add = [&](const std::vector<geo::LonLat>& points) {
            std::vector<geo::XY> part;
            for (const geo::LonLat& p : points) {
                const std::optional<geo::XY> xy = state.projection.forward(p.lon, p.lat);
                if (xy) {
                    part.push_back(*xy);
                } else if (part.size() > 1) {
                    projected.parts.push_back(std::move(part));
                    part.clear();
                } else {
                    part.clear();
                }
            }
            if (part.size() > 1) projected.parts.push_back(std::move(part));
        };
        for (const auto& polygon : shape->polygons)
            for (const auto& ring : polygon) add(ring);
        for (const auto& line : shape->lines) add(line);
    }
    cache = std::move(projected);
    return cache->parts.empty() ? nullptr : &*cache;
}

geo::XY pixelOf(const AppState& state, const geo::LonLat& point) {
    const std::optional<geo::XY> xy = state.projection.forward(point.lon, point.lat);
    // A point the projection does not show (far side of the globe) lands far off screen.
    if (!xy) return geo::XY{-1e7, -1e7};
    return state.view.toPixel(nearestWorldCopy(state, *xy));
}

std::optional<geo::LonLat> lonLatAtPixel(const AppState& state, double x_px, double y_px) {
    geo::XY m = state.view.toMercator(geo::XY{x_px, y_px});
    // Web Mercator's plane repeats east and west (the world copies beside): the same point of the world.
    if (state.projection.isWebMercator()) m.x = std::remainder(m.x, 2.0 * geo::kWebMercatorHalfWorld);
    if (std::abs(m.x) > geo::kWebMercatorHalfWorld || std::abs(m.y) > geo::kWebMercatorHalfWorld) return std::nullopt;
    const std::optional<geo::LonLat> point = state.projection.inverse(m);
    if (!point || !state.projection.shows(point->lon, point->lat)) return std::nullopt;
    return point;
}

std::optional<geo::XY> placePosition(const AppState& state, const OpenDocument& doc, std::size_t place) {
    const auto& places = doc.extraction.places;
    if (place >= places.size()) return std::nullopt;
    if (doc.projected_for != state.projection.id() || doc.projected.size() != places.size()) {
        // A longitude no place can have marks every entry stale; each is computed on first use.
        OpenDocument::ProjectedPlace stale;
        stale.from.lon = 1e9;
        doc.projected.assign(places.size(), stale);
        doc.projected_for = state.projection.id();
    }
    OpenDocument::ProjectedPlace& entry = doc.projected[place];
    const geo::LonLat& from = places[place].place.position;
    if (entry.from.lon != from.lon || entry.from.lat != from.lat) {
        entry.from = from;
        entry.xy = state.projection.forward(from.lon, from.lat);
    }
    return entry.xy;
}

void setMapProjection(AppState& state, geo::MapProjectionKind kind) {
    constexpr double kPi = 3.14159265358979323846;
    constexpr double kEarthRadius = 6378137.0;
    // The globe fills this share of the view's shorter side.
    constexpr double kGlobeFill = 0.9;
    geo::LonLat centre = state.projection.centre();
    if (const auto at_centre = state.projection.inverse(state.view.center())) centre = *at_centre;
    const double lat_cos = std::cos(std::clamp(centre.lat, -85.0, 85.0) * kPi / 180.0);
    // Ground metres per pixel at the centre (Web Mercator stretches by 1/cos φ; the others are
    // centred on the view, where their scale is about true).
    const double ground_mpp = state.view.metresPerPixel() * (state.projection.isWebMercator() ? lat_cos : 1.0);
    geo::MapProjection next = geo::MapProjection::make(kind, centre);
    double mpp = next.isWebMercator() ? ground_mpp / lat_cos : ground_mpp;
    if (kind == geo::MapProjectionKind::Globe) {
        mpp = 2.0 * kEarthRadius / (kGlobeFill * std::min(state.view.width(), state.view.height()));
    }
    const double zoom = std::clamp(std::log2(2.0 * geo::kWebMercatorHalfWorld / (256.0 * mpp)), geo::kMinZoom, geo::kMaxZoom);
    const std::optional<geo::XY> new_centre = next.forward(centre.lon, centre.lat);
    state.projection = std::move(next);
    state.map.projection = kind;
    state.flight.reset();
    state.pan_velocity_px_s = geo::XY{};
    state.view = geo::Viewport(state.view.width(), state.view.height(), new_centre ? *new_centre : geo::XY{0, 0}, zoom);
}

MarkerScene clusterMarkers(const AppState& state, const MarkerScene& scene) {
    MarkerScene out;
    const std::size_t count = scene.markers.size();
    // Leaders first: selected, hovered, then the most mentioned; other texts never cluster.
    // Other texts' markers and the fanned-out members of an opened cluster pass through.
    auto passes = [&](std::size_t k) {
        if (scene.text_of_marker[k]) return true;
        return state.spread && std::find(state.spread->places.begin(), state.spread->places.end(),
                                         scene.place_of_marker[k]) != state.spread->places.end();
    };
    std::vector<std::size_t> order;
    for (std::size_t k = 0; k < count; ++k)
        if (!passes(k)) order.push_back(k);
    auto priority = [&](std::size_t k) {
        const std::size_t place = scene.place_of_marker[k];
        const int rank = state.selection.place == place ? 2 : state.hover.place == place ? 1 : 0;
        return std::make_pair(rank, state.doc ? state.doc->extraction.places[place].mentions.size() : 0);
    };
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return priority(a) > priority(b); });
    std::vector<std::size_t> leader_of(count, count);
    std::vector<std::size_t> leaders;
    std::vector<geo::XY> pixel(count);
    for (std::size_t k = 0; k < count; ++k) pixel[k] = state.view.toPixel(scene.markers[k].position);
    for (std::size_t k : order) {
        const int rank = priority(k).first;
        for (std::size_t leader : leaders) {
            const double reach = scene.markers[k].radius_px + scene.markers[leader].radius_px;
            const double dx = pixel[k].x - pixel[leader].x, dy = pixel[k].y - pixel[leader].y;
            // Selected and hovered markers stay themselves.
            if (rank == 0 && dx * dx + dy * dy < reach * reach) {
                leader_of[k] = leader;
                break;
            }
        }
        if (leader_of[k] == count) {
            leader_of[k] = k;
            leaders.push_back(k);
        }
    }
    std::vector<std::size_t> size(count, 0);
    std::vector<std::vector<std::size_t>> members_of(count);
    for (std::size_t k : order) {  // leaders first, so each cluster lists its leader first
        ++size[leader_of[k]];
        members_of[leader_of[k]].push_back(scene.place_of_marker[k]);
    }
    for (std::size_t k = 0; k < count; ++k) {
        const bool other_text = passes(k);
        if (!other_text && leader_of[k] != k) continue;
        MarkerInstance marker = scene.markers[k];
        const std::size_t members = other_text ? 1 : size[k];
        if (members > 1) {
            marker.radius_px += (2.0f + 1.5f * std::sqrt(static_cast<float>(members - 1))) * state.ui_scale;
            if (state.selection.place != scene.place_of_marker[k] && state.hover.place != scene.place_of_marker[k])
                marker.fill_rgba = kClusterFill;
        }
        out.markers.push_back(marker);
        out.place_of_marker.push_back(scene.place_of_marker[k]);
        out.text_of_marker.push_back(scene.text_of_marker[k]);
        out.cluster_size.push_back(members);
        out.members.push_back(other_text ? scene.members[k] : members_of[k]);
    }
    return out;
}

FrameStyle screenFrameStyle(const AppState& state) {
    FrameStyle style = frameStyleFor(state.map, state.projection);
    for (LayerDraw& layer : style.layers) layer.style.line_width_px *= state.ui_scale;
    return style;
}

MarkerScene drawnMarkers(const AppState& state) {
    MarkerScene scene = buildMarkers(state);
    if (!state.map.cluster_markers) return scene;
    return clusterMarkers(state, scene);
}

std::optional<std::size_t> markerOfPlace(const MarkerScene& scene, std::size_t place) {
    for (std::size_t k = 0; k < scene.markers.size(); ++k)
        if (!scene.text_of_marker[k] && std::find(scene.members[k].begin(), scene.members[k].end(), place) !=
                                             scene.members[k].end())
            return k;
    return std::nullopt;
}

namespace {

// The top-most marker covering the pixel, walking from the last drawn down.
std::optional<std::size_t> markerAt(const AppState& state, const MarkerScene& scene, double x_px, double y_px,
                                    double slop_px) {
    for (std::size_t k = scene.markers.size(); k-- > 0;) {
        const geo::XY p = state.view.toPixel(scene.markers[k].position);
        const double r = scene.markers[k].radius_px + slop_px * state.ui_scale;
        if ((p.x - x_px) * (p.x - x_px) + (p.y - y_px) * (p.y - y_px) <= r * r) return k;
    }
    return std::nullopt;
}

}  // namespace

std::optional<std::size_t> pickPlace(const AppState& state, double x_px, double y_px, double slop_px) {
    const MarkerScene scene = drawnMarkers(state);
    const auto k = markerAt(state, scene, x_px, y_px, slop_px);
    if (!k || scene.text_of_marker[*k]) return std::nullopt;
    return scene.place_of_marker[*k];
}

std::optional<PickedMarker> pickMarker(const AppState& state, double x_px, double y_px, double slop_px) {
    const MarkerScene scene = drawnMarkers(state);
    const auto k = markerAt(state, scene, x_px, y_px, slop_px);
    if (!k || scene.text_of_marker[*k]) return std::nullopt;
    return PickedMarker{scene.place_of_marker[*k], scene.members[*k]};
}

std::optional<std::size_t> pickOtherText(const AppState& state, double x_px, double y_px, double slop_px) {
    const MarkerScene scene = drawnMarkers(state);
    const auto k = markerAt(state, scene, x_px, y_px, slop_px);
    if (!k) return std::nullopt;
    return scene.text_of_marker[*k];
}

}  // namespace app
