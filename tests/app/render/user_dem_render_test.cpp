// A user's DEM drawn over the world relief: it changes the terrain where it covers and nowhere
// else, and its edge fades into the relief without a seam; the viewer's canvas reads its windows
// on a worker thread and never waits for them. Drawn through EGL with real frames.
#include <gtest/gtest.h>

#include <GL/gl.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <memory>
#include <string>
#include <thread>

#include "app/render/colour_target.hpp"
#include "app/render/map_canvas.hpp"

#include "app/render/dem_window.hpp"
#include "app/render/gl_context.hpp"
#include "app/render/map_renderer.hpp"
#include "geo/basemap.hpp"
#include "geo/dem.hpp"
#include "geo/map_projection.hpp"
#include "support/flat_relief.hpp"
#include "support/geotiff_writer.hpp"
#include "support/temp_dir.hpp"

namespace {

using app::render::Image;
using app::render::MapRenderer;

int distance(const Image& a, const Image& b, int x, int y) {
    const std::uint8_t* p = a.pixel(x, y);
    const std::uint8_t* q = b.pixel(x, y);
    return std::abs(p[0] - q[0]) + std::abs(p[1] - q[1]) + std::abs(p[2] - q[2]);
}

geo::XY mercator(double lon, double lat) { return *geo::MapProjection().forward(lon, lat); }

class UserDemRender : public ::testing::Test {
protected:
    void SetUp() override { context_ = app::render::HeadlessContext::create(); }
    std::unique_ptr<app::render::HeadlessContext> context_;
};

TEST_F(UserDemRender, ChangesTheTerrainWhereItCoversOnlyAndFadesIntoTheReliefWithoutASeam) {
    // A flat 2000 m DEM over 10–14°E, 44–48°N in 0.01° cells (as a user's GeoTIFF; under the
    // Alps' snowline, so tinted by its height).
    const test_support::TempDir dir;
    test_support::writeLonLatDem(dir / "alps.tif", 10.0, 48.0, 400, 400, 0.01, [](int, int) { return 2000.0; });
    geo::Basemap relief_only;
    relief_only.world_relief = test_support::flatWorldRelief();
    geo::Basemap with_dem = relief_only;
    with_dem.dems = geo::openDems(dir / "alps.tif");
    MapRenderer relief_renderer(relief_only);
    MapRenderer dem_renderer(with_dem);
    app::render::FrameStyle style;

    // The DEM's east edge (14°E) down the middle of the view.
    const geo::Viewport view(400, 200, mercator(14.0, 46.0), 8.0);
    const Image relief = relief_renderer.renderToImage(view, {}, style);
    const Image dem = dem_renderer.renderToImage(view, {}, style);
    const int edge_x = static_cast<int>(std::lround(view.toPixel(mercator(14.0, 46.0)).x));
    ASSERT_EQ(edge_x, 200);
    for (int y = 0; y < 200; y += 10) {
        // East of the edge: exactly the relief.
        for (int x = edge_x + 1; x < 400; x += 3) EXPECT_EQ(distance(dem, relief, x, y), 0) << x << "," << y;
        // Deep inside (beyond the fade, 0.48° ≈ 87 px here): the DEM's own tint.
        for (int x = 0; x < edge_x - 100; x += 3) EXPECT_GT(distance(dem, relief, x, y), 60) << x << "," << y;
        // Across the edge, no step: neighbouring pixels differ by a few levels at most, while the
        // two tints differ by far more.
        int largest_step = 0;
        for (int x = 1; x < 400; ++x) {
            const std::uint8_t* p = dem.pixel(x, y);
            const std::uint8_t* q = dem.pixel(x - 1, y);
            largest_step = std::max(largest_step, std::abs(p[0] - q[0]) + std::abs(p[1] - q[1]) + std::abs(p[2] - q[2]));
        }
        EXPECT_LE(largest_step, 8) << "row " << y;
        // At the edge the DEM has faded out: within a few levels of the relief.
        EXPECT_LE(distance(dem, relief, edge_x - 1, y), 6) << "row " << y;
    }

    // A view far from the DEM is the relief alone, pixel for pixel.
    const geo::Viewport elsewhere(300, 200, mercator(-60.0, -10.0), 5.0);
    EXPECT_TRUE(dem_renderer.renderToImage(elsewhere, {}, style).rgba ==
                relief_renderer.renderToImage(elsewhere, {}, style).rgba);
    EXPECT_TRUE(dem_renderer.takeProblems().empty());
}

TEST_F(UserDemRender, TheViewersCanvasNeverWaitsForADemWindowAndDrawsItWhenItLands) {
    const test_support::TempDir dir;
    test_support::writeLonLatDem(dir / "alps.tif", 10.0, 48.0, 400, 400, 0.01, [](int col, int row) {
        return 1000.0 + 8.0 * col + 3.0 * row;  // a tilted plane: hillshade and tint both change
    });
    geo::Basemap relief_only;
    relief_only.world_relief = test_support::flatWorldRelief();
    geo::Basemap with_dem = relief_only;
    with_dem.dems = geo::openDems(dir / "alps.tif");
    MapRenderer relief_renderer(relief_only);
    MapRenderer viewer_renderer(with_dem);
    MapRenderer headless_renderer(with_dem);
    const app::render::FrameStyle style;
    const geo::Viewport view(320, 200, mercator(12.0, 46.0), 9.0);
    const Image relief = relief_renderer.renderToImage(view, {}, style);
    const Image whole = headless_renderer.renderToImage(view, {}, style);  // render, export: read, then drawn
    ASSERT_GT(distance(whole, relief, 160, 100), 60);

    app::render::ColourTarget window;
    window.ensure(view.width(), view.height(), 0);
    app::render::MapCanvas canvas;
    const auto frame = [&](app::render::CanvasFrame* kind) {
        glBindFramebuffer(GL_FRAMEBUFFER, window.framebuffer.get());
        *kind = canvas.draw(viewer_renderer, view, {}, style);
        glBindFramebuffer(GL_READ_FRAMEBUFFER, window.framebuffer.get());
        return app::render::readColour(view.width(), view.height());
    };
    // The first frame does not wait: the window is on its way, the relief is drawn meanwhile.
    app::render::CanvasFrame kind{};
    const std::uint64_t generation = viewer_renderer.generation();
    const Image first = frame(&kind);
    EXPECT_EQ(viewer_renderer.demReadsInFlight(), 1u);
    EXPECT_EQ(distance(first, relief, 160, 100), 0);
    // Once it lands, the next frame takes it and draws the map again, as a headless render does.
    Image landed = first;
    for (int i = 0; i < 500 && viewer_renderer.demReadsInFlight() > 0; ++i) {
        std::this_thread::sleep_for(std::chrono::milliseconds(10));
        landed = frame(&kind);
    }
    ASSERT_EQ(viewer_renderer.demReadsInFlight(), 0u) << "the read never landed";
    EXPECT_EQ(kind, app::render::CanvasFrame::Redrawn);
    EXPECT_GT(viewer_renderer.generation(), generation);
    int largest = 0;
    for (int y = 0; y < view.height(); y += 5)
        for (int x = 0; x < view.width(); x += 5) largest = std::max(largest, distance(landed, whole, x, y));
    EXPECT_LE(largest, 3);
    // Still, nothing more to read: the kept picture is reused.
    frame(&kind);
    EXPECT_EQ(kind, app::render::CanvasFrame::Reused);
    EXPECT_EQ(viewer_renderer.demReadsInFlight(), 0u);

    // A picture of the same renderer made offscreen (a screenshot) waits for what it needs.
    const geo::Viewport closer(320, 200, mercator(12.5, 46.5), 11.0);
    const Image shot = viewer_renderer.renderToImage(closer, {}, style);
    EXPECT_EQ(shot.rgba, headless_renderer.renderToImage(closer, {}, style).rgba);
    EXPECT_TRUE(viewer_renderer.takeProblems().empty());
}

TEST(DemWindow, AViewNeedsCellsNoLargerThanAPixelInAWindowAlignedToItsLevel) {
    const test_support::TempDir dir;
    test_support::writeLonLatDem(dir / "big.tif", 0.0, 10.0, 1200, 1200, 1.0 / 120, [](int, int) { return 100.0; });
    const auto dem = geo::openDems(dir / "big.tif").front();
    const app::render::LonLatBox shown{2.0, 4.0, 3.0, 5.0};
    // 30″ cells are about 926 m: a pixel of 926 m needs them all, one of 4 km every fourth.
    const auto fine = app::render::demWindowFor(*dem, shown, 900.0, 0.0, 0.0);
    ASSERT_TRUE(fine);
    EXPECT_EQ(fine->level, 0);
    const auto coarse = app::render::demWindowFor(*dem, shown, 4000.0, 0.0, 0.0);
    ASSERT_TRUE(coarse);
    EXPECT_EQ(coarse->level, 2);
    // The window holds the view (columns 240–360, rows 600–720), cut to multiples of 64 cells × 4.
    EXPECT_LE(coarse->column, 240);
    EXPECT_GE(coarse->column + coarse->width, 360);
    EXPECT_EQ(coarse->column % 256, 0);
    EXPECT_EQ(coarse->row % 256, 0);
    // With a margin it covers the tight window; panning inside the margin needs no new read.
    const auto wide = app::render::demWindowFor(*dem, shown, 4000.0, 0.5, 0.0);
    ASSERT_TRUE(wide);
    EXPECT_TRUE(wide->covers(*coarse));
    const auto panned = app::render::demWindowFor(*dem, app::render::LonLatBox{2.3, 4.0, 3.3, 5.0}, 4000.0, 0.0, 0.0);
    EXPECT_TRUE(wide->covers(*panned));
    // No finer than the world relief's 10′ cells: not worth reading at all.
    EXPECT_FALSE(app::render::demWindowFor(*dem, shown, 40000.0, 0.0, 10.0 / 60));
    // Out of view.
    EXPECT_FALSE(app::render::demWindowFor(*dem, app::render::LonLatBox{20.0, 4.0, 21.0, 5.0}, 900.0, 0.0, 0.0));
    // A view wider than kMaxDemWindowSide cells is read coarser.
    const auto whole = app::render::demWindowFor(*dem, app::render::LonLatBox{-50, -50, 50, 50}, 1.0, 0.0, 0.0);
    ASSERT_TRUE(whole);
    EXPECT_LE(whole->outWidth(), app::render::kMaxDemWindowSide + 128);
}

TEST(DemWindow, AWebMercatorViewAcrossTheAntimeridianShowsEveryLongitude) {
    // Centred at 170°W, 36° of longitude wide: its west part is the next copy of the world (172°E…180°).
    const geo::MapProjection mercator;  // Web Mercator
    const geo::XY centre = mercator.forward(-170.0, 65.0).value();
    app::render::MercatorBox box;
    box.extend(centre.x - 2.0e6, centre.y - 5.0e5);
    box.extend(centre.x + 2.0e6, centre.y + 5.0e5);
    const auto shown = app::render::lonLatBoxOf(mercator, box);
    ASSERT_TRUE(shown);
    EXPECT_EQ(shown->west, -180.0);
    EXPECT_EQ(shown->east, 180.0);
    EXPECT_GT(shown->south, 55.0);
    EXPECT_LT(shown->north, 75.0);
    // Inside one copy: only its own longitudes.
    const geo::XY kabul = mercator.forward(69.0, 34.5).value();
    app::render::MercatorBox around_kabul;
    around_kabul.extend(kabul.x - 1.0e5, kabul.y - 1.0e5);
    around_kabul.extend(kabul.x + 1.0e5, kabul.y + 1.0e5);
    const auto regional = app::render::lonLatBoxOf(mercator, around_kabul);
    ASSERT_TRUE(regional);
    EXPECT_NEAR(regional->west, 68.1, 0.1);
    EXPECT_NEAR(regional->east, 69.9, 0.1);
}

TEST(DemWindow, TheWorldReliefAcrossTheAntimeridianIsReadAtFullDetailInAStrip) {
    // A 5′ world grid, as the world relief is. A view of the Bering Strait takes every longitude
    // (it crosses the antimeridian): a strip 4320 cells wide and a few hundred high.
    geo::Raster grid;
    grid.width = 4320;
    grid.height = 2160;
    const double gt[6] = {-180.0, 1.0 / 12, 0.0, 90.0, 0.0, -1.0 / 12};
    std::copy(gt, gt + 6, grid.geotransform);
    grid.values.assign(static_cast<std::size_t>(grid.width) * grid.height, 100.0f);
    const auto relief = geo::demFromRaster(grid, "relief");
    const app::render::LonLatBox bering{-180.0, 62.0, 180.0, 68.0};
    // Pixels of 5 km: the 9.3 km cells are all needed.
    const auto strip = app::render::demWindowFor(*relief, bering, 5000.0, 0.5, 0.0, relief->columns());
    ASSERT_TRUE(strip);
    EXPECT_EQ(strip->level, 0);
    EXPECT_EQ(strip->outWidth(), 4320);
    EXPECT_LE(double(strip->outWidth()) * strip->outHeight(), app::render::kMaxDemWindowCells);
    // Bounded by a user DEM's side instead, the same strip would be read at a quarter of the detail.
    const auto bounded = app::render::demWindowFor(*relief, bering, 5000.0, 0.5, 0.0);
    ASSERT_TRUE(bounded);
    EXPECT_EQ(bounded->level, 2);
    // The whole world seen at full detail is still bounded by the number of cells.
    const auto world = app::render::demWindowFor(*relief, app::render::LonLatBox{}, 1.0, 0.0, 0.0, relief->columns());
    ASSERT_TRUE(world);
    EXPECT_EQ(world->level, 1);  // 2160 × 1080 cells
    EXPECT_LE(double(world->outWidth()) * world->outHeight(), app::render::kMaxDemWindowCells);
}

}  // namespace
