#include "app/viewer.hpp"

#include "app/user_dems.hpp"
#include "app/wording.hpp"

#include <GLFW/glfw3.h>
#include <imgui.h>
#include <backends/imgui_impl_glfw.h>
#include <backends/imgui_impl_opengl3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <cmath>
#include <ctime>
#include <filesystem>
#include <map>
#include <memory>
#include <stdexcept>

#include "app/actions.hpp"
#include "app/background_task.hpp"
#include "app/frame.hpp"
#include "app/render/map_canvas.hpp"
#include "app/render/window_clear.hpp"
#include "app/scene.hpp"
#include "app/ui/claims_panel.hpp"
#include "app/ui/corrections_panel.hpp"
#include "app/ui/export_dialog.hpp"
#include "app/ui/fonts.hpp"
#include "app/project_io.hpp"
#include "app/recent_files.hpp"
#include "app/ui/map_input.hpp"
#include "app/ui/open_dialog.hpp"
#include "app/ui/map_overlay.hpp"
#include "app/ui/layers_panel.hpp"
#include "app/ui/measure_overlay.hpp"
#include "app/ui/panels.hpp"
#include "app/ui/screen_overlay.hpp"
#include "app/viewer_frame.hpp"
#include "geo/basemap.hpp"
#include "geo/data_paths.hpp"
#include "geo/error.hpp"
#include "geo/project_store.hpp"
#include "geo/projection.hpp"

namespace app {
namespace {

struct GlfwDeleter {
    void operator()(GLFWwindow* w) const { glfwDestroyWindow(w); }
};
using WindowPtr = std::unique_ptr<GLFWwindow, GlfwDeleter>;

// glfwInit/glfwTerminate for the viewer's lifetime.
struct GlfwSession {
    GlfwSession() {
        if (!glfwInit()) throw std::runtime_error("cannot initialise GLFW (is there a display?)");
    }
    ~GlfwSession() { glfwTerminate(); }
};

// Dear ImGui context with the GLFW and OpenGL 3 backends, for the window's lifetime.
struct ImGuiSession {
    explicit ImGuiSession(GLFWwindow* window) {
        ImGui::CreateContext();
        ImGui::GetIO().IniFilename = nullptr;  // the layout is fixed; nothing to remember yet
        ImGui::StyleColorsLight();
        ImGui_ImplGlfw_InitForOpenGL(window, true);
        ImGui_ImplOpenGL3_Init("#version 330 core");
    }
    ~ImGuiSession() {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
        ImGui::DestroyContext();
    }
};

// HiDPI: the font and Dear ImGui's sizes for the monitor the window is on, set again when the
// window moves to a monitor of another density. The content scale is how much larger than
// standard things must be drawn, in framebuffer pixels, to keep their physical size; Dear ImGui
// lays out in window units, which are framebuffer pixels on X11 and 1/framebuffer_scale of them
// on Wayland or macOS. The font is rasterised at the framebuffer's density, so text stays crisp.
struct UiDensity {
    float content_scale = 0.0f;
    float framebuffer_scale = 0.0f;  // framebuffer pixels per window unit
    ImFont* font = nullptr;

    // Returns true when the density changed; then the font atlas and the style were rebuilt
    // (`upload`: replace the font texture the OpenGL backend already has). Call outside a frame.
    bool update(GLFWwindow* window, bool upload) {
        float scale_x = 1.0f, scale_y = 1.0f;
        glfwGetWindowContentScale(window, &scale_x, &scale_y);
        if (!(scale_x > 0.0f) || !std::isfinite(scale_x)) scale_x = 1.0f;
        int window_w = 0, window_h = 0, framebuffer_w = 0, framebuffer_h = 0;
        glfwGetWindowSize(window, &window_w, &window_h);
        glfwGetFramebufferSize(window, &framebuffer_w, &framebuffer_h);
        // A minimised window has no size: keep the density it had.
        if (window_w <= 0 || framebuffer_w <= 0) return false;
        const float fb_scale = float(framebuffer_w) / float(window_w);
        if (scale_x == content_scale && fb_scale == framebuffer_scale) return false;
        content_scale = scale_x;
        framebuffer_scale = fb_scale;
        ImGuiIO& io = ImGui::GetIO();
        io.Fonts->Clear();
        font = ui::addUiFont(io.Fonts, 16.0f * content_scale);
        if (upload) {
            ImGui_ImplOpenGL3_DestroyFontsTexture();
            ImGui_ImplOpenGL3_CreateFontsTexture();
        }
        io.FontGlobalScale = 1.0f / framebuffer_scale;
        ImGuiStyle style;
        ImGui::StyleColorsLight(&style);
        style.ScaleAllSizes(content_scale / framebuffer_scale);
        ImGui::GetStyle() = style;
        return true;
    }
};

// Files dropped on the window wait here until the frame loop opens them.
struct DroppedFiles {
    std::vector<std::string> paths;
};

void onDrop(GLFWwindow* window, int count, const char** paths) {
    auto* dropped = static_cast<DroppedFiles*>(glfwGetWindowUserPointer(window));
    for (int i = 0; i < count; ++i) dropped->paths.emplace_back(paths[i]);
}

// A text loaded on a worker thread (File → Open, drop, recent files), waiting to become active.
struct OpenResult {
    std::string path;
    std::shared_ptr<OpenDocument> doc;
    ProjectOpenReport report;
};

// Extraction progress shown in [from, to] of the task's bar; Cancel stops the extraction between
// pieces (geo::Cancelled) instead of letting a large text run on unseen.
geo::ExtractionProgress extractionProgress(TaskProgress& progress, float from, float to) {
    return [&progress, from, to](double fraction) {
        progress.setFraction(from + static_cast<float>(fraction) * (to - from));
        return !progress.cancelled();
    };
}

// Texts to open, one at a time on a worker thread so the window stays responsive.
struct TextOpener {
    std::deque<std::string> queue;
    std::unique_ptr<BackgroundTask<OpenResult>> running;
    std::optional<MapSettings> map_settings;  // of the text just opened, for LayersPanel::adopt

    void request(const std::string& path) { queue.push_back(path); }
    bool busy() const { return running != nullptr || !queue.empty(); }

    // Starts the next load, reports progress with a Cancel button, and hands finished texts over.
    void update(const geo::Gazetteer& gazetteer, RecentFiles& recent, ActionQueue& actions) {
        if (!running && !queue.empty()) {
            const std::string path = queue.front();
            queue.pop_front();
            running = std::make_unique<BackgroundTask<OpenResult>>([path, &gazetteer](TaskProgress& progress) {
                progress.setStep("Reading " + path + " and finding its places…");
                OpenResult result{path, nullptr, {}};
                result.doc = std::make_shared<OpenDocument>(
                    openWithProject(path, gazetteer, &result.report, extractionProgress(progress, 0.0f, 1.0f)));
                return result;
            });
        }
        if (!running) return;
        if (!running->ready()) {
            if (drawProgress("Opening a text", running->progress())) {
                running->progress().cancel();
                running.reset();  // the worker finishes on its own; its result is dropped
            }
            return;
        }
        try {
            OpenResult result = running->take();
            recent.add(result.path);
            actions.push(OpenedDocument{std::move(result.doc)});
            map_settings = std::move(result.report.map_settings);
            if (!result.report.project_error.empty() || !result.report.unplaced.empty())
                actions.push(ReportError{describe(result.report)});
        } catch (const std::exception& e) {
            actions.push(ReportError{std::string("Could not open the text.\n") + e.what()});
        }
        running.reset();
    }

    // A centred window with the step, a progress bar and Cancel. Returns true when Cancel was pressed.
    static bool drawProgress(const char* title, TaskProgress& progress) {
        const ImGuiViewport* vp = ImGui::GetMainViewport();
        ImGui::SetNextWindowPos(ImVec2(vp->Pos.x + vp->Size.x / 2, vp->Pos.y + vp->Size.y / 2), ImGuiCond_Always,
                                ImVec2(0.5f, 0.5f));
        ImGui::SetNextWindowSize(ImVec2(520, 0));
        bool cancel = false;
        if (ImGui::Begin(title, nullptr, ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoSavedSettings)) {
            ImGui::TextWrapped("%s", progress.step().c_str());
            // An indeterminate bar (the step has no finer progress): a band sweeping across.
            const float f = progress.fraction() > 0 ? progress.fraction() : float(std::fmod(ImGui::GetTime() * 0.6, 1.0));
            ImGui::ProgressBar(f, ImVec2(-1, 0), "");
            cancel = ImGui::Button("Cancel");
        }
        ImGui::End();
        return cancel;
    }
};

std::string timestampedName(const std::string& dir, const char* suffix) {
    const std::time_t now = std::time(nullptr);
    char stamp[32];
    std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", std::localtime(&now));
    return (std::filesystem::path(dir) / ("textatlas-" + std::string(stamp) + suffix + ".png")).string();
}

// F12: the map as the window shows it beside the panel (app/frame's renderVisibleMap), Shift+F12
// at twice the pixels with everything drawn twice as large.
void saveScreenshot(FrameRenderers& renderers, AppState& state, int scale) {
    const std::string path = timestampedName(state.screenshot_dir, scale == 1 ? "" : "@2x");
    try {
        const render::Image image = renderVisibleMap(renderers, state, scale);
        render::writePng(image, path);
        state.last_screenshot = path;
        state.status = "Saved screenshot " + std::filesystem::absolute(path).string() + " (" +
                       std::to_string(image.width) + "×" + std::to_string(image.height) + ")";
    } catch (const std::exception& e) {
        state.error = std::string("Could not save the screenshot: ") + e.what();
    }
}

// With TEXTATLAS_FRAME_STATS set, how long each frame took (from the start of its work to the
// swap), by how the canvas made its map, printed to stderr when the viewer closes: a measure of
// the frame rate on the machine at hand (docs/benchmarks.md, "The viewer's frame").
class FrameStats {
public:
    FrameStats() : enabled_(std::getenv("TEXTATLAS_FRAME_STATS") != nullptr) {}
    void add(render::CanvasFrame kind, double seconds) {
        if (enabled_) times_[kind].push_back(seconds);
    }
    ~FrameStats() {
        if (!enabled_) return;
        for (auto& [kind, times] : times_) {
            std::sort(times.begin(), times.end());
            const auto at = [&times](double q) { return times[std::size_t(q * double(times.size() - 1))] * 1e3; };
            std::fprintf(stderr, "textatlas frames: %-8s %6zu frames  median %7.2f ms  p95 %7.2f ms  (%.0f fps at the median)\n",
                         render::toString(kind), times.size(), at(0.5), at(0.95), 1e3 / std::max(at(0.5), 1e-3));
        }
    }

private:
    bool enabled_;
    std::map<render::CanvasFrame, std::vector<double>> times_;
};

// What the viewer needs before it can draw the map, loaded on a worker thread at start.
struct StartupData {
    geo::Gazetteer gazetteer;
    geo::Basemap basemap;
    std::unique_ptr<OpenDocument> doc;
    ProjectOpenReport reopened;
};

std::unique_ptr<StartupData> loadStartup(const std::string& data_dir, const std::string& text_path,
                                         TaskProgress& progress) {
    auto data = std::make_unique<StartupData>();
    progress.setStep("Loading the gazetteer (GeoNames, countries, curated places)…");
    progress.setFraction(0.05f);
    data->gazetteer = geo::Gazetteer::load(data_dir);
    if (progress.cancelled()) return data;
    progress.setStep("Loading the basemap and the elevation data…");
    progress.setFraction(0.35f);
    data->basemap = geo::loadBasemap(data_dir);
    data->basemap.towns = geo::gazetteerTowns(data->gazetteer);
    if (progress.cancelled()) return data;
    progress.setStep("Reading " + text_path + " and finding its places…");
    progress.setFraction(0.7f);
    try {
        data->doc = std::make_unique<OpenDocument>(
            openWithProject(text_path, data->gazetteer, &data->reopened, extractionProgress(progress, 0.7f, 1.0f)));
    } catch (const geo::Cancelled&) {
        return data;  // the caller sees progress.cancelled()
    }
    progress.setFraction(1.0f);
    return data;
}

}  // namespace

WindowSize initialWindowSize(int work_area_width, int work_area_height, float content_scale) {
    constexpr int kPreferredWidth = 1440, kPreferredHeight = 900;
    const float scale = content_scale > 0.0f && std::isfinite(content_scale) ? content_scale : 1.0f;
    // No monitor, or one that reports no work area: the preferred size.
    if (work_area_width <= 0 || work_area_height <= 0) return WindowSize{kPreferredWidth, kPreferredHeight, false};
    const int room_w = std::max(1, int(std::floor(work_area_width / scale)));
    const int room_h = std::max(1, int(std::floor(work_area_height / scale)));
    if (room_w >= kPreferredWidth && room_h >= kPreferredHeight) return WindowSize{kPreferredWidth, kPreferredHeight, false};
    return WindowSize{std::min(room_w, kPreferredWidth), std::min(room_h, kPreferredHeight), true};
}

int runViewer(const std::string& text_path, const std::string& argv0, const std::vector<std::string>& dem_paths) {
    const std::string data_dir = geo::findDataDir(argv0);
    // The command line's DEMs are checked before a window opens: a bad one ends the program with
    // its one-line error, as in `render`. Those of the XDG folder that fail are reported in the
    // status bar.
    UserDems user_dems = openUserDems(dem_paths);
    GlfwSession glfw;
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_SCALE_TO_MONITOR, GLFW_TRUE);  // HiDPI: the window keeps its physical size
    int work_x = 0, work_y = 0, work_w = 0, work_h = 0;
    float monitor_scale = 1.0f, unused_scale_y = 1.0f;
    if (GLFWmonitor* monitor = glfwGetPrimaryMonitor()) {
        glfwGetMonitorWorkarea(monitor, &work_x, &work_y, &work_w, &work_h);
        glfwGetMonitorContentScale(monitor, &monitor_scale, &unused_scale_y);
    }
    const WindowSize size = initialWindowSize(work_w, work_h, monitor_scale);
    glfwWindowHint(GLFW_MAXIMIZED, size.fills_work_area ? GLFW_TRUE : GLFW_FALSE);
    WindowPtr window(glfwCreateWindow(size.width, size.height, ("Text Atlas — " + text_path).c_str(), nullptr, nullptr));
    if (!window) throw std::runtime_error("cannot open a window with OpenGL 3.3 core");
    // Without a window manager (Xvfb, kiosks) nothing places the window: put it on the work area.
    if (size.fills_work_area) glfwSetWindowPos(window.get(), work_x, work_y);
    glfwMakeContextCurrent(window.get());
    glfwSwapInterval(1);

    ImGuiSession imgui(window.get());
    UiDensity density;
    if (!density.update(window.get(), false)) density.font = ui::addUiFont(ImGui::GetIO().Fonts, 16.0f);
    if (density.content_scale == 0.0f) density.content_scale = density.framebuffer_scale = 1.0f;

    // Load on a worker thread; the window shows progress and can cancel meanwhile.
    BackgroundTask<std::unique_ptr<StartupData>> startup(
        [data_dir, text_path](TaskProgress& progress) { return loadStartup(data_dir, text_path, progress); });
    while (!startup.ready()) {
        glfwPollEvents();
        if (glfwWindowShouldClose(window.get())) startup.progress().cancel();
        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        ImGui::NewFrame();
        if (TextOpener::drawProgress("Text Atlas is loading", startup.progress())) startup.progress().cancel();
        ImGui::Render();
        int width = 0, height = 0;
        glfwGetFramebufferSize(window.get(), &width, &height);
        render::clearWindow(width, height, 0xe9ecefff);
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        glfwSwapBuffers(window.get());
        // Nothing to keep: quit at once; the worker is ended with the process.
        if (startup.progress().cancelled()) std::quick_exit(0);
    }
    std::unique_ptr<StartupData> loaded = startup.take();
    const geo::Gazetteer& gazetteer = loaded->gazetteer;
    loaded->basemap.dems = user_dems.dems;
    const geo::Basemap& basemap = loaded->basemap;
    ProjectOpenReport& reopened = loaded->reopened;
    AppState state;
    state.gazetteer = &gazetteer;
    const geo::PlaceShapes shapes(data_dir);  // opened on the first selected country, province or river
    state.shapes = &shapes;
    state.relief = basemap.world_relief.get();
    state.dems = basemap.dems;
    state.doc = std::move(loaded->doc);
    glfwSetWindowTitle(window.get(), ("Text Atlas — " + state.doc->document.name()).c_str());

    FrameRenderers renderers(basemap, ui::kScreenLabelPx);  // the labels' size on screen
    // The window never waits for world tiles: it draws what it has and redraws as they arrive.
    renderers.map.setWaitForTiles(false);
    render::MapCanvas map_canvas;
    ActionQueue actions;
    TextOpener opener;
    ui::ExportDialog export_dialog;
    ViewerPanels panels;
    ui::OpenDialog open_dialog;
    ui::LayersPanel layers_panel;
    RecentFiles recent;
    recent.add(text_path);
    DroppedFiles dropped;
    glfwSetWindowUserPointer(window.get(), &dropped);
    glfwSetDropCallback(window.get(), onDrop);
    int fb_w = 0, fb_h = 0;
    glfwGetFramebufferSize(window.get(), &fb_w, &fb_h);
    state.view = state.view.withSize(std::max(fb_w, 1), std::max(fb_h, 1));
    state.ui_scale = density.content_scale;
    state.panel_width_px = int(440 * density.content_scale);  // view (framebuffer) pixels
    state.view = focusView(state);  // the text's focus (app/framing)
    if (reopened.view)
        state.view = geo::Viewport(state.view.width(), state.view.height(),
                                   *geo::MapProjection().forward(reopened.view->lon, reopened.view->lat),
                                   std::clamp(reopened.view->zoom + std::log2(double(state.ui_scale)),
                                              geo::kMinZoom, geo::kMaxZoom));  // saved at standard density
    state.status = countOf(state.doc->extraction.places.size(), "place") + " in " + state.doc->path;
    if (reopened.had_project) state.status += ". " + describe(reopened);
    for (const std::string& problem : user_dems.problems) state.status += ". DEM left out: " + problem;
    if (!reopened.project_error.empty() || !reopened.unplaced.empty()) state.error = describe(reopened);

    layers_panel.init(state, basemap, renderers.map, mapSettingsPath(), reopened.map_settings);  // saved layers, projection
    auto last = std::chrono::steady_clock::now();
    FrameStats frame_stats;
    // Idle means idle: while nothing moves by itself the loop sleeps until the next event (input,
    // resize, expose), then draws a few frames so Dear ImGui settles hover, popups and layout.
    // A text field with the cursor in it wakes twice a second for the cursor's blink; otherwise the
    // loop wakes every five seconds for one frame.
    constexpr int kSettleFrames = 3;
    constexpr double kIdleWakeSeconds = 5.0, kTypingWakeSeconds = 0.5;
    constexpr double kLongestStepSeconds = 0.1;  // the clock a frame advances after a long sleep
    int settle_frames = kSettleFrames;
    while (!glfwWindowShouldClose(window.get()) && !state.quit_requested) {
        // (A DEM window read on a worker thread is drawn when it lands: frames go on until then.)
        if (movesByItself(state) || opener.busy() || renderers.map.demReadsInFlight() > 0 || settle_frames > 0) {
            glfwPollEvents();
            if (settle_frames > 0) --settle_frames;
        } else {
            const double timeout = ImGui::GetIO().WantTextInput ? kTypingWakeSeconds : kIdleWakeSeconds;
            const auto sleep_start = std::chrono::steady_clock::now();
            glfwWaitEventsTimeout(timeout);
            // Woken by an event: settle; by the timeout (nothing happened): one frame, for a
            // blinking cursor or anything that changed without telling the window.
            const double slept = std::chrono::duration<double>(std::chrono::steady_clock::now() - sleep_start).count();
            settle_frames = slept < 0.95 * timeout ? kSettleFrames - 1 : 0;
        }
        const auto now = std::chrono::steady_clock::now();
        const double dt = std::min(std::chrono::duration<double>(now - last).count(), kLongestStepSeconds);
        last = now;

        glfwGetFramebufferSize(window.get(), &fb_w, &fb_h);
        if (fb_w != state.view.width() || fb_h != state.view.height()) actions.push(ResizeView{fb_w, fb_h});
        if (density.update(window.get(), true)) {  // moved to a monitor of another density
            state.ui_scale = density.content_scale;
            state.panel_width_px = int(440 * density.content_scale);
        }

        ImGui_ImplOpenGL3_NewFrame();
        ImGui_ImplGlfw_NewFrame();
        ImGui::NewFrame();
        // Map input, menus, panels, corrections and the keyboard shortcuts (app/viewer_frame).
        const ui::MenuRequests menu = drawViewerPanels(state, actions, panels, recent.paths());
        if (menu.open_dialog)
            open_dialog.show(std::filesystem::path(state.doc->path).parent_path().string());
        if (const auto chosen = open_dialog.draw()) opener.request(*chosen);
        if (!menu.open_path.empty()) opener.request(menu.open_path);
        for (const auto& path : dropped.paths) opener.request(path);
        dropped.paths.clear();
        opener.update(gazetteer, recent, actions);
        if (opener.map_settings) {
            layers_panel.adopt(*opener.map_settings, state, actions, renderers.map);
            opener.map_settings.reset();
        }
        if (menu.export_kind) export_dialog.show(static_cast<ui::ExportKind>(*menu.export_kind), state);
        if (const auto outcome = export_dialog.draw(state, renderers)) {
            if (outcome->ok) state.status = outcome->message;
            else actions.push(ReportError{outcome->message});
        }
        layers_panel.draw(state, actions, renderers.map);
        // Labels, scale bar, route, measure line…: laid out at standard density, scaled (HiDPI).
        ui::drawAtStandardDensity(
            ImGui::GetBackgroundDrawList(), state, ImGui::GetIO().DisplayFramebufferScale.x,
            [&](const AppState& standard, const ui::DensityTransform& to_screen) {
                ImDrawList* draw_list = ImGui::GetBackgroundDrawList();
                const ImGuiIO& io = ImGui::GetIO();
                ui::OverlayOptions overlay;
                overlay.left_inset_px = float(standard.panel_width_px);
                overlay.bottom_inset_px = float(ui::statusBarHeight() * to_screen.framebuffer_scale / to_screen.scale);
                overlay.attribution = renderers.attribution;
                overlay.towns = &renderers.towns;
                overlay.edge_indicators = true;
                if (!io.WantCaptureMouse && ImGui::IsMousePosValid()) {
                    const ImVec2 at = to_screen.fromWindow(io.MousePos.x, io.MousePos.y);
                    overlay.cursor_px = geo::XY{at.x, at.y};
                }
                ui::drawMapOverlay(draw_list, density.font, ui::kScreenLabelPx, standard, overlay);
                ui::drawTourRoute(draw_list, standard);
                ui::drawMeasure(draw_list, standard);
                ui::drawCandidatesOnMap(draw_list, standard);
                ui::drawClaimOnMap(draw_list, standard);
            });
        ImGui::Render();

        // At framebuffer resolution, markers and lines ui_scale times their standard size. The canvas
        // redraws only what changed since the last frame (app/render/map_canvas.hpp).
        const render::CanvasFrame map_frame =
            map_canvas.draw(renderers.map, state.view, drawnMarkers(state).markers, screenFrameStyle(state));
        ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
        glfwSwapBuffers(window.get());
        frame_stats.add(map_frame, std::chrono::duration<double>(std::chrono::steady_clock::now() - now).count());

        state.scroll_passages_to_top = false;
        state.scroll_to_mention = false;
        actions.push(AdvanceTime{dt});
        actions.applyAll(state);

        if (menu.screenshot) saveScreenshot(renderers, state, 1);
        if (menu.screenshot_2x) saveScreenshot(renderers, state, 2);
        finishViewerFrame(state, menu);  // quit; save after an edit or on File → Save project
    }
    // The view is part of the project: keep it when the text already has a project.
    if (!state.doc->corrections.empty() || !projectOpenPath(state.doc->path).empty())
        saveActiveProject(state);
    return 0;
}

}  // namespace app
