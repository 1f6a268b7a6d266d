// The real renderer on a headless EGL context (Mesa llvmpipe here): markers land where PROJ and
// Viewport::toPixel put them, the terrain is shaded and placed by latitude, lines keep their pixel
// width, polygons keep their holes, and renderToImage leaves the GL state as it found it.
// Set TEXTATLAS_RENDER_PNG=/path.png to also write the Kabul–Panjshir render for a look.
#include <gtest/gtest.h>

#include <GL/gl.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <limits>
#include <filesystem>
#include <set>

#include <unistd.h>

#include "support/geotiff_writer.hpp"
#include "support/temp_dir.hpp"
#include "support/shared_dem.hpp"
#include "app/layer_files.hpp"
#include "app/map_settings.hpp"
#include "app/render/fill_layer.hpp"
#include "app/render/gl_context.hpp"
#include "app/render/image.hpp"
#include "app/render/line_layer.hpp"
#include "app/render/dem_window.hpp"
#include "app/render/map_renderer.hpp"
#include "app/render/render_space.hpp"
#include "app/render/terrain_layer.hpp"
#include "geo/basemap.hpp"
#include "geo/data_paths.hpp"
#include "geo/error.hpp"
#include "geo/map_projection.hpp"
#include "geo/projection.hpp"
#include "geo/viewport.hpp"

namespace {

using app::render::Image;
using app::render::MapRenderer;
using app::render::MarkerInstance;

struct Rgb {
    int r, g, b;
};

Rgb rgbAt(const Image& image, int x, int y) {
    const std::uint8_t* p = image.pixel(x, y);
    return Rgb{p[0], p[1], p[2]};
}

Rgb rgbOf(std::uint32_t rgba) {
    return Rgb{static_cast<int>((rgba >> 24) & 0xff), static_cast<int>((rgba >> 16) & 0xff),
               static_cast<int>((rgba >> 8) & 0xff)};
}

int colourDistance(const Rgb& a, const Rgb& b) {
    return std::abs(a.r - b.r) + std::abs(a.g - b.g) + std::abs(a.b - b.b);
}

double luminance(const Image& image, int x, int y) {
    const std::uint8_t* p = image.pixel(x, y);
    return 0.2126 * p[0] + 0.7152 * p[1] + 0.0722 * p[2];
}

geo::XY mercator(double lon, double lat) { return geo::Projection::webMercator().forward(geo::LonLat(lon, lat)); }

// Pixel (column, row) containing a Mercator point.
void pixelOf(const geo::Viewport& view, const geo::XY& point, int& x, int& y) {
    const geo::XY p = view.toPixel(point);
    x = static_cast<int>(std::floor(p.x));
    y = static_cast<int>(std::floor(p.y));
}

// A synthetic lon/lat DEM: 0.5° cells over lon 60–75, lat 20–60; 1200 m north of 45°N, 0 m south.
geo::Raster stepDem() {
    geo::Raster dem;
    dem.width = 30;
    dem.height = 80;
    const double gt[6] = {60.0, 0.5, 0.0, 60.0, 0.0, -0.5};
    std::copy(gt, gt + 6, dem.geotransform);
    dem.values.resize(static_cast<size_t>(dem.width) * dem.height);
    for (int row = 0; row < dem.height; ++row) {
        for (int col = 0; col < dem.width; ++col) {
            // (1,200 m: under the snowline of every latitude here, so the tint is the height's alone.)
            dem.values[static_cast<size_t>(row) * dem.width + col] = row < 30 ? 1200.0f : 0.0f;
        }
    }
    dem.min_value = 0.0f;
    dem.max_value = 1200.0f;
    return dem;
}

class RenderTest : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        context_ = app::render::HeadlessContext::create().release();
        basemap_ = new geo::Basemap(geo::loadBasemap(geo::findDataDir()));
        renderer_ = new MapRenderer(*basemap_);
    }
    static void TearDownTestSuite() {
        delete renderer_;  // GL objects go before their context
        delete basemap_;
        delete context_;
        renderer_ = nullptr;
        basemap_ = nullptr;
        context_ = nullptr;
    }

    // Kabul and Bazarak (Panjshir) in an 800×600 view.
    static geo::Viewport kabulPanjshirView(int width = 800, int height = 600) {
        return geo::Viewport::fit({mercator(69.17233, 34.52813), mercator(69.515, 35.313)}, width, height);
    }

    static app::render::HeadlessContext* context_;
    static geo::Basemap* basemap_;
    static MapRenderer* renderer_;
};

app::render::HeadlessContext* RenderTest::context_ = nullptr;
geo::Basemap* RenderTest::basemap_ = nullptr;
MapRenderer* RenderTest::renderer_ = nullptr;

TEST_F(RenderTest, ContextIsOpenGl33CoreOrLater) {
    EXPECT_FALSE(context_->glRenderer().empty());
    GLint major = 0;
    GLint minor = 0;
    GLint profile = 0;
    glGetIntegerv(GL_MAJOR_VERSION, &major);
    glGetIntegerv(GL_MINOR_VERSION, &minor);
    glGetIntegerv(GL_CONTEXT_PROFILE_MASK, &profile);
    EXPECT_GE(major * 10 + minor, 33);
    EXPECT_TRUE(profile & GL_CONTEXT_CORE_PROFILE_BIT);
}

TEST_F(RenderTest, MarkerAtKabulIsWhereProjPutsIt) {
    const geo::Viewport view = kabulPanjshirView();
    const geo::XY kabul = mercator(69.17233, 34.52813);
    MarkerInstance marker;
    marker.position = kabul;
    marker.radius_px = 7.0f;
    marker.fill_rgba = 0xd7301fff;
    const Image with_marker = renderer_->renderToImage(view, {marker});
    const Image without_marker = renderer_->renderToImage(view, {});
    ASSERT_EQ(with_marker.width, 800);
    ASSERT_EQ(with_marker.height, 600);
    EXPECT_EQ(glGetError(), static_cast<GLenum>(GL_NO_ERROR));

    int x = 0;
    int y = 0;
    pixelOf(view, kabul, x, y);
    ASSERT_TRUE(x >= 30 && y >= 30 && x < 770 && y < 570) << "Kabul should be well inside the view";
    EXPECT_LE(colourDistance(rgbAt(with_marker, x, y), rgbOf(marker.fill_rgba)), 6);
    // The marker's colour there is not what the map itself has.
    EXPECT_GT(colourDistance(rgbAt(without_marker, x, y), rgbOf(marker.fill_rgba)), 60);
    // 30 px away in each direction the map shows through: same as without the marker.
    for (const auto& [dx, dy] : {std::pair{30, 0}, {-30, 0}, {0, 30}, {0, -30}}) {
        EXPECT_GT(colourDistance(rgbAt(with_marker, x + dx, y + dy), rgbOf(marker.fill_rgba)), 60);
        EXPECT_EQ(colourDistance(rgbAt(with_marker, x + dx, y + dy), rgbAt(without_marker, x + dx, y + dy)), 0);
    }

    if (const char* path = std::getenv("TEXTATLAS_RENDER_PNG")) {
        MarkerInstance bazarak = marker;
        bazarak.position = mercator(69.515, 35.313);
        app::render::writePng(renderer_->renderToImage(view, {marker, bazarak}), path);
    }
}

TEST_F(RenderTest, OnlyTheWindowOfTheWorldReliefAViewNeedsIsHeld) {
    // The whole 5′ relief is 4320 × 2160 cells (some 56 MB as a texture); a regional view holds a
    // window of it: the view and a margin.
    ASSERT_NE(basemap_->world_relief, nullptr);
    const double whole = double(basemap_->world_relief->columns()) * basemap_->world_relief->rows();
    MapRenderer renderer(*basemap_);
    EXPECT_EQ(renderer.terrainCellsHeld(), 0u) << "nothing is read before the first frame";
    const Image regional = renderer.renderToImage(kabulPanjshirView(), {});
    EXPECT_GT(renderer.terrainCellsHeld(), 0u);
    EXPECT_LT(double(renderer.terrainCellsHeld()), whole / 100.0);
    std::printf("relief cells held: %zu for the Kabul-Panjshir view\n", renderer.terrainCellsHeld());
    // The world at once: a coarser window of the whole relief, bounded.
    const Image world = renderer.renderToImage(geo::Viewport(1024, 1024, geo::XY{0, 0}, 2.0), {});
    EXPECT_LE(double(renderer.terrainCellsHeld()), app::render::kMaxDemWindowCells);
    EXPECT_LT(double(renderer.terrainCellsHeld()), whole);
    std::printf("relief cells held: %zu for the world at zoom 2\n", renderer.terrainCellsHeld());
    // Back to the region: its window again, drawn as before.
    const Image again = renderer.renderToImage(kabulPanjshirView(), {});
    EXPECT_LT(double(renderer.terrainCellsHeld()), whole / 100.0);
    EXPECT_EQ(again.rgba, regional.rgba);
}

TEST_F(RenderTest, TheWorldReliefIsDrawnOnBothSidesOfTheAntimeridian) {
    // Regression: a view of the Bering Strait centred at 170°W showed Chukotka (west of the
    // antimeridian, drawn in the next copy of the world) as bare land fill: the window of the
    // relief was read for the longitudes east of it only.
    const geo::Viewport across(800, 600, mercator(-170.0, 65.5), 5.0);
    const geo::Viewport west_of_it(800, 600, mercator(172.0, 66.0), 5.0);
    MapRenderer renderer(*basemap_);
    const Image image = renderer.renderToImage(across, {});
    const Image reference = renderer.renderToImage(west_of_it, {});
    // Inland Chukotka, 175°E 66.5°N: in `across` it lies one world width to the west.
    const geo::XY chukotka = mercator(175.0, 66.5);
    int x = 0, y = 0;
    pixelOf(across, geo::XY{chukotka.x - 2.0 * geo::kWebMercatorHalfWorld, chukotka.y}, x, y);
    int rx = 0, ry = 0;
    pixelOf(west_of_it, chukotka, rx, ry);
    ASSERT_TRUE(x >= 0 && x < 800 && rx >= 0 && rx < 800);
    const Rgb land_fill = rgbOf(0xEEE8D8FFu);
    EXPECT_GT(colourDistance(rgbAt(reference, rx, ry), land_fill), 20) << "the relief tints the land there";
    EXPECT_LE(colourDistance(rgbAt(image, x, y), rgbAt(reference, rx, ry)), 8) << "the same relief in either view";
}

TEST_F(RenderTest, MarkerNearTopLeftIsNotFlipped) {
    const geo::Viewport view = kabulPanjshirView();
    MarkerInstance marker;
    marker.position = view.toMercator(geo::XY{40.5, 40.5});  // centre of pixel (40, 40)
    marker.fill_rgba = 0x1f30d7ff;
    const Image image = renderer_->renderToImage(view, {marker});
    EXPECT_LE(colourDistance(rgbAt(image, 40, 40), rgbOf(marker.fill_rgba)), 6);
    // Where a bottom-up image would put it:
    EXPECT_GT(colourDistance(rgbAt(image, 40, 600 - 1 - 40), rgbOf(marker.fill_rgba)), 60);
}

TEST_F(RenderTest, LaterMarkersAreDrawnOnTop) {
    const geo::Viewport view = kabulPanjshirView();
    MarkerInstance below;
    below.position = view.toMercator(geo::XY{400.5, 300.5});
    below.fill_rgba = 0x00ff00ff;
    MarkerInstance above = below;
    above.fill_rgba = 0x0000ffff;
    const Image image = renderer_->renderToImage(view, {below, above});
    EXPECT_LE(colourDistance(rgbAt(image, 400, 300), rgbOf(above.fill_rgba)), 6);
}

TEST_F(RenderTest, TerrainIsShadedAndChangesWithTheSun) {
    // A real user's DEM (DTED Level 0, 30″) and nothing else.
    const std::string dem_path = test_support::sharedDemPath();
    if (dem_path.empty()) GTEST_SKIP() << test_support::kNoSharedDem;
    geo::Basemap terrain_only;
    terrain_only.dems = geo::openDems(dem_path);
    MapRenderer renderer(terrain_only);
    const geo::Viewport view = kabulPanjshirView();
    app::render::FrameStyle style;
    style.background_rgba = 0xff00ffff;  // magenta: would show wherever the terrain is missing
    const Image from_north_west = renderer.renderToImage(view, {}, style);
    style.terrain.sun_azimuth_deg = 135.0f;
    const Image from_south_east = renderer.renderToImage(view, {}, style);

    std::set<std::uint32_t> colours;
    double sum = 0.0;
    double sum_squares = 0.0;
    double sun_difference = 0.0;
    int background_pixels = 0;
    const int n = view.width() * view.height();
    for (int y = 0; y < view.height(); ++y) {
        for (int x = 0; x < view.width(); ++x) {
            const std::uint8_t* p = from_north_west.pixel(x, y);
            colours.insert((p[0] << 16) | (p[1] << 8) | p[2]);
            if (colourDistance(rgbAt(from_north_west, x, y), rgbOf(style.background_rgba)) == 0) ++background_pixels;
            const double l = luminance(from_north_west, x, y);
            sum += l;
            sum_squares += l * l;
            sun_difference += std::abs(l - luminance(from_south_east, x, y));
        }
    }
    const double mean = sum / n;
    const double variance = sum_squares / n - mean * mean;
    EXPECT_EQ(background_pixels, 0) << "the DEM covers this whole view";
    EXPECT_GT(colours.size(), 2000u);
    // Mountains lit from one side: luminance spreads well beyond a flat tint (std dev > 12 levels).
    EXPECT_GT(variance, 144.0);
    // Opposite suns swap lit and shaded slopes: on average pixels change by more than 8 levels.
    EXPECT_GT(sun_difference / n, 8.0);
}

TEST_F(RenderTest, DemRowsArePlacedByLatitudeNotStretchedLinearly) {
    geo::Basemap synthetic;
    synthetic.world_relief = geo::demFromRaster(stepDem(), "step");
    MapRenderer renderer(synthetic);
    const geo::Viewport view = geo::Viewport::fit({mercator(60, 20), mercator(75, 60)}, 600, 700, 20.0);
    const Image image = renderer.renderToImage(view, {});

    int x = 0;
    int y_step = 0;
    pixelOf(view, mercator(67.5, 45.0), x, y_step);
    // Where the 45°N row boundary would fall if latitude were spread linearly over the quad:
    const double y60 = view.toPixel(mercator(67.5, 60.0)).y;
    const double y20 = view.toPixel(mercator(67.5, 20.0)).y;
    const double y_linear = y60 + (60.0 - 45.0) / 40.0 * (y20 - y60);
    ASSERT_GT(std::abs(y_linear - y_step), 20.0) << "the view must tell the two placements apart";

    int unused = 0;
    int y_high_far = 0, y_high_near = 0, y_low_near = 0, y_low_far = 0;
    pixelOf(view, mercator(67.5, 55.0), unused, y_high_far);
    pixelOf(view, mercator(67.5, 46.0), unused, y_high_near);
    pixelOf(view, mercator(67.5, 44.0), unused, y_low_near);
    pixelOf(view, mercator(67.5, 25.0), unused, y_low_far);
    const Rgb high = rgbAt(image, x, y_high_far);
    const Rgb low = rgbAt(image, x, y_low_far);
    ASSERT_GT(colourDistance(high, low), 60) << "1200 m and 0 m must be tinted differently";
    // One degree (two cells) either side of the step, the ground is flat at its own height.
    EXPECT_LE(colourDistance(rgbAt(image, x, y_high_near), high), 6);
    EXPECT_LE(colourDistance(rgbAt(image, x, y_low_near), low), 6);
}

TEST_F(RenderTest, NoDataAndOutsideTheDemShowTheBackground) {
    geo::Raster step = stepDem();
    // No data over lon 65–70, lat 25–30 (rows 60–69, columns 10–19).
    for (int row = 60; row < 70; ++row) {
        for (int col = 10; col < 20; ++col) {
            step.values[static_cast<size_t>(row) * step.width + col] = std::numeric_limits<float>::quiet_NaN();
        }
    }
    geo::Basemap synthetic;
    synthetic.world_relief = geo::demFromRaster(step, "step with a hole");
    MapRenderer renderer(synthetic);
    const geo::Viewport view = geo::Viewport::fit({mercator(55, 20), mercator(80, 60)}, 600, 700, 20.0);
    app::render::FrameStyle style;
    style.background_rgba = 0x336699ff;
    const Image image = renderer.renderToImage(view, {}, style);
    int x = 0;
    int y = 0;
    pixelOf(view, mercator(67.5, 27.5), x, y);
    EXPECT_EQ(colourDistance(rgbAt(image, x, y), rgbOf(style.background_rgba)), 0) << "no-data hole";
    pixelOf(view, mercator(77.5, 40.0), x, y);
    EXPECT_EQ(colourDistance(rgbAt(image, x, y), rgbOf(style.background_rgba)), 0) << "east of the DEM";
    pixelOf(view, mercator(62.5, 27.5), x, y);
    EXPECT_GT(colourDistance(rgbAt(image, x, y), rgbOf(style.background_rgba)), 60) << "valid DEM beside the hole";
}

// Sum of "ink" down one column: a line of width w px antialiased over a white page covers w pixels.
double inkInColumn(const Image& image, int x) {
    double ink = 0.0;
    for (int y = 0; y < image.height; ++y) ink += (255.0 - luminance(image, x, y)) / 255.0;
    return ink;
}

TEST_F(RenderTest, LinesKeepTheirPixelWidthAtEveryZoom) {
    geo::Basemap lines;
    geo::VectorFeature feature;
    feature.parts.push_back({geo::LonLat(60.0, 35.0), geo::LonLat(75.0, 35.0)});
    geo::VectorLayer layer;
    layer.kind = geo::GeometryKind::Lines;
    layer.features.push_back(feature);
    lines.layers.push_back(geo::StyledLayer{layer, geo::LayerStyle{0x000000ffu, 4.0f, 0x00000000u}, true});
    MapRenderer renderer(lines);
    app::render::FrameStyle style;
    style.background_rgba = 0xffffffff;
    for (double zoom : {4.0, 9.0, 14.0}) {
        const geo::Viewport view(400, 300, mercator(67.3, 35.0), zoom);
        const Image image = renderer.renderToImage(view, {}, style);
        EXPECT_NEAR(inkInColumn(image, 200), 4.0, 0.35) << "zoom " << zoom;
        int x = 0;
        int y = 0;
        pixelOf(view, mercator(67.3, 35.0), x, y);
        EXPECT_LT(luminance(image, x, y), 40.0) << "the line passes through its own latitude, zoom " << zoom;
    }
}

TEST_F(RenderTest, PolygonFillsKeepTheirHoles) {
    geo::VectorFeature square;
    square.parts.push_back({geo::LonLat(66, 33), geo::LonLat(69, 33), geo::LonLat(69, 36), geo::LonLat(66, 36),
                            geo::LonLat(66, 33)});
    square.parts.push_back({geo::LonLat(67, 34), geo::LonLat(67, 35), geo::LonLat(68, 35), geo::LonLat(68, 34),
                            geo::LonLat(67, 34)});
    square.ring_is_hole = {false, true};
    geo::VectorLayer layer;
    layer.kind = geo::GeometryKind::Polygons;
    layer.features.push_back(square);
    geo::Basemap polygons;
    polygons.layers.push_back(geo::StyledLayer{layer, geo::LayerStyle{0x00000000u, 0.0f, 0xcc2200ffu}, true});
    MapRenderer renderer(polygons);
    app::render::FrameStyle style;
    style.background_rgba = 0xffffffff;
    const geo::Viewport view = geo::Viewport::fit({mercator(65, 32), mercator(70, 37)}, 500, 500);
    const Image image = renderer.renderToImage(view, {}, style);
    int x = 0;
    int y = 0;
    pixelOf(view, mercator(66.5, 34.5), x, y);
    EXPECT_EQ(colourDistance(rgbAt(image, x, y), rgbOf(0xcc2200ffu)), 0) << "inside the ring";
    pixelOf(view, mercator(67.5, 34.5), x, y);
    EXPECT_EQ(colourDistance(rgbAt(image, x, y), rgbOf(0xffffffffu)), 0) << "inside the hole";
    pixelOf(view, mercator(65.5, 34.5), x, y);
    EXPECT_EQ(colourDistance(rgbAt(image, x, y), rgbOf(0xffffffffu)), 0) << "outside";
}

TEST_F(RenderTest, PointLayersAreDrawnAsSmallDiscs) {
    geo::VectorLayer towns;
    towns.kind = geo::GeometryKind::Points;
    geo::VectorFeature town;
    town.parts.push_back({geo::LonLat(69.2, 34.5)});
    towns.features.push_back(town);
    geo::Basemap points;
    // Radius = 2 px + line width = 5 px: filled in the middle, nothing 8 px away.
    points.layers.push_back(geo::StyledLayer{towns, geo::LayerStyle{0x000000ffu, 3.0f, 0xffcc00ffu}, true});
    MapRenderer renderer(points);
    app::render::FrameStyle style;
    style.background_rgba = 0xffffffff;
    const geo::Viewport view(200, 200, mercator(69.2, 34.5), 8.0);
    const Image image = renderer.renderToImage(view, {}, style);
    int x = 0;
    int y = 0;
    pixelOf(view, mercator(69.2, 34.5), x, y);
    EXPECT_LE(colourDistance(rgbAt(image, x, y), rgbOf(0xffcc00ffu)), 6);
    EXPECT_EQ(colourDistance(rgbAt(image, x + 8, y), rgbOf(0xffffffffu)), 0);
}

TEST(Triangulation, AreaIsTheRingMinusItsHole) {
    geo::VectorFeature square;
    square.parts.push_back({geo::LonLat(66, 33), geo::LonLat(69, 33), geo::LonLat(69, 36), geo::LonLat(66, 36),
                            geo::LonLat(66, 33)});
    square.parts.push_back({geo::LonLat(67, 34), geo::LonLat(67, 35), geo::LonLat(68, 35), geo::LonLat(68, 34),
                            geo::LonLat(67, 34)});
    square.ring_is_hole = {false, true};
    geo::VectorFeature bow_tie;  // self-intersecting: repaired into two triangles, not dropped
    bow_tie.parts.push_back({geo::LonLat(60, 30), geo::LonLat(62, 32), geo::LonLat(62, 30), geo::LonLat(60, 32),
                             geo::LonLat(60, 30)});
    geo::VectorLayer layer;
    layer.kind = geo::GeometryKind::Polygons;
    layer.features = {square, bow_tie};
    int skipped = -1;
    const std::vector<geo::XY> triangles = app::render::triangulatePolygons(layer, &skipped);
    EXPECT_EQ(skipped, 0);
    ASSERT_EQ(triangles.size() % 3, 0u);
    double area = 0.0;  // square degrees: the triangles are in lon/lat
    for (size_t i = 0; i < triangles.size(); i += 3) {
        const geo::XY& a = triangles[i];
        const geo::XY& b = triangles[i + 1];
        const geo::XY& c = triangles[i + 2];
        area += std::abs((b.x - a.x) * (c.y - a.y) - (c.x - a.x) * (b.y - a.y)) / 2.0;
    }
    // Square 3°×3° minus its 1°×1° hole; the bow tie's diagonals cross at (61, 31), leaving two
    // triangles of base 2° and height 1°.
    const double expected = 9.0 - 1.0 + 2.0 * (2.0 * 1.0 / 2.0);
    EXPECT_NEAR(area, expected, 1e-9);
}

TEST(LineMesh, StraightLineIsOneQuadWithUnitNormals) {
    app::render::LineMesh mesh;
    app::render::appendPolyline({{0, 0}, {10, 0}}, mesh);
    ASSERT_EQ(mesh.vertices.size(), 4u);
    EXPECT_EQ(mesh.indices.size(), 6u);
    for (const auto& v : mesh.vertices) {
        EXPECT_FLOAT_EQ(v.extrude[0], 0.0f);
        EXPECT_FLOAT_EQ(v.extrude[1], v.side);  // left of an eastward line is north
    }
}

TEST(LineMesh, RightAngleGetsAMiterOfRootTwo) {
    app::render::LineMesh mesh;
    app::render::appendPolyline({{0, 0}, {10, 0}, {10, 10}}, mesh);
    ASSERT_EQ(mesh.vertices.size(), 6u);  // one pair per point
    const auto& corner_left = mesh.vertices[2];
    EXPECT_NEAR(std::hypot(corner_left.extrude[0], corner_left.extrude[1]), std::sqrt(2.0), 1e-5);
    // The inside of a left turn is up-left of the corner.
    EXPECT_NEAR(corner_left.extrude[0], -1.0, 1e-5);
    EXPECT_NEAR(corner_left.extrude[1], 1.0, 1e-5);
}

TEST(LineMesh, HairpinIsBevelledAndDuplicatesAreIgnored) {
    app::render::LineMesh mesh;
    app::render::appendPolyline({{0, 0}, {10, 0}, {10, 0}, {0, 0.01}}, mesh);
    // Start, two pairs at the bevelled turn, end; no spike longer than the miter limit.
    ASSERT_EQ(mesh.vertices.size(), 8u);
    for (const auto& v : mesh.vertices) EXPECT_LE(std::hypot(v.extrude[0], v.extrude[1]), 2.5 + 1e-6);
    app::render::LineMesh single;
    app::render::appendPolyline({{5, 5}, {5, 5}}, single);
    EXPECT_TRUE(single.vertices.empty());
}

TEST(LineMesh, ClosedRingJoinsAllRound) {
    app::render::LineMesh mesh;
    app::render::appendPolyline({{0, 0}, {10, 0}, {10, 10}, {0, 10}, {0, 0}}, mesh);
    // Four corners, the first repeated to close: five mitred pairs, four quads.
    ASSERT_EQ(mesh.vertices.size(), 10u);
    EXPECT_EQ(mesh.indices.size(), 24u);
    EXPECT_NEAR(std::hypot(mesh.vertices[0].extrude[0], mesh.vertices[0].extrude[1]), std::sqrt(2.0), 1e-5);
}

geo::VectorFeature rectangle(double west, double south, double east, double north) {
    geo::VectorFeature feature;
    feature.parts.push_back({geo::LonLat(west, south), geo::LonLat(east, south), geo::LonLat(east, north),
                             geo::LonLat(west, north), geo::LonLat(west, south)});
    feature.ring_is_hole = {false};
    return feature;
}

TEST(LineMesh, OutlinesSkipTheClipFrameOfARegionalLayer) {
    // Two rectangles sharing lon 62: the layer's extent is lon 60–64, lat 30–32. Only A's east
    // side and B's north and west sides are borders; the rest is the frame the extract was cut to.
    geo::VectorLayer clipped;
    clipped.kind = geo::GeometryKind::Polygons;
    clipped.features = {rectangle(60, 30, 62, 32), rectangle(62, 30, 64, 31)};
    const app::render::LineMesh mesh = app::render::buildLineMesh(clipped, geo::MapProjection(), geo::XY{0, 0});
    ASSERT_EQ(mesh.paths.size(), 2u);
    EXPECT_EQ(mesh.paths[0].vertex_count, 4u);  // one segment: two pairs
    EXPECT_EQ(mesh.paths[1].vertex_count, 6u);  // two segments joined at (62, 31)
    const geo::XY a_east = app::render::lonLatToMercator(62, 30);
    EXPECT_NEAR(mesh.vertices[0].position[0], a_east.x, 1.0);

    // A layer of one feature has no clip frame: the rectangle is outlined all round.
    geo::VectorLayer single = clipped;
    single.features.resize(1);
    const app::render::LineMesh whole = app::render::buildLineMesh(single, geo::MapProjection(), geo::XY{0, 0});
    ASSERT_EQ(whole.paths.size(), 1u);
    EXPECT_EQ(whole.paths[0].vertex_count, 10u);  // four corners, the first repeated to close
}

TEST(Antimeridian, PathsCrossingItContinuePastOneEighty) {
    const std::vector<geo::LonLat> line = {geo::LonLat(178, 60), geo::LonLat(-179, 61), geo::LonLat(-175, 62)};
    const std::vector<double> lons = app::render::unwrappedLongitudes(line, false);
    ASSERT_EQ(lons.size(), 3u);
    EXPECT_DOUBLE_EQ(lons[0], 178.0);
    EXPECT_DOUBLE_EQ(lons[1], 181.0);
    EXPECT_DOUBLE_EQ(lons[2], 185.0);
    // A ring crossing and coming back closes after unwrapping, so it is unwrapped.
    const std::vector<geo::LonLat> island = {geo::LonLat(179, -16), geo::LonLat(-179, -16), geo::LonLat(-179, -17),
                                             geo::LonLat(179, -17), geo::LonLat(179, -16)};
    const std::vector<double> island_lons = app::render::unwrappedLongitudes(island, true);
    EXPECT_DOUBLE_EQ(island_lons[1], 181.0);
    EXPECT_DOUBLE_EQ(island_lons[4], 179.0);
    // A ring round the pole would not close again: it keeps its longitudes.
    const std::vector<geo::LonLat> polar = {geo::LonLat(-180, -70), geo::LonLat(-60, -72), geo::LonLat(60, -71),
                                            geo::LonLat(180, -70), geo::LonLat(180, -85), geo::LonLat(-180, -85),
                                            geo::LonLat(-180, -70)};
    const std::vector<double> polar_lons = app::render::unwrappedLongitudes(polar, true);
    for (size_t i = 0; i < polar.size(); ++i) EXPECT_DOUBLE_EQ(polar_lons[i], polar[i].lon);
}

TEST_F(RenderTest, PolygonAcrossTheAntimeridianIsFilledOnBothSides) {
    geo::VectorLayer layer;
    layer.kind = geo::GeometryKind::Polygons;
    layer.features = {rectangle(175, -20, 180, -15), rectangle(-180, -20, -175, -15)};
    // The same island as one ring that crosses the antimeridian, the way world-atlas data has it:
    geo::VectorFeature crossing;
    crossing.parts.push_back({geo::LonLat(175, -10), geo::LonLat(-175, -10), geo::LonLat(-175, -5),
                              geo::LonLat(175, -5), geo::LonLat(175, -10)});
    crossing.ring_is_hole = {false};
    layer.features.push_back(crossing);
    geo::Basemap islands;
    islands.layers.push_back(geo::StyledLayer{layer, geo::LayerStyle{0x00000000u, 0.0f, 0x228833ffu}, true});
    MapRenderer renderer(islands);
    app::render::FrameStyle style;
    style.background_rgba = 0xffffffff;
    // Centred on the antimeridian: the west half of the view is lon < 180, the east half lon > −180.
    const geo::Viewport view(400, 300, geo::XY{geo::kWebMercatorHalfWorld, mercator(180, -10).y}, 5.0);
    const Image image = renderer.renderToImage(view, {}, style);
    const geo::XY west = mercator(178, -7.5);
    const geo::XY east{mercator(-178, -7.5).x + 2.0 * geo::kWebMercatorHalfWorld, west.y};  // next world copy
    int x = 0;
    int y = 0;
    pixelOf(view, west, x, y);
    EXPECT_EQ(colourDistance(rgbAt(image, x, y), rgbOf(0x228833ffu)), 0) << "west of the antimeridian";
    pixelOf(view, east, x, y);
    EXPECT_EQ(colourDistance(rgbAt(image, x, y), rgbOf(0x228833ffu)), 0) << "east of the antimeridian";
    // Nothing is smeared across the world between them: lon 0 at that latitude stays empty.
    const geo::Viewport world(1024, 512, geo::XY{0, mercator(0, -7.5).y}, 2.0);
    const Image whole = renderer.renderToImage(world, {}, style);
    pixelOf(world, mercator(0, -7.5), x, y);
    EXPECT_EQ(colourDistance(rgbAt(whole, x, y), rgbOf(0xffffffffu)), 0);
}

TEST(WorldCopies, LowZoomWideViewRepeatsTheWorld) {
    // Zoom 0: the world is 256 px wide, so a 1024 px view centred on 0 spans four worlds and
    // touches five copies (k = −2…2).
    const geo::Viewport wide(1024, 256, geo::XY{0, 0}, 0.0);
    EXPECT_EQ(app::render::worldCopies(wide, geo::XY{0, 0}).size(), 5u);
    const geo::Viewport regional(800, 600, app::render::lonLatToMercator(69, 34.5), 7.0);
    const auto copies = app::render::worldCopies(regional, app::render::lonLatToMercator(67.5, 34.0));
    ASSERT_EQ(copies.size(), 1u);
    EXPECT_EQ(copies[0].shift_metres, 0.0);
}

TEST_F(RenderTest, RenderToImageRestoresTheBoundFramebuffer) {
    app::render::Framebuffer framebuffer = app::render::makeFramebuffer();
    app::render::Renderbuffer colour = app::render::makeRenderbuffer();
    glBindRenderbuffer(GL_RENDERBUFFER, colour.get());
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, 16, 16);
    glBindFramebuffer(GL_FRAMEBUFFER, framebuffer.get());
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, colour.get());
    glViewport(1, 2, 3, 4);
    renderer_->renderToImage(geo::Viewport(64, 48, mercator(69, 34.5), 8.0), {});
    GLint draw = -1;
    GLint read = -1;
    GLint viewport[4] = {0, 0, 0, 0};
    glGetIntegerv(GL_DRAW_FRAMEBUFFER_BINDING, &draw);
    glGetIntegerv(GL_READ_FRAMEBUFFER_BINDING, &read);
    glGetIntegerv(GL_VIEWPORT, viewport);
    EXPECT_EQ(static_cast<GLuint>(draw), framebuffer.get());
    EXPECT_EQ(static_cast<GLuint>(read), framebuffer.get());
    EXPECT_EQ(viewport[0], 1);
    EXPECT_EQ(viewport[3], 4);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
    EXPECT_EQ(glGetError(), static_cast<GLenum>(GL_NO_ERROR));
}

TEST_F(RenderTest, ImageLargerThanTheGlLimitIsRefusedWithItsSize) {
    GLint max_renderbuffer = 0;
    GLint max_viewport[2] = {0, 0};
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &max_renderbuffer);
    glGetIntegerv(GL_MAX_VIEWPORT_DIMS, max_viewport);
    const int limit = std::min({max_renderbuffer, max_viewport[0], max_viewport[1]});
    const geo::Viewport too_wide(limit + 1, 10, mercator(69, 34.5), 8.0);
    try {
        renderer_->renderToImage(too_wide, {});
        FAIL() << "expected geo::Error";
    } catch (const geo::Error& e) {
        EXPECT_EQ(e.kind(), geo::ErrorKind::InvalidInput);
        EXPECT_EQ(std::string(e.what()), "image size " + std::to_string(limit + 1) +
                                             " x 10 exceeds this OpenGL's limit of " + std::to_string(limit) +
                                             " pixels per side");
    }
}

TEST_F(RenderTest, DrawSetsTheViewportAndDrawsIntoTheBoundFramebuffer) {
    app::render::Framebuffer framebuffer = app::render::makeFramebuffer();
    app::render::Renderbuffer colour = app::render::makeRenderbuffer();
    glBindRenderbuffer(GL_RENDERBUFFER, colour.get());
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, 64, 32);
    glBindFramebuffer(GL_FRAMEBUFFER, framebuffer.get());
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, colour.get());
    glViewport(0, 0, 1, 1);
    glEnable(GL_SCISSOR_TEST);  // as a UI might leave it
    glScissor(0, 0, 1, 1);
    const geo::Viewport view(64, 32, mercator(69, 34.5), 8.0);
    MarkerInstance marker;
    marker.position = view.toMercator(geo::XY{48.5, 8.5});
    marker.fill_rgba = 0x0000ffff;
    renderer_->draw(view, {marker});
    GLint viewport[4] = {0, 0, 0, 0};
    glGetIntegerv(GL_VIEWPORT, viewport);
    EXPECT_EQ(viewport[2], 64);
    EXPECT_EQ(viewport[3], 32);
    std::uint8_t pixel[4] = {0, 0, 0, 0};
    glReadPixels(48, 32 - 1 - 8, 1, 1, GL_RGBA, GL_UNSIGNED_BYTE, pixel);  // GL rows count from the bottom
    EXPECT_LE(colourDistance(Rgb{pixel[0], pixel[1], pixel[2]}, rgbOf(marker.fill_rgba)), 6);
    glBindFramebuffer(GL_FRAMEBUFFER, 0);
}

}  // namespace

// --- Projections ---------------------------------------------------------------------------

// A view of `projection` centred on `centre` at `zoom`.
geo::Viewport viewIn(const geo::MapProjection& projection, const geo::LonLat& centre, double zoom, int width = 320,
                     int height = 240) {
    return geo::Viewport(width, height, *projection.forward(centre.lon, centre.lat), zoom);
}

TEST_F(RenderTest, MarkersSitWhereProjPutsThemInEveryProjection) {
    const geo::LonLat kabul(69.17233, 34.52813);
    const geo::LonLat bazarak(69.515, 35.313);
    for (geo::MapProjectionKind kind : {geo::MapProjectionKind::WebMercator, geo::MapProjectionKind::Utm,
                                        geo::MapProjectionKind::Laea, geo::MapProjectionKind::Globe}) {
        const geo::MapProjection projection = geo::MapProjection::make(kind, geo::LonLat(69.3, 34.9));
        // An independent PROJ transformation from the same CRS places the markers.
        const geo::Projection reference = geo::Projection::fromWgs84To(projection.crs());
        const geo::Viewport view(400, 300, reference.forward(geo::LonLat(69.3, 34.9)), 8.0);
        app::render::FrameStyle style;
        style.projection = projection;
        MarkerInstance marker;
        marker.position = reference.forward(bazarak);
        marker.radius_px = 6.0f;
        marker.fill_rgba = 0x00ff00ffu;  // green: nowhere on the map
        const Image image = renderer_->renderToImage(view, {marker}, style);
        int x = 0, y = 0;
        pixelOf(view, reference.forward(bazarak), x, y);
        ASSERT_TRUE(x > 10 && y > 10 && x < 390 && y < 290) << projection.crs();
        EXPECT_LE(colourDistance(rgbAt(image, x, y), rgbOf(marker.fill_rgba)), 6) << projection.crs();
        // Kabul, 90 km away, is terrain, not marker.
        pixelOf(view, reference.forward(kabul), x, y);
        EXPECT_GT(colourDistance(rgbAt(image, x, y), rgbOf(marker.fill_rgba)), 150) << projection.crs();
    }
}

TEST_F(RenderTest, TheGlobeShowsSpaceBeyondItsRimAndSeaInside) {
    const geo::MapProjection globe = geo::MapProjection::make(geo::MapProjectionKind::Globe, geo::LonLat(0.0, 0.0));
    // Zoom 1: 78 km per pixel, the globe (radius 6378 km) is about 163 px across the middle.
    const geo::Viewport view(400, 300, geo::XY{0, 0}, 1.0);
    app::render::FrameStyle style;
    style.projection = globe;
    const Image image = renderer_->renderToImage(view, {}, style);
    const double radius_px = 6378137.0 / view.metresPerPixel();
    // Corners are space; just inside the rim on the Atlantic side (west of 0°N 0°E) is sea.
    EXPECT_EQ(colourDistance(rgbAt(image, 2, 2), rgbOf(style.space_rgba)), 0);
    EXPECT_EQ(colourDistance(rgbAt(image, 397, 297), rgbOf(style.space_rgba)), 0);
    const int inside_x = static_cast<int>(200 - 0.5 * radius_px);
    EXPECT_LE(colourDistance(rgbAt(image, inside_x, 150 + 10), rgbOf(style.background_rgba)), 3);
    const int outside_x = static_cast<int>(200 - radius_px - 4);
    EXPECT_EQ(colourDistance(rgbAt(image, outside_x, 150), rgbOf(style.space_rgba)), 0);
}

TEST(ClipOnTheSphere, TrianglesAndPathsStopAtTheGlobesRim) {
    const geo::MapProjection globe = geo::MapProjection::make(geo::MapProjectionKind::Globe, geo::LonLat(0.0, 0.0));
    std::vector<geo::XY> out;
    // A triangle reaching from 60°E to 120°E: only what lies within 89.9° of the centre is kept.
    app::render::clipLonLatTriangle({60, -10}, {120, -10}, {90, 20}, globe, 2.0, out);
    ASSERT_FALSE(out.empty());
    ASSERT_EQ(out.size() % 3, 0u);
    for (const geo::XY& p : out) EXPECT_TRUE(globe.shows(p.x, p.y)) << p.x << ", " << p.y;
    // A path along the equator from 0° to 180° ends on the rim.
    const auto runs = app::render::projectPath({{0, 0}, {180, 0}}, globe, geo::XY{0, 0}, 1.0);
    ASSERT_EQ(runs.size(), 1u);
    const geo::XY end = runs[0].back();
    EXPECT_NEAR(std::hypot(end.x, end.y), 6378137.0, 50.0);
}

// --- Reference images ------------------------------------------------------------------------

// Compares a render with a committed reference (tests/data/reference): software GL may differ
// by a few levels per channel, so the test allows a small mean difference and a few pixels off.
// TEXTATLAS_UPDATE_REFERENCES=1 writes the references instead.
void expectMatchesReference(const Image& image, const std::string& name) {
    const std::string path = std::string(TEXTATLAS_TEST_DATA_DIR) + "/reference/" + name;
    if (const char* update = std::getenv("TEXTATLAS_UPDATE_REFERENCES"); update && std::string(update) == "1") {
        app::render::writePng(image, path);
        GTEST_SKIP() << "wrote " << path;
    }
    const Image reference = app::render::readImage(path);
    ASSERT_EQ(reference.width, image.width);
    ASSERT_EQ(reference.height, image.height);
    double total = 0.0;
    std::size_t far_off = 0;
    for (int y = 0; y < image.height; ++y) {
        for (int x = 0; x < image.width; ++x) {
            const int d = colourDistance(rgbAt(image, x, y), rgbAt(reference, x, y));
            total += d;
            if (d > 60) ++far_off;
        }
    }
    const double pixels = double(image.width) * image.height;
    EXPECT_LT(total / pixels, 4.0) << name << ": mean difference (sum of RGB) per pixel";
    EXPECT_LT(double(far_off) / pixels, 0.01) << name << ": share of pixels far from the reference";
}

TEST_F(RenderTest, KabulPanjshirMatchesItsReference) {
    // The reference shows the valleys in a user's 30″ DEM, feathered into the world relief.
    const std::string dem_path = test_support::sharedDemPath();
    if (dem_path.empty()) GTEST_SKIP() << test_support::kNoSharedDem;
    geo::Basemap with_dem = *basemap_;
    with_dem.dems = geo::openDems(dem_path);
    MapRenderer renderer(with_dem);
    app::render::FrameStyle style;
    style.show_graticule = true;
    MarkerInstance kabul;
    kabul.position = mercator(69.17233, 34.52813);
    const Image image = renderer.renderToImage(
        geo::Viewport(320, 240, mercator(69.35, 34.9), 8.0), {kabul}, style);
    expectMatchesReference(image, "kabul_panjshir_webmercator_320x240.png");
}

TEST_F(RenderTest, GlobeMatchesItsReference) {
    app::render::FrameStyle style;
    style.projection = geo::MapProjection::make(geo::MapProjectionKind::Globe, geo::LonLat(69.0, 34.0));
    style.show_graticule = true;
    const Image image = renderer_->renderToImage(geo::Viewport(320, 240, geo::XY{0, 0}, 0.6), {}, style);
    expectMatchesReference(image, "globe_320x240.png");
}

// Turning the globe reuses geometry cut once for all projections (fills, sea) and a coarser
// terrain mesh when far out: a frame after many turns must equal a fresh renderer's first frame
// of the same projection, pixel for pixel.
TEST_F(RenderTest, ATurnedGlobeDrawsWhatAFreshRendererDraws) {
    app::render::FrameStyle style;
    const geo::Viewport view(320, 240, geo::XY{0, 0}, 1.0);  // the whole globe, 160 px across
    for (double lon : {10.0, 40.0, 69.0}) {
        style.projection = geo::MapProjection::make(geo::MapProjectionKind::Globe, geo::LonLat(lon, 20.0));
        renderer_->renderToImage(view, {}, style);
    }
    style.projection = geo::MapProjection::make(geo::MapProjectionKind::Globe, geo::LonLat(100.0, -15.0));
    const Image turned = renderer_->renderToImage(view, {}, style);
    MapRenderer fresh(*basemap_);
    const Image first = fresh.renderToImage(view, {}, style);
    ASSERT_EQ(turned.rgba.size(), first.rgba.size());
    EXPECT_TRUE(turned.rgba == first.rgba);
    // And it is a globe: sea at the centre, space in the corner.
    EXPECT_EQ(colourDistance(rgbAt(turned, 2, 2), rgbOf(style.space_rgba)), 0);
}

TEST(ClipOnTheSphere, CuttingOnceThenClippingGivesWhatClippingGives) {
    const geo::MapProjection globe = geo::MapProjection::make(geo::MapProjectionKind::Globe, geo::LonLat(30.0, 10.0));
    const geo::XY a{60, -40}, b{150, -10}, c{95, 50};
    std::vector<geo::XY> direct;
    app::render::clipLonLatTriangle(a, b, c, globe, 2.0, direct);
    std::vector<geo::XY> pieces, two_step;
    app::render::subdivideLonLatTriangle(a, b, c, 2.0, pieces);
    ASSERT_EQ(pieces.size() % 3, 0u);
    for (std::size_t k = 0; k < pieces.size(); k += 3) {
        const bool inside[3] = {globe.shows(pieces[k].x, pieces[k].y), globe.shows(pieces[k + 1].x, pieces[k + 1].y),
                                globe.shows(pieces[k + 2].x, pieces[k + 2].y)};
        app::render::clipShownPart(pieces[k], pieces[k + 1], pieces[k + 2], inside, globe, two_step);
    }
    ASSERT_FALSE(direct.empty());
    ASSERT_LT(direct.size(), pieces.size());  // part of it lies beyond the rim
    ASSERT_EQ(direct.size(), two_step.size());
    for (std::size_t i = 0; i < direct.size(); ++i) {
        EXPECT_EQ(direct[i].x, two_step[i].x);
        EXPECT_EQ(direct[i].y, two_step[i].y);
    }
}

TEST_F(RenderTest, ChangingTheMinimumZoomHidesALayer) {
    // The country borders (the world store's, index 4) drawn alone in red, then only from one zoom above the view's.
    const geo::Viewport view(320, 240, mercator(69.2, 34.5), 6.0);
    app::render::FrameStyle style;
    style.terrain.show_terrain = false;
    app::render::LayerDraw borders;
    borders.layer = 4;
    borders.style.line_rgba = 0xff0000ffu;
    borders.style.line_width_px = 3.0f;
    style.layers = {borders};
    auto redPixels = [&](const Image& image) {
        int count = 0;
        for (int y = 0; y < image.height; ++y)
            for (int x = 0; x < image.width; ++x) count += colourDistance(rgbAt(image, x, y), Rgb{255, 0, 0}) < 30;
        return count;
    };
    EXPECT_GT(redPixels(renderer_->renderToImage(view, {}, style)), 50);
    style.layers[0].min_zoom = view.zoom() + 1.0;
    EXPECT_EQ(redPixels(renderer_->renderToImage(view, {}, style)), 0);
}

TEST_F(RenderTest, ARasterLayerLandsWhereProjPutsItsCornersInEveryProjection) {
    // A magenta GeoTIFF over lon 68–70, lat 34–36, added as File → Add layer… adds it.
    const std::filesystem::path dir =
        std::filesystem::temp_directory_path() / ("textatlas-render-raster-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    const std::string tif = (dir / "magenta.tif").string();
    test_support::writeSolidLonLatGeoTiff(tif, 68.0, 34.0, 70.0, 36.0, 255, 0, 255, 64);
    MapRenderer renderer(geo::Basemap{});
    const app::LayerSettings added = app::addLayerFile(tif, renderer);
    std::filesystem::remove_all(dir);
    EXPECT_TRUE(added.raster);
    EXPECT_EQ(added.title, "magenta.tif");
    const Rgb magenta{255, 0, 255};
    const Rgb white{255, 255, 255};
    for (geo::MapProjectionKind kind : {geo::MapProjectionKind::WebMercator, geo::MapProjectionKind::Utm,
                                        geo::MapProjectionKind::Laea, geo::MapProjectionKind::Globe}) {
        const geo::MapProjection projection = geo::MapProjection::make(kind, geo::LonLat(69.0, 35.0));
        const geo::Projection reference = geo::Projection::fromWgs84To(projection.crs());
        const geo::Viewport view(400, 300, reference.forward(geo::LonLat(69.0, 35.0)), 7.0);
        app::render::FrameStyle style;
        style.projection = projection;
        style.background_rgba = 0xffffffffu;
        style.space_rgba = 0xffffffffu;
        app::render::LayerDraw draw;
        draw.layer = added.renderer_index;
        style.layers = {draw};
        const Image image = renderer.renderToImage(view, {}, style);
        // Just inside and just outside each corner (0.08°, about 6 px at this zoom).
        for (double lon : {68.0, 70.0}) {
            for (double lat : {34.0, 36.0}) {
                const double in_lon = lon + (lon < 69.0 ? 0.08 : -0.08), in_lat = lat + (lat < 35.0 ? 0.08 : -0.08);
                const double out_lon = lon + (lon < 69.0 ? -0.08 : 0.08), out_lat = lat + (lat < 35.0 ? -0.08 : 0.08);
                int x = 0, y = 0;
                pixelOf(view, reference.forward(geo::LonLat(in_lon, in_lat)), x, y);
                ASSERT_TRUE(x > 0 && y > 0 && x < 400 && y < 300) << projection.crs();
                EXPECT_LE(colourDistance(rgbAt(image, x, y), magenta), 6) << projection.crs() << " " << lon << "," << lat;
                pixelOf(view, reference.forward(geo::LonLat(out_lon, out_lat)), x, y);
                EXPECT_EQ(colourDistance(rgbAt(image, x, y), white), 0) << projection.crs() << " " << lon << "," << lat;
            }
        }
        // The layer's opacity blends it over what is below.
        style.layers[0].opacity = 0.5f;
        const Image half = renderer.renderToImage(view, {}, style);
        int x = 0, y = 0;
        pixelOf(view, reference.forward(geo::LonLat(69.0, 35.0)), x, y);
        EXPECT_LE(colourDistance(rgbAt(half, x, y), Rgb{255, 128, 255}), 6) << projection.crs();
    }
}


// --- Terrain hidden under terrain ------------------------------------------------------------

// Flat terrain at `metres` over lon [west, west + 0.1·width], lat [north − 0.1·height, north].
geo::Raster flatDem(double west, double north, int width, int height, double cell, float metres) {
    geo::Raster dem;
    dem.width = width;
    dem.height = height;
    const double gt[6] = {west, cell, 0.0, north, 0.0, -cell};
    std::copy(gt, gt + 6, dem.geotransform);
    dem.values.assign(static_cast<size_t>(width) * height, metres);
    dem.min_value = dem.max_value = metres;
    return dem;
}

TEST_F(RenderTest, TerrainKnowsWhereItHidesWhatIsBelow) {
    // 60–80°E × 30–40°N in 0.1° cells, one no-data cell at 75.0–75.1°E, 34.9–35.0°N, feathered 0.5°.
    geo::Raster dem = flatDem(60.0, 40.0, 200, 100, 0.1, 1000.0f);
    dem.values[static_cast<size_t>(50) * dem.width + 150] = std::numeric_limits<float>::quiet_NaN();
    const app::render::TerrainLayer terrain(dem, 0.5);
    EXPECT_TRUE(terrain.opaqueOver(62.0, 32.0, 70.0, 38.0)) << "well inside, far from the hole";
    EXPECT_FALSE(terrain.opaqueOver(60.2, 32.0, 62.0, 38.0)) << "within the feather of the west edge";
    EXPECT_FALSE(terrain.opaqueOver(70.0, 38.0, 72.0, 39.9)) << "within the feather of the north edge";
    EXPECT_FALSE(terrain.opaqueOver(74.0, 34.0, 76.0, 36.0)) << "over the no-data cell";
    EXPECT_FALSE(terrain.opaqueOver(55.0, 32.0, 70.0, 38.0)) << "reaching beyond the DEM";
    const app::render::TerrainLayer unfeathered(flatDem(60.0, 40.0, 200, 100, 0.1, 1000.0f));
    EXPECT_TRUE(unfeathered.opaqueOver(60.3, 30.3, 79.7, 39.7)) << "no feather: opaque up to two cells from the edge";
}

TEST_F(RenderTest, WorldReliefShowsThroughTheRegionalDemOnlyWhereItIsOpen) {
    // A world relief at 5000 m under a user's DEM at 200 m: different tints. The renderer skips
    // the world relief when the user's DEM hides it; through a no-data hole it must still show.
    const test_support::TempDir scratch;
    const std::string dem_path = scratch / "regional.tif";
    test_support::writeLonLatDem(dem_path, 60.0, 40.0, 200, 100, 0.1, [](int col, int row) {
        return row >= 45 && row < 55 && col >= 145 && col < 155 ? test_support::kDemNoData : 200.0;
    });
    geo::Basemap two;
    two.world_relief = geo::demFromRaster(flatDem(-180.0, 90.0, 36, 18, 10.0, 5000.0f), "flat world relief");
    two.dems = geo::openDems(dem_path);
    MapRenderer renderer(two);
    geo::Basemap world_only;
    world_only.world_relief = two.world_relief;
    MapRenderer world_renderer(world_only);
    geo::Basemap regional_only;
    regional_only.dems = two.dems;
    MapRenderer regional_renderer(regional_only);
    app::render::FrameStyle style;
    style.background_rgba = 0xff00ffff;

    // Inside the regional DEM, away from the hole: the regional tint alone, as if nothing were below.
    const geo::Viewport inside(200, 150, mercator(66.0, 35.0), 8.0);
    const Image both_inside = renderer.renderToImage(inside, {}, style);
    EXPECT_EQ(both_inside.rgba, regional_renderer.renderToImage(inside, {}, style).rgba);

    // Around the hole (74.5–75.5°E, 34.5–35.5°N): the world relief shows in it, the regional DEM beside it.
    const geo::Viewport around(200, 150, mercator(75.0, 35.0), 6.0);
    const Image both_around = renderer.renderToImage(around, {}, style);
    const Image world = world_renderer.renderToImage(around, {}, style);
    const Image regional = regional_renderer.renderToImage(around, {}, style);
    int x = 0, y = 0;
    pixelOf(around, mercator(75.0, 35.0), x, y);
    EXPECT_EQ(colourDistance(rgbAt(both_around, x, y), rgbAt(world, x, y)), 0) << "the hole shows the world relief";
    pixelOf(around, mercator(73.5, 35.0), x, y);
    EXPECT_EQ(colourDistance(rgbAt(both_around, x, y), rgbAt(regional, x, y)), 0) << "beside the hole, the regional DEM";
    EXPECT_GT(colourDistance(rgbAt(world, x, y), rgbAt(regional, x, y)), 30) << "the two tints differ";
}
