#include "app/scene.hpp"

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

bool onlyDemonyms(const OpenDocument& doc, const geo::ResolvedPlace& place) {
    for (std::size_t m : place.mentions)
        if (doc.extraction.mentions[m].kind != geo::MentionKind::Demonym) return false;
    return !place.mentions.empty();
}

}  // namespace

float markerRadiusPx(std::size_t mentions) {
    return 6.0f + 2.0f * std::sqrt(static_cast<float>(mentions > 0 ? mentions - 1 : 0));
}

MarkerScene buildMarkers(const AppState& state) {
    MarkerScene scene;
    if (state.show_other_texts)
        for (std::size_t t = 0; t < state.other_docs.size(); ++t) {
            const OpenDocument& other = *state.other_docs[t];
            for (std::size_t i = 0; i < other.extraction.places.size(); ++i) {
                render::MarkerInstance m;
                m.mercator = other.place_mercator[i];
                m.radius_px = markerRadiusPx(other.extraction.places[i].mentions.size()) * 0.8f;
                m.fill_rgba = kOtherTextFill;
                m.outline_rgba = kOutline;
                scene.markers.push_back(m);
                scene.place_of_marker.push_back(i);
                scene.text_of_marker.push_back(t);
            }
        }
    if (!state.doc) return scene;
    const auto& places = state.doc->extraction.places;
    auto add = [&](std::size_t i) {
        render::MarkerInstance m;
        m.mercator = state.doc->place_mercator[i];
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
        scene.markers.push_back(m);
        scene.place_of_marker.push_back(i);
        scene.text_of_marker.push_back(std::nullopt);
    };
    for (std::size_t i = 0; i < places.size(); ++i)
        if (state.hover.place != i && state.selection.place != i) add(i);
    if (state.hover.place && *state.hover.place < places.size() && state.hover.place != state.selection.place)
        add(*state.hover.place);
    if (state.selection.place && *state.selection.place < places.size()) add(*state.selection.place);
    return scene;
}

geo::XY pixelOf(const AppState& state, const geo::LonLat& point) {
    return state.view.toPixel(geo::Projection::webMercator().forward(point));
}

std::optional<geo::LonLat> lonLatAtPixel(const AppState& state, double x_px, double y_px) {
    const geo::XY m = state.view.toMercator(geo::XY{x_px, y_px});
    if (std::abs(m.x) > geo::kWebMercatorHalfWorld || std::abs(m.y) > geo::kWebMercatorHalfWorld) return std::nullopt;
    try {
        return geo::Projection::webMercator().inverse(m);
    } catch (const geo::Error&) {
        return std::nullopt;
    }
}

namespace {

// The top-most marker covering the pixel, walking from the last drawn down.
std::optional<std::size_t> markerAt(const AppState& state, const MarkerScene& scene, double x_px, double y_px,
                                    double slop_px) {
    for (std::size_t k = scene.markers.size(); k-- > 0;) {
        const geo::XY p = state.view.toPixel(scene.markers[k].mercator);
        const double r = scene.markers[k].radius_px + slop_px;
        if ((p.x - x_px) * (p.x - x_px) + (p.y - y_px) * (p.y - y_px) <= r * r) return k;
    }
    return std::nullopt;
}

}  // namespace

std::optional<std::size_t> pickPlace(const AppState& state, double x_px, double y_px, double slop_px) {
    const MarkerScene scene = buildMarkers(state);
    const auto k = markerAt(state, scene, x_px, y_px, slop_px);
    if (!k || scene.text_of_marker[*k]) return std::nullopt;
    return scene.place_of_marker[*k];
}

std::optional<std::size_t> pickOtherText(const AppState& state, double x_px, double y_px, double slop_px) {
    const MarkerScene scene = buildMarkers(state);
    const auto k = markerAt(state, scene, x_px, y_px, slop_px);
    if (!k) return std::nullopt;
    return scene.text_of_marker[*k];
}

}  // namespace app
