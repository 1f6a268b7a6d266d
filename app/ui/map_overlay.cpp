#include "app/ui/map_overlay.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/framing.hpp"
#include "app/scene.hpp"
#include "geo/geodesy.hpp"
#include "geo/projection.hpp"
#include "geo/world_tiles.hpp"

namespace app::ui {
namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr float kLabelGap = 4.0f;
constexpr float kTownDotRadius = 2.5f;
constexpr ImU32 kLabelText = IM_COL32(25, 25, 25, 255);
constexpr ImU32 kTownText = IM_COL32(70, 70, 80, 255);
constexpr ImU32 kLayerPointText = IM_COL32(84, 30, 104, 255);  // the added layers' purple, darker
constexpr ImU32 kLabelHalo = IM_COL32(255, 255, 255, 220);
constexpr ImU32 kSelectedLabelText = IM_COL32(120, 40, 0, 255);
// A town this close (pixels) to one of the text's markers is that place: not labelled twice.
constexpr double kTownSameAsPlacePx = 12.0;

std::vector<std::size_t> labelOrder(const AppState& state, const MarkerScene& scene) {
    const auto& places = state.doc->extraction.places;
    std::vector<std::size_t> order;
    for (std::size_t k = 0; k < scene.markers.size(); ++k)
        if (!scene.text_of_marker[k]) order.push_back(k);
    auto rank = [&](std::size_t k) {
        const std::size_t i = scene.place_of_marker[k];
        return state.selection.place == i ? 2 : state.hover.place == i ? 1 : 0;
    };
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        const std::size_t pa = scene.place_of_marker[a], pb = scene.place_of_marker[b];
        if (rank(a) != rank(b)) return rank(a) > rank(b);
        if (places[pa].mentions.size() != places[pb].mentions.size())
            return places[pa].mentions.size() > places[pb].mentions.size();
        return places[pa].place.population > places[pb].place.population;
    });
    return order;
}

void drawHaloText(ImDrawList* dl, ImFont* font, float size, ImVec2 pos, ImU32 color, const std::string& text) {
    const char* begin = text.c_str();
    const char* end = begin + text.size();
    for (const ImVec2 d : {ImVec2(-1, 0), ImVec2(1, 0), ImVec2(0, -1), ImVec2(0, 1), ImVec2(-1, -1), ImVec2(1, 1),
                           ImVec2(-1, 1), ImVec2(1, -1)})
        dl->AddText(font, size, ImVec2(pos.x + d.x, pos.y + d.y), kLabelHalo, begin, end);
    dl->AddText(font, size, pos, color, begin, end);
}

// The eight places a label of size w × h may go round a point's box m, in order of preference.
std::vector<Box> candidatePositions(const Box& m, float w, float h) {
    const float cx = m.x + m.w / 2, cy = m.y + m.h / 2;
    const float right = m.x + m.w + kLabelGap, left = m.x - kLabelGap - w;
    const float above = m.y - kLabelGap - h, below = m.y + m.h + kLabelGap;
    // Diagonal positions tuck in by a quarter of the point, where the disc is narrower.
    const float tuck = m.w / 4;
    return {
        {right, cy - h / 2, w, h},                // right
        {left, cy - h / 2, w, h},                 // left
        {cx - w / 2, above, w, h},                // above
        {cx - w / 2, below, w, h},                // below
        {right - tuck, above + tuck, w, h},       // above right
        {left + tuck, above + tuck, w, h},        // above left
        {right - tuck, below - tuck, w, h},       // below right
        {left + tuck, below - tuck, w, h},        // below left
    };
}

// Tries each position; the first one on screen that is free of every obstacle wins.
std::optional<Box> firstFree(const std::vector<Box>& candidates, const Box& screen, const std::vector<Box>& labels,
                             const std::vector<Box>& obstacles, std::optional<std::size_t> own_obstacle) {
    for (const Box& c : candidates) {
        const bool on_screen = c.x >= screen.x && c.y >= screen.y && c.x + c.w <= screen.w && c.y + c.h <= screen.h;
        if (!on_screen) continue;
        bool free = std::none_of(labels.begin(), labels.end(), [&](const Box& b) { return b.overlaps(c); });
        for (std::size_t k = 0; free && k < obstacles.size(); ++k)
            if (k != own_obstacle && obstacles[k].overlaps(c)) free = false;
        if (free) return c;
    }
    return std::nullopt;
}

std::string formatLonLat(const geo::LonLat& p) {
    char text[64];
    std::snprintf(text, sizeof text, "%.4f° %c, %.4f° %c", std::abs(p.lat), p.lat >= 0 ? 'N' : 'S', std::abs(p.lon),
                  p.lon >= 0 ? 'E' : 'W');
    return text;
}

// Points on the screen bucketed in square cells of side `cell` (a point off the screen goes to the
// nearest border cell, which keeps every point within one cell of those near it).
class PointGrid {
public:
    PointGrid(const Box& screen, float cell)
        : x0_(screen.x), y0_(screen.y), cell_(std::max(cell, 1.0f)),
          columns_(std::max(1, int(std::ceil((screen.w - screen.x) / cell_)))),
          rows_(std::max(1, int(std::ceil((screen.h - screen.y) / cell_)))),
          cells_(std::size_t(columns_) * std::size_t(rows_)) {}

    void add(const geo::XY& p) { cells_[std::size_t(rowOf(p.y)) * columns_ + columnOf(p.x)].push_back(p); }

    // Whether a point lies within `radius` (at most the cell side) of p.
    bool anyWithin(const geo::XY& p, double radius) const {
        const int c = columnOf(p.x), r = rowOf(p.y);
        for (int row = std::max(0, r - 1); row <= std::min(rows_ - 1, r + 1); ++row)
            for (int column = std::max(0, c - 1); column <= std::min(columns_ - 1, c + 1); ++column)
                for (const geo::XY& q : cells_[std::size_t(row) * columns_ + column])
                    if ((q.x - p.x) * (q.x - p.x) + (q.y - p.y) * (q.y - p.y) < radius * radius) return true;
        return false;
    }

private:
    int columnOf(double x) const { return std::clamp(int(std::floor((x - x0_) / cell_)), 0, columns_ - 1); }
    int rowOf(double y) const { return std::clamp(int(std::floor((y - y0_) / cell_)), 0, rows_ - 1); }
    double x0_, y0_;
    float cell_;
    int columns_, rows_;
    std::vector<std::vector<geo::XY>> cells_;
};

}  // namespace

long long townPopulationThreshold(double zoom) {
    if (zoom < 4.0) return 5'000'000;
    if (zoom < 5.0) return 1'000'000;
    if (zoom < 6.0) return 300'000;
    if (zoom < 7.0) return 100'000;
    if (zoom < 8.0) return 30'000;
    if (zoom < 9.0) return 10'000;
    return 0;
}

long long townFillPopulationFloor(double zoom) { return townPopulationThreshold(zoom) / 10; }

std::vector<PlacedLabel> placeLabels(const AppState& state, const MeasureText& text_size,
                                     const std::vector<geo::Town>* towns, const std::vector<Box>& reserved) {
    std::vector<PlacedLabel> placed;
    std::vector<Box> label_boxes = reserved;  // taken already
    const MarkerScene scene = drawnMarkers(state);
    // Every marker (other texts' too) is an obstacle; a label may touch only its own marker.
    std::vector<Box> obstacles;
    for (std::size_t k = 0; k < scene.markers.size(); ++k) {
        const geo::XY p = state.view.toPixel(scene.markers[k].position);
        const float r = scene.markers[k].radius_px;
        obstacles.push_back(Box{float(p.x) - r, float(p.y) - r, 2 * r, 2 * r});
    }
    // Labels go where the map is seen (x, y: its top-left corner; w, h: its bottom-right corner).
    const MapArea area = visibleMapArea(state);
    const Box screen{float(area.x0), float(area.y0), float(area.x1), float(area.y1)};
    if (state.doc) {
        for (std::size_t k : labelOrder(state, scene)) {
            const std::size_t place = scene.place_of_marker[k];
            std::string text = state.doc->extraction.places[place].place.name;
            if (scene.cluster_size[k] > 1) text += " +" + std::to_string(scene.cluster_size[k] - 1);
            const auto [w, h] = text_size(text);
            if (const auto box = firstFree(candidatePositions(obstacles[k], w, h), screen, label_boxes, obstacles, k)) {
                placed.push_back(PlacedLabel{text, place, false, *box});
                label_boxes.push_back(*box);
            }
        }
    }
    // The named points of the layers the reader added (their discs are the renderer's).
    for (std::size_t l = 0; l < state.map.layers.size(); ++l) {
        const LayerSettings& layer = state.map.layers[l];
        if (!layer.visible || !layer.labelled_points || state.view.zoom() < layer.min_zoom) continue;
        const float r = (2.0f + layer.style.line_width_px) * float(state.ui_scale);
        std::size_t tried = 0;
        const auto& features = layer.labelled_points->features;
        for (std::size_t f = 0; f < features.size() && tried < kMaxLayerPointLabels; ++f) {
            if (features[f].name.empty() || features[f].parts.empty() || features[f].parts.front().empty()) continue;
            const geo::LonLat& at = features[f].parts.front().front();
            const std::optional<geo::XY> xy = state.projection.forward(at.lon, at.lat);
            if (!xy) continue;
            const geo::XY p = state.view.toPixel(nearestWorldCopy(state, *xy));
            if (p.x < screen.x || p.y < screen.y || p.x > screen.w || p.y > screen.h) continue;
            ++tried;
            const Box dot{float(p.x) - r, float(p.y) - r, 2 * r, 2 * r};
            const auto [w, h] = text_size(features[f].name);
            if (const auto box = firstFree(candidatePositions(dot, w, h), screen, label_boxes, obstacles, std::nullopt)) {
                PlacedLabel label{features[f].name, f, false, *box};
                label.layer_point = true;
                label.layer = l;
                placed.push_back(std::move(label));
                label_boxes.push_back(*box);
                obstacles.push_back(dot);
            }
        }
    }
    if (towns == nullptr || !state.map.show_towns) return placed;
    const double zoom = state.view.zoom();
    const long long threshold = townPopulationThreshold(zoom);
    // The world's towns are many: only those in the view's lon/lat box are projected.
    const geo::LonLatBox in_view = geo::visibleBox(state.view, state.projection);
    const auto maybe_in_view = [&](const geo::LonLat& p) {
        if (p.lat < in_view.south || p.lat > in_view.north) return false;
        return in_view.west <= in_view.east ? (p.lon >= in_view.west && p.lon <= in_view.east)
                                            : (p.lon >= in_view.west || p.lon <= in_view.east);
    };
    const long long fill_floor = townFillPopulationFloor(zoom);
    // A label's height in pixels sets the spacing of the towns that fill empty land.
    const float fill_radius = kTownFillSpacingInLabelHeights * text_size("Ag").second;
    // Markers and dots already drawn (obstacles) are the points a filling town keeps away from,
    // kept in a grid of cells as wide as the spacing so a check reads nine cells, not every point.
    PointGrid drawn_points(screen, fill_radius);
    for (const Box& b : obstacles) drawn_points.add(geo::XY{b.x + b.w / 2.0, b.y + b.h / 2.0});
    for (std::size_t t = 0; t < towns->size(); ++t) {
        const geo::Town& town = (*towns)[t];
        if (town.population < fill_floor) break;  // most populous first
        if (!maybe_in_view(town.position)) continue;
        const std::optional<geo::XY> xy = state.projection.forward(town.position.lon, town.position.lat);
        if (!xy) continue;
        const geo::XY p = state.view.toPixel(nearestWorldCopy(state, *xy));
        if (p.x < screen.x || p.y < screen.y || p.x > screen.w || p.y > screen.h) continue;
        // Below the zoom's threshold a town is labelled only where the map would otherwise be empty.
        if (town.population < threshold && drawn_points.anyWithin(p, fill_radius)) continue;
        const bool is_text_place = std::any_of(obstacles.begin(), obstacles.end(), [&](const Box& m) {
            return std::hypot(m.x + m.w / 2 - p.x, m.y + m.h / 2 - p.y) < kTownSameAsPlacePx + m.w / 2;
        });
        if (is_text_place) continue;
        const Box dot{float(p.x) - kTownDotRadius, float(p.y) - kTownDotRadius, 2 * kTownDotRadius, 2 * kTownDotRadius};
        // The dot itself must not sit on a label or marker either.
        const bool dot_free = std::none_of(label_boxes.begin(), label_boxes.end(), [&](const Box& b) { return b.overlaps(dot); }) &&
                              std::none_of(obstacles.begin(), obstacles.end(), [&](const Box& b) { return b.overlaps(dot); });
        if (!dot_free) continue;
        const auto [w, h] = text_size(town.name);
        if (const auto box = firstFree(candidatePositions(dot, w, h), screen, label_boxes, obstacles, std::nullopt)) {
            placed.push_back(PlacedLabel{town.name, t, true, *box});
            label_boxes.push_back(*box);
            obstacles.push_back(dot);
            drawn_points.add(p);
        }
    }
    return placed;
}

double niceScaleLength(double max_metres) {
    if (!(max_metres > 0)) return 0.0;
    const double power = std::pow(10.0, std::floor(std::log10(max_metres)));
    for (double step : {5.0, 2.0, 1.0})
        if (step * power <= max_metres) return step * power;
    return power;
}

double groundMetresPerPixel(const geo::Viewport& view) {
    // Measure 100 px along the parallel through the view centre, on the ellipsoid.
    const geo::Projection mercator = geo::Projection::webMercator();
    const geo::XY c = view.center();
    const double half = 50.0 * view.metresPerPixel();
    const double limit = geo::kWebMercatorHalfWorld;
    const geo::LonLat a = mercator.inverse(geo::XY{std::max(-limit, c.x - half), c.y});
    const geo::LonLat b = mercator.inverse(geo::XY{std::min(limit, c.x + half), c.y});
    const double pixels = (std::min(limit, c.x + half) - std::max(-limit, c.x - half)) / view.metresPerPixel();
    return geo::geodesicDistanceMeters(a, b) / pixels;
}

std::optional<double> groundMetresPerPixel(const geo::Viewport& view, const geo::MapProjection& projection) {
    if (projection.isWebMercator()) return groundMetresPerPixel(view);
    const double cx = view.width() / 2.0, cy = view.height() / 2.0;
    // 100 px across the centre; closer in if the globe's rim is nearer than that.
    for (double half : {50.0, 10.0, 2.0}) {
        const auto a = projection.inverse(view.toMercator(geo::XY{cx - half, cy}));
        const auto b = projection.inverse(view.toMercator(geo::XY{cx + half, cy}));
        if (a && b && projection.shows(a->lon, a->lat) && projection.shows(b->lon, b->lat)) {
            return geo::geodesicDistanceMeters(*a, *b) / (2.0 * half);
        }
    }
    return std::nullopt;
}

std::optional<double> northDirectionDeg(const geo::Viewport& view, const geo::MapProjection& projection, double x_px,
                                        double y_px) {
    const auto here = projection.inverse(view.toMercator(geo::XY{x_px, y_px}));
    if (!here || !projection.shows(here->lon, here->lat)) return std::nullopt;
    // A step of about 20 px towards the pole along the meridian; backwards next to the north pole.
    const double step_deg = std::clamp(20.0 * view.metresPerPixel() / 111000.0, 1e-6, 1.0);
    const double sign = here->lat + step_deg <= 90.0 ? 1.0 : -1.0;
    const auto a = projection.forward(here->lon, here->lat);
    const auto b = projection.forward(here->lon, here->lat + sign * step_deg);
    if (!a || !b) return std::nullopt;
    const geo::XY pa = view.toPixel(*a), pb = view.toPixel(*b);
    const double dx = (pb.x - pa.x) * sign, dy = (pb.y - pa.y) * sign;
    if (std::hypot(dx, dy) < 1e-9) return std::nullopt;
    // Screen y grows downwards: "up" is (0, -1).
    return std::atan2(dx, -dy) * 180.0 / kPi;
}

OverlayLayout drawMapOverlay(ImDrawList* dl, ImFont* font, float font_size, const AppState& state,
                             const OverlayOptions& options) {
    OverlayLayout layout;
    auto measure = [&](const std::string& text) {
        const ImVec2 s = font->CalcTextSizeA(font_size, 1e9f, 0.0f, text.c_str(), text.c_str() + text.size());
        return std::pair<float, float>{s.x, s.y};
    };

    // The selected place's outline (a country, a province) or course (a river), under the labels.
    if (const ProjectedShape* shape = selectedShape(state)) {
        const ImU32 colour = shape->area ? IM_COL32(200, 70, 0, 235) : IM_COL32(20, 90, 210, 240);
        const float width = shape->area ? 2.0f : 3.0f;
        std::vector<ImVec2> pixels;
        for (const auto& part : shape->parts) {
            pixels.clear();
            float min_x = 1e30f, max_x = -1e30f, min_y = 1e30f, max_y = -1e30f;
            for (const geo::XY& xy : part) {
                const geo::XY p = state.view.toPixel(xy);
                // Points closer than half a pixel add nothing (a country's 10m outline at zoom 4).
                if (!pixels.empty() && std::abs(float(p.x) - pixels.back().x) < 0.5f &&
                    std::abs(float(p.y) - pixels.back().y) < 0.5f)
                    continue;
                pixels.emplace_back(float(p.x), float(p.y));
                min_x = std::min(min_x, float(p.x)), max_x = std::max(max_x, float(p.x));
                min_y = std::min(min_y, float(p.y)), max_y = std::max(max_y, float(p.y));
            }
            const bool off_screen = max_x < 0 || max_y < 0 || min_x > float(state.view.width()) ||
                                    min_y > float(state.view.height());
            if (pixels.size() < 2 || off_screen) continue;
            dl->AddPolyline(pixels.data(), int(pixels.size()), IM_COL32(255, 255, 255, 200), 0, width + 2.5f);
            dl->AddPolyline(pixels.data(), int(pixels.size()), colour, 0, width);
        }
    }

    // Counts on the active text's markers: mentions, or places for a cluster.
    const MarkerScene scene = drawnMarkers(state);
    const float count_size = std::max(9.0f, font_size * 0.72f);
    for (std::size_t k = 0; k < scene.markers.size(); ++k) {
        if (scene.text_of_marker[k] || !state.doc) continue;
        const geo::XY p = state.view.toPixel(scene.markers[k].position);
        const float r = scene.markers[k].radius_px;
        const std::size_t place = scene.place_of_marker[k];
        PlacedMarker marker;
        marker.place = state.doc->extraction.places[place].place.name;
        marker.place_index = place;
        marker.cluster_size = scene.cluster_size[k];
        marker.mentions = state.doc->extraction.places[place].mentions.size();
        marker.box = Box{float(p.x) - r, float(p.y) - r, 2 * r, 2 * r};
        layout.markers.push_back(marker);
        const std::string count = std::to_string(marker.cluster_size > 1 ? marker.cluster_size : marker.mentions);
        const ImVec2 s = font->CalcTextSizeA(count_size, 1e9f, 0.0f, count.c_str());
        if (s.x > 2 * r - 2 || s.y > 2 * r + 2) continue;  // too small a disc for its number
        const bool selected = state.selection.place == place;
        dl->AddText(font, count_size, ImVec2(float(p.x) - s.x / 2, float(p.y) - s.y / 2),
                    selected ? IM_COL32(30, 30, 30, 255) : IM_COL32(255, 255, 255, 255), count.c_str());
    }

    const MapArea area = visibleMapArea(state);
    const float width = float(area.x1);
    const float height = std::min(float(area.y1), float(state.view.height()) - options.bottom_inset_px);
    const float left = std::max(float(area.x0), options.left_inset_px);
    // Attribution: bottom-right, small; the sources wrap onto more lines when the map is narrow.
    const float small = std::max(10.0f, font_size * 0.75f);
    auto text_width = [&](const std::string& t) { return font->CalcTextSizeA(small, 1e9f, 0.0f, t.c_str()).x; };
    std::vector<std::string> lines;
    if (options.furniture) {
        const float max_width = std::max(80.0f, width - left - 12.0f);
        for (const auto& source : options.attribution) {
            if (!lines.empty() && text_width(lines.back() + " · " + source) <= max_width) lines.back() += " · " + source;
            else lines.push_back(source);
        }
    }
    const float line_h = font->CalcTextSizeA(small, 1e9f, 0.0f, "Ag").y;
    float widest = 0;
    for (const auto& line : lines) widest = std::max(widest, text_width(line));
    const float attribution_top = lines.empty() ? height : height - line_h * float(lines.size()) - 3;
    const float attribution_left = width - widest - 10;

    // Scale bar: bottom-left of the visible map, at most 160 px long; above the attribution where
    // that reaches across to it.
    const std::optional<double> mpp = groundMetresPerPixel(state.view, state.projection);
    const double metres = mpp ? niceScaleLength(160.0 * *mpp) : 0.0;
    const float x0 = left + 16.0f;
    float y0 = height - 24.0f;
    // (Not in a picture so small that the sources fill a sixth of it: the bar would cover the map.)
    const bool attribution_low = height - attribution_top <= (height - float(area.y0)) / 6.0f;
    if (metres > 0 && !lines.empty() && attribution_low && attribution_left < x0 + float(metres / *mpp) + 12.0f)
        y0 = std::min(y0, attribution_top - 2.0f - 14.0f);
    // Where the furniture goes, worked out first so that labels keep clear of it.
    std::vector<Box> reserved = options.reserved;
    if (!lines.empty()) {
        layout.attribution = Box{attribution_left, attribution_top - 2, width - attribution_left, height - attribution_top + 2};
        reserved.push_back(layout.attribution);
    }
    if (metres > 0 && options.furniture) {
        const float bar_px = float(metres / *mpp);
        layout.scale_bar_area = Box{x0 - 6, y0 - font_size - 8, bar_px + 12, font_size + 18};
        reserved.push_back(layout.scale_bar_area);
    }
    const ImVec2 north_centre(width - 34.0f, float(area.y0) + 34.0f);
    constexpr float kNorthArrowRadius = 18.0f;
    const bool north_arrow = state.map.show_north_arrow && options.furniture;
    if (north_arrow) {
        const float r = kNorthArrowRadius + 4 + font_size * 0.8f;  // the disc and the "N" beside it
        layout.north_arrow = Box{north_centre.x - r, north_centre.y - r, 2 * r, 2 * r};
        reserved.push_back(layout.north_arrow);
    }

    // The text's places outside the picture: their names and arrows at its edge (drawn last, on
    // top of everything) are kept clear too.
    layout.edge_indicators = layoutEdgeIndicators(state, measure);
    if (options.edge_indicators) {
        for (const EdgeIndicator& e : layout.edge_indicators) {
            const float x0 = std::min(e.x, float(e.tip_x)), y0 = std::min(e.y, float(e.tip_y));
            const float x1 = std::max(e.x + e.w, float(e.tip_x)), y1 = std::max(e.y + e.h, float(e.tip_y));
            reserved.push_back(Box{x0, y0, x1 - x0, y1 - y0});
        }
    }

    layout.labels = placeLabels(state, measure, options.towns, reserved);
    const float town_size = std::max(9.0f, font_size * 0.85f);
    for (const auto& label : layout.labels) {
        if (label.town) {
            const geo::Town& town = (*options.towns)[label.place];
            if (const auto xy = state.projection.forward(town.position.lon, town.position.lat)) {
                const geo::XY p = state.view.toPixel(nearestWorldCopy(state, *xy));
                dl->AddCircleFilled(ImVec2(float(p.x), float(p.y)), kTownDotRadius + 1.0f, IM_COL32(255, 255, 255, 220));
                dl->AddCircleFilled(ImVec2(float(p.x), float(p.y)), kTownDotRadius, IM_COL32(60, 60, 70, 255));
            }
            // Drawn a little smaller than measured, centred in its box.
            const ImVec2 s = font->CalcTextSizeA(town_size, 1e9f, 0.0f, label.text.c_str());
            drawHaloText(dl, font, town_size,
                         ImVec2(label.box.x + (label.box.w - s.x) / 2, label.box.y + (label.box.h - s.y) / 2), kTownText,
                         label.text);
            continue;
        }
        if (label.layer_point) {
            const ImVec2 s = font->CalcTextSizeA(town_size, 1e9f, 0.0f, label.text.c_str());
            drawHaloText(dl, font, town_size,
                         ImVec2(label.box.x + (label.box.w - s.x) / 2, label.box.y + (label.box.h - s.y) / 2),
                         kLayerPointText, label.text);
            continue;
        }
        drawHaloText(dl, font, font_size, ImVec2(label.box.x, label.box.y),
                     state.selection.place == label.place ? kSelectedLabelText : kLabelText, label.text);
    }

    // The place found with "Go to a place": a pin with its name.
    if (state.found) {
        const geo::LonLat& at = state.found->place.position;
        if (const auto xy = state.projection.forward(at.lon, at.lat)) {
            const geo::XY p = state.view.toPixel(nearestWorldCopy(state, *xy));
            const ImVec2 tip(float(p.x), float(p.y)), head(float(p.x), float(p.y) - 14.0f);
            dl->AddTriangleFilled(tip, ImVec2(head.x - 5.0f, head.y + 2.0f), ImVec2(head.x + 5.0f, head.y + 2.0f),
                                  IM_COL32(30, 80, 160, 255));
            dl->AddCircleFilled(head, 7.0f, IM_COL32(30, 80, 160, 255));
            dl->AddCircleFilled(head, 3.0f, IM_COL32(255, 255, 255, 255));
            drawHaloText(dl, font, font_size, ImVec2(head.x + 10.0f, head.y - font_size / 2), IM_COL32(20, 50, 110, 255),
                         state.found->place.name);
        }
    }

    if (metres > 0 && options.furniture) {
        const float bar_px = float(metres / *mpp);
        char text[64];
        if (metres >= 1000) std::snprintf(text, sizeof text, "%g km", metres / 1000.0);
        else std::snprintf(text, sizeof text, "%g m", metres);
        dl->AddRectFilled(ImVec2(x0 - 6, y0 - font_size - 8), ImVec2(x0 + bar_px + 6, y0 + 10),
                          IM_COL32(255, 255, 255, 190), 3.0f);
        dl->AddRectFilled(ImVec2(x0, y0), ImVec2(x0 + bar_px, y0 + 5), IM_COL32(30, 30, 30, 255));
        dl->AddRectFilled(ImVec2(x0 + bar_px / 2, y0 + 1), ImVec2(x0 + bar_px - 1, y0 + 4), IM_COL32(255, 255, 255, 255));
        dl->AddText(font, font_size, ImVec2(x0, y0 - font_size - 3), kLabelText, text);
        layout.scale_bar = Box{x0, y0, bar_px, 5};
        layout.scale_bar_metres = metres;
    }

    // Cursor coordinates, above the scale bar.
    if (options.cursor_px) {
        if (const auto at = lonLatAtPixel(state, options.cursor_px->x, options.cursor_px->y)) {
            const std::string text = formatLonLat(*at);
            const ImVec2 s = font->CalcTextSizeA(font_size, 1e9f, 0.0f, text.c_str());
            const ImVec2 pos(x0 - 2, y0 - 2 * font_size - 20);
            dl->AddRectFilled(ImVec2(pos.x - 4, pos.y - 2), ImVec2(pos.x + s.x + 4, pos.y + s.y + 2),
                              IM_COL32(255, 255, 255, 190), 3.0f);
            dl->AddText(font, font_size, pos, kLabelText, text.c_str());
        }
    }

    // North arrow: top right, pointing to true north at the view centre.
    if (north_arrow) {
        layout.north_deg = northDirectionDeg(state.view, state.projection, state.view.width() / 2.0,
                                             state.view.height() / 2.0);
        if (layout.north_deg) {
            const float radius = kNorthArrowRadius;
            const ImVec2 c = north_centre;
            const float a = float(*layout.north_deg * kPi / 180.0);
            const ImVec2 up(std::sin(a), -std::cos(a));
            const ImVec2 side(-up.y, up.x);
            dl->AddCircleFilled(c, radius + 4, IM_COL32(255, 255, 255, 190));
            const ImVec2 tip(c.x + up.x * radius, c.y + up.y * radius);
            const ImVec2 tail(c.x - up.x * radius * 0.7f, c.y - up.y * radius * 0.7f);
            const ImVec2 l(c.x + side.x * 6, c.y + side.y * 6), r(c.x - side.x * 6, c.y - side.y * 6);
            dl->AddTriangleFilled(tip, l, r, IM_COL32(40, 40, 40, 255));
            dl->AddTriangleFilled(tail, r, l, IM_COL32(150, 150, 150, 255));
            const ImVec2 s = font->CalcTextSizeA(font_size * 0.8f, 1e9f, 0.0f, "N");
            dl->AddText(font, font_size * 0.8f,
                        ImVec2(c.x + up.x * (radius + 10) - s.x / 2, c.y + up.y * (radius + 10) - s.y / 2), kLabelText,
                        "N");
        }
    }

    if (!lines.empty()) {
        dl->AddRectFilled(ImVec2(attribution_left, attribution_top - 2), ImVec2(width, height), IM_COL32(255, 255, 255, 170));
        for (std::size_t i = 0; i < lines.size(); ++i)
            dl->AddText(font, small, ImVec2(width - text_width(lines[i]) - 6, attribution_top + line_h * float(i)),
                        IM_COL32(40, 40, 40, 255), lines[i].c_str());
    }

    // The text's places outside the picture, on top of everything.
    if (options.edge_indicators) drawEdgeIndicators(dl, font, font_size, layout.edge_indicators);
    return layout;
}

}  // namespace app::ui
