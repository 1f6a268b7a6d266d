// The export dialog's work without its window: paper sizes in pixels, the exported view is the
// map area the reader sees, and writeExport writes each kind of file (images on the headless GL).
#include <gtest/gtest.h>

#include <gdal.h>
#include <imgui.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include "app/frame.hpp"
#include "app/map_settings.hpp"
#include "app/render/gl_context.hpp"
#include "app/render/image.hpp"
#include "app/ui/export_dialog.hpp"
#include "support/viewer_imgui.hpp"
#include "geo/basemap.hpp"
#include "geo/data_paths.hpp"
#include "geo/gdal_handles.hpp"
#include "geo/projection.hpp"

namespace {

namespace fs = std::filesystem;
using app::ui::ExportKind;
using app::ui::Paper;

fs::path tempDir() {
    fs::path dir = fs::temp_directory_path() / ("textatlas-export-dialog-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    return dir;
}

TEST(ExportPaper, PaperSizesInPixelsAtTheirDpi) {
    int w = 0, h = 0;
    // A4 is 210 × 297 mm: 8.27 × 11.69 in, × 300 dpi.
    app::ui::paperPixels(Paper::A4, 300, false, w, h);
    EXPECT_EQ(w, 2480);
    EXPECT_EQ(h, 3508);
    app::ui::paperPixels(Paper::A4, 300, true, w, h);
    EXPECT_EQ(w, 3508);
    EXPECT_EQ(h, 2480);
    // Letter is 8.5 × 11 in exactly.
    app::ui::paperPixels(Paper::Letter, 300, false, w, h);
    EXPECT_EQ(w, 2550);
    EXPECT_EQ(h, 3300);
    // A3 at 600 dpi: 297 × 420 mm → 7016 × 9921.
    app::ui::paperPixels(Paper::A3, 600, false, w, h);
    EXPECT_EQ(w, 7016);
    EXPECT_EQ(h, 9921);
}

TEST(ExportPaper, TheExportShowsTheMapAreaRightOfThePanel) {
    app::AppState state;
    state.view = geo::Viewport(1400, 900, geo::Projection::webMercator().forward(geo::LonLat(69.4, 34.9)), 9.0);
    state.panel_width_px = 440;
    double vx0 = 0, vy0 = 0, vx1 = 0, vy1 = 0;  // the visible area: pixels 440..1400 × 0..900
    const geo::XY top_left = state.view.toMercator(geo::XY{440, 0});
    const geo::XY bottom_right = state.view.toMercator(geo::XY{1400, 900});
    vx0 = top_left.x;
    vy1 = top_left.y;
    vx1 = bottom_right.x;
    vy0 = bottom_right.y;

    // Twice the visible size in both directions: exactly the same area.
    const geo::Viewport same = app::ui::exportView(state, 1920, 1800);
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    same.bounds(x0, y0, x1, y1);
    EXPECT_NEAR(x0, vx0, 1e-3);
    EXPECT_NEAR(x1, vx1, 1e-3);
    EXPECT_NEAR(y0, vy0, 1e-3);
    EXPECT_NEAR(y1, vy1, 1e-3);
    EXPECT_NEAR(same.zoom(), 10.0, 1e-9);

    // Wider than the visible area: the height matches, the sides show more.
    const geo::Viewport wide = app::ui::exportView(state, 3000, 1800);
    wide.bounds(x0, y0, x1, y1);
    EXPECT_NEAR(y0, vy0, 1e-3);
    EXPECT_NEAR(y1, vy1, 1e-3);
    EXPECT_LT(x0, vx0);
    EXPECT_GT(x1, vx1);
}

class ExportDialogFiles : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        context_ = app::render::HeadlessContext::create().release();
        const std::string data = geo::findDataDir();
        gazetteer_ = new geo::Gazetteer(geo::Gazetteer::load(data));
        basemap_ = new geo::Basemap(geo::loadBasemap(data));
        renderers_ = new app::FrameRenderers(*basemap_);
    }
    static void TearDownTestSuite() {
        delete renderers_;
        delete basemap_;
        delete gazetteer_;
        delete context_;
    }
    void SetUp() override {
        state.doc = std::make_unique<app::OpenDocument>(
            app::OpenDocument::load(std::string(TEXTATLAS_SOURCE_DATA_DIR) + "/texts/panjshir-valley.txt", *gazetteer_));
        state.map = app::defaultMapSettings(*basemap_);
        state.view = geo::Viewport(1400, 900, geo::Projection::webMercator().forward(geo::LonLat(69.4, 34.9)), 8.5);
        state.panel_width_px = 440;
        dir = tempDir();
    }
    void TearDown() override { fs::remove_all(dir); }

    static app::render::HeadlessContext* context_;
    static geo::Gazetteer* gazetteer_;
    static geo::Basemap* basemap_;
    static app::FrameRenderers* renderers_;
    app::AppState state;
    fs::path dir;
};

app::render::HeadlessContext* ExportDialogFiles::context_ = nullptr;
geo::Gazetteer* ExportDialogFiles::gazetteer_ = nullptr;
geo::Basemap* ExportDialogFiles::basemap_ = nullptr;
app::FrameRenderers* ExportDialogFiles::renderers_ = nullptr;

TEST_F(ExportDialogFiles, PaperGeoTiffIsGeoreferencedToTheExportedView) {
    app::ui::ExportSettings settings;
    settings.kind = ExportKind::GeoTiff;
    settings.use_paper = true;
    settings.paper = Paper::A4;
    settings.landscape = true;
    settings.dpi = 150;
    settings.title = "Panjshir";
    settings.path = (dir / "a4.tif").string();
    // The labels' font rasterised for 150 dpi, as the dialog makes it.
    app::render::OverlayRenderer print_overlay(15.0f * 150.0f / 96.0f);
    const app::ui::ExportOutcome outcome = app::ui::writeExport(settings, state, *renderers_, &print_overlay);
    ASSERT_TRUE(outcome.ok) << outcome.message;
    EXPECT_NE(outcome.message.find("1754 x 1240"), std::string::npos) << outcome.message;

    geo::gdal::registerDriversOnce();
    geo::gdal::DatasetPtr dataset(GDALOpen(settings.path.c_str(), GA_ReadOnly));
    ASSERT_TRUE(dataset);
    EXPECT_EQ(GDALGetRasterXSize(dataset.get()), 1754);
    EXPECT_EQ(GDALGetRasterYSize(dataset.get()), 1240);
    double gt[6] = {0, 0, 0, 0, 0, 0};
    ASSERT_EQ(GDALGetGeoTransform(dataset.get(), gt), CE_None);
    double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    app::ui::exportView(state, 1754, 1240).bounds(x0, y0, x1, y1);
    EXPECT_NEAR(gt[0], x0, 1e-3);
    EXPECT_NEAR(gt[3], y1, 1e-3);
    EXPECT_NEAR(gt[0] + 1754 * gt[1], x1, 1e-3);
    EXPECT_NEAR(gt[3] + 1240 * gt[5], y0, 1e-3);
    EXPECT_STREQ(GDALGetMetadataItem(dataset.get(), "TIFFTAG_XRESOLUTION", nullptr), "150");
}

TEST_F(ExportDialogFiles, PlacesAndReportAreWritten) {
    app::ui::ExportSettings places;
    places.kind = ExportKind::Places;
    places.places_format = 1;  // KML
    EXPECT_EQ(places.extension(), ".kml");
    places.path = (dir / "places.kml").string();
    const auto written = app::ui::writeExport(places, state, *renderers_, nullptr);
    ASSERT_TRUE(written.ok) << written.message;
    EXPECT_NE(written.message.find(std::to_string(state.doc->extraction.places.size()) + " places (KML)"),
              std::string::npos);
    EXPECT_TRUE(fs::exists(places.path));

    app::ui::ExportSettings report;
    report.kind = ExportKind::Report;
    report.path = (dir / "report.html").string();
    const auto reported = app::ui::writeExport(report, state, *renderers_, nullptr);
    ASSERT_TRUE(reported.ok) << reported.message;
    std::ifstream in(report.path);
    const std::string html((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_NE(html.find("src=\"data:image/png;base64,iVBORw0KGgo"), std::string::npos);  // a PNG's signature
    EXPECT_NE(html.find("width=\"1200\" height=\"800\""), std::string::npos);
}

TEST_F(ExportDialogFiles, ProblemsComeBackAsMessagesNotExceptions) {
    app::ui::ExportSettings settings;
    settings.kind = ExportKind::Image;
    const auto no_path = app::ui::writeExport(settings, state, *renderers_, nullptr);
    EXPECT_FALSE(no_path.ok);
    EXPECT_EQ(no_path.message, "Choose a file to export to.");

    settings.path = (dir / "big.png").string();
    settings.width_px = 30000;
    settings.height_px = 30000;
    const auto too_big = app::ui::writeExport(settings, state, *renderers_, nullptr);
    EXPECT_FALSE(too_big.ok);
    EXPECT_EQ(too_big.message, "Too large: at most 32768 pixels a side and 16384 x 16384 pixels in all.");

    settings.width_px = 64;
    settings.height_px = 64;
    settings.path = (dir / "no-such-folder" / "x.png").string();
    const auto bad_folder = app::ui::writeExport(settings, state, *renderers_, nullptr);
    EXPECT_FALSE(bad_folder.ok);
    EXPECT_NE(bad_folder.message.find("no-such-folder/x.png: cannot write PNG (directory does not exist)"),
              std::string::npos)
        << bad_folder.message;
}

TEST_F(ExportDialogFiles, DialogDrawsInAViewerFrameWithAPreview) {
    // The viewer's own ImGui context (no window: frames are laid out without a backend).
    const test_support::ViewerImGui viewer;
    ImGuiIO& io = ImGui::GetIO();

    app::ui::ExportDialog dialog;
    dialog.show(ExportKind::GeoTiff, state);
    EXPECT_TRUE(dialog.visible());
    for (int frame = 0; frame < 3; ++frame) {
        io.DeltaTime = 1.0f / 60.0f;
        ImGui::NewFrame();
        EXPECT_FALSE(dialog.draw(state, *renderers_).has_value());  // nothing exported until asked
        ImGui::Render();
        // Rendering the preview went through another ImGui context and came back to this one.
        EXPECT_EQ(ImGui::GetCurrentContext(), viewer.context());
    }
    // The preview is the export reduced to fit 520 × 300: a landscape 3840 × 2160 → 520 × 293.
    EXPECT_EQ(dialog.preview().width(), 520);
    EXPECT_EQ(dialog.preview().height(), 293);
    // The proposed file has the kind's extension.
    EXPECT_EQ(dialog.settings().extension(), ".tif");
}

}  // namespace
