// Map → Add elevation… clicked through the viewer's real frame (app/viewer_frame with the layers
// panel the viewer draws after it) with simulated mouse input: the file dialog lists DEMs only, the
// chosen DEM changes the terrain (drawn through EGL), the map settings keep its path (map.json, or
// the text's project) and a fresh viewer on the same text restores it; Remove takes it off; a file
// GDAL cannot read is one line in the status bar and changes nothing; a folder of tiles is one DEM.
// The DEMs are written at test time with GDAL.
#include <gtest/gtest.h>

#include <imgui.h>

#include <cmath>
#include <filesystem>
#include <fstream>
#include <memory>
#include <optional>

#include "app/actions.hpp"
#include "app/map_settings.hpp"
#include "app/project_io.hpp"
#include "app/render/gl_context.hpp"
#include "app/render/map_renderer.hpp"
#include "app/scene.hpp"
#include "app/ui/item_locator.hpp"
#include "app/ui/layers_panel.hpp"
#include "app/viewer_frame.hpp"
#include "geo/map_projection.hpp"
#include "geo/project_store.hpp"
#include "support/flat_relief.hpp"
#include "support/geotiff_writer.hpp"
#include "support/temp_dir.hpp"
#include "support/viewer_imgui.hpp"
#include "support/test_places.hpp"

namespace {

using namespace app;

// A cone 2,500 m high on a 500 m plain at 69°E 35°N: planar slopes, so the hillshade is one shade
// on each side. `columns` of the 64 × 64 grid (1/64° cells over 68.5–69.5°E, 34.5–35.5°N) from
// `first_column` are written (a tile of a mosaic).
void writeHill(const std::string& path, int first_column = 0, int columns = 64) {
    const double cell = 1.0 / 64.0;
    test_support::writeLonLatDem(path, 68.5 + first_column * cell, 35.5, columns, 64, cell, [=](int col, int row) {
        const double lon = 68.5 + (first_column + col + 0.5) * cell, lat = 35.5 - (row + 0.5) * cell;
        const double r = std::hypot(lon - 69.0, lat - 35.0);
        return 500.0 + 2500.0 * std::max(0.0, 1.0 - r / 0.4);
    });
}

// Flat world relief at 500 m: without a DEM both of the hill's sides look the same.
geo::Basemap flatBasemap() {
    geo::Basemap basemap;
    basemap.world_relief = test_support::flatWorldRelief(500.0f);
    return basemap;
}

class AddElevation : public ::testing::Test {
protected:
    void SetUp() override {
        context_ = render::HeadlessContext::create();
        test_support::addUnderItsName(gazetteer_, test_support::testPlace("t:kabul", "Kabul", 69.17, 34.53, 500000));
        text_ = dir_.write("notes.txt", "Kabul was calm.\n");
        hill_ = dir_ / "hill.tif";
        writeHill(hill_);
        map_json_ = dir_ / "config/map.json";
    }
    void TearDown() override { closeViewer(); }

    // The viewer on `text_` as it starts: the text with its project, the layers panel restoring
    // the map settings (the project's, else map.json's) into a fresh renderer.
    void startViewer() {
        closeViewer();
        imgui_.emplace();
        state_.emplace();
        panels_.emplace();
        actions_ = ActionQueue{};
        renderer_ = std::make_unique<render::MapRenderer>(basemap_);
        layers_panel_.emplace();
        ProjectOpenReport report;
        state_->doc = std::make_unique<OpenDocument>(openWithProject(text_, gazetteer_, &report));
        state_->gazetteer = &gazetteer_;
        state_->relief = basemap_.world_relief.get();
        layers_panel_->init(*state_, basemap_, *renderer_, map_json_, report.map_settings);
    }
    void closeViewer() {
        imgui_.reset();
    }

    // One viewer frame as app/viewer.cpp draws it (GL aside): panels and menus, then the layers
    // panel, then the frame's actions applied and the project saved if it changed.
    void frame(ImVec2 mouse, bool down) {
        ImGuiIO& io = ImGui::GetIO();
        io.DeltaTime = 1.0f / 60.0f;
        io.MousePos = mouse;
        io.MouseDown[0] = down;
        ImGui::NewFrame();
        const ui::MenuRequests requests = drawViewerPanels(*state_, actions_, *panels_, {});
        layers_panel_->draw(*state_, actions_, *renderer_);
        ImGui::Render();
        actions_.applyAll(*state_);
        finishViewerFrame(*state_, requests);
    }
    // Clicks the control labelled `label` where the current frame draws it, the mouse coming from
    // where it was (so an open menu stays open). Fails the test if it is not shown. Two frames
    // first: a popup is placed (centred) in the frame after it appears.
    void clickItem(const std::string& label) {
        const ImVec2 mouse = ImGui::GetIO().MousePos;
        frame(mouse, false);
        frame(mouse, false);
        const auto item = ui::findNotedItem(label);
        std::string noted;
        for (const auto& i : ui::notedItems()) noted += " [" + i.label + "]";
        ASSERT_TRUE(item.has_value()) << "no control labelled \"" << label << "\" is shown; shown:" << noted;
        const ImVec2 at(item->centreX(), item->centreY());
        frame(at, false);
        frame(at, true);
        frame(at, false);
    }
    bool shown(const std::string& label) {
        frame(ImGui::GetIO().MousePos, false);
        return ui::findNotedItem(label).has_value();
    }
    void openElevationDialog() {
        ASSERT_NO_FATAL_FAILURE(clickItem("Map"));
        ASSERT_NO_FATAL_FAILURE(clickItem("Add elevation…"));
    }

    // The map around the hill as the viewer draws it; and how different its west (sunlit, the sun
    // is in the north-west) and east slopes are.
    render::Image hillMap() {
        const geo::MapProjection mercator;
        const geo::Viewport view(240, 160, *mercator.forward(69.0, 35.0), 8.0);
        return renderer_->renderToImage(view, {}, screenFrameStyle(*state_));
    }
    static int slopeContrast(const render::Image& image) {
        const geo::MapProjection mercator;
        const geo::Viewport view(240, 160, *mercator.forward(69.0, 35.0), 8.0);
        const geo::XY west = view.toPixel(*mercator.forward(68.8, 35.0));
        const geo::XY east = view.toPixel(*mercator.forward(69.2, 35.0));
        const std::uint8_t* w = image.pixel(int(west.x), int(west.y));
        const std::uint8_t* e = image.pixel(int(east.x), int(east.y));
        return (w[0] + w[1] + w[2]) - (e[0] + e[1] + e[2]);
    }

    test_support::TempDir dir_;
    std::unique_ptr<render::HeadlessContext> context_;
    geo::Gazetteer gazetteer_;
    geo::Basemap basemap_ = flatBasemap();
    std::string text_, hill_, map_json_;
    std::optional<test_support::ViewerImGui> imgui_;
    std::optional<AppState> state_;
    std::optional<ViewerPanels> panels_;
    ActionQueue actions_;
    std::unique_ptr<render::MapRenderer> renderer_;
    std::optional<ui::LayersPanel> layers_panel_;
};

TEST_F(AddElevation, TheChosenDemIsTerrainKeptInTheSettingsRestoredByAFreshViewerAndRemovable) {
    std::ofstream(dir_ / "notes.md") << "not a DEM\n";
    startViewer();
    frame(ImVec2(700, 450), false);
    const render::Image before = hillMap();
    EXPECT_LE(std::abs(slopeContrast(before)), 3);  // the flat relief: both sides alike

    ASSERT_NO_FATAL_FAILURE(openElevationDialog());
    // The dialog opens beside the text and lists DEMs (and folders), not the text or its notes.
    EXPECT_TRUE(shown("hill.tif"));
    EXPECT_FALSE(shown("notes.txt"));
    EXPECT_FALSE(shown("notes.md"));
    ASSERT_NO_FATAL_FAILURE(clickItem("hill.tif"));
    ASSERT_NO_FATAL_FAILURE(clickItem("Open"));

    EXPECT_EQ(state_->map.dems, std::vector<std::string>{hill_});
    ASSERT_EQ(state_->dems.size(), 1u);
    EXPECT_EQ(state_->dems.front()->path(), hill_);
    EXPECT_EQ(state_->status, "Elevation added: hill.tif (64 × 64 cells of 56.2″)");
    // The terrain is the hill's: its sunlit west slope against its shaded east slope.
    const render::Image with_hill = hillMap();
    EXPECT_GT(slopeContrast(with_hill), 40);
    // Elevation profiles sample it too.
    EXPECT_GT(geo::elevationAt(state_->dems, state_->relief, 69.0, 35.0), 2900.0);

    // The text has no project: map.json holds the DEM once the edit has settled.
    frame(ImVec2(700, 450), false);
    const auto saved = loadMapSettings(map_json_);
    ASSERT_TRUE(saved.has_value());
    EXPECT_EQ(saved->dems, std::vector<std::string>{hill_});

    // Adding it again adds nothing.
    ASSERT_NO_FATAL_FAILURE(openElevationDialog());
    ASSERT_NO_FATAL_FAILURE(clickItem("hill.tif"));
    ASSERT_NO_FATAL_FAILURE(clickItem("Open"));
    EXPECT_EQ(state_->status, "Elevation not added: " + hill_ + " is already on the map");
    EXPECT_EQ(state_->dems.size(), 1u);

    // A fresh viewer on the same text: the hill is back, drawn and listed with Remove.
    startViewer();
    EXPECT_EQ(state_->map.dems, std::vector<std::string>{hill_});
    ASSERT_EQ(state_->dems.size(), 1u);
    const render::Image restored = hillMap();
    EXPECT_EQ(slopeContrast(restored), slopeContrast(with_hill));
    ASSERT_NO_FATAL_FAILURE(clickItem("Map"));
    ASSERT_NO_FATAL_FAILURE(clickItem("Layers…"));
    ASSERT_NO_FATAL_FAILURE(clickItem("Remove hill.tif"));
    EXPECT_TRUE(state_->map.dems.empty());
    EXPECT_TRUE(state_->dems.empty());
    EXPECT_LE(std::abs(slopeContrast(hillMap())), 3);
    frame(ImVec2(700, 450), false);
    EXPECT_TRUE(loadMapSettings(map_json_)->dems.empty());
}

TEST_F(AddElevation, AFileGdalCannotReadIsOneLineInTheStatusBarAndAFolderOfTilesIsOneDem) {
    // The text has a project: the DEM is kept there, not in map.json.
    {
        AppState state;
        state.doc = std::make_unique<OpenDocument>(openWithProject(text_, gazetteer_));
        saveDocumentProject(*state.doc, state.view);
    }
    std::ofstream(dir_ / "broken.tif", std::ios::binary) << "II*\0 this is no GeoTIFF";
    std::filesystem::create_directories(dir_.path() / "tiles");
    writeHill(dir_ / "tiles/west.tif", 0, 32);
    writeHill(dir_ / "tiles/east.tif", 32, 32);
    startViewer();
    frame(ImVec2(700, 450), false);

    ASSERT_NO_FATAL_FAILURE(openElevationDialog());
    ASSERT_NO_FATAL_FAILURE(clickItem("broken.tif"));
    ASSERT_NO_FATAL_FAILURE(clickItem("Open"));
    const std::string broken = dir_ / "broken.tif";
    EXPECT_EQ(state_->status.rfind("Elevation not added: " + broken + ": not a raster GDAL can read", 0), 0u)
        << state_->status << " / " << state_->error;
    EXPECT_EQ(state_->status.find('\n'), std::string::npos);
    EXPECT_TRUE(state_->map.dems.empty());
    EXPECT_TRUE(state_->dems.empty());
    EXPECT_TRUE(state_->error.empty());  // no dialog to dismiss

    // The folder of two tiles: entered, then used as one mosaic.
    ASSERT_NO_FATAL_FAILURE(openElevationDialog());
    ASSERT_NO_FATAL_FAILURE(clickItem("tiles/"));
    ASSERT_NO_FATAL_FAILURE(clickItem("Use this folder"));
    const std::string tiles = (dir_.path() / "tiles").string();
    EXPECT_EQ(state_->map.dems, std::vector<std::string>{tiles});
    ASSERT_EQ(state_->dems.size(), 1u);
    EXPECT_EQ(state_->dems.front()->columns(), 64);
    EXPECT_GT(slopeContrast(hillMap()), 40);
    frame(ImVec2(700, 450), false);  // the project is saved with the frame
    EXPECT_FALSE(std::filesystem::exists(map_json_));

    ProjectOpenReport report;
    openWithProject(text_, gazetteer_, &report);
    ASSERT_TRUE(report.map_settings.has_value()) << report.project_error;
    EXPECT_EQ(report.map_settings->dems, std::vector<std::string>{tiles});
    startViewer();
    EXPECT_EQ(state_->map.dems, std::vector<std::string>{tiles});
    EXPECT_GT(slopeContrast(hillMap()), 40);

    // A DEM gone since it was added: named in the status bar, the map goes on without it.
    std::filesystem::remove_all(dir_.path() / "tiles");
    startViewer();
    EXPECT_TRUE(state_->map.dems.empty());
    EXPECT_EQ(state_->status, "Elevation not restored: " + tiles + ": file not found");
    EXPECT_LE(std::abs(slopeContrast(hillMap())), 3);
}

}  // namespace

namespace {

// Regression: the layers window appearing in the frame its file dialog (a modal) opened failed Dear
// ImGui 1.86's assertion "blocking_modal != NULL" (the viewer aborted on Map → Add layer…).
TEST_F(AddElevation, MapAddLayerOpensItsDialogWithTheLayersPanel) {
    startViewer();
    frame(ImVec2(700, 450), false);
    ASSERT_NO_FATAL_FAILURE(clickItem("Map"));
    ASSERT_NO_FATAL_FAILURE(clickItem("Add layer…"));
    EXPECT_TRUE(state_->show_layers_panel);
    EXPECT_TRUE(shown("Open"));
}

}  // namespace
