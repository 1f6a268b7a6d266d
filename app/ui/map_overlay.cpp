#include "app/ui/map_overlay.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/scene.hpp"
#include "geo/geodesy.hpp"
#include "geo/projection.hpp"

namespace app::ui {
namespace {

constexpr float kLabelGap = 4.0f;
constexpr ImU32 kLabelText = IM_COL32(25, 25, 25, 255);
constexpr ImU32 kLabelHalo = IM_COL32(255, 255, 255, 220);
constexpr ImU32 kSelectedLabelText = IM_COL32(120, 40, 0, 255);

std::vector<std::size_t> labelOrder(const AppState& state) {
    const auto& places = state.doc->extraction.places;
    std::vector<std::size_t> order(places.size());
    for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
    auto rank = [&](std::size_t i) { return state.selection.place == i ? 2 : state.hover.place == i ? 1 : 0; };
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
        if (rank(a) != rank(b)) return rank(a) > rank(b);
        if (places[a].mentions.size() != places[b].mentions.size())
            return places[a].mentions.size() > places[b].mentions.size();
        return places[a].place.population > places[b].place.population;
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

}  // namespace

std::vector<PlacedLabel> placeLabels(const AppState& state, const MeasureText& text_size) {
    std::vector<PlacedLabel> placed;
    if (!state.doc) return placed;
    const MarkerScene scene = buildMarkers(state);
    std::vector<Box> marker_boxes;
    std::vector<std::size_t> marker_place;
    for (std::size_t k = 0; k < scene.markers.size(); ++k) {
        if (scene.text_of_marker[k]) continue;  // other texts' places are not labelled
        const geo::XY p = state.view.toPixel(scene.markers[k].mercator);
        const float r = scene.markers[k].radius_px;
        marker_boxes.push_back(Box{float(p.x) - r, float(p.y) - r, 2 * r, 2 * r});
        marker_place.push_back(scene.place_of_marker[k]);
    }
    const Box screen{0, 0, float(state.view.width()), float(state.view.height())};
    for (std::size_t place : labelOrder(state)) {
        const auto it = std::find(marker_place.begin(), marker_place.end(), place);
        const Box& m = marker_boxes[it - marker_place.begin()];
        const std::string& text = state.doc->extraction.places[place].place.name;
        const auto [w, h] = text_size(text);
        const float cx = m.x + m.w / 2, cy = m.y + m.h / 2;
        const Box candidates[] = {
            {m.x + m.w + kLabelGap, cy - h / 2, w, h},  // right
            {m.x - kLabelGap - w, cy - h / 2, w, h},    // left
            {cx - w / 2, m.y - kLabelGap - h, w, h},    // above
            {cx - w / 2, m.y + m.h + kLabelGap, w, h},  // below
        };
        for (const Box& c : candidates) {
            const bool on_screen = c.x >= screen.x && c.y >= screen.y && c.x + c.w <= screen.w && c.y + c.h <= screen.h;
            if (!on_screen) continue;
            bool free = std::none_of(placed.begin(), placed.end(), [&](const PlacedLabel& l) { return l.box.overlaps(c); });
            for (std::size_t k = 0; free && k < marker_boxes.size(); ++k)
                if (marker_place[k] != place && marker_boxes[k].overlaps(c)) free = false;
            if (free) {
                placed.push_back(PlacedLabel{text, place, c});
                break;
            }
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

OverlayLayout drawMapOverlay(ImDrawList* dl, ImFont* font, float font_size, const AppState& state,
                             const OverlayOptions& options) {
    OverlayLayout layout;
    auto measure = [&](const std::string& text) {
        const ImVec2 s = font->CalcTextSizeA(font_size, 1e9f, 0.0f, text.c_str(), text.c_str() + text.size());
        return std::pair<float, float>{s.x, s.y};
    };
    layout.labels = placeLabels(state, measure);
    for (const auto& label : layout.labels)
        drawHaloText(dl, font, font_size, ImVec2(label.box.x, label.box.y),
                     state.selection.place == label.place ? kSelectedLabelText : kLabelText, label.text);

    const float width = float(state.view.width()), height = float(state.view.height()) - options.bottom_inset_px;
    // Scale bar: bottom-left of the visible map, at most 160 px long.
    const double mpp = groundMetresPerPixel(state.view);
    const double metres = niceScaleLength(160.0 * mpp);
    if (metres > 0) {
        const float bar_px = float(metres / mpp);
        const float x0 = options.left_inset_px + 16.0f, y0 = height - 24.0f;
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

    // Attribution: bottom-right, small.
    std::string attribution;
    for (const auto& line : options.attribution) attribution += (attribution.empty() ? "" : " · ") + line;
    if (!attribution.empty()) {
        const float small = std::max(10.0f, font_size * 0.75f);
        const ImVec2 s = font->CalcTextSizeA(small, 1e9f, 0.0f, attribution.c_str());
        const ImVec2 pos(std::max(options.left_inset_px, width - s.x - 6), height - s.y - 3);
        dl->AddRectFilled(ImVec2(pos.x - 4, pos.y - 2), ImVec2(width, height), IM_COL32(255, 255, 255, 170));
        dl->AddText(font, small, pos, IM_COL32(40, 40, 40, 255), attribution.c_str());
    }
    return layout;
}

}  // namespace app::ui
