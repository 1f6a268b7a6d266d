#include "app/frame.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>

#include "app/render/tiled_render.hpp"
#include "app/framing.hpp"
#include "app/scene.hpp"
#include "app/ui/map_overlay.hpp"

namespace app {

render::Image renderFrame(FrameRenderers& renderers, const AppState& state, float left_inset_px,
                          ui::OverlayLayout* layout_out, bool edge_indicators) {
    const MarkerScene scene = drawnMarkers(state);
    ui::OverlayOptions options;
    options.left_inset_px = left_inset_px;
    options.edge_indicators = edge_indicators;
    options.attribution = renderers.attribution;
    options.towns = &renderers.towns;
    return renderers.map.renderToImage(state.view, scene.markers, frameStyleFor(state.map, state.projection), [&] {
        renderers.overlay.draw(state.view.width(), state.view.height(), [&](ImDrawList* draw_list) {
            ui::OverlayLayout layout =
                ui::drawMapOverlay(draw_list, renderers.overlay.font(), renderers.overlay.fontSize(), state, options);
            if (layout_out) *layout_out = std::move(layout);
        });
    });
}

namespace {

// What an exported picture shows of `state`, seen through `view`: the texts' places, the
// selection, the projection and the map settings; not hover, the measure tool or the tour.
AppState pictureState(const AppState& state, const geo::Viewport& view) {
    AppState picture;
    if (state.doc) picture.doc = std::make_unique<OpenDocument>(*state.doc);
    for (const auto& other : state.other_docs)
        if (other) picture.other_docs.push_back(std::make_unique<OpenDocument>(*other));
    picture.show_other_texts = state.show_other_texts;
    picture.selection = state.selection;
    picture.spread = state.spread;
    picture.found = state.found;
    picture.relief = state.relief;
    picture.dems = state.dems;
    picture.view = view;
    picture.projection = state.projection;
    picture.map = state.map;
    picture.panel_width_px = 0;
    picture.gazetteer = state.gazetteer;
    picture.shapes = state.shapes;
    return picture;
}

// Screen-picture pixels → image pixels: scaled by `scale` about the two pictures' centres, which
// show the same point of the map.
struct PrintTransform {
    double scale = 1.0;
    double screen_cx = 0.0, screen_cy = 0.0;
    double image_cx = 0.0, image_cy = 0.0;

    ImVec2 apply(const ImVec2& p) const {
        return ImVec2(float((p.x - screen_cx) * scale + image_cx), float((p.y - screen_cy) * scale + image_cy));
    }
    ui::Box apply(const ui::Box& b) const {
        if (b.w == 0 && b.h == 0) return b;
        const ImVec2 corner = apply(ImVec2(b.x, b.y));
        return ui::Box{corner.x, corner.y, float(b.w * scale), float(b.h * scale)};
    }
};

}  // namespace

namespace {

// What an export draws, worked out once: the screen picture it is laid out on, how that maps to
// the image, and the overlay's and the furniture's options.
struct ExportPicture {
    PrintTransform print;
    AppState picture;
    ui::OverlayOptions overlay_options;
    ui::FurnitureOptions furniture_options;
    float font_size = 0.0f;
};

ExportPicture exportPicture(const FrameRenderers& renderers, render::OverlayRenderer& overlay, const AppState& state,
                            const FrameOptions& options, const geo::Viewport& view) {
    ExportPicture out;
    const double wanted = std::isfinite(options.dpi_scale) && options.dpi_scale > 0 ? options.dpi_scale : 1.0;
    // The screen picture's zoom; the scale really used differs from `wanted` only where that
    // zoom would leave [kMinZoom, kMaxZoom].
    const double screen_zoom = std::clamp(view.zoom() - std::log2(wanted), geo::kMinZoom, geo::kMaxZoom);
    PrintTransform& print = out.print;
    print.scale = std::exp2(view.zoom() - screen_zoom);
    const int screen_width = std::max(1, static_cast<int>(std::lround(view.width() / print.scale)));
    const int screen_height = std::max(1, static_cast<int>(std::lround(view.height() / print.scale)));
    print.screen_cx = screen_width / 2.0;
    print.screen_cy = screen_height / 2.0;
    print.image_cx = view.width() / 2.0;
    print.image_cy = view.height() / 2.0;
    out.picture = pictureState(state, geo::Viewport(screen_width, screen_height, view.center(), screen_zoom));
    // The furniture draws its own north arrow where map_overlay's would be (a screenshot keeps the screen's).
    if (!options.screen_north_arrow) out.picture.map.show_north_arrow = false;

    out.overlay_options.furniture = options.map_furniture;
    out.overlay_options.edge_indicators = options.edge_indicators;
    out.overlay_options.attribution = renderers.attribution;
    out.overlay_options.towns = &renderers.towns;
    // Drawn at the screen's size in screen pixels; the font may be rasterised larger (crisper).
    out.font_size = options.label_px > 0 ? options.label_px : overlay.fontSize();
    out.furniture_options.title = options.title;
    out.furniture_options.legend = options.legend;
    out.furniture_options.north_arrow =
        !options.screen_north_arrow && options.north_arrow.value_or(state.map.show_north_arrow && options.map_furniture);
    out.furniture_options.inset = options.inset;
    out.furniture_options.bottom_reserved_px =
        ui::attributionHeight(overlay.font(), out.font_size, float(screen_width), renderers.attribution);
    return out;
}

// The overlay and the furniture of the export, in the screen picture's pixels.
FrameLayout drawExportOverlay(ImDrawList* draw_list, const ExportPicture& e, const FrameRenderers& renderers,
                              render::OverlayRenderer& overlay) {
    FrameLayout layout;
    // Where the title, legend, north arrow and inset go, first (drawn into a scratch list that is
    // thrown away), so that no label or town lies hidden under them.
    ui::OverlayOptions overlay_options = e.overlay_options;
    {
        ImDrawList scratch(draw_list->_Data);
        scratch._ResetForNewFrame();
        scratch.PushClipRectFullScreen();
        scratch.PushTextureID(overlay.font()->ContainerAtlas->TexID);
        const ui::FurnitureLayout pieces =
            ui::drawPrintFurniture(&scratch, overlay.font(), e.font_size, e.picture, renderers.locator, e.furniture_options);
        for (const ui::Box* box : {&pieces.title, &pieces.legend, &pieces.north_arrow, &pieces.inset})
            if (box->w > 0 && box->h > 0) overlay_options.reserved.push_back(*box);
    }
    layout.overlay = ui::drawMapOverlay(draw_list, overlay.font(), e.font_size, e.picture, overlay_options);
    layout.furniture =
        ui::drawPrintFurniture(draw_list, overlay.font(), e.font_size, e.picture, renderers.locator, e.furniture_options);
    return layout;
}

// A layout in the screen picture's pixels moved to the image's.
void toImagePixels(FrameLayout& layout, const PrintTransform& print) {
    for (ui::PlacedLabel& label : layout.overlay.labels) label.box = print.apply(label.box);
    for (ui::PlacedMarker& marker : layout.overlay.markers) marker.box = print.apply(marker.box);
    for (ui::Box* box : {&layout.overlay.scale_bar, &layout.overlay.scale_bar_area, &layout.overlay.attribution,
                         &layout.overlay.north_arrow})
        *box = print.apply(*box);
    for (ui::Box* box : {&layout.furniture.title, &layout.furniture.legend, &layout.furniture.north_arrow,
                         &layout.furniture.inset, &layout.furniture.inset_view})
        *box = print.apply(*box);
    for (ui::EdgeIndicator& e : layout.overlay.edge_indicators) {
        const ui::Box box = print.apply(ui::Box{e.x, e.y, e.w, e.h});
        e.x = box.x, e.y = box.y, e.w = box.w, e.h = box.h;
        const ImVec2 tip = print.apply(ImVec2(float(e.tip_x), float(e.tip_y)));
        e.tip_x = tip.x, e.tip_y = tip.y;
    }
}

}  // namespace

render::Image renderExportFrame(FrameRenderers& renderers, const AppState& state, const FrameOptions& options,
                                FrameLayout* layout_out) {
    const geo::Viewport& view = options.view ? *options.view : state.view;
    render::OverlayRenderer& overlay = options.overlay ? *options.overlay : renderers.overlay;
    const ExportPicture e = exportPicture(renderers, overlay, state, options, view);
    const PrintTransform& print = e.print;

    MarkerScene scene = drawnMarkers(e.picture);
    for (render::MarkerInstance& marker : scene.markers) marker.radius_px *= float(print.scale);
    render::FrameStyle style = frameStyleFor(e.picture.map, e.picture.projection);
    for (render::LayerDraw& layer : style.layers) layer.style.line_width_px *= float(print.scale);

    FrameLayout layout;
    auto fill = [&](ImDrawList* draw_list) {
        // Anti-aliasing fringes one image pixel wide, not print.scale pixels.
        const float fringe = draw_list->_FringeScale;
        draw_list->_FringeScale = fringe / float(print.scale);
        layout = drawExportOverlay(draw_list, e, renderers, overlay);
        draw_list->_FringeScale = fringe;
        if (print.scale == 1.0) return;
        for (ImDrawVert& vertex : draw_list->VtxBuffer) vertex.pos = print.apply(vertex.pos);
        for (ImDrawCmd& command : draw_list->CmdBuffer) {
            const ImVec2 min = print.apply(ImVec2(command.ClipRect.x, command.ClipRect.y));
            const ImVec2 max = print.apply(ImVec2(command.ClipRect.z, command.ClipRect.w));
            command.ClipRect = ImVec4(min.x, min.y, max.x, max.y);
        }
    };
    render::TiledRenderOptions tiling;
    tiling.max_tile_px = options.max_tile_px;
    render::TileStats stats;
    render::Image image =
        render::renderTiled(renderers.map, overlay, view, scene.markers, style, fill, tiling, &stats);

    if (layout_out) {
        toImagePixels(layout, print);
        layout.tiles = stats.tiles;
        *layout_out = std::move(layout);
    }
    return image;
}

FrameLayout exportFrameLayout(FrameRenderers& renderers, const AppState& state, const FrameOptions& options) {
    const geo::Viewport& view = options.view ? *options.view : state.view;
    render::OverlayRenderer& overlay = options.overlay ? *options.overlay : renderers.overlay;
    const ExportPicture e = exportPicture(renderers, overlay, state, options, view);
    FrameLayout layout;
    overlay.record(e.picture.view.width(), e.picture.view.height(),
                   [&](ImDrawList* draw_list) { layout = drawExportOverlay(draw_list, e, renderers, overlay); });
    toImagePixels(layout, e.print);
    return layout;
}

geo::Viewport visibleMapView(const AppState& state) {
    const MapArea area = visibleMapArea(state);
    const int width = std::max(1, int(std::lround(area.width())));
    const int height = std::max(1, int(std::lround(area.height())));
    // The centre of the whole-pixel rectangle the window shows, so the two pictures share a pixel grid.
    const double x0 = std::round(area.x0), y0 = std::round(area.y0);
    return geo::Viewport(width, height, state.view.toMercator(geo::XY{x0 + width / 2.0, y0 + height / 2.0}),
                         state.view.zoom());
}

render::Image renderVisibleMap(FrameRenderers& renderers, const AppState& state, int scale, FrameLayout* layout_out) {
    const geo::Viewport seen = visibleMapView(state);
    const double density = std::isfinite(state.ui_scale) && state.ui_scale > 0 ? state.ui_scale : 1.0;
    const int factor = std::max(1, scale);
    FrameOptions options;
    options.view = geo::Viewport(seen.width() * factor, seen.height() * factor, seen.center(),
                                 std::clamp(seen.zoom() + std::log2(double(factor)), geo::kMinZoom, geo::kMaxZoom));
    options.dpi_scale = float(density * factor);
    options.label_px = ui::kScreenLabelPx;
    options.edge_indicators = true;
    options.screen_north_arrow = true;
    // The labels' font rasterised for the picture's size, so a larger screenshot stays crisp.
    std::unique_ptr<render::OverlayRenderer> sharp;
    if (options.dpi_scale != 1.0f) {
        sharp = std::make_unique<render::OverlayRenderer>(ui::kScreenLabelPx * options.dpi_scale);
        options.overlay = sharp.get();
    }
    return renderExportFrame(renderers, state, options, layout_out);
}

}  // namespace app
