// A layer file that mixes every kind of geometry (tests/data/vector/mixed_kinds.geojson: a polygon,
// lines, named points, a collection of a point and a line) added the way File → Add layer… adds it
// (`textatlas render --layer`): its polygon is filled, its lines and points drawn, each where PROJ
// puts them, and its named points are labelled beside them. A GeoJSON of points, lines and polygons
// drew only the polygons.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <tuple>
#include <utility>
#include <algorithm>

#include <nlohmann/json.hpp>

#include "support/run_textatlas.hpp"

#include "app/render/image.hpp"
#include "geo/projection.hpp"
#include "geo/viewport.hpp"

namespace {

namespace fs = std::filesystem;
using test_support::CommandResult;
using test_support::textatlas;

const std::string kMixed = std::string(TEXTATLAS_TEST_DATA_DIR) + "/vector/mixed_kinds.geojson";

class LayerKinds : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("textatlas-layer-kinds-" + std::to_string(::getpid()));
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }

    // Renders a text that names no place (so no arrow at the edge points to one) over northern
    // Italy, with the layer or without it.
    app::render::Image render(bool with_layer, nlohmann::json* layout = nullptr) {
        const std::string name = with_layer ? "with" : "without";
        const fs::path png = dir_ / (name + ".png"), json = dir_ / (name + ".json"), text = dir_ / "note.txt";
        std::ofstream(text) << "A note that names no place.\n";
        const CommandResult run = textatlas("render '" + text.string() + "' --out '" + png.string() +
                                                "' --size 520x380 --center 45,11.6 --zoom 7 --layout-json '" +
                                                json.string() + "'" + (with_layer ? " --layer '" + kMixed + "'" : ""),
                                            true);
        EXPECT_EQ(run.exit_code, 0) << run.out;
        if (layout) *layout = nlohmann::json::parse(std::ifstream(json));
        return app::render::readImage(png.string());
    }
    geo::XY pixelOf(double lon, double lat) const { return view_.toPixel(mercator_.forward(geo::LonLat(lon, lat))); }

    fs::path dir_;
    const geo::Projection mercator_ = geo::Projection::webMercator();
    const geo::Viewport view_{520, 380, geo::Projection::webMercator().forward(geo::LonLat(11.6, 45.0)), 7.0};
};

// The added-layer purple (lines 0x7b3294, fill 0xc2a5cf at 40 %): blue and red well above green.
bool isPurple(const std::uint8_t* p) { return p[2] > p[1] + 50 && p[0] > p[1] + 30; }
// How much bluer than green a pixel is (the fill tints whatever is below towards purple).
int purpleness(const std::uint8_t* p) { return int(p[2]) - int(p[1]); }

TEST_F(LayerKinds, PolygonsLinesAndPointsOfOneFileAreAllDrawnAndThePointsLabelled) {
    nlohmann::json layout;
    const app::render::Image with = render(true, &layout);
    const app::render::Image without = render(false);
    ASSERT_EQ(with.width, 520);
    ASSERT_EQ(without.width, 520);

    // The polygon is filled: inside it the map is tinted purple at (nearly) every pixel sampled.
    int inside = 0, tinted = 0;
    for (double lon = 11.1; lon < 11.95; lon += 0.1)
        for (double lat = 44.6; lat < 45.45; lat += 0.1) {
            const geo::XY p = pixelOf(lon, lat);
            ++inside;
            tinted += purpleness(with.pixel(int(p.x), int(p.y))) > purpleness(without.pixel(int(p.x), int(p.y))) + 10;
        }
    EXPECT_GT(tinted, inside * 9 / 10) << tinted << " of " << inside;

    // Lines: the canal along lon 12.5 and both parts of the ferry are purple along their length.
    const auto purpleNear = [&](const geo::XY& at, int reach) {
        for (int dy = -reach; dy <= reach; ++dy)
            for (int dx = -reach; dx <= reach; ++dx)
                if (isPurple(with.pixel(int(at.x) + dx, int(at.y) + dy))) return true;
        return false;
    };
    int samples = 0, found = 0;
    for (double lat = 44.3; lat < 45.75; lat += 0.1, ++samples) found += purpleNear(pixelOf(12.5, lat), 2);
    for (double lon = 10.3; lon < 10.75; lon += 0.1, samples += 2)
        found += purpleNear(pixelOf(lon, 44.2), 2) + purpleNear(pixelOf(lon, 45.8), 2);
    EXPECT_GT(found, samples * 9 / 10) << found << " of " << samples;

    // Points: a disc at each, where the picture without the layer has none.
    for (const auto& [lon, lat] : {std::pair{10.5, 45.0}, std::pair{12.9, 45.3}, std::pair{12.9, 44.5}}) {
        const geo::XY p = pixelOf(lon, lat);
        EXPECT_TRUE(purpleNear(p, 3)) << lon << ", " << lat;
        bool before = false;
        for (int dy = -3; dy <= 3; ++dy)
            for (int dx = -3; dx <= 3; ++dx) before = before || isPurple(without.pixel(int(p.x) + dx, int(p.y) + dy));
        EXPECT_FALSE(before) << lon << ", " << lat;
    }

    // The named points are labelled beside their points; lines and the polygon are not.
    const auto labelOf = [&](const std::string& text) -> const nlohmann::json* {
        for (const auto& label : layout.at("labels"))
            if (label.at("text") == text && label.at("kind") == "layer") return &label;
        return nullptr;
    };
    for (const auto& [name, lon, lat] : {std::tuple{"Alpha", 10.5, 45.0}, std::tuple{"Beta", 12.9, 45.3},
                                        std::tuple{"Gauge and weir", 12.9, 44.5}}) {
        const nlohmann::json* label = labelOf(name);
        ASSERT_NE(label, nullptr) << name << " is not labelled";
        const geo::XY p = pixelOf(lon, lat);
        const double x = label->at("x").get<double>(), y = label->at("y").get<double>();
        const double w = label->at("w").get<double>(), h = label->at("h").get<double>();
        // The nearest point of the label's box is within a few pixels of the point's disc.
        const double gap_x = std::max({x - p.x, p.x - (x + w), 0.0}), gap_y = std::max({y - p.y, p.y - (y + h), 0.0});
        EXPECT_LT(std::hypot(gap_x, gap_y), 12.0) << name;
        EXPECT_FALSE(p.x > x && p.x < x + w && p.y > y && p.y < y + h) << name << "'s label covers its point";
    }
    EXPECT_EQ(labelOf("Canal"), nullptr);
    EXPECT_EQ(labelOf("Lake Ring"), nullptr);
}

}  // namespace
