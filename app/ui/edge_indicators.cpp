#include "app/ui/edge_indicators.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/framing.hpp"
#include "app/scene.hpp"
#include "geo/geodesy.hpp"

namespace app::ui {
namespace {

constexpr double kEdgeInsetPx = 4.0;   // the arrow's tip stays this far inside the visible area
constexpr double kArrowPx = 11.0;      // from the tip to the label
constexpr float kPaddingPx = 5.0f;     // round the label's text
// A marker this far inside the area's edge counts as seen.
constexpr double kSeenInsidePx = 2.0;

// "8.5 km", "355 km", "11,710 km": three figures at most, thousands grouped.
std::string shortDistance(double metres) {
    const double km = metres / 1000.0;
    char text[32];
    if (km < 10.0) {
        std::snprintf(text, sizeof text, "%.1f km", km);
        return text;
    }
    const double step = km < 1000.0 ? 1.0 : 10.0;
    const long long rounded = (long long)(std::llround(km / step) * step);
    std::string digits = std::to_string(rounded);
    for (int at = int(digits.size()) - 3; at > 0; at -= 3) digits.insert(std::size_t(at), ",");
    return digits + " km";
}

bool overlaps(const EdgeIndicator& a, const EdgeIndicator& b) {
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

}  // namespace

std::vector<EdgeIndicator> layoutEdgeIndicators(
    const AppState& state, const std::function<std::pair<float, float>(const std::string&)>& text_size) {
    std::vector<EdgeIndicator> placed;
    if (!state.doc) return placed;
    const MapArea area = visibleMapArea(state);
    if (area.width() < 120 || area.height() < 80) return placed;
    const double scale = std::isfinite(state.ui_scale) && state.ui_scale > 0 ? state.ui_scale : 1.0;
    const double cx = area.centreX(), cy = area.centreY();
    const std::optional<geo::LonLat> centre = lonLatAtPixel(state, cx, cy);
    if (!centre) return placed;

    // The active text's drawn markers outside the area (a cluster's leader stands for its members).
    const MarkerScene scene = drawnMarkers(state);
    const auto& places = state.doc->extraction.places;
    struct Outside {
        std::size_t place;
        geo::XY pixel;
        std::size_t weight;
    };
    std::vector<Outside> outside;
    std::vector<EdgeIndicator> seen_markers;  // their boxes: an indicator does not cover a marker in view
    for (std::size_t k = 0; k < scene.markers.size(); ++k) {
        const geo::XY p = state.view.toPixel(scene.markers[k].position);
        if (p.x >= area.x0 + kSeenInsidePx && p.x <= area.x1 - kSeenInsidePx && p.y >= area.y0 + kSeenInsidePx &&
            p.y <= area.y1 - kSeenInsidePx) {
            const float r = scene.markers[k].radius_px;
            EdgeIndicator box;
            box.x = float(p.x) - r;
            box.y = float(p.y) - r;
            box.w = box.h = 2 * r;
            seen_markers.push_back(box);
            continue;
        }
        if (scene.text_of_marker[k]) continue;
        const std::size_t place = scene.place_of_marker[k];
        outside.push_back(Outside{place, p, places[place].mentions.size() + places[place].passages.size()});
    }
    std::stable_sort(outside.begin(), outside.end(), [](const Outside& a, const Outside& b) { return a.weight > b.weight; });

    const double inset = kEdgeInsetPx * scale;
    const double x0 = area.x0 + inset, x1 = area.x1 - inset, y0 = area.y0 + inset, y1 = area.y1 - inset;
    for (const Outside& o : outside) {
        if (placed.size() >= kMaxEdgeIndicators) break;
        // A country or province the reader is looking at part of, or a river whose course crosses
        // the view, is not pointed to.
        if (areaCovers(state, o.place, *centre) || courseCrossesView(state, o.place)) continue;
        double dx = o.pixel.x - cx, dy = o.pixel.y - cy;
        const double length = std::hypot(dx, dy);
        if (!(length > 0) || !std::isfinite(length)) continue;
        dx /= length;
        dy /= length;
        // Where the ray from the centre leaves the (inset) area.
        double t = INFINITY;
        if (dx > 0) t = std::min(t, (x1 - cx) / dx);
        if (dx < 0) t = std::min(t, (x0 - cx) / dx);
        if (dy > 0) t = std::min(t, (y1 - cy) / dy);
        if (dy < 0) t = std::min(t, (y0 - cy) / dy);
        if (!std::isfinite(t)) continue;
        EdgeIndicator indicator;
        indicator.place = o.place;
        indicator.dir_x = dx;
        indicator.dir_y = dy;
        indicator.tip_x = cx + dx * t;
        indicator.tip_y = cy + dy * t;
        indicator.label = places[o.place].place.name + " · " +
                          shortDistance(geo::geodesicDistanceMeters(*centre, places[o.place].place.position));
        const auto [text_w, text_h] = text_size(indicator.label);
        indicator.w = text_w + 2 * kPaddingPx * float(scale);
        indicator.h = text_h + 2 * kPaddingPx * float(scale) * 0.6f;
        // The label lies against the edge the arrow points through, just inside the arrow.
        const double arrow = kArrowPx * scale;
        double bx = indicator.tip_x - indicator.w / 2, by = indicator.tip_y - indicator.h / 2;
        if (indicator.tip_x <= x0 + 0.5) bx = x0 + arrow;
        else if (indicator.tip_x >= x1 - 0.5) bx = x1 - arrow - indicator.w;
        if (indicator.tip_y <= y0 + 0.5) by = y0 + arrow;
        else if (indicator.tip_y >= y1 - 0.5) by = y1 - arrow - indicator.h;
        // Slid along its edge if it would cover a marker in view or another indicator.
        const bool side_edge = indicator.tip_x <= x0 + 0.5 || indicator.tip_x >= x1 - 0.5;
        const double step_x = side_edge ? 0.0 : indicator.w / 2 + 2, step_y = side_edge ? indicator.h + 2 : 0.0;
        bool free = false;
        for (const int k : {0, 1, -1, 2, -2, 3, -3}) {
            indicator.x = float(std::clamp(bx + k * step_x, x0, std::max(x0, x1 - indicator.w)));
            indicator.y = float(std::clamp(by + k * step_y, y0, std::max(y0, y1 - indicator.h)));
            const auto covers = [&](const EdgeIndicator& other) { return overlaps(other, indicator); };
            free = std::none_of(placed.begin(), placed.end(), covers) &&
                   std::none_of(seen_markers.begin(), seen_markers.end(), covers);
            if (free) break;
        }
        if (!free) continue;
        placed.push_back(std::move(indicator));
    }
    return placed;
}

std::optional<std::size_t> indicatorAt(const std::vector<EdgeIndicator>& indicators, double x, double y) {
    for (std::size_t i = indicators.size(); i-- > 0;) {
        const EdgeIndicator& e = indicators[i];
        const bool on_label = x >= e.x && x <= e.x + e.w && y >= e.y && y <= e.y + e.h;
        const bool on_arrow = std::hypot(x - e.tip_x, y - e.tip_y) <= kArrowPx;
        if (on_label || on_arrow) return i;
    }
    return std::nullopt;
}

void drawEdgeIndicators(ImDrawList* dl, ImFont* font, float font_size, const std::vector<EdgeIndicator>& indicators) {
    const ImU32 fill = IM_COL32(255, 255, 255, 225), ink = IM_COL32(35, 35, 40, 255), accent = IM_COL32(158, 26, 26, 255);
    for (const EdgeIndicator& e : indicators) {
        // The arrow: from the label's near side to the tip.
        const ImVec2 tip(float(e.tip_x), float(e.tip_y));
        const ImVec2 dir(float(e.dir_x), float(e.dir_y)), side(-float(e.dir_y), float(e.dir_x));
        const float length = float(kArrowPx), half = 5.0f;
        const ImVec2 base(tip.x - dir.x * length, tip.y - dir.y * length);
        dl->AddTriangleFilled(tip, ImVec2(base.x + side.x * half, base.y + side.y * half),
                              ImVec2(base.x - side.x * half, base.y - side.y * half), accent);
        dl->AddRectFilled(ImVec2(e.x, e.y), ImVec2(e.x + e.w, e.y + e.h), fill, 4.0f);
        dl->AddRect(ImVec2(e.x, e.y), ImVec2(e.x + e.w, e.y + e.h), accent, 4.0f, 0, 1.0f);
        const ImVec2 text = font->CalcTextSizeA(font_size, 1e9f, 0.0f, e.label.c_str());
        dl->AddText(font, font_size, ImVec2(e.x + (e.w - text.x) / 2, e.y + (e.h - text.y) / 2), ink, e.label.c_str());
    }
}

}  // namespace app::ui
