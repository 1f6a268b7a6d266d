// Texts that name the poles (Antarctica, the Arctic, Svalbard, Tierra del Fuego) render in every
// projection and export in every format, through the real binary. Web Mercator clamps at
// ±85.05113°: Antarctica's marker sits on the clamp; the globe and LAEA show the poles themselves.
#include <gtest/gtest.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "app/render/image.hpp"
#include "support/run_textatlas.hpp"
#include "support/temp_dir.hpp"

namespace {

using test_support::CommandResult;
using test_support::runTextatlas;
using test_support::TempDir;

constexpr double kPi = 3.14159265358979323846;
constexpr const char* kPolarText =
    "The expedition left Tierra del Fuego for Antarctica. A year later it sailed from Svalbard into the Arctic.\n";

double mercatorY(double lat) { return std::log(std::tan(kPi / 4 + lat * kPi / 360)); }

nlohmann::json readJson(const std::string& path) {
    std::ifstream in(path);
    return nlohmann::json::parse(in);
}

// The marker drawn for the place at `lat` (degrees), or null.
const nlohmann::json* markerAt(const nlohmann::json& layout, double lat) {
    for (const auto& m : layout["markers"])
        if (std::abs(m["lat"].get<double>() - lat) < 1e-6) return &m;
    return nullptr;
}

TEST(Poles, TextsNamingThePolesRenderInEveryProjection) {
    const TempDir dir;
    const std::string text = dir.write("polar.txt", kPolarText);
    const auto render = [&](const std::string& name, const std::string& options) {
        const CommandResult run = runTextatlas("render '" + text + "' --out '" + (dir / (name + ".png")) +
                                               "' --size 400x300 --layout-json '" + (dir / (name + ".json")) + "' " + options);
        EXPECT_EQ(run.exit_code, 0) << name << ": " << run.err;
        return run.exit_code == 0 ? readJson(dir / (name + ".json")) : nlohmann::json();
    };

    // Web Mercator fitted to all four: Antarctica (90°S) on the clamp at 85.05113°S. Its distance
    // below the Arctic Ocean's marker (85°N), against Tierra del Fuego's, says where it is.
    const nlohmann::json mercator = render("webmercator", "--projection webmercator");
    const nlohmann::json* antarctica = markerAt(mercator, -90.0);
    const nlohmann::json* arctic = markerAt(mercator, 85.0);
    const nlohmann::json* fuego = nullptr;
    for (const auto& m : mercator["markers"])
        if (m["lat"].get<double>() < -50 && m["lat"].get<double>() > -56) fuego = &m;
    ASSERT_TRUE(antarctica && arctic && fuego) << mercator.dump();
    const auto centre_y = [](const nlohmann::json& m) { return m["y"].get<double>() + m["h"].get<double>() / 2; };
    const double measured = (centre_y(*antarctica) - centre_y(*arctic)) / (centre_y(*fuego) - centre_y(*arctic));
    const double expected =
        (mercatorY(85.0) - mercatorY(-85.05113)) / (mercatorY(85.0) - mercatorY((*fuego)["lat"].get<double>()));
    EXPECT_NEAR(measured, expected, 0.01);
    // The first view frames the text's focus (app/framing), where a continent only sets the scene:
    // Antarctica is in the picture, or pointed to from its edge.
    bool antarctica_pointed_to = false;
    for (const auto& outside : mercator["outside"]) antarctica_pointed_to |= outside["place"] == (*antarctica)["place"];
    EXPECT_TRUE(centre_y(*antarctica) <= 300.0 || antarctica_pointed_to) << mercator.dump();

    // The globe centred on the South Pole: Antarctica's marker (the pole) at the picture's centre.
    const nlohmann::json globe = render("globe", "--projection globe --center -90,0 --zoom 1");
    const nlohmann::json* pole = markerAt(globe, -90.0);
    ASSERT_TRUE(pole) << globe.dump();
    EXPECT_NEAR((*pole)["x"].get<double>() + (*pole)["w"].get<double>() / 2, 200.0, 1.0);
    EXPECT_NEAR(centre_y(*pole), 150.0, 1.0);

    // LAEA centred on the North Pole: the Arctic Ocean's point (85°N, 0°E) about 556 km below it.
    const nlohmann::json laea = render("laea", "--projection laea --center 90,0 --zoom 3");
    const nlohmann::json* north = markerAt(laea, 85.0);
    ASSERT_TRUE(north) << laea.dump();
    const double metres_per_pixel = 2 * 20037508.342789244 / (256.0 * 8.0);
    EXPECT_NEAR(centre_y(*north) - 150.0, 555.6e3 / metres_per_pixel, 2.0);

    // UTM of the fitted view's centre: it renders.
    render("utm", "--projection utm");
}

TEST(Poles, TextsNamingThePolesExportInEveryFormat) {
    const TempDir dir;
    const std::string text = dir.write("polar.txt", kPolarText);
    for (const std::string format : {"geojson", "kml", "gpkg", "html"}) {
        const std::string out = dir / ("places." + format);
        const CommandResult run =
            runTextatlas("export '" + text + "' --format " + format + " --out '" + out + "' --size 400x300");
        EXPECT_EQ(run.exit_code, 0) << format << ": " << run.err;
        EXPECT_NE(run.out.find("(4 places"), std::string::npos) << format << ": " << run.out;
    }
    const nlohmann::json geojson = readJson(dir / "places.geojson");
    bool south_pole = false;
    for (const auto& feature : geojson["features"]) {
        const auto& c = feature["geometry"]["coordinates"];
        if (c[1].get<double>() == -90.0) south_pole = true;
    }
    EXPECT_TRUE(south_pole) << "Antarctica keeps its true latitude in the data";
}

// Regression: the Ross Ice Shelf and the polar plateau were tinted by height like any land (lowland
// green, brown), so Antarctica looked like farmland, and Greenland's ice sheet was brown. Land south
// of 60°S, and land above its latitude's snowline, is ice: bluish white.
TEST(Poles, AntarcticaAndTheIceCapsAreIce) {
    const TempDir dir;
    const std::string text = dir.write("plain.txt", "A note with no place in it.\n");
    const auto centrePixel = [&](const std::string& center) {
        const std::string png = dir / "map.png";
        const CommandResult run = runTextatlas("render '" + text + "' --out '" + png + "' --size 200x200 --center " +
                                               center + " --zoom 5 --no-north-arrow");
        EXPECT_EQ(run.exit_code, 0) << run.err;
        const app::render::Image image = app::render::readImage(png);
        const std::uint8_t* p = image.pixel(100, 100);
        return std::array<int, 3>{p[0], p[1], p[2]};
    };
    const auto icy = [](const std::array<int, 3>& rgb) {
        return std::min({rgb[0], rgb[1], rgb[2]}) >= 200 && rgb[2] >= rgb[0] && rgb[2] >= rgb[1];
    };
    const std::array<int, 3> shelf = centrePixel("-81,-175");    // the Ross Ice Shelf, some 50 m high
    const std::array<int, 3> plateau = centrePixel("-75,100");   // the polar plateau, 3,000 m
    const std::array<int, 3> steppe = centrePixel("-46,-70");    // Patagonia: land tinted by height
    EXPECT_TRUE(icy(shelf)) << shelf[0] << "," << shelf[1] << "," << shelf[2];
    EXPECT_TRUE(icy(plateau)) << plateau[0] << "," << plateau[1] << "," << plateau[2];
    EXPECT_FALSE(icy(steppe)) << steppe[0] << "," << steppe[1] << "," << steppe[2];
    EXPECT_GT(plateau[0], shelf[0]) << "the plateau whiter than the shelf";

    // Elsewhere, land above the snowline of its latitude: Greenland's ice sheet (3,000 m at 72°N)
    // and Vatnajökull (64°N) are ice; Tibet's plateau, higher but in the dry subtropics, is not.
    const std::array<int, 3> greenland = centrePixel("72,-40");
    const std::array<int, 3> vatnajokull = centrePixel("64.4,-16.8");
    const std::array<int, 3> tibet = centrePixel("32,88");
    EXPECT_TRUE(icy(greenland)) << greenland[0] << "," << greenland[1] << "," << greenland[2];
    EXPECT_TRUE(icy(vatnajokull)) << vatnajokull[0] << "," << vatnajokull[1] << "," << vatnajokull[2];
    EXPECT_FALSE(icy(tibet)) << tibet[0] << "," << tibet[1] << "," << tibet[2];
}

}  // namespace
