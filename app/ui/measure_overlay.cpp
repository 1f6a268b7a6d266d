#include "app/ui/measure_overlay.hpp"

#include <imgui.h>

#include <cmath>
#include <cstdio>

#include "app/actions.hpp"
#include "app/scene.hpp"
#include "geo/geodesy.hpp"

namespace app::ui {

constexpr double kMetresPerMile = 1609.344;

std::vector<geo::LonLat> geodesicPath(const geo::LonLat& a, const geo::LonLat& b, int segments) {
    const geo::GeodesicInverse inverse = geo::geodesicInverse(a, b);
    std::vector<geo::LonLat> path;
    path.reserve(std::size_t(segments) + 1);
    for (int i = 0; i <= segments; ++i)
        path.push_back(i == segments ? b : geo::geodesicDirect(a, inverse.azimuth1_deg, inverse.distance_m * i / segments));
    return path;
}

std::string formatDistance(double metres) {
    char text[64];
    std::snprintf(text, sizeof text, "%.1f km · %.1f mi", metres / 1000.0, metres / kMetresPerMile);
    return text;
}

void drawMeasure(ImDrawList* dl, const AppState& state) {
    if (!state.measure) return;
    const auto& points = state.measure->points;
    const ImU32 line = IM_COL32(20, 20, 20, 230);
    const ImU32 halo = IM_COL32(255, 255, 255, 200);
    for (const auto& p : points) {
        const geo::XY px = pixelOf(state, p);
        dl->AddCircleFilled(ImVec2(float(px.x), float(px.y)), 5.0f, line);
        dl->AddCircle(ImVec2(float(px.x), float(px.y)), 5.0f, halo, 0, 2.0f);
    }
    if (points.size() < 2) {
        const ImVec2 at(float(state.panel_width_px) + 16, 40);
        dl->AddText(at, line, points.empty() ? "Measure: click the first point (M to leave)"
                                             : "Measure: click the second point");
        return;
    }
    std::vector<ImVec2> pixels;
    for (const auto& p : geodesicPath(points[0], points[1])) {
        const geo::XY px = pixelOf(state, p);
        pixels.emplace_back(float(px.x), float(px.y));
    }
    dl->AddPolyline(pixels.data(), int(pixels.size()), halo, 0, 5.0f);
    dl->AddPolyline(pixels.data(), int(pixels.size()), line, 0, 2.0f);
    const std::string label = formatDistance(geo::geodesicDistanceMeters(points[0], points[1]));
    const ImVec2 mid = pixels[pixels.size() / 2];
    const ImVec2 size = ImGui::CalcTextSize(label.c_str());
    dl->AddRectFilled(ImVec2(mid.x + 8, mid.y - size.y - 6), ImVec2(mid.x + 16 + size.x, mid.y - 2), halo, 3.0f);
    dl->AddText(ImVec2(mid.x + 12, mid.y - size.y - 4), line, label.c_str());
}

std::vector<std::size_t> tourRoutePlaces(const AppState& state) {
    std::vector<std::size_t> places;
    if (!state.doc || !state.tour) return places;
    const auto stops = tourStops(*state.doc);
    for (std::size_t i = 0; i <= state.tour->stop && i < stops.size(); ++i) {
        const std::size_t place = state.doc->extraction.mentions[stops[i]].place;
        if (places.empty() || places.back() != place) places.push_back(place);
    }
    return places;
}

void drawTourRoute(ImDrawList* dl, const AppState& state) {
    const auto places = tourRoutePlaces(state);
    const ImU32 halo = IM_COL32(255, 255, 255, 190);
    for (std::size_t leg = 1; leg < places.size(); ++leg) {
        const bool current = leg + 1 == places.size();
        const ImU32 colour = current ? IM_COL32(200, 80, 0, 255) : IM_COL32(90, 90, 110, 200);
        const auto& from = state.doc->extraction.places[places[leg - 1]].place.position;
        const auto& to = state.doc->extraction.places[places[leg]].place.position;
        std::vector<ImVec2> pixels;
        for (const auto& p : geodesicPath(from, to, 48)) {
            const geo::XY px = pixelOf(state, p);
            pixels.emplace_back(float(px.x), float(px.y));
        }
        dl->AddPolyline(pixels.data(), int(pixels.size()), halo, 0, current ? 6.0f : 4.0f);
        dl->AddPolyline(pixels.data(), int(pixels.size()), colour, 0, current ? 3.0f : 2.0f);
        // Arrowhead at the leg's middle, pointing along it.
        const std::size_t mid = pixels.size() / 2;
        const ImVec2 a = pixels[mid - 1], b = pixels[mid + 1];
        const float dx = b.x - a.x, dy = b.y - a.y, len = std::sqrt(dx * dx + dy * dy);
        if (len > 0.5f) {
            const ImVec2 d(dx / len, dy / len), n(-d.y, d.x), tip(pixels[mid].x + d.x * 7, pixels[mid].y + d.y * 7);
            dl->AddTriangleFilled(tip, ImVec2(tip.x - d.x * 12 + n.x * 6, tip.y - d.y * 12 + n.y * 6),
                                  ImVec2(tip.x - d.x * 12 - n.x * 6, tip.y - d.y * 12 - n.y * 6), colour);
        }
    }
}

}  // namespace app::ui
