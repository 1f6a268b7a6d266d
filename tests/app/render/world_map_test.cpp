// The world basemap as drawn: coasts at city zoom agree with GSHHG as GMT reads it (`gmt select`),
// and on every continent a regional view shows admin-1 borders and rivers where PROJ puts their
// vertices, and labels the towns the gazetteer knows there.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "app/render/gl_context.hpp"
#include "app/render/image.hpp"
#include "app/render/map_renderer.hpp"
#include "app/state.hpp"
#include "app/ui/map_overlay.hpp"
#include "geo/basemap.hpp"
#include "geo/data_paths.hpp"
#include "geo/projection.hpp"
#include "geo/viewport.hpp"
#include "geo/world_store.hpp"
#include "geo/world_tiles.hpp"
#include "support/run_textatlas.hpp"
#include "support/temp_dir.hpp"

namespace {

using app::render::FrameStyle;
using app::render::Image;
using app::render::LayerDraw;
using app::render::MapRenderer;

geo::XY mercator(double lon, double lat) { return geo::Projection::webMercator().forward(geo::LonLat(lon, lat)); }

constexpr std::uint32_t kWater = 0xAAD3DFu;  // the basemap's sea and lakes (RGB)

bool isWater(const std::uint8_t* p) {
    const int r = int(kWater >> 16), g = int((kWater >> 8) & 0xff), b = int(kWater & 0xff);
    return std::abs(p[0] - r) <= 3 && std::abs(p[1] - g) <= 3 && std::abs(p[2] - b) <= 3;
}

bool haveGmt() { return std::system("command -v gmt >/dev/null 2>&1") == 0; }

// ---------------------------------------------------------------- coasts at city zoom

struct Coast {
    const char* name;
    double lat, lon, zoom;
};

class CoastAgreement : public ::testing::TestWithParam<Coast> {};

// The picture is sampled every 8 px (away from the scale bar, north arrow, attribution and town
// labels); each sample's lon/lat is asked of GMT, which says land or water from the same GSHHG
// full-resolution shoreline (lakes are water, islands in them land).
TEST_P(CoastAgreement, RenderedLandAndWaterAgreeWithGshhg) {
    if (!haveGmt()) GTEST_SKIP() << "gmt is not installed (tools/setup.sh installs it)";
    const Coast c = GetParam();
    test_support::TempDir dir("world_coast");
    const std::string text = (dir.path() / "plain.txt").string();
    std::ofstream(text) << "A note with no place in it.\n";
    const std::string png = (dir.path() / "map.png").string(), layout_path = (dir.path() / "layout.json").string();
    constexpr int kWidth = 640, kHeight = 400;
    char center[64];
    std::snprintf(center, sizeof center, "%.5f,%.5f", c.lat, c.lon);
    const test_support::CommandResult run = test_support::runTextatlas(
        "render '" + text + "' --out '" + png + "' --size " + std::to_string(kWidth) + "x" + std::to_string(kHeight) +
        " --center " + center + " --zoom " + std::to_string(c.zoom) + " --no-north-arrow --layout-json '" + layout_path + "'");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const Image image = app::render::readImage(png);
    ASSERT_EQ(image.width, kWidth);

    std::vector<std::array<double, 4>> labels;  // boxes to leave out, grown by a town dot
    {
        std::ifstream in(layout_path);
        const nlohmann::json layout = nlohmann::json::parse(in);
        for (const auto& label : layout.at("labels")) {
            const double x = label.at("x").get<double>(), y = label.at("y").get<double>();
            labels.push_back({x - 10, y - 10, x + label.at("w").get<double>() + 10, y + label.at("h").get<double>() + 10});
        }
    }
    const geo::Projection wm = geo::Projection::webMercator();
    const geo::Viewport view(kWidth, kHeight, mercator(c.lon, c.lat), c.zoom);
    const std::string points_path = (dir.path() / "points.txt").string();
    std::vector<bool> drawn_water;
    {
        std::ofstream points(points_path);
        points.precision(10);
        for (int y = 4; y < kHeight - 40; y += 8) {
            for (int x = 4; x < kWidth; x += 8) {
                if (x < 200 && y > kHeight - 70) continue;  // the scale bar
                const bool on_label = std::any_of(labels.begin(), labels.end(), [&](const auto& b) {
                    return x >= b[0] && x <= b[2] && y >= b[1] && y <= b[3];
                });
                if (on_label) continue;
                const geo::LonLat ll = wm.inverse(view.toMercator(geo::XY{x + 0.5, y + 0.5}));
                points << ll.lon << ' ' << ll.lat << ' ' << drawn_water.size() << '\n';
                drawn_water.push_back(isWater(image.pixel(x, y)));
            }
        }
    }
    ASSERT_GT(drawn_water.size(), 1500u);
    // -N: ocean/land/lake/island/pond, k keeps, s skips: the land points come back.
    const std::string land_path = (dir.path() / "land.txt").string();
    const std::string command = "cd '" + dir.path().string() + "' && gmt select '" + points_path +
                                "' -Df -Ns/k/s/k/s --GMT_HISTORY=false > '" + land_path + "' 2>/dev/null";
    ASSERT_EQ(std::system(command.c_str()), 0);
    std::set<std::size_t> land;
    {
        std::ifstream in(land_path);
        std::string line;
        while (std::getline(in, line)) {
            std::istringstream fields(line);
            double lon = 0, lat = 0;
            std::size_t index = 0;
            if (fields >> lon >> lat >> index) land.insert(index);
        }
    }
    std::size_t agree = 0, gshhg_water = 0;
    for (std::size_t i = 0; i < drawn_water.size(); ++i) {
        const bool water = !land.count(i);
        gshhg_water += water;
        agree += water == drawn_water[i];
    }
    const double fraction = double(agree) / double(drawn_water.size());
    RecordProperty("agreement", std::to_string(fraction));
    std::printf("%s: %zu samples, %.1f %% water, agreement %.2f %%\n", c.name, drawn_water.size(),
                100.0 * double(gshhg_water) / double(drawn_water.size()), 100.0 * fraction);
    // Both are in view: the test is about a coast.
    EXPECT_GT(gshhg_water, drawn_water.size() / 10);
    EXPECT_LT(gshhg_water, drawn_water.size() * 9 / 10);
    EXPECT_GE(fraction, 0.95) << c.name;
}

INSTANTIATE_TEST_SUITE_P(World, CoastAgreement,
                         ::testing::Values(Coast{"SanFranciscoBay", 37.80, -122.38, 10.0},
                                           Coast{"ManilaBay", 14.55, 120.90, 10.0},
                                           Coast{"Odesa", 46.48, 30.75, 10.0},
                                           Coast{"Karachi", 24.83, 66.98, 10.0},
                                           Coast{"Hardangerfjord", 60.10, 6.00, 9.0}),
                         [](const ::testing::TestParamInfo<Coast>& info) { return std::string(info.param.name); });

// ---------------------------------------------------------------- a region per continent

struct Region {
    const char* name;
    double lat, lon, zoom;
    const char* town;  // a large town that must be labelled
};

class WorldRegion : public ::testing::TestWithParam<Region> {
protected:
    static void SetUpTestSuite() {
        context_ = app::render::HeadlessContext::create().release();
        basemap_ = new geo::Basemap(geo::loadBasemap(geo::findDataDir()));
        basemap_->towns = geo::gazetteerTowns(geo::Gazetteer::load(geo::findDataDir()));
        renderer_ = new MapRenderer(*basemap_);
    }
    static void TearDownTestSuite() {
        delete renderer_;
        delete basemap_;
        delete context_;
    }
    static std::size_t layerIndex(const char* id) {
        for (std::size_t i = 0; i < basemap_->layers.size(); ++i)
            if (basemap_->layers[i].id == id) return i;
        ADD_FAILURE() << "no layer " << id;
        return 0;
    }
    // The basemap's layers in their own style, without those named.
    static FrameStyle styleWithout(const std::set<std::string>& left_out) {
        FrameStyle style;
        for (std::size_t i = 0; i < basemap_->layers.size(); ++i) {
            if (left_out.count(basemap_->layers[i].id)) continue;
            LayerDraw draw;
            draw.layer = i;
            draw.style = basemap_->layers[i].style;
            draw.min_zoom = basemap_->layers[i].min_zoom;
            style.layers.push_back(draw);
        }
        return style;
    }

    static app::render::HeadlessContext* context_;
    static geo::Basemap* basemap_;
    static MapRenderer* renderer_;
};
app::render::HeadlessContext* WorldRegion::context_ = nullptr;
geo::Basemap* WorldRegion::basemap_ = nullptr;
MapRenderer* WorldRegion::renderer_ = nullptr;

// The share of `lines`' vertices in view (away from `avoid`'s, and on land) where the two pictures differ.
double shownShare(const std::vector<const geo::VectorLayer*>& lines, const std::vector<const geo::VectorLayer*>& avoid,
                  const geo::Viewport& view, const Image& with, const Image& without, std::size_t* sampled) {
    const geo::Projection wm = geo::Projection::webMercator();
    std::vector<bool> near_avoided(std::size_t(view.width()) * view.height(), false);
    for (const geo::VectorLayer* layer : avoid) {
        for (const auto& feature : layer->features) {
            for (const auto& part : feature.parts) {
                for (const geo::LonLat& p : part) {
                    const geo::XY px = view.toPixel(wm.forward(p));
                    for (int dy = -4; dy <= 4; ++dy)
                        for (int dx = -4; dx <= 4; ++dx) {
                            const int x = int(px.x) + dx, y = int(px.y) + dy;
                            if (x >= 0 && y >= 0 && x < view.width() && y < view.height()) near_avoided[std::size_t(y) * view.width() + x] = true;
                        }
                }
            }
        }
    }
    std::size_t shown = 0, total = 0;
    for (const geo::VectorLayer* layer : lines) {
        for (const auto& feature : layer->features) {
            for (const auto& part : feature.parts) {
                for (const geo::LonLat& p : part) {
                    const geo::XY px = view.toPixel(wm.forward(p));
                    const int x = int(px.x), y = int(px.y);
                    if (x < 2 || y < 2 || x >= view.width() - 2 || y >= view.height() - 2) continue;
                    if (near_avoided[std::size_t(y) * view.width() + x]) continue;
                    // In the sea or a lake (a reservoir on the Dnieper) the water is drawn over them.
                    if (isWater(without.pixel(x, y))) continue;
                    ++total;
                    int most = 0;
                    for (int dy = -1; dy <= 1; ++dy)
                        for (int dx = -1; dx <= 1; ++dx) {
                            const std::uint8_t* a = with.pixel(x + dx, y + dy);
                            const std::uint8_t* b = without.pixel(x + dx, y + dy);
                            for (int k = 0; k < 3; ++k) most = std::max(most, std::abs(int(a[k]) - int(b[k])));
                        }
                    if (most > 12) ++shown;
                }
            }
        }
    }
    *sampled = total;
    return total ? double(shown) / double(total) : 0.0;
}

TEST_P(WorldRegion, ShowsAdmin1BordersRiversAndTownsWherePROJPutsThem) {
    const Region r = GetParam();
    const geo::Viewport view(800, 560, mercator(r.lon, r.lat), r.zoom);
    const Image full = renderer_->renderToImage(view, {}, styleWithout({}));
    const Image no_admin1 = renderer_->renderToImage(view, {}, styleWithout({"admin1"}));
    const Image no_rivers = renderer_->renderToImage(view, {}, styleWithout({"rivers"}));

    // The tiles the renderer drew, read again from the store.
    geo::WorldStore store(basemap_->world_store);
    std::vector<geo::WorldTile> tiles;
    const geo::MapProjection mercator_projection;
    for (const geo::TileKey& key : geo::tilesCovering(geo::visibleBox(view, mercator_projection), geo::bandForZoom(r.zoom))) {
        tiles.push_back(store.read(key));
    }
    std::vector<const geo::VectorLayer*> admin1, rivers, countries, over_rivers;
    for (const geo::WorldTile& t : tiles) {
        admin1.push_back(&t.admin1);
        rivers.push_back(&t.rivers_major);
        countries.push_back(&t.countries);
        over_rivers.push_back(&t.countries);
        over_rivers.push_back(&t.admin1);
    }
    std::size_t admin1_sampled = 0, river_sampled = 0;
    const double admin1_shown = shownShare(admin1, countries, view, full, no_admin1, &admin1_sampled);
    const double rivers_shown = shownShare(rivers, over_rivers, view, full, no_rivers, &river_sampled);
    std::printf("%s: admin-1 %.0f %% of %zu vertices, rivers %.0f %% of %zu\n", r.name, 100 * admin1_shown, admin1_sampled,
                100 * rivers_shown, river_sampled);
    EXPECT_GT(admin1_sampled, 50u) << r.name;
    EXPECT_GT(river_sampled, 30u) << r.name;  // on land: the Dnieper is mostly reservoirs, drawn as water
    EXPECT_GE(admin1_shown, 0.8) << r.name;
    EXPECT_GE(rivers_shown, 0.8) << r.name;

    // Towns: the overlay labels the gazetteer's towns in view, the large one near where PROJ puts it.
    app::AppState state;
    state.view = view;
    state.panel_width_px = 0;  // the whole picture, as a render shows it
    state.map.show_towns = true;
    const auto measure = [](const std::string& text) { return std::pair<float, float>(7.0f * float(text.size()), 14.0f); };
    const std::vector<app::ui::PlacedLabel> labels = app::ui::placeLabels(state, measure, &basemap_->towns);
    EXPECT_GE(labels.size(), 5u) << r.name;
    bool found = false;
    for (const app::ui::PlacedLabel& label : labels) {
        if (!label.town || label.text != r.town) continue;
        const geo::Town& town = basemap_->towns[label.place];
        const geo::XY at = view.toPixel(mercator(town.position.lon, town.position.lat));
        const double dx = std::max({label.box.x - at.x, 0.0, at.x - (label.box.x + label.box.w)});
        const double dy = std::max({label.box.y - at.y, 0.0, at.y - (label.box.y + label.box.h)});
        EXPECT_LT(std::hypot(dx, dy), 12.0) << r.town;
        found = true;
    }
    EXPECT_TRUE(found) << r.town << " is not labelled in " << r.name;
}

// Regression: state and province lines ran out over Lake Victoria and Manila Bay, to Natural
// Earth's coarser coast and across the lake. Where the picture without them is open water (every
// pixel of a 7×7 square the water's colour), the picture with them is water too.
TEST_F(WorldRegion, StateLinesStopAtTheWater) {
    struct View {
        const char* name;
        double lat, lon, zoom;
    };
    for (const View v : {View{"Lake Victoria", -1.0, 33.0, 7.5}, View{"Manila Bay", 14.55, 120.85, 10.5}}) {
        const geo::Viewport view(800, 560, mercator(v.lon, v.lat), v.zoom);
        const Image full = renderer_->renderToImage(view, {}, styleWithout({"countries"}));
        const Image no_admin1 = renderer_->renderToImage(view, {}, styleWithout({"countries", "admin1"}));
        geo::WorldStore store(basemap_->world_store);
        const geo::MapProjection mercator_projection;
        std::size_t in_open_water = 0, drawn_over_water = 0;
        for (const geo::TileKey& key : geo::tilesCovering(geo::visibleBox(view, mercator_projection), geo::bandForZoom(v.zoom))) {
            const geo::WorldTile tile = store.read(key);
            for (const auto& feature : tile.admin1.features)
                for (const auto& part : feature.parts)
                    for (const geo::LonLat& p : part) {
                        const geo::XY px = view.toPixel(mercator(p.lon, p.lat));
                        const int x = int(px.x), y = int(px.y);
                        if (x < 4 || y < 4 || x >= view.width() - 4 || y >= view.height() - 4) continue;
                        bool open_water = true;
                        for (int dy = -3; dy <= 3 && open_water; ++dy)
                            for (int dx = -3; dx <= 3 && open_water; ++dx) open_water = isWater(no_admin1.pixel(x + dx, y + dy));
                        if (!open_water) continue;
                        ++in_open_water;
                        if (!isWater(full.pixel(x, y))) ++drawn_over_water;
                    }
        }
        std::printf("%s: %zu state-line vertices in open water, %zu drawn\n", v.name, in_open_water, drawn_over_water);
        EXPECT_GT(in_open_water, 10u) << v.name;  // the data does run over the water there
        EXPECT_EQ(drawn_over_water, 0u) << v.name;
    }
}

INSTANTIATE_TEST_SUITE_P(World, WorldRegion,
                         ::testing::Values(Region{"Europe_Ukraine", 48.5, 32.0, 6.5, "Kyiv"},
                                           Region{"NorthAmerica_Midwest", 41.0, -89.0, 6.5, "Chicago"},
                                           Region{"SouthAmerica_Brazil", -22.0, -46.0, 6.5, "São Paulo"},
                                           Region{"Africa_Nigeria", 8.5, 7.5, 6.5, "Abuja"},
                                           Region{"Asia_India", 26.0, 80.5, 6.5, "Lucknow"},
                                           Region{"Oceania_Australia", -34.0, 148.0, 6.5, "Canberra"}),
                         [](const ::testing::TestParamInfo<Region>& info) { return std::string(info.param.name); });

}  // namespace
