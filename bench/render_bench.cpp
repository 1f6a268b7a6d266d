// Google Benchmarks of the map renderer on the headless EGL context (Mesa llvmpipe on a machine
// without a GPU): one whole frame of the seed article's view (terrain, layers, markers, labels,
// scale bar), a frame with 100,000 markers, and a frame of dragging (turning) the globe, all at
// 1920×1080, read back so the GPU's work is included. The time reported is wall time per frame; CPU time is the process's.
#include <benchmark/benchmark.h>

#include <GL/gl.h>

#include <cmath>
#include <map>
#include <string>
#include <memory>
#include <random>

#include "app/actions.hpp"
#include "app/frame.hpp"
#include "app/render/colour_target.hpp"
#include "app/render/gl_context.hpp"
#include "app/render/map_canvas.hpp"
#include "app/ui/map_overlay.hpp"
#include "app/scene.hpp"
#include "geo/basemap.hpp"
#include "geo/data_paths.hpp"
#include "geo/gazetteer.hpp"

namespace {

constexpr int kWidth = 1920;
constexpr int kHeight = 1080;

// The context, basemap and renderers, made once for all benchmarks.
struct Fixture {
    std::unique_ptr<app::render::HeadlessContext> context = app::render::HeadlessContext::create();
    geo::Basemap basemap = geo::loadBasemap(geo::findDataDir());
    app::FrameRenderers renderers{basemap};
};

Fixture& fixture(std::unique_ptr<Fixture>& holder) {
    if (!holder) holder = std::make_unique<Fixture>();
    return *holder;
}

std::unique_ptr<Fixture> shared_fixture;

// The seed article open at 1920 × 1080 with all its places in view, beside a side panel this wide.
std::unique_ptr<app::AppState> seedState(const Fixture& f, int panel_width_px) {
    const std::string data_dir = geo::findDataDir();
    static const geo::Gazetteer gazetteer = geo::Gazetteer::load(data_dir);
    auto app_state = std::make_unique<app::AppState>();
    app_state->doc = std::make_unique<app::OpenDocument>(
        app::OpenDocument::load(data_dir + "/texts/panjshir-valley.txt", gazetteer));
    app_state->panel_width_px = panel_width_px;
    app_state->view = geo::Viewport(kWidth, kHeight, geo::XY{0, 0}, 2.0);
    std::vector<std::size_t> all(app_state->doc->extraction.places.size());
    for (std::size_t i = 0; i < all.size(); ++i) all[i] = i;
    app_state->view = app::fitPlaces(*app_state, all);
    app_state->map = app::defaultMapSettings(f.basemap);
    return app_state;
}

void BM_SeedFrame(benchmark::State& state) {
    Fixture& f = fixture(shared_fixture);
    const std::unique_ptr<app::AppState> seed = seedState(f, 0);
    app::AppState& app_state = *seed;
    if (state.range(0) == 1) app_state.view = app_state.view.zoomedAbout(geo::XY{kWidth * 0.7, kHeight * 0.5}, 5.0);
    for (auto _ : state) {
        const app::render::Image image = app::renderFrame(f.renderers, app_state);
        benchmark::DoNotOptimize(image.rgba.data());
    }
    state.SetLabel(state.range(0) == 1 ? "Kabul region, zoom +5" : "fit to the seed's places");
}
BENCHMARK(BM_SeedFrame)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2.0);

void BM_HundredThousandMarkers(benchmark::State& state) {
    Fixture& f = fixture(shared_fixture);
    // Markers spread over a 1920×1080 view of the region, as positions in Web Mercator metres.
    const geo::Viewport view(kWidth, kHeight, geo::XY{7.7e6, 4.1e6}, 6.0);
    std::mt19937 random(42);
    std::uniform_real_distribution<double> across(0.0, kWidth), down(0.0, kHeight);
    std::vector<app::render::MarkerInstance> markers(static_cast<std::size_t>(state.range(0)));
    for (auto& marker : markers) {
        marker.position = view.toMercator(geo::XY{across(random), down(random)});
        marker.radius_px = 4.0f;
    }
    const app::render::FrameStyle style;
    for (auto _ : state) {
        const app::render::Image image = f.renderers.map.renderToImage(view, markers, style);
        benchmark::DoNotOptimize(image.rgba.data());
    }
    state.SetItemsProcessed(state.iterations() * state.range(0));
}
BENCHMARK(BM_HundredThousandMarkers)->Arg(100000)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2.0);

// The viewer's frame at 1920 × 1080: the map through the MapCanvas, the seed's markers and the
// labels, scale bar and attribution drawn with Dear ImGui, into a window-sized framebuffer
// (glFinish, no read-back: a window shows the frame without one). The side panels are not drawn.
//   0 still: nothing on the map moves (hovering, reading, scrolling the passages)
//   1 drag: the map dragged 9 px right and 4 px up every frame (whole pixels, as a mouse moves)
//   2 glide: the glide after a drag, 6.3 px and 2.7 px a frame (fractions of a pixel)
//   3 zoom: a fly-to's or the wheel's zoom, 0.02 levels a frame about the centre
//   4 redraw: the map drawn afresh every frame (the sun turning; what each frame cost before the canvas)
void BM_ViewerFrame(benchmark::State& state) {
    Fixture& f = fixture(shared_fixture);
    const std::unique_ptr<app::AppState> seed = seedState(f, 440);
    app::AppState& app_state = *seed;
    app::render::ColourTarget window;
    window.ensure(kWidth, kHeight, 0);
    app::render::MapCanvas canvas;
    const int motion = int(state.range(0));
    app::render::FrameStyle style = app::screenFrameStyle(app_state);
    std::map<app::render::CanvasFrame, int> kinds;
    int frame = 0;
    auto draw = [&] {
        glBindFramebuffer(GL_FRAMEBUFFER, window.framebuffer.get());
        kinds[canvas.draw(f.renderers.map, app_state.view, app::drawnMarkers(app_state).markers, style)]++;
        f.renderers.overlay.draw(kWidth, kHeight, [&](ImDrawList* draw_list) {
            app::ui::OverlayOptions options;
            options.left_inset_px = 440.0f;
            options.attribution = f.renderers.attribution;
            options.towns = &f.renderers.towns;
            app::ui::drawMapOverlay(draw_list, f.renderers.overlay.font(), f.renderers.overlay.fontSize(), app_state,
                                    options);
        });
        glFinish();
    };
    draw();  // the first frame draws everything
    kinds.clear();
    for (auto _ : state) {
        ++frame;
        // Back and forth, so the view stays over the region however many frames are timed.
        const double way = (frame / 60) % 2 == 0 ? 1.0 : -1.0;
        if (motion == 1) app_state.view = app_state.view.panned(9.0 * way, -4.0 * way);
        if (motion == 2) app_state.view = app_state.view.panned(6.3 * way, -2.7 * way);
        if (motion == 3)
            app_state.view = app_state.view.zoomedAbout(geo::XY{kWidth / 2.0, kHeight / 2.0}, 0.02 * way);
        if (motion == 4) style.terrain.sun_azimuth_deg = float(frame % 360);
        draw();
    }
    static const char* const names[] = {"still", "drag", "glide", "zoom", "redraw"};
    std::string label = names[motion];
    for (const auto& [kind, count] : kinds) label += std::string(", ") + app::render::toString(kind) + " " + std::to_string(count);
    state.SetLabel(label);
    state.counters["fps"] = benchmark::Counter(double(state.iterations()), benchmark::Counter::kIsRate);
}
BENCHMARK(BM_ViewerFrame)->DenseRange(0, 4)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2.0);

// The globe at zoom 3 filling a 1920×1080 view, with one frame drawn so that what is made once
// (the DEM textures, shaders, cut geometry) is not timed.
app::AppState& globeState(Fixture& f) {
    static std::unique_ptr<app::AppState> held;
    if (!held) {
        held = std::make_unique<app::AppState>();
        held->panel_width_px = 0;
        held->view = geo::Viewport(kWidth, kHeight, geo::XY{7.7e6, 4.1e6}, 3.0);
        held->map = app::defaultMapSettings(f.basemap);
        app::setMapProjection(*held, geo::MapProjectionKind::Globe);
        benchmark::DoNotOptimize(app::renderFrame(f.renderers, *held).rgba.data());
    }
    return *held;
}

// One step of dragging the globe: the drag turns it (a new orthographic centre each step, see
// PanBy), so every step projects the basemap and terrain afresh before drawing the frame. The
// globe keeps turning from one run to the next, so no step finds its projection already cached.
void BM_GlobeDragStep(benchmark::State& state) {
    Fixture& f = fixture(shared_fixture);
    app::AppState& app_state = globeState(f);
    for (auto _ : state) {
        app::apply(app_state, app::PanBy{-20.0, 0.0});
        const app::render::Image image = app::renderFrame(f.renderers, app_state);
        benchmark::DoNotOptimize(image.rgba.data());
    }
    state.SetLabel("whole globe, 20 px drag per frame");
}
BENCHMARK(BM_GlobeDragStep)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2.0);

// The same globe held still: the frame's drawing alone, the floor a drag step cannot go below.
void BM_GlobeStillFrame(benchmark::State& state) {
    Fixture& f = fixture(shared_fixture);
    const app::AppState& app_state = globeState(f);
    for (auto _ : state) {
        const app::render::Image image = app::renderFrame(f.renderers, app_state);
        benchmark::DoNotOptimize(image.rgba.data());
    }
    state.SetLabel("whole globe, not moving");
}
BENCHMARK(BM_GlobeStillFrame)->Unit(benchmark::kMillisecond)->UseRealTime()->MinTime(2.0);

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    shared_fixture.reset();  // GL objects go before the context, and before static teardown
    return 0;
}
