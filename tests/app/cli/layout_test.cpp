// `textatlas render --projection P --layout-json OUT`: in every projection no two label boxes
// overlap, labels stay inside the picture, and every marker's centre is where an independent PROJ
// transformation (built from the CRS the layout names) puts its place.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <memory>

#include <nlohmann/json.hpp>

#include "app/render/image.hpp"
#include "geo/lonlat.hpp"
#include "geo/projection.hpp"
#include "geo/viewport.hpp"
#include "support/run_textatlas.hpp"
#include "support/temp_dir.hpp"

namespace {

const std::string kSeed = std::string(TEXTATLAS_TEST_DATA_DIR) + "/../../data/texts/panjshir-valley.txt";

int runTextatlas(const std::string& args) {
    test_support::RunLimits limits;
    limits.env = std::string("TEXTATLAS_DATA='") + TEXTATLAS_TEST_DATA_DIR + "/../../data'";
    return test_support::runTextatlas(args, limits).exit_code;
}

struct Rect {
    double x, y, w, h;
};

Rect rectOf(const nlohmann::json& item) {
    return Rect{item.at("x").get<double>(), item.at("y").get<double>(), item.at("w").get<double>(),
                item.at("h").get<double>()};
}

bool overlap(const Rect& a, const Rect& b) {
    return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
}

// Regression: the rendered picture had no arrows to the places outside it, which the viewer shows
// (and --layout-json listed). Kabul at zoom 9 leaves Afghanistan's other places outside: where the
// layout puts the indicator, the picture differs from the same view of a text naming Kabul alone.
TEST(RenderEdgeIndicators, ThePlacesOutsideThePictureArePointedToAsInTheViewer) {
    const test_support::TempDir dir;
    const std::string both = dir / "both.txt", alone = dir / "alone.txt";
    std::ofstream(both) << "Talks were held in Kabul. Later the delegates flew to Herat.\n";
    std::ofstream(alone) << "Talks were held in Kabul.\n";
    const std::string view = " --size 600x400 --center 34.53,69.17 --zoom 9";
    const std::string png_both = dir / "both.png", png_alone = dir / "alone.png", layout_path = dir / "layout.json";
    ASSERT_EQ(runTextatlas("render '" + both + "' --out '" + png_both + "'" + view + " --layout-json '" + layout_path + "'"), 0);
    ASSERT_EQ(runTextatlas("render '" + alone + "' --out '" + png_alone + "'" + view), 0);
    std::ifstream in(layout_path);
    const nlohmann::json layout = nlohmann::json::parse(in);
    const auto& outside = layout.at("outside");
    ASSERT_EQ(outside.size(), 1u);
    EXPECT_EQ(outside[0].at("place").get<std::string>(), "Herāt");
    const Rect box = rectOf(outside[0]);
    const app::render::Image a = app::render::readImage(png_both), b = app::render::readImage(png_alone);
    ASSERT_EQ(a.width, b.width);
    long long differing = 0, total = 0;
    for (int y = int(box.y); y < int(box.y + box.h); ++y)
        for (int x = int(box.x); x < int(box.x + box.w); ++x) {
            if (x < 0 || y < 0 || x >= a.width || y >= a.height) continue;
            ++total;
            int most = 0;
            for (int k = 0; k < 3; ++k) most = std::max(most, std::abs(int(a.pixel(x, y)[k]) - int(b.pixel(x, y)[k])));
            if (most > 24) ++differing;
        }
    ASSERT_GT(total, 100);
    EXPECT_GT(double(differing) / double(total), 0.3) << differing << " of " << total << " pixels of the indicator's box";
}

// Regression: town and place labels lay under the scale bar, the attribution, the north arrow and
// an export's title, legend and inset (four of thirty labels in this export). Labels keep clear of
// every piece of furniture, which --layout-json lists.
TEST(RenderFurniture, NoLabelLiesUnderTheFurniture) {
    const test_support::TempDir dir;
    const std::string view = " --size 900x600 --center 34.6,69.6 --zoom 8";
    for (const std::string extra : {std::string(), std::string(" --legend --inset --title Panjshir")}) {
        const std::string png = dir / "map.png", layout_path = dir / "layout.json";
        ASSERT_EQ(runTextatlas("render '" + kSeed + "' --out '" + png + "'" + view + extra + " --layout-json '" + layout_path + "'"), 0);
        std::ifstream in(layout_path);
        const nlohmann::json layout = nlohmann::json::parse(in);
        const nlohmann::json& furniture = layout.at("furniture");
        for (const char* piece : {"scale_bar", "attribution", "north_arrow"}) EXPECT_TRUE(furniture.contains(piece)) << piece << extra;
        if (!extra.empty())
            for (const char* piece : {"title", "legend", "inset"}) EXPECT_TRUE(furniture.contains(piece)) << piece;
        ASSERT_GE(layout.at("labels").size(), 10u) << "a crowded view" << extra;
        for (const auto& label : layout.at("labels"))
            for (const auto& [name, box] : furniture.items())
                EXPECT_FALSE(overlap(rectOf(label), rectOf(box))) << label.at("text") << " under the " << name << extra;
    }
}

// Regression: town labels (Qujing, Anshun) lay under the arrow pointing to China, 2,000 km north of
// this view of the Mekong. Labels keep clear of the edge indicators as of the furniture.
TEST(RenderEdgeIndicators, NoLabelLiesUnderAnIndicator) {
    const test_support::TempDir dir;
    const std::string text = dir / "mekong.txt", png = dir / "map.png", layout_path = dir / "layout.json";
    std::ofstream(text) << "Farmers near Vientiane and Luang Prabang in Laos fear the dams that China built "
                           "upstream in Yunnan. Downstream, Phnom Penh and Can Tho worry too.\n";
    ASSERT_EQ(runTextatlas("render '" + text + "' --out '" + png + "' --size 1100x750 --layout-json '" + layout_path + "'"), 0);
    std::ifstream in(layout_path);
    const nlohmann::json layout = nlohmann::json::parse(in);
    ASSERT_GE(layout.at("outside").size(), 1u) << "China lies outside the view of its text's focus";
    ASSERT_GE(layout.at("labels").size(), 20u);
    for (const auto& outside : layout.at("outside"))
        for (const auto& label : layout.at("labels"))
            EXPECT_FALSE(overlap(rectOf(label), rectOf(outside))) << label.at("text") << " under " << outside.at("label");
}

class LayoutTest : public ::testing::TestWithParam<const char*> {};

TEST_P(LayoutTest, LabelsNeverOverlapAndMarkersSitWhereProjPutsThem) {
    const std::string projection = GetParam();
    const test_support::TempDir dir;
    const std::string png = dir / "map.png", layout_path = dir / "layout.json";
    const std::string& text = kSeed;
    // The Kabul–Panjshir region at zoom 7, where towns crowd: collisions must be resolved.
    ASSERT_EQ(runTextatlas("render '" + text + "' --out '" + png + "' --size 480x360 --center 34.9,69.3 --zoom 7 " +
                           "--projection " + projection + " --layout-json '" + layout_path + "'"),
              0);
    std::ifstream in(layout_path);
    ASSERT_TRUE(in.good());
    const nlohmann::json layout = nlohmann::json::parse(in);
    const auto& labels = layout.at("labels");
    ASSERT_GE(labels.size(), 3u) << "the place labels and some towns";
    for (std::size_t i = 0; i < labels.size(); ++i) {
        const Rect a = rectOf(labels[i]);
        EXPECT_GE(a.x, 0.0);
        EXPECT_GE(a.y, 0.0);
        EXPECT_LE(a.x + a.w, 480.0);
        EXPECT_LE(a.y + a.h, 360.0);
        for (std::size_t j = i + 1; j < labels.size(); ++j)
            EXPECT_FALSE(overlap(a, rectOf(labels[j]))) << labels[i].at("text") << " / " << labels[j].at("text");
    }

    // The view: centre 34.9 N 69.3 E in the pixel centre of the picture, zoom 7.
    const geo::Projection proj = geo::Projection::fromWgs84To(layout.at("projection").get<std::string>());
    const geo::XY centre = proj.forward(geo::LonLat(69.3, 34.9));
    const geo::Viewport view(480, 360, centre, 7.0);
    const auto& markers = layout.at("markers");
    ASSERT_GE(markers.size(), 2u) << "Kabul and the Panjshir Valley at least";
    bool saw_kabul = false;
    for (const auto& marker : markers) {
        const Rect r = rectOf(marker);
        const geo::XY expected =
            view.toPixel(proj.forward(geo::LonLat(marker.at("lon").get<double>(), marker.at("lat").get<double>())));
        EXPECT_NEAR(r.x + r.w / 2, expected.x, 0.01) << marker.at("place");
        EXPECT_NEAR(r.y + r.h / 2, expected.y, 0.01) << marker.at("place");
        saw_kabul |= marker.at("place") == "Kabul";
    }
    EXPECT_TRUE(saw_kabul);
}

INSTANTIATE_TEST_SUITE_P(EveryProjection, LayoutTest, ::testing::Values("webmercator", "utm", "laea", "globe"));

TEST(LayoutCli, UnknownProjectionIsAUsageError) {
    // A real text and a writable output: only the projection is wrong, and it is a usage error (2),
    // not a failure to read or write (1).
    test_support::TempDir dir;
    const auto run = test_support::runTextatlas("render '" + kSeed + "' --out '" + (dir / "x.png") +
                                                "' --projection mollweide");
    EXPECT_EQ(run.exit_code, 2);
    EXPECT_EQ(run.err, "textatlas render: --projection must be webmercator, utm, laea or globe, got 'mollweide'\n");
    EXPECT_FALSE(std::filesystem::exists(dir / "x.png"));
}

}  // namespace
