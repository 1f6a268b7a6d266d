// Map settings: JSON round trip, damaged files named in the error, saving replaces the file
// whole, saved settings laid over the basemap's defaults, and the frame style they make.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "app/map_settings.hpp"
#include "geo/error.hpp"

namespace {

app::MapSettings sample() {
    app::MapSettings settings;
    settings.projection = geo::MapProjectionKind::Laea;
    for (const char* id : {"land", "rivers", "borders"}) {
        app::LayerSettings layer;
        layer.id = id;
        layer.title = std::string("The ") + id;
        layer.style.line_rgba = 0x11223344u;
        layer.style.fill_rgba = 0x55667788u;
        layer.style.line_width_px = 2.5f;
        layer.min_zoom = 4.0;
        settings.layers.push_back(layer);
    }
    settings.layers[1].visible = false;
    settings.layers[2].opacity = 0.25f;
    settings.terrain.sun_azimuth_deg = 200.0f;
    settings.terrain.vertical_exaggeration = 3.0f;
    settings.show_graticule = true;
    settings.dems = {"/data/srtm/N34E069.hgt", "/data/alps tiles"};
    return settings;
}

std::filesystem::path scratchDir(const std::string& name) {
    const auto dir = std::filesystem::temp_directory_path() / ("textatlas_map_settings_" + name + "-" + std::to_string(::getpid()));
    std::filesystem::remove_all(dir);
    return dir;
}

TEST(MapSettings, JsonRoundTripKeepsEverySetting) {
    const app::MapSettings settings = sample();
    app::MapSettings back = app::mapSettingsFromJson(app::mapSettingsToJson(settings), "test");
    // Titles of basemap layers come from the basemap, not the file; renderer indices are not saved.
    for (std::size_t i = 0; i < back.layers.size(); ++i) back.layers[i].title = settings.layers[i].title;
    EXPECT_TRUE(back == settings);
}

TEST(MapSettings, DamagedFilesAreReportedWithTheirName) {
    try {
        app::mapSettingsFromJson("{\"version\": 1, \"projection\": \"mollweide\", \"layers\": []}", "/x/map.json");
        FAIL() << "an unknown projection must be refused";
    } catch (const geo::Error& e) {
        EXPECT_EQ(e.kind(), geo::ErrorKind::CorruptData);
        EXPECT_STREQ(e.what(), "/x/map.json: unknown projection \"mollweide\"");
    }
    EXPECT_THROW(app::mapSettingsFromJson("{ not json", "/x/map.json"), geo::Error);
    EXPECT_THROW(app::mapSettingsFromJson(
                     "{\"version\":1,\"layers\":[{\"id\":\"a\",\"line\":\"red\",\"fill\":\"#00000000\"}]}", "f"),
                 geo::Error);
    try {
        app::mapSettingsFromJson("{\"version\": 1, \"layers\": [], \"dems\": [\"/a.tif\", 7]}", "/x/map.json");
        FAIL() << "a DEM that is not a path must be refused";
    } catch (const geo::Error& e) {
        EXPECT_EQ(e.kind(), geo::ErrorKind::CorruptData);
        EXPECT_EQ(std::string(e.what()).rfind("/x/map.json: damaged map settings (", 0), 0u) << e.what();
    }
}

TEST(MapSettings, AddedDemsAreSavedByPathAndSettingsWithoutThemHaveNone) {
    const app::MapSettings settings = sample();
    const std::string json = app::mapSettingsToJson(settings);
    EXPECT_NE(json.find("\"dems\": [\n    \"/data/srtm/N34E069.hgt\",\n    \"/data/alps tiles\"\n  ]"), std::string::npos) << json;
    EXPECT_EQ(app::mapSettingsFromJson(json, "test").dems, settings.dems);
    // Settings saved before DEMs could be added read as none.
    EXPECT_TRUE(app::mapSettingsFromJson("{\"version\": 1, \"layers\": []}", "old").dems.empty());
    app::MapSettings other = settings;
    other.dems.pop_back();
    EXPECT_FALSE(other == settings);  // a removed DEM is a change to save
    app::MapSettings defaults;
    EXPECT_EQ(app::mergeSavedSettings(defaults, settings).dems, settings.dems);
}

TEST(MapSettings, SaveWritesAWholeFileAndLoadReadsItBack) {
    const auto dir = scratchDir("save");
    const std::string path = (dir / "nested" / "map.json").string();
    EXPECT_FALSE(app::loadMapSettings(path).has_value());
    app::saveMapSettings(sample(), path);
    // Only the file itself: no temporary file is left beside it.
    EXPECT_EQ(std::distance(std::filesystem::directory_iterator(dir / "nested"), std::filesystem::directory_iterator()), 1);
    const auto loaded = app::loadMapSettings(path);
    ASSERT_TRUE(loaded.has_value());
    EXPECT_EQ(loaded->projection, geo::MapProjectionKind::Laea);
    EXPECT_EQ(loaded->layers.size(), 3u);
    app::MapSettings changed = sample();
    changed.show_graticule = false;
    app::saveMapSettings(changed, path);
    EXPECT_FALSE(app::loadMapSettings(path)->show_graticule);
    std::filesystem::remove_all(dir);
}

TEST(MapSettings, PathFollowsXdgConfigHome) {
    const char* old = std::getenv("XDG_CONFIG_HOME");
    const std::string saved = old ? old : "";
    setenv("XDG_CONFIG_HOME", "/tmp/xdg-test", 1);
    EXPECT_EQ(app::mapSettingsPath(), "/tmp/xdg-test/textatlas/map.json");
    if (old) setenv("XDG_CONFIG_HOME", saved.c_str(), 1);
    else unsetenv("XDG_CONFIG_HOME");
}

TEST(MapSettings, SavedOrderAndStylesWinNewLayersKeepTheirPlaceAddedLayersComeBack) {
    app::MapSettings defaults;
    for (std::size_t i = 0; i < 4; ++i) {
        app::LayerSettings layer;
        layer.id = "layer" + std::to_string(i);
        layer.title = "Layer " + std::to_string(i);
        layer.renderer_index = i;
        defaults.layers.push_back(layer);
    }
    app::MapSettings saved;
    // Saved before layer2 existed, with layer3 moved to the bottom and layer0 hidden, plus a file the reader added.
    for (const char* id : {"layer3", "layer0", "layer1", "gone"}) {
        app::LayerSettings layer;
        layer.id = id;
        saved.layers.push_back(layer);
    }
    saved.layers[1].visible = false;
    app::LayerSettings added;
    added.id = added.path = "/data/roads.gpkg";
    saved.layers.push_back(added);
    const app::MapSettings merged = app::mergeSavedSettings(defaults, saved);
    std::vector<std::string> ids;
    for (const auto& layer : merged.layers) ids.push_back(layer.id);
    EXPECT_EQ(ids, (std::vector<std::string>{"layer3", "layer0", "layer1", "layer2", "/data/roads.gpkg"}));
    EXPECT_FALSE(merged.layers[1].visible);
    EXPECT_EQ(merged.layers[0].renderer_index, 3u);
    EXPECT_EQ(merged.layers[0].title, "Layer 3");
    EXPECT_EQ(merged.layers[4].renderer_index, static_cast<std::size_t>(-1));  // to be loaded
}

TEST(MapSettings, FrameStyleDrawsVisibleLayersInOrder) {
    app::MapSettings settings = sample();
    for (std::size_t i = 0; i < settings.layers.size(); ++i) settings.layers[i].renderer_index = 10 + i;
    const auto style = app::frameStyleFor(settings, geo::MapProjection());
    ASSERT_EQ(style.layers.size(), 2u);  // "rivers" is hidden
    EXPECT_EQ(style.layers[0].layer, 10u);
    EXPECT_EQ(style.layers[1].layer, 12u);
    EXPECT_FLOAT_EQ(style.layers[1].opacity, 0.25f);
    EXPECT_DOUBLE_EQ(style.layers[1].min_zoom, 4.0);
    EXPECT_FLOAT_EQ(style.terrain.sun_azimuth_deg, 200.0f);
    EXPECT_TRUE(style.show_graticule);
    // Every layer hidden draws no layer at all (not the renderer's default of all of them).
    for (auto& layer : settings.layers) layer.visible = false;
    const auto none = app::frameStyleFor(settings, geo::MapProjection());
    ASSERT_EQ(none.layers.size(), 1u);
    EXPECT_EQ(none.layers[0].layer, static_cast<std::size_t>(-1));
}

}  // namespace
