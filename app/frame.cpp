#include "app/frame.hpp"

#include "app/scene.hpp"
#include "app/ui/map_overlay.hpp"

namespace app {

render::Image renderFrame(FrameRenderers& renderers, const AppState& state, float left_inset_px) {
    const MarkerScene scene = buildMarkers(state);
    ui::OverlayOptions options;
    options.left_inset_px = left_inset_px;
    options.attribution = renderers.attribution;
    return renderers.map.renderToImage(state.view, scene.markers, render::FrameStyle{}, [&] {
        renderers.overlay.draw(state.view.width(), state.view.height(), [&](ImDrawList* draw_list) {
            ui::drawMapOverlay(draw_list, renderers.overlay.font(), renderers.overlay.fontSize(), state, options);
        });
    });
}

}  // namespace app
