#include "app/cli/headless.hpp"

#include "app/project_io.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <exception>
#include <future>

#include <unistd.h>

#include <nlohmann/json.hpp>

#include "app/frame.hpp"
#include "app/framing.hpp"
#include "geo/place_shapes.hpp"
#include "app/layer_files.hpp"
#include "app/scene.hpp"
#include "app/ui/map_overlay.hpp"
#include "app/user_dems.hpp"
#include "geo/atomic_file.hpp"
#include "geo/error.hpp"
#include "app/actions.hpp"
#include "app/render/geotiff.hpp"
#include "app/render/gl_context.hpp"
#include "app/render/tiled_render.hpp"
#include "geo/basemap.hpp"
#include "geo/data_paths.hpp"
#include "geo/projection.hpp"

namespace app::cli {

namespace {

// With TEXTATLAS_TIMINGS set in the environment, each stage's wall-clock and CPU seconds (CPU of
// all the process's threads, so work overlapped on another thread counts where it ran) go to
// stderr, one line per stage: bench/render_vs_gmt.sh reports them.
class StageTimes {
public:
    StageTimes() : enabled_(std::getenv("TEXTATLAS_TIMINGS") != nullptr) { now(wall_, cpu_); }
    void mark(const char* stage) {
        if (!enabled_) return;
        double wall = 0, cpu = 0;
        now(wall, cpu);
        std::fprintf(stderr, "textatlas timing: %-34s wall %6.3f s  cpu %6.3f s  rss %6.1f MB\n", stage, wall - wall_,
                     cpu - cpu_, residentMegabytes());
        wall_ = wall;
        cpu_ = cpu;
    }

private:
    // The process's resident memory now (from /proc/self/statm), in MB; 0 where unknown.
    static double residentMegabytes() {
        std::FILE* statm = std::fopen("/proc/self/statm", "r");
        if (statm == nullptr) return 0.0;
        long pages_total = 0, pages_resident = 0;
        const int read = std::fscanf(statm, "%ld %ld", &pages_total, &pages_resident);
        std::fclose(statm);
        return read == 2 ? double(pages_resident) * double(::sysconf(_SC_PAGESIZE)) / 1e6 : 0.0;
    }
    static void now(double& wall, double& cpu) {
        timespec t{};
        clock_gettime(CLOCK_MONOTONIC, &t);
        wall = double(t.tv_sec) + 1e-9 * double(t.tv_nsec);
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t);
        cpu = double(t.tv_sec) + 1e-9 * double(t.tv_nsec);
    }
    bool enabled_;
    double wall_ = 0, cpu_ = 0;
};

// The overlay's layout as JSON, written beside and renamed over the target.
void writeLayoutJson(const ui::OverlayLayout& layout, const ui::FurnitureLayout& furniture, const AppState& state,
                     const std::string& path) {
    nlohmann::json labels = nlohmann::json::array();
    for (const ui::PlacedLabel& label : layout.labels) {
        labels.push_back({{"text", label.text}, {"x", label.box.x}, {"y", label.box.y}, {"w", label.box.w},
                          {"h", label.box.h}, {"kind", label.town ? "town" : label.layer_point ? "layer" : "place"}});
    }
    nlohmann::json markers = nlohmann::json::array();
    for (const ui::PlacedMarker& marker : layout.markers) {
        const geo::LonLat& at = state.doc->extraction.places[marker.place_index].place.position;
        markers.push_back({{"place", marker.place}, {"x", marker.box.x}, {"y", marker.box.y}, {"w", marker.box.w},
                           {"h", marker.box.h}, {"lon", at.lon}, {"lat", at.lat}, {"mentions", marker.mentions},
                           {"cluster_size", marker.cluster_size}});
    }
    // The text's places outside the picture, as the edge indicators point to them.
    nlohmann::json outside = nlohmann::json::array();
    for (const ui::EdgeIndicator& indicator : layout.edge_indicators) {
        outside.push_back({{"place", state.doc->extraction.places[indicator.place].place.name},
                           {"label", indicator.label}, {"x", indicator.x}, {"y", indicator.y}, {"w", indicator.w},
                           {"h", indicator.h}, {"tip_x", indicator.tip_x}, {"tip_y", indicator.tip_y}});
    }
    // The furniture, the export's and the map's own (pieces not drawn are left out; an export
    // draws its north arrow itself).
    nlohmann::json pieces = nlohmann::json::object();
    const ui::Box& north_arrow = furniture.north_arrow.w > 0 ? furniture.north_arrow : layout.north_arrow;
    for (const auto& [name, box] : {std::pair<const char*, const ui::Box*>{"title", &furniture.title},
                                    {"legend", &furniture.legend}, {"north_arrow", &north_arrow},
                                    {"inset", &furniture.inset}, {"scale_bar", &layout.scale_bar_area},
                                    {"attribution", &layout.attribution}})
        if (box->w > 0 && box->h > 0) pieces[name] = {{"x", box->x}, {"y", box->y}, {"w", box->w}, {"h", box->h}};
    const nlohmann::json json{{"projection", state.projection.crs()},
                              {"width", state.view.width()},
                              {"height", state.view.height()},
                              {"zoom", state.view.zoom()},
                              {"labels", labels},
                              {"markers", markers},
                              {"outside", outside},
                              {"furniture", pieces}};
    geo::writeFileAtomically(path, json.dump(2) + "\n", "the layout JSON");
}

// The furniture's boxes that may cover the map's contents (the scale bar and attribution are the
// screen's too, and the fit's margins keep markers off them).
bool coversAny(const ui::FurnitureLayout& furniture, const ui::Box& box) {
    for (const ui::Box* piece : {&furniture.title, &furniture.legend, &furniture.north_arrow, &furniture.inset})
        if (piece->w > 0 && piece->h > 0 && piece->overlaps(box)) return true;
    return false;
}

// A fitted export view zoomed out about its centre, a tenth of a level at a time and at most a
// level and a half, until no marker or label of the text's focus lies under the furniture. The
// fit keeps markers 56 px from the edges, where a 200 × 125 px legend or a 190 px inset sits:
// the HTML report's map hid Ísafjörður under its legend.
void keepFurnitureOffTheFocus(FrameRenderers& renderers, AppState& state, const FrameOptions& options) {
    if (!state.doc) return;
    if (options.title.empty() && !options.legend && !options.inset && !options.north_arrow.value_or(false)) return;
    const TextFocus focus = textFocus(*state.doc);
    const auto in_focus = [&](std::size_t place) {
        return std::find(focus.places.begin(), focus.places.end(), place) != focus.places.end();
    };
    constexpr double kStep = 0.1;
    constexpr int kMaxSteps = 15;
    for (int step = 0; step < kMaxSteps; ++step) {
        const FrameLayout layout = exportFrameLayout(renderers, state, options);
        bool covered = false;
        for (const ui::PlacedMarker& marker : layout.overlay.markers)
            covered = covered || (in_focus(marker.place_index) && coversAny(layout.furniture, marker.box));
        for (const ui::PlacedLabel& label : layout.overlay.labels)
            covered = covered || (!label.town && !label.layer_point && in_focus(label.place) &&
                                  coversAny(layout.furniture, label.box));
        if (!covered || state.view.zoom() - kStep < geo::kMinZoom) return;
        state.view = geo::Viewport(state.view.width(), state.view.height(), state.view.center(), state.view.zoom() - kStep);
    }
}

}  // namespace

std::string attributionLine(const std::vector<std::string>& sources) {
    std::string line;
    for (const std::string& source : sources) line += (line.empty() ? "" : " · ") + source;
    return line;
}

bool isGeoTiffPath(const std::string& path) {
    std::string extension = std::filesystem::path(path).extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return extension == ".tif" || extension == ".tiff";
}

RenderResult renderHeadless(const RenderRequest& print_request, const std::string& argv0, AppState* state_out) {
    // The view is chosen as on a screen (96 dpi) of the printed size × 96/dpi: `request` is that
    // screen's request; the picture is then drawn print_scale times finer (renderExportFrame).
    const double print_scale = print_request.dpi > 0 ? print_request.dpi / 96.0 : 1.0;
    RenderRequest request = print_request;
    request.width = std::max(1, static_cast<int>(std::lround(print_request.width / print_scale)));
    request.height = std::max(1, static_cast<int>(std::lround(print_request.height / print_scale)));
    StageTimes times;
    const std::string data_dir = geo::findDataDir(argv0);
    // Three things that do not depend on one another run side by side: the gazetteer is loaded and
    // the text's places found on one thread, the basemap read on another, and the GL context made
    // here (it stays current on this thread). An error in the text is still the one reported first.
    std::vector<std::string> dem_problems;
    std::vector<std::string> overview_problems;
    std::future<geo::Basemap> basemap_loading = std::async(std::launch::async, [&data_dir, &request, &dem_problems,
                                                                               &overview_problems] {
        geo::Basemap basemap = geo::loadBasemap(data_dir);
        UserDems user = openUserDems(request.dems);
        basemap.dems = std::move(user.dems);
        dem_problems = std::move(user.problems);
        // A large DEM's zoomed-out view is averaged: its overviews are made once (cached) and used.
        for (const auto& dem : basemap.dems) {
            if (!wantsAveragedOverviews(*dem)) continue;
            try {
                dem->useAveragedOverviews(demOverviewsDir());
            } catch (const geo::Error& e) {
                overview_problems.push_back(e.what());
            }
        }
        return basemap;
    });
    struct FoundPlaces {
        std::unique_ptr<OpenDocument> doc;
        ProjectOpenReport project;  // the reader's corrections from the text's project, as the viewer shows them
        std::vector<geo::Town> towns;  // the gazetteer's, labelled on the map
    };
    std::future<FoundPlaces> places_finding = std::async(std::launch::async, [&data_dir, &request] {
        const geo::Gazetteer gazetteer = geo::Gazetteer::load(data_dir);
        FoundPlaces found;
        found.doc = std::make_unique<OpenDocument>(openWithProject(request.text_path, gazetteer, &found.project));
        found.towns = geo::gazetteerTowns(gazetteer);
        return found;
    });
    std::unique_ptr<render::HeadlessContext> context;
    std::exception_ptr context_error;
    try {
        context = render::HeadlessContext::create();
    } catch (...) {
        context_error = std::current_exception();
    }
    times.mark("EGL context");
    FoundPlaces found = places_finding.get();
    times.mark("load the gazetteer, find the places");
    if (context_error) std::rethrow_exception(context_error);
    AppState state;
    state.doc = std::move(found.doc);
    // Countries' and provinces' outlines: an area round the picture's centre is not listed outside it.
    const geo::PlaceShapes shapes(data_dir);
    state.shapes = &shapes;
    const ProjectOpenReport& project = found.project;
    geo::Basemap basemap = basemap_loading.get();
    basemap.towns = std::move(found.towns);
    times.mark("load the basemap (rest of)");
    state.dems = basemap.dems;  // the fly-to and fit zooms stop where their detail ends, as in the viewer
    state.panel_width_px = 0;  // no panel covers a rendered picture
    state.view = geo::Viewport(request.width, request.height, geo::XY{0, 0}, 2.0);
    if (request.center) {
        // Web Mercator clamps a polar centre at ±85.05° (the other projections are centred below).
        state.view = geo::Viewport(request.width, request.height,
                                   *geo::MapProjection().forward(request.center->lon, request.center->lat), request.zoom);
    } else {
        state.view = focusView(state);  // the text's focus, as the viewer's first view (app/framing)
    }
    if (request.projection != geo::MapProjectionKind::WebMercator) {
        if (request.center) {
            state.projection = geo::MapProjection::make(request.projection, *request.center);
            state.map.projection = request.projection;
            const auto centre = state.projection.forward(request.center->lon, request.center->lat);
            state.view = geo::Viewport(request.width, request.height, centre ? *centre : geo::XY{0, 0}, request.zoom);
        } else {
            setMapProjection(state, request.projection);
            if (request.projection != geo::MapProjectionKind::Globe) state.view = focusView(state);
        }
    }
    state.map = [&] {
        MapSettings settings = defaultMapSettings(basemap);
        settings.projection = state.map.projection;
        return settings;
    }();

    if (print_scale != 1.0) {
        state.view = geo::Viewport(print_request.width, print_request.height, state.view.center(),
                                   std::clamp(state.view.zoom() + std::log2(print_scale), geo::kMinZoom, geo::kMaxZoom));
    }

    FrameRenderers renderers(basemap, 15.0f * static_cast<float>(print_scale));
    times.mark("upload to the GPU");
    for (const std::string& path : request.layers) state.map.layers.push_back(addLayerFile(path, renderers.map));
    ui::OverlayLayout layout;
    ui::FurnitureLayout furniture;
    render::Image image;
    int tiles = 1;
    // The screen's picture unless something only an export has is asked for.
    const bool export_frame = print_scale != 1.0 || !request.title.empty() || request.legend || request.inset ||
                              request.north_arrow.has_value() || request.max_tile_px > 0 ||
                              isGeoTiffPath(request.out_path) ||
                              std::max(state.view.width(), state.view.height()) > render::kDefaultMaxTilePx;
    if (export_frame) {
        FrameOptions options;
        options.dpi_scale = static_cast<float>(print_scale);
        options.title = request.title;
        options.legend = request.legend;
        options.inset = request.inset;
        options.north_arrow = request.north_arrow;
        options.max_tile_px = request.max_tile_px;
        // A GeoTIFF is a clean georeferenced map (markers and labels) unless furniture is asked for.
        options.map_furniture = !isGeoTiffPath(request.out_path) || !request.title.empty() || request.legend ||
                                request.inset || request.north_arrow.value_or(false);
        // A view of the text's focus (no --center given) steps back until the title, legend, north
        // arrow and inset cover none of the focus's markers and labels.
        if (!request.center && request.projection != geo::MapProjectionKind::Globe) keepFurnitureOffTheFocus(renderers, state, options);
        FrameLayout frame_layout;
        image = renderExportFrame(renderers, state, options, &frame_layout);
        layout = std::move(frame_layout.overlay);
        furniture = frame_layout.furniture;
        tiles = frame_layout.tiles;
    } else {
        // The screen's picture, arrows to the places outside it included, as the viewer shows it.
        image = renderFrame(renderers, state, 0.0f, &layout, /*edge_indicators=*/true);
    }
    times.mark("render and read back");
    RenderResult result;
    if (request.out_path.empty()) {
        result.png = render::encodePng(image);
    } else if (isGeoTiffPath(request.out_path)) {
        render::GeoTiffOptions geotiff;
        geotiff.crs = state.projection.crs();
        geotiff.dpi = request.dpi;
        geotiff.copyright = attributionLine(basemap.attribution);
        render::writeGeoTiff(image, state.view, request.out_path, geotiff);
    } else {
        render::writePng(image, request.out_path);
    }
    times.mark(isGeoTiffPath(request.out_path) ? "write the GeoTIFF" : "write the PNG");
    if (!request.layout_json_path.empty()) writeLayoutJson(layout, furniture, state, request.layout_json_path);

    result.tiles = tiles;
    result.attribution = basemap.attribution;
    result.place_count = state.doc->extraction.places.size();
    if (!project.project_error.empty()) result.warnings.push_back(project.project_error + " (its corrections are not applied)");
    if (!project.unplaced.empty()) result.warnings.push_back(describe(project));
    for (const std::string& problem : dem_problems) result.warnings.push_back(problem + " (left out of the terrain)");
    for (const std::string& problem : overview_problems)
        result.warnings.push_back(problem + " (no averaged overviews: zoomed-out views take the nearest cells)");
    for (const std::string& problem : renderers.map.takeProblems()) result.warnings.push_back(problem);
    result.view = state.view;
    if (state_out) *state_out = std::move(state);
    return result;
}

}  // namespace app::cli
