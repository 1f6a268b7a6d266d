// The layers a text's project keeps (app/ui/layers_panel with app/project_io): visibility,
// opacity and an added raster saved with the project come back when the text is reopened — at
// start (LayersPanel::init) and for a text opened later (adopt) — its file loaded again and drawn;
// map.json stays the default for a text without a project. Renders through EGL (llvmpipe here).
#include <gtest/gtest.h>

#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <fstream>

#include "support/geotiff_writer.hpp"
#include "app/actions.hpp"
#include "app/layer_files.hpp"
#include "app/map_settings.hpp"
#include "app/project_io.hpp"
#include "app/render/gl_context.hpp"
#include "app/render/map_renderer.hpp"
#include "app/ui/layers_panel.hpp"
#include "geo/project_store.hpp"
#include "geo/projection.hpp"
#include "support/test_places.hpp"

namespace {

namespace fs = std::filesystem;
using namespace app;

// Two small basemap layers (a line and a square far from the raster).
geo::Basemap smallBasemap() {
    geo::Basemap basemap;
    for (const char* id : {"rivers", "lakes"}) {
        geo::StyledLayer layer;
        layer.id = id;
        layer.title = id;
        const bool lake = std::string(id) == "lakes";
        layer.layer.kind = lake ? geo::GeometryKind::Polygons : geo::GeometryKind::Lines;
        geo::VectorFeature feature;
        feature.parts.push_back({geo::LonLat(0, 0), geo::LonLat(1, 0), geo::LonLat(1, 1), geo::LonLat(0, 0)});
        feature.ring_is_hole.push_back(false);
        layer.layer.features.push_back(feature);
        layer.style = geo::LayerStyle{0x0000ffffu, 1.0f, lake ? 0x00ffffffu : 0u};
        basemap.layers.push_back(layer);
    }
    return basemap;
}

class LayersInTheProject : public ::testing::Test {
protected:
    void SetUp() override {
        context_ = render::HeadlessContext::create();
        test_support::addUnderItsName(gazetteer_, test_support::testPlace("t:kabul", "Kabul", 69.17, 34.53, 500000));
        dir_ = fs::temp_directory_path() / ("textatlas-layers-project-" + std::to_string(::getpid()));
        fs::create_directories(dir_);
        text_ = (dir_ / "notes.txt").string();
        std::ofstream(text_) << "Kabul was calm.\n";
        tif_ = (dir_ / "relief.tif").string();
        test_support::writeSolidLonLatGeoTiff(tif_, 68.0, 34.0, 70.0, 36.0, 0, 0, 255);
        map_json_ = (dir_ / "config" / "map.json").string();
    }
    void TearDown() override { fs::remove_all(dir_); }

    std::unique_ptr<render::HeadlessContext> context_;
    geo::Gazetteer gazetteer_;
    geo::Basemap basemap_ = smallBasemap();
    fs::path dir_;
    std::string text_, tif_, map_json_;
};

TEST_F(LayersInTheProject, VisibilityOpacityAndAnAddedRasterComeBackOnReopen) {
    {
        // First session: the reader hides the rivers, fades the lakes, adds a raster, saves.
        render::MapRenderer renderer(basemap_);
        AppState state;
        state.gazetteer = &gazetteer_;
        state.doc = std::make_unique<OpenDocument>(openWithProject(text_, gazetteer_));
        ui::LayersPanel panel;
        panel.init(state, basemap_, renderer, map_json_);
        MapSettings edited = state.map;
        edited.layers[0].visible = false;
        edited.layers[1].opacity = 0.4f;
        edited.layers.push_back(addLayerFile(tif_, renderer));
        edited.layers.back().opacity = 0.6f;
        apply(state, SetMapSettings{edited});
        saveDocumentProject(*state.doc, state.view, &state.map);
    }
    // map.json (another text's last settings) says otherwise: the project wins for this text.
    MapSettings other = defaultMapSettings(basemap_);
    other.layers[1].opacity = 0.9f;
    saveMapSettings(other, map_json_);

    ProjectOpenReport report;
    AppState state;
    state.gazetteer = &gazetteer_;
    state.doc = std::make_unique<OpenDocument>(openWithProject(text_, gazetteer_, &report));
    ASSERT_TRUE(report.map_settings.has_value()) << report.project_error;
    render::MapRenderer renderer(basemap_);
    ui::LayersPanel panel;
    panel.init(state, basemap_, renderer, map_json_, report.map_settings);
    ASSERT_EQ(state.map.layers.size(), 3u);
    EXPECT_EQ(state.map.layers[0].id, "rivers");
    EXPECT_FALSE(state.map.layers[0].visible);
    EXPECT_FLOAT_EQ(state.map.layers[1].opacity, 0.4f);
    const LayerSettings& raster = state.map.layers[2];
    EXPECT_EQ(raster.path, tif_);
    EXPECT_EQ(raster.title, "relief.tif");
    EXPECT_TRUE(raster.raster);
    EXPECT_FLOAT_EQ(raster.opacity, 0.6f);
    EXPECT_EQ(raster.renderer_index, 2u);
    EXPECT_EQ(renderer.layerCount(), 3u);

    // It is drawn again: blue at 0.6 over the white background.
    const geo::Viewport view(200, 150, geo::Projection::webMercator().forward(geo::LonLat(69.0, 35.0)), 7.0);
    render::FrameStyle style = frameStyleFor(state.map, state.projection);
    style.background_rgba = 0xffffffffu;
    const render::Image image = renderer.renderToImage(view, {}, style);
    const std::uint8_t* centre = image.pixel(100, 75);
    EXPECT_NEAR(centre[0], 102, 4);
    EXPECT_NEAR(centre[1], 102, 4);
    EXPECT_NEAR(centre[2], 255, 2);

    // A text without a project keeps map.json's settings; opening the text with the project
    // later lays its layers over them (adopt), loading the raster once.
    AppState fresh;
    render::MapRenderer fresh_renderer(basemap_);
    ui::LayersPanel fresh_panel;
    fresh_panel.init(fresh, basemap_, fresh_renderer, map_json_);
    ASSERT_EQ(fresh.map.layers.size(), 2u);
    EXPECT_FLOAT_EQ(fresh.map.layers[1].opacity, 0.9f);
    EXPECT_TRUE(fresh.map.layers[0].visible);
    ActionQueue actions;
    fresh_panel.adopt(*report.map_settings, fresh, actions, fresh_renderer);
    actions.applyAll(fresh);
    ASSERT_EQ(fresh.map.layers.size(), 3u);
    EXPECT_FALSE(fresh.map.layers[0].visible);
    EXPECT_FLOAT_EQ(fresh.map.layers[1].opacity, 0.4f);
    EXPECT_TRUE(fresh.map.layers[2].raster);
    EXPECT_EQ(fresh_renderer.layerCount(), 3u);
    fresh_panel.adopt(*report.map_settings, fresh, actions, fresh_renderer);  // again: nothing reloaded
    actions.applyAll(fresh);
    EXPECT_EQ(fresh_renderer.layerCount(), 3u);
    EXPECT_EQ(fresh.map.layers[2].renderer_index, 2u);
}

TEST_F(LayersInTheProject, AProjectSavedWithoutLayersReopensWithoutThem) {
    AppState state;
    state.doc = std::make_unique<OpenDocument>(openWithProject(text_, gazetteer_));
    saveDocumentProject(*state.doc, state.view);  // as projects were saved before layers were kept
    ProjectOpenReport report;
    openWithProject(text_, gazetteer_, &report);
    EXPECT_TRUE(report.had_project);
    EXPECT_EQ(report.project_error, "");
    EXPECT_FALSE(report.map_settings.has_value());
}

TEST_F(LayersInTheProject, AnAddedFileThatIsGoneIsDroppedAndNamed) {
    MapSettings saved = defaultMapSettings(basemap_);
    LayerSettings gone;
    gone.id = gone.path = (dir_ / "gone.tif").string();
    gone.title = "gone.tif";
    saved.layers.push_back(gone);
    AppState state;
    render::MapRenderer renderer(basemap_);
    ui::LayersPanel panel;
    panel.init(state, basemap_, renderer, map_json_, saved);
    EXPECT_EQ(state.map.layers.size(), 2u);
    EXPECT_NE(state.status.find(gone.path + ": file not found"), std::string::npos) << state.status;
}

}  // namespace
