#include "app/ui/print_furniture.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <optional>

#include "app/scene.hpp"
#include "app/wording.hpp"
#include "geo/projection.hpp"

namespace app::ui {
namespace {

constexpr float kMargin = 12.0f;
constexpr float kPad = 8.0f;
constexpr ImU32 kPanel = IM_COL32(255, 255, 255, 225);
constexpr ImU32 kPanelBorder = IM_COL32(90, 90, 90, 255);
constexpr ImU32 kText = IM_COL32(25, 25, 25, 255);
constexpr ImU32 kInsetSea = IM_COL32(221, 233, 240, 255);
constexpr ImU32 kInsetCoast = IM_COL32(95, 95, 95, 255);
constexpr ImU32 kInsetView = IM_COL32(215, 48, 31, 255);
// Enough segments that an enlarged print disc still looks round.
constexpr int kCircleSegments = 48;
// How much more ground the inset shows than the view, along its longer side.
constexpr double kInsetZoomOut = 6.0;
// Polygon edges beyond this latitude are Web Mercator's clamped edge, not coast.
constexpr double kInsetMaxLatitude = 85.0;
constexpr double kInsetDetailMetres = 1500.0;
// Points of a coast closer than this to the last one drawn, in inset pixels, are dropped.
constexpr float kInsetMinStepPx = 1.0f;

ImU32 toImColor(std::uint32_t rgba) {
    return IM_COL32((rgba >> 24) & 0xffu, (rgba >> 16) & 0xffu, (rgba >> 8) & 0xffu, rgba & 0xffu);
}

ImVec2 textSize(ImFont* font, float size, const std::string& text, float wrap = -1.0f) {
    return font->CalcTextSizeA(size, 1e9f, wrap, text.c_str(), text.c_str() + text.size());
}

// The map's marker look: a disc with an outline ring (marker.frag's proportions).
void drawMarkerDisc(ImDrawList* dl, ImVec2 centre, float radius, std::uint32_t fill, std::uint32_t outline) {
    const float ring = std::clamp(radius * 0.22f, 1.0f, 3.0f);
    dl->AddCircleFilled(centre, radius, toImColor(outline), kCircleSegments);
    dl->AddCircleFilled(centre, radius - ring, toImColor(fill), kCircleSegments);
}

bool onlyDemonyms(const OpenDocument& doc, std::size_t place) {
    const auto& mentions = doc.extraction.places[place].mentions;
    for (std::size_t m : mentions)
        if (doc.extraction.mentions[m].kind != geo::MentionKind::Demonym) return false;
    return !mentions.empty();
}

geo::XY toMercator(const geo::LonLat& p) {
    constexpr double kPi = 3.14159265358979323846;
    constexpr double kRadius = 6378137.0;  // EPSG:3857 sphere
    const double lat = std::clamp(p.lat, -85.05113, 85.05113) * kPi / 180.0;
    return geo::XY{kRadius * p.lon * kPi / 180.0, kRadius * std::log(std::tan(kPi / 4.0 + lat / 2.0))};
}

Box drawTitle(ImDrawList* dl, ImFont* font, float font_size, float width, const std::string& title) {
    const float size = font_size * 1.6f;
    const float wrap = std::max(50.0f, width - 2 * kMargin - 2 * kPad);
    const ImVec2 text = textSize(font, size, title, wrap);
    const Box box{0, 0, width, text.y + 2 * kPad};
    dl->AddRectFilled(ImVec2(box.x, box.y), ImVec2(box.x + box.w, box.y + box.h), kPanel);
    dl->AddLine(ImVec2(0, box.h), ImVec2(width, box.h), kPanelBorder, 1.0f);
    dl->AddText(font, size, ImVec2(std::floor((width - text.x) / 2), kPad), kText, title.c_str(),
                title.c_str() + title.size(), wrap);
    return box;
}

// An arrow pointing to true north at the view centre (map_overlay's northDirectionDeg), with an
// "N" at its tip; straight up where the centre shows no part of the world.
Box drawNorthArrow(ImDrawList* dl, ImFont* font, float font_size, const AppState& state, float right, float top) {
    const float length = font_size * 2.4f;
    const float letter = font_size * 1.1f;
    const float side_px = length + letter + 2 * kPad;
    const Box box{right - side_px, top, side_px, side_px};
    const std::optional<double> north =
        northDirectionDeg(state.view, state.projection, state.view.width() / 2.0, state.view.height() / 2.0);
    constexpr double kPi = 3.14159265358979323846;
    const float angle = float(north.value_or(0.0) * kPi / 180.0);
    const ImVec2 up(std::sin(angle), -std::cos(angle));
    const ImVec2 side(-up.y, up.x);
    const ImVec2 centre(box.x + box.w / 2, box.y + box.h / 2 + letter / 4);
    const ImVec2 tip(centre.x + up.x * length / 2, centre.y + up.y * length / 2);
    const ImVec2 tail(centre.x - up.x * length / 2, centre.y - up.y * length / 2);
    const ImVec2 notch(centre.x - up.x * length / 4, centre.y - up.y * length / 4);
    const float half_width = length * 0.28f;
    const ImVec2 left(tail.x - side.x * half_width, tail.y - side.y * half_width);
    const ImVec2 right_corner(tail.x + side.x * half_width, tail.y + side.y * half_width);
    dl->AddRectFilled(ImVec2(box.x, box.y), ImVec2(box.x + box.w, box.y + box.h), kPanel, 4.0f);
    dl->AddTriangleFilled(tip, left, notch, kText);
    dl->AddTriangleFilled(tip, notch, right_corner, IM_COL32(255, 255, 255, 255));
    dl->AddTriangle(tip, notch, right_corner, kText, 1.0f);
    const ImVec2 n = textSize(font, letter, "N");
    const ImVec2 letter_centre(tip.x + up.x * letter * 0.6f, tip.y + up.y * letter * 0.6f);
    dl->AddText(font, letter, ImVec2(letter_centre.x - n.x / 2, letter_centre.y - n.y / 2), kText, "N");
    return box;
}

Box drawLegend(ImDrawList* dl, ImFont* font, float font_size, const AppState& state, float left, float top) {
    const std::vector<LegendEntry> entries = legendEntries(state);
    const std::vector<std::size_t> steps = legendMentionSteps(state);
    const float small = font_size * 0.9f;
    const float plain_radius = markerRadiusPx(1);
    const float column = 2 * markerRadiusPx(steps.empty() ? 1 : steps.back());
    std::vector<std::string> step_text;
    for (std::size_t n : steps) step_text.push_back(countOf(n, "mention"));

    float text_width = textSize(font, font_size, "Places").x;
    for (const auto& e : entries) text_width = std::max(text_width, textSize(font, small, e.meaning).x);
    for (const auto& t : step_text) text_width = std::max(text_width, textSize(font, small, t).x);
    float height = kPad + font_size + 4;
    for (std::size_t i = 0; i < entries.size(); ++i) height += std::max(small, 2 * plain_radius) + 4;
    if (!steps.empty()) {
        height += 4 + font_size + 4;
        for (std::size_t n : steps) height += std::max(small, 2 * markerRadiusPx(n)) + 4;
    }
    height += kPad - 4;
    const float width = 2 * kPad + column + 8 + text_width;
    const Box box{left, top, width, height};
    dl->AddRectFilled(ImVec2(box.x, box.y), ImVec2(box.x + box.w, box.y + box.h), kPanel, 4.0f);
    dl->AddRect(ImVec2(box.x, box.y), ImVec2(box.x + box.w, box.y + box.h), kPanelBorder, 4.0f, 0, 1.0f);

    float y = box.y + kPad;
    const float text_x = box.x + kPad + column + 8;
    const float disc_x = box.x + kPad + column / 2;
    dl->AddText(font, font_size, ImVec2(box.x + kPad, y), kText, "Places");
    y += font_size + 4;
    for (const auto& e : entries) {
        const float row = std::max(small, 2 * plain_radius);
        drawMarkerDisc(dl, ImVec2(disc_x, y + row / 2), plain_radius, e.fill_rgba, e.outline_rgba);
        dl->AddText(font, small, ImVec2(text_x, y + (row - small) / 2), kText, e.meaning.c_str());
        y += row + 4;
    }
    if (!steps.empty()) {
        y += 4;
        dl->AddText(font, font_size, ImVec2(box.x + kPad, y), kText, "Size: mentions");
        y += font_size + 4;
        const std::uint32_t fill = entries.empty() ? 0xd7301fffu : entries.front().fill_rgba;
        const std::uint32_t outline = entries.empty() ? 0xffffffffu : entries.front().outline_rgba;
        for (std::size_t i = 0; i < steps.size(); ++i) {
            const float radius = markerRadiusPx(steps[i]);
            const float row = std::max(small, 2 * radius);
            drawMarkerDisc(dl, ImVec2(disc_x, y + row / 2), radius, fill, outline);
            dl->AddText(font, small, ImVec2(text_x, y + (row - small) / 2), kText, step_text[i].c_str());
            y += row + 4;
        }
    }
    return box;
}

// The view's outline as lon/lat → Web Mercator points, walking its border. A view across the
// antimeridian stays in one piece: each point is taken from the world copy nearest the view's centre.
std::vector<geo::XY> viewOutlineMercator(const AppState& state) {
    std::vector<geo::XY> ring;
    const double w = state.view.width(), h = state.view.height();
    constexpr int kSteps = 16;
    const double world = 2.0 * geo::kWebMercatorHalfWorld;
    std::optional<double> centre_x;
    if (const auto c = lonLatAtPixel(state, w / 2, h / 2)) centre_x = toMercator(*c).x;
    auto add = [&](double x, double y) {
        if (state.projection.isWebMercator()) {  // the plane itself, continuous across the antimeridian
            const geo::XY m = state.view.toMercator(geo::XY{x, y});
            if (std::abs(m.y) <= geo::kWebMercatorHalfWorld) ring.push_back(m);
            return;
        }
        const auto p = lonLatAtPixel(state, x, y);
        if (!p) return;
        geo::XY m = toMercator(*p);
        if (!centre_x) centre_x = m.x;
        m.x += world * std::round((*centre_x - m.x) / world);
        ring.push_back(m);
    };
    for (int i = 0; i < kSteps; ++i) add(w * i / kSteps, 0);
    for (int i = 0; i < kSteps; ++i) add(w, h * i / kSteps);
    for (int i = 0; i < kSteps; ++i) add(w - w * i / kSteps, h);
    for (int i = 0; i < kSteps; ++i) add(0, h - h * i / kSteps);
    return ring;
}

void drawInset(ImDrawList* dl, const AppState& state, const LocatorOutline& outline, const Box& box,
               Box& view_box) {
    const std::vector<geo::XY> view_ring = viewOutlineMercator(state);
    double min_x = 1e300, min_y = 1e300, max_x = -1e300, max_y = -1e300;
    for (const geo::XY& p : view_ring) {
        min_x = std::min(min_x, p.x);
        min_y = std::min(min_y, p.y);
        max_x = std::max(max_x, p.x);
        max_y = std::max(max_y, p.y);
    }
    if (view_ring.empty()) return;
    const double world = 2.0 * geo::kWebMercatorHalfWorld;
    // At least ~500 km across, so a town-sized view still shows its country.
    const double side = std::min(world, std::max({max_x - min_x, max_y - min_y, 5.0e5 / kInsetZoomOut}) * kInsetZoomOut);
    const double cx = (min_x + max_x) / 2;
    const double cy = std::clamp((min_y + max_y) / 2, -geo::kWebMercatorHalfWorld + side / 2,
                                 geo::kWebMercatorHalfWorld - side / 2);
    const double scale = box.w / side;  // inset pixels per metre
    auto toInset = [&](const geo::XY& p) {
        return ImVec2(float(box.x + box.w / 2 + (p.x - cx) * scale), float(box.y + box.h / 2 - (p.y - cy) * scale));
    };

    dl->AddRectFilled(ImVec2(box.x, box.y), ImVec2(box.x + box.w, box.y + box.h), kInsetSea);
    dl->PushClipRect(ImVec2(box.x, box.y), ImVec2(box.x + box.w, box.y + box.h), true);
    std::vector<ImVec2> points;
    const double half = side / 2;
    // Near the antimeridian the inset reaches into the world copy beside: the coasts are drawn there too.
    for (const double shift : {-world, 0.0, world})
    for (const LocatorOutline::Path& path : outline.paths) {
        if (path.max_x + shift < cx - half || path.min_x + shift > cx + half || path.max_y < cy - half ||
            path.min_y > cy + half)
            continue;
        // An inset pixel is tens of kilometres: a coast's wiggles under a pixel are dropped (the
        // path's last point kept), and each segment is its own line. A polyline's joins are
        // mitred, and where a path turns back on itself within a pixel or two (fjords, islands,
        // the 1.5 km outline at a 50 km pixel) the mitre pokes out up to ten line widths: the
        // inset of a printed map was hairy with spikes.
        points.clear();
        for (std::size_t i = 0; i < path.points.size(); ++i) {
            const ImVec2 p = toInset(geo::XY{path.points[i].x + shift, path.points[i].y});
            const bool last = i + 1 == path.points.size();
            if (!points.empty() && !last && std::abs(p.x - points.back().x) < kInsetMinStepPx &&
                std::abs(p.y - points.back().y) < kInsetMinStepPx)
                continue;
            points.push_back(p);
        }
        for (std::size_t i = 1; i < points.size(); ++i) dl->AddLine(points[i - 1], points[i], kInsetCoast, 1.0f);
    }
    points.clear();
    for (const geo::XY& p : view_ring) points.push_back(toInset(p));
    const ImVec2 a = toInset(geo::XY{min_x, max_y}), b = toInset(geo::XY{max_x, min_y});
    view_box = Box{a.x, a.y, b.x - a.x, b.y - a.y};
    if (view_box.w < 6 && view_box.h < 6) {
        dl->AddCircle(ImVec2(a.x + view_box.w / 2, a.y + view_box.h / 2), 4.0f, kInsetView, kCircleSegments, 2.0f);
    } else {
        dl->AddPolyline(points.data(), int(points.size()), kInsetView, ImDrawFlags_Closed, 2.0f);
    }
    dl->PopClipRect();
    dl->AddRect(ImVec2(box.x, box.y), ImVec2(box.x + box.w, box.y + box.h), kPanelBorder, 0.0f, 0, 1.0f);
}

}  // namespace

LocatorOutline locatorOutline(const geo::Basemap& basemap) {
    LocatorOutline outline;
    LocatorOutline::Path path;
    auto finish = [&] {
        if (path.points.size() >= 2) outline.paths.push_back(std::move(path));
        path = LocatorOutline::Path{};
        path.min_x = path.min_y = 1e300;
        path.max_x = path.max_y = -1e300;
    };
    auto add = [&](const geo::XY& m) {
        path.points.push_back(m);
        path.min_x = std::min(path.min_x, m.x);
        path.min_y = std::min(path.min_y, m.y);
        path.max_x = std::max(path.max_x, m.x);
        path.max_y = std::max(path.max_y, m.y);
    };
    finish();
    // Coasts and country borders at world scale.
    {
        const geo::VectorLayer& layer = basemap.outline;
        for (const geo::VectorFeature& feature : layer.features) {
            for (std::size_t part = 0; part < feature.parts.size(); ++part) {
                if (part < feature.ring_is_hole.size() && feature.ring_is_hole[part]) continue;
                const std::vector<geo::LonLat>& line = feature.parts[part];
                // Polygon rings go back to their first point; lines stay open.
                const std::size_t count = line.size() + (layer.kind == geo::GeometryKind::Polygons ? 1 : 0);
                for (std::size_t i = 0; i < count && !line.empty(); ++i) {
                    const geo::LonLat& p = line[i % line.size()];
                    const bool polar = std::abs(p.lat) > kInsetMaxLatitude;
                    const bool jump = i > 0 && std::abs(p.lon - line[(i - 1) % line.size()].lon) > 180.0;
                    if (polar || jump) finish();
                    if (polar) continue;
                    const geo::XY m = toMercator(p);
                    // An inset pixel is kilometres: detail finer than kInsetDetailMetres is dropped.
                    const bool last = i + 1 == count;
                    if (!path.points.empty() && !last &&
                        std::hypot(m.x - path.points.back().x, m.y - path.points.back().y) < kInsetDetailMetres) {
                        continue;
                    }
                    add(m);
                }
                finish();
            }
        }
    }
    return outline;
}

namespace {
enum LegendKind { Plain, Demonym, Cluster, Selected, OtherText, KindCount };
constexpr const char* kMeaning[KindCount] = {"Named in the text", "Named only by its people",
                                             "Several places close together", "Selected place",
                                             "Places in the other open texts"};
}  // namespace

std::vector<LegendEntry> legendEntries(const AppState& state) {
    using Kind = LegendKind;
    std::optional<LegendEntry> found[KindCount];
    const MarkerScene scene = drawnMarkers(state);
    for (std::size_t k = 0; k < scene.markers.size(); ++k) {
        Kind kind = Plain;
        const std::size_t place = scene.place_of_marker[k];
        if (scene.text_of_marker[k]) {
            kind = OtherText;
        } else if (k < scene.cluster_size.size() && scene.cluster_size[k] > 1) {
            kind = Cluster;
        } else if (state.selection.place == place) {
            kind = Selected;
        } else if (state.hover.place == place) {
            continue;  // hovering is not part of a picture
        } else if (state.doc && place < state.doc->extraction.places.size() && onlyDemonyms(*state.doc, place)) {
            kind = Demonym;
        }
        if (!found[kind]) found[kind] = LegendEntry{scene.markers[k].fill_rgba, scene.markers[k].outline_rgba, kMeaning[kind]};
    }
    std::vector<LegendEntry> entries;
    for (const auto& entry : found)
        if (entry) entries.push_back(*entry);
    return entries;
}

std::vector<std::size_t> legendMentionSteps(const AppState& state) {
    if (!state.doc || state.doc->extraction.places.empty()) return {};
    std::size_t most = 1;
    for (const auto& place : state.doc->extraction.places) most = std::max(most, place.mentions.size());
    std::vector<std::size_t> steps{1};
    if (most >= 4) steps.push_back((1 + most + 1) / 2);
    if (most > 1) steps.push_back(most);
    return steps;
}

float attributionHeight(ImFont* font, float font_size, float width, const std::vector<std::string>& attribution) {
    if (attribution.empty()) return 0.0f;
    const float small = std::max(10.0f, font_size * 0.75f);
    const float max_width = std::max(80.0f, width - 12.0f);
    auto text_width = [&](const std::string& t) { return textSize(font, small, t).x; };
    std::vector<std::string> lines;
    for (const auto& source : attribution) {
        if (!lines.empty() && text_width(lines.back() + " \u00b7 " + source) <= max_width) lines.back() += " \u00b7 " + source;
        else lines.push_back(source);
    }
    return textSize(font, small, "Ag").y * float(lines.size()) + 5.0f;
}

FurnitureLayout drawPrintFurniture(ImDrawList* dl, ImFont* font, float font_size, const AppState& state,
                                   const LocatorOutline& outline, const FurnitureOptions& options) {
    FurnitureLayout layout;
    const float width = float(state.view.width()), height = float(state.view.height());
    float top = 0.0f;
    if (!options.title.empty()) {
        layout.title = drawTitle(dl, font, font_size, width, options.title);
        top = layout.title.y + layout.title.h;
    }
    if (options.legend && state.doc) layout.legend = drawLegend(dl, font, font_size, state, kMargin, top + kMargin);
    if (options.north_arrow) layout.north_arrow = drawNorthArrow(dl, font, font_size, state, width - kMargin, top + kMargin);
    if (options.inset) {
        const float side = std::clamp(0.24f * std::min(width, height), 110.0f, 260.0f);
        layout.inset = Box{width - kMargin - side, height - options.bottom_reserved_px - kMargin - side, side, side};
        drawInset(dl, state, outline, layout.inset, layout.inset_view);
    }
    return layout;
}

}  // namespace app::ui
