#include "app/cli/headless.hpp"

#include "app/frame.hpp"
#include "app/actions.hpp"
#include "app/render/gl_context.hpp"
#include "geo/basemap.hpp"
#include "geo/data_paths.hpp"
#include "geo/projection.hpp"

namespace app::cli {

RenderResult renderHeadless(const RenderRequest& request, const std::string& argv0, AppState* state_out) {
    const std::string data_dir = geo::findDataDir(argv0);
    const geo::Gazetteer gazetteer = geo::Gazetteer::load(data_dir);
    AppState state;
    state.doc = std::make_unique<OpenDocument>(OpenDocument::load(request.text_path, gazetteer));
    state.panel_width_px = 0;  // no panel covers a rendered picture
    state.view = geo::Viewport(request.width, request.height, geo::XY{0, 0}, 2.0);
    if (request.center) {
        state.view = geo::Viewport(request.width, request.height,
                                   geo::Projection::webMercator().forward(*request.center), request.zoom);
    } else {
        std::vector<std::size_t> all(state.doc->extraction.places.size());
        for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
        state.view = fitPlaces(state, all);
    }
    const geo::Basemap basemap = geo::loadBasemap(data_dir);

    auto context = render::HeadlessContext::create();
    FrameRenderers renderers(basemap);
    const render::Image image = renderFrame(renderers, state);
    render::writePng(image, request.out_path);

    RenderResult result;
    result.place_count = state.doc->extraction.places.size();
    result.view = state.view;
    if (state_out) *state_out = std::move(state);
    return result;
}

}  // namespace app::cli
