#include "app/ui/screen_overlay.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace app::ui {

geo::Viewport standardDensityView(const geo::Viewport& view, float ui_scale) {
    const double scale = std::isfinite(ui_scale) && ui_scale > 0 ? ui_scale : 1.0;
    const double zoom = std::clamp(view.zoom() - std::log2(scale), geo::kMinZoom, geo::kMaxZoom);
    const double used = std::exp2(view.zoom() - zoom);
    const int width = std::max(1, int(std::lround(view.width() / used)));
    const int height = std::max(1, int(std::lround(view.height() / used)));
    return geo::Viewport(width, height, view.center(), zoom);
}

namespace {

// Puts the standard-density view, scale and panel width into `state`; gives the real ones back.
struct StandardDensityScope {
    AppState& state;
    geo::Viewport view;
    float ui_scale;
    int panel_width_px, map_top_px, map_bottom_px;

    StandardDensityScope(AppState& s, const geo::Viewport& standard, double scale)
        : state(s), view(s.view), ui_scale(s.ui_scale), panel_width_px(s.panel_width_px), map_top_px(s.map_top_px),
          map_bottom_px(s.map_bottom_px) {
        state.view = standard;
        state.ui_scale = 1.0f;
        state.panel_width_px = int(std::lround(panel_width_px / scale));
        state.map_top_px = int(std::lround(map_top_px / scale));
        state.map_bottom_px = int(std::lround(map_bottom_px / scale));
    }
    ~StandardDensityScope() {
        state.view = view;
        state.ui_scale = ui_scale;
        state.panel_width_px = panel_width_px;
        state.map_top_px = map_top_px;
        state.map_bottom_px = map_bottom_px;
    }
};

}  // namespace

void drawAtStandardDensity(ImDrawList* draw_list, AppState& state, float framebuffer_scale,
                           const std::function<void(const AppState&, const DensityTransform&)>& draw) {
    const geo::Viewport standard = standardDensityView(state.view, state.ui_scale);
    DensityTransform t;
    t.scale = std::exp2(state.view.zoom() - standard.zoom());
    t.framebuffer_scale = std::isfinite(framebuffer_scale) && framebuffer_scale > 0 ? framebuffer_scale : 1.0;
    t.standard_cx = standard.width() / 2.0;
    t.standard_cy = standard.height() / 2.0;
    t.framebuffer_cx = state.view.width() / 2.0;
    t.framebuffer_cy = state.view.height() / 2.0;

    // Clip to the standard-density picture while drawing; mapped with everything else below.
    draw_list->PushClipRect(ImVec2(0, 0), ImVec2(float(standard.width()), float(standard.height())));
    const int first_command = draw_list->CmdBuffer.Size - 1;
    const int first_vertex = draw_list->VtxBuffer.Size;
    const double factor = t.scale / t.framebuffer_scale;  // window units per standard pixel
    // Anti-aliasing fringes one window unit wide after scaling, not `factor` of them.
    const float fringe = draw_list->_FringeScale;
    draw_list->_FringeScale = float(fringe / factor);
    {
        StandardDensityScope scope(state, standard, t.scale);
        draw(state, t);
    }
    draw_list->_FringeScale = fringe;
    if (t.scale != 1.0 || t.framebuffer_scale != 1.0) {
        for (int i = first_vertex; i < draw_list->VtxBuffer.Size; ++i) {
            ImVec2& p = draw_list->VtxBuffer[i].pos;
            p = t.toWindow(p.x, p.y);
        }
        for (int i = std::max(0, first_command); i < draw_list->CmdBuffer.Size; ++i) {
            ImVec4& clip = draw_list->CmdBuffer[i].ClipRect;
            const ImVec2 min = t.toWindow(clip.x, clip.y), max = t.toWindow(clip.z, clip.w);
            clip = ImVec4(min.x, min.y, max.x, max.y);
        }
    }
    draw_list->PopClipRect();
}

}  // namespace app::ui
