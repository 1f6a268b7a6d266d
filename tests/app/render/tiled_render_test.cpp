// Exports on the real renderer (headless EGL): an image rendered in tiles equals the same image
// rendered in one pass (so tiles join with no seam, labels included), an 8K export succeeds with
// its markers and scale bar where the layout says, rows beyond the world are background, the
// scale bar of a print-resolution export is as long as the geodesic distance it claims, and the
// furniture does not cover itself.
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <vector>
#include <cmath>
#include <cstdlib>

#include "app/frame.hpp"
#include "app/map_settings.hpp"
#include "app/render/gl_context.hpp"
#include "app/render/tiled_render.hpp"
#include "app/scene.hpp"
#include "app/ui/map_overlay.hpp"
#include "app/ui/print_furniture.hpp"
#include "geo/basemap.hpp"
#include "geo/data_paths.hpp"
#include "geo/error.hpp"
#include "geo/geodesy.hpp"
#include "geo/projection.hpp"

namespace {

using app::render::Image;

geo::XY mercator(double lon, double lat) { return geo::Projection::webMercator().forward(geo::LonLat(lon, lat)); }

int channelDifference(const Image& a, const Image& b, int x, int y) {
    const std::uint8_t* p = a.pixel(x, y);
    const std::uint8_t* q = b.pixel(x, y);
    int worst = 0;
    for (int c = 0; c < 4; ++c) worst = std::max(worst, std::abs(int(p[c]) - int(q[c])));
    return worst;
}

double luminance(const Image& image, int x, int y) {
    const std::uint8_t* p = image.pixel(x, y);
    return 0.2126 * p[0] + 0.7152 * p[1] + 0.0722 * p[2];
}

class TiledRender : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        context_ = app::render::HeadlessContext::create().release();
        const std::string data = geo::findDataDir();
        gazetteer_ = new geo::Gazetteer(geo::Gazetteer::load(data));
        basemap_ = new geo::Basemap(geo::loadBasemap(data));
        renderers_ = new app::FrameRenderers(*basemap_);
    }
    static void TearDownTestSuite() {
        delete renderers_;  // GL objects go before their context
        delete basemap_;
        delete gazetteer_;
        delete context_;
    }

    // The seed article over the Kabul–Panjshir region.
    app::AppState seedState(int width, int height, double zoom) const {
        app::AppState state;
        state.doc = std::make_unique<app::OpenDocument>(
            app::OpenDocument::load(std::string(TEXTATLAS_SOURCE_DATA_DIR) + "/texts/panjshir-valley.txt", *gazetteer_));
        state.map = app::defaultMapSettings(*basemap_);
        state.panel_width_px = 0;
        state.view = geo::Viewport(width, height, mercator(69.4, 34.95), zoom);
        return state;
    }

    // The screen's overlay for `state`, as app::renderFrame fills it.
    std::function<void(ImDrawList*)> overlayFill(const app::AppState& state) const {
        return [&state](ImDrawList* draw_list) {
            app::ui::OverlayOptions options;
            options.attribution = renderers_->attribution;
            options.towns = &renderers_->towns;
            app::ui::drawMapOverlay(draw_list, renderers_->overlay.font(), renderers_->overlay.fontSize(), state, options);
        };
    }

    static app::render::HeadlessContext* context_;
    static geo::Gazetteer* gazetteer_;
    static geo::Basemap* basemap_;
    static app::FrameRenderers* renderers_;
};

app::render::HeadlessContext* TiledRender::context_ = nullptr;
geo::Gazetteer* TiledRender::gazetteer_ = nullptr;
geo::Basemap* TiledRender::basemap_ = nullptr;
app::FrameRenderers* TiledRender::renderers_ = nullptr;

TEST(TilePlan, BandsCoverTheLengthWithEvenTilesNoLargerThanAsked) {
    const auto band = app::render::planBand(0, 2048, 512);
    EXPECT_EQ(band.count, 4);
    EXPECT_EQ(band.size, 512);
    // 1025 px in tiles of at most 512: three tiles of ⌈1025/3⌉ = 342 px (even), the last cropped.
    const auto odd = app::render::planBand(0, 1025, 512);
    EXPECT_EQ(odd.count, 3);
    EXPECT_EQ(odd.size, 342);
    EXPECT_GE(odd.count * odd.size, 1025);
    const auto offset = app::render::planBand(100, 300, 4096);
    EXPECT_EQ(offset.count, 1);
    EXPECT_EQ(offset.size, 200);
    EXPECT_EQ(app::render::planBand(7, 7, 512).count, 0);
}

TEST_F(TiledRender, TilesJoinWithNoSeam) {
    const app::AppState state = seedState(2048, 1536, 9.5);
    const app::MarkerScene scene = app::drawnMarkers(state);
    const app::render::FrameStyle style = app::frameStyleFor(state.map, state.projection);
    const auto fill = overlayFill(state);

    const Image single = renderers_->map.renderToImage(state.view, scene.markers, style, [&] {
        renderers_->overlay.draw(state.view.width(), state.view.height(), fill);
    });
    app::render::TiledRenderOptions options;
    options.max_tile_px = 512;
    app::render::TileStats stats;
    const Image tiled = app::render::renderTiled(renderers_->map, renderers_->overlay, state.view, scene.markers, style,
                                                 fill, options, &stats);
    ASSERT_EQ(stats.tiles, 4 * 3);
    ASSERT_EQ(tiled.width, single.width);
    ASSERT_EQ(tiled.height, single.height);

    // Each tile's view is the whole image's grid moved by whole pixels, so the same geometry lands
    // on the same pixels; only float rounding of the moved centre can flip an edge sample.
    long long differing = 0;
    int worst = 0;
    for (int y = 0; y < single.height; ++y)
        for (int x = 0; x < single.width; ++x) {
            const int d = channelDifference(single, tiled, x, y);
            worst = std::max(worst, d);
            if (d > 2) ++differing;
        }
    const long long total = static_cast<long long>(single.width) * single.height;
    EXPECT_LE(differing, total / 10000) << "pixels differing by more than 2 levels: " << differing;
    // One flipped sample of 4 moves a pixel by at most a quarter of the contrast across the edge.
    EXPECT_LE(worst, 64);
    // A seam would be a whole column or row of differing pixels at a tile edge.
    for (int edge = 512; edge < single.width; edge += 512) {
        int column_diffs = 0;
        for (int y = 0; y < single.height; ++y)
            column_diffs += (channelDifference(single, tiled, edge - 1, y) > 2) + (channelDifference(single, tiled, edge, y) > 2);
        EXPECT_LE(column_diffs, 4) << "column " << edge;
    }
    for (int edge = 512; edge < single.height; edge += 512) {
        int row_diffs = 0;
        for (int x = 0; x < single.width; ++x)
            row_diffs += (channelDifference(single, tiled, x, edge - 1) > 2) + (channelDifference(single, tiled, x, edge) > 2);
        EXPECT_LE(row_diffs, 4) << "row " << edge;
    }
    // The picture is a real map (terrain, labels): not one flat colour that would match trivially.
    double min_l = 255, max_l = 0;
    for (int y = 0; y < single.height; y += 37)
        for (int x = 0; x < single.width; x += 37) {
            min_l = std::min(min_l, luminance(single, x, y));
            max_l = std::max(max_l, luminance(single, x, y));
        }
    EXPECT_GT(max_l - min_l, 100.0);
}

TEST_F(TiledRender, MarkersEitherSideOfTheAntimeridianAreInTheirTiles) {
    // A picture over the Bering Sea, centred just west of 180°: its eastern tiles are centred past
    // 180°, which tileView moves back by a world. The scene gives each marker in the world copy
    // nearest the picture's centre (app::nearestWorldCopy): Nome at 165°W lies past +180° on the
    // plane, while its tile (11° wide, 164°W at its centre) lies wholly inside the world.
    app::AppState state;
    state.map = app::defaultMapSettings(*basemap_);
    state.panel_width_px = 0;
    state.view = geo::Viewport(2048, 512, mercator(179.0, 62.0), 5.0);
    const double world = 2.0 * geo::kWebMercatorHalfWorld;
    app::render::MarkerInstance anadyr, nome;
    anadyr.position = mercator(177.5, 64.73);
    nome.position = mercator(-165.41, 64.50);
    nome.position.x += world;
    anadyr.radius_px = nome.radius_px = 9.0f;
    anadyr.fill_rgba = nome.fill_rgba = 0xff0000ffu;
    const std::vector<app::render::MarkerInstance> markers{anadyr, nome};
    const app::render::FrameStyle style = app::frameStyleFor(state.map, state.projection);
    app::render::TiledRenderOptions options;
    options.max_tile_px = 256;
    app::render::TileStats stats;
    const Image tiled = app::render::renderTiled(renderers_->map, renderers_->overlay, state.view, markers, style,
                                                 [](ImDrawList*) {}, options, &stats);
    const Image single = renderers_->map.renderToImage(state.view, markers, style);
    ASSERT_EQ(stats.tiles, 8 * 2);
    for (const auto& [name, marker] : {std::pair<const char*, app::render::MarkerInstance>{"Anadyr", anadyr},
                                       std::pair<const char*, app::render::MarkerInstance>{"Nome", nome}}) {
        const geo::XY p = state.view.toPixel(marker.position);
        ASSERT_GT(p.x, 0.0) << name;
        ASSERT_LT(p.x, 2048.0) << name;
        for (const Image* image : {&single, &tiled}) {
            const std::uint8_t* c = image->pixel(int(std::lround(p.x)), int(std::lround(p.y)));
            EXPECT_GT(c[0], 200) << name << (image == &tiled ? " (tiled)" : " (one pass)");
            EXPECT_LT(c[1], 60) << name << (image == &tiled ? " (tiled)" : " (one pass)");
        }
    }
}

TEST_F(TiledRender, RowsBeyondTheWorldAreBackgroundAndMatchOnePass) {
    // At zoom 1 the world is 512 px tall: a 1024 px picture shows 256 px of nothing above and below.
    app::AppState state = seedState(1024, 1024, 1.0);
    state.view = geo::Viewport(1024, 1024, geo::XY{0, 0}, 1.0);
    const app::MarkerScene scene = app::drawnMarkers(state);
    const app::render::FrameStyle style = app::frameStyleFor(state.map, state.projection);
    const auto fill = [](ImDrawList*) {};
    const Image single = renderers_->map.renderToImage(state.view, scene.markers, style);
    app::render::TiledRenderOptions options;
    options.max_tile_px = 200;
    app::render::TileStats stats;
    const Image tiled = app::render::renderTiled(renderers_->map, renderers_->overlay, state.view, scene.markers, style,
                                                 fill, options, &stats);
    EXPECT_GT(stats.tiles, 25);
    const std::uint32_t sea = style.background_rgba;
    const std::uint8_t* corner = tiled.pixel(5, 5);
    EXPECT_EQ(corner[0], (sea >> 24) & 0xff);
    EXPECT_EQ(corner[1], (sea >> 16) & 0xff);
    EXPECT_EQ(corner[2], (sea >> 8) & 0xff);
    // At zoom 1 a pixel holds many DEM cells and coastline vertices, so float rounding of a tile's
    // moved centre flips a few multisample hits inside the picture: a handful of pixels, no lines.
    long long differing = 0;
    std::vector<int> by_row(single.height), by_column(single.width);
    for (int y = 0; y < single.height; ++y)
        for (int x = 0; x < single.width; ++x)
            if (channelDifference(single, tiled, x, y) > 2) {
                ++differing;
                ++by_row[y];
                ++by_column[x];
            }
    EXPECT_LE(differing, 1024LL * 1024 / 500);
    // A seam (at the world's edge, rows 256 and 768, or between tiles) would differ along a whole
    // tile side (≥ 128 px); the scattered flips (more along GSHHG's detailed coasts than along
    // Natural Earth 110m's) never line up to 4 % of a row or column.
    for (int i = 0; i < 1024; ++i) {
        EXPECT_LE(by_row[i], 40) << "row " << i;
        EXPECT_LE(by_column[i], 40) << "column " << i;
    }
}

TEST_F(TiledRender, EightKExportRendersInTilesWithMarkersWhereTheLayoutSays) {
    const app::AppState state = seedState(7680, 4320, 11.0);
    app::FrameOptions options;
    options.title = "Kabul and the Panjshir Valley";
    app::FrameLayout layout;
    const auto start = std::chrono::steady_clock::now();
    const Image image = app::renderExportFrame(*renderers_, state, options, &layout);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    ASSERT_EQ(image.width, 7680);
    ASSERT_EQ(image.height, 4320);
    // Over the default tile threshold (4096): 2 × 2 tiles.
    EXPECT_EQ(layout.tiles, 4);
    std::printf("8K export: %.2f s in %d tiles\n", seconds, layout.tiles);

    // Every active marker's centre has the marker's colour (the layout's boxes, in image pixels).
    ASSERT_FALSE(layout.overlay.markers.empty());
    const app::MarkerScene scene = app::drawnMarkers(state);
    for (const auto& marker : layout.overlay.markers) {
        const int cx = static_cast<int>(marker.box.x + marker.box.w / 2);
        const int cy = static_cast<int>(marker.box.y + marker.box.h / 2);
        if (cx < 0 || cy < 0 || cx >= image.width || cy >= image.height) continue;
        const geo::XY expected = state.view.toPixel(*app::placePosition(state, *state.doc, marker.place_index));
        EXPECT_NEAR(cx, expected.x, 1.0) << marker.place;
        EXPECT_NEAR(cy, expected.y, 1.0) << marker.place;
        // The disc's fill is a place colour: strongly red, whatever the terrain under it. (Its
        // centre carries the count in white, so look around it, inside the outline ring.)
        const double r = marker.box.w / 2;
        int red = 0;
        for (int k = 0; k < 8; ++k) {
            const double a = k * M_PI / 4;
            const std::uint8_t* p = image.pixel(cx + static_cast<int>(std::lround(0.62 * r * std::cos(a))),
                                                cy + static_cast<int>(std::lround(0.62 * r * std::sin(a))));
            red += int(p[0]) - int(p[2]) > 60;
        }
        EXPECT_GE(red, 3) << marker.place;
    }
    // The title banner spans the top and its text is dark on light.
    EXPECT_FLOAT_EQ(layout.furniture.title.w, 7680.0f);
    double darkest = 255;
    for (int x = 3000; x < 4680; ++x)
        darkest = std::min(darkest, luminance(image, x, static_cast<int>(layout.furniture.title.h / 2)));
    EXPECT_LT(darkest, 90.0);
}

TEST_F(TiledRender, PrintScaleBarMatchesTheGeodesicItClaims) {
    // On screen this is 1200 × 600 px: wide enough that the attribution leaves the scale bar free.
    const app::AppState state = seedState(3000, 1500, 10.3);
    app::FrameOptions options;
    options.dpi_scale = 2.5f;
    options.legend = true;
    options.inset = true;
    options.north_arrow = true;
    app::FrameLayout layout;
    const Image image = app::renderExportFrame(*renderers_, state, options, &layout);
    const app::ui::Box bar = layout.overlay.scale_bar;
    const double metres = layout.overlay.scale_bar_metres;
    ASSERT_GT(metres, 0.0);
    // Drawn for print: the screen's 5 px bar is 12.5 image pixels high.
    EXPECT_NEAR(bar.h, 12.5, 0.01);

    const geo::Projection web = geo::Projection::webMercator();
    auto groundBetween = [&](double x0, double x1, double y) {
        const geo::LonLat a = web.inverse(state.view.toMercator(geo::XY{x0, y}));
        const geo::LonLat b = web.inverse(state.view.toMercator(geo::XY{x1, y}));
        return geo::geodesicDistanceMeters(a, b);
    };
    // True at the view centre: the bar's length laid across the centre measures what it says.
    const double cx = state.view.width() / 2.0, cy = state.view.height() / 2.0;
    EXPECT_NEAR(groundBetween(cx - bar.w / 2, cx + bar.w / 2, cy) / metres, 1.0, 0.01);
    // Where it is drawn (further south), Web Mercator's scale differs by the ratio of the cosines
    // of the latitudes; the bar's own ends measure that.
    const double bar_y = bar.y + bar.h / 2;
    const double lat_bar = web.inverse(state.view.toMercator(geo::XY{bar.x, bar_y})).lat;
    const double lat_centre = web.inverse(state.view.toMercator(geo::XY{cx, cy})).lat;
    const double expected = metres * std::cos(lat_bar * M_PI / 180.0) / std::cos(lat_centre * M_PI / 180.0);
    EXPECT_NEAR(groundBetween(bar.x, bar.x + bar.w, bar_y) / expected, 1.0, 0.01);
    // And it is drawn there: its left half is the bar's near-black.
    EXPECT_LT(luminance(image, static_cast<int>(bar.x + bar.w / 4), static_cast<int>(bar_y)), 60.0);

    // The furniture is laid out clear of itself and of the scale bar.
    const app::ui::FurnitureLayout& f = layout.furniture;
    ASSERT_GT(f.legend.w, 0.0f);
    ASSERT_GT(f.inset.w, 0.0f);
    ASSERT_GT(f.north_arrow.w, 0.0f);
    EXPECT_FALSE(f.legend.overlaps(f.inset));
    EXPECT_FALSE(f.legend.overlaps(f.north_arrow));
    EXPECT_FALSE(f.inset.overlaps(f.north_arrow));
    EXPECT_FALSE(f.inset.overlaps(bar));
    EXPECT_FALSE(f.legend.overlaps(bar));
    // The inset stays above the attribution (at least one line of 11.25 px type).
    const float attribution =
        app::ui::attributionHeight(renderers_->overlay.font(), 15.0f, 1200.0f, renderers_->attribution);
    EXPECT_GT(attribution, 11.0f);
    EXPECT_LE(f.inset.y + f.inset.h, image.height - attribution * 2.5f);
    // The view's extent sits inside the inset, about a sixth of it across.
    EXPECT_GT(f.inset_view.x, f.inset.x);
    EXPECT_LT(f.inset_view.x + f.inset_view.w, f.inset.x + f.inset.w);
    EXPECT_NEAR(std::max(f.inset_view.w, f.inset_view.h) / f.inset.w, 1.0 / 6.0, 0.02);
}

TEST_F(TiledRender, LegendDescribesTheMarkersTheMapDraws) {
    app::AppState state = seedState(1200, 900, 8.0);
    const auto entries = app::ui::legendEntries(state);
    ASSERT_FALSE(entries.empty());
    EXPECT_EQ(entries.front().meaning, "Named in the text");
    // Its colour is the colour of an unselected marker of the text.
    const app::MarkerScene scene = app::drawnMarkers(state);
    const bool drawn = std::any_of(scene.markers.begin(), scene.markers.end(),
                                   [&](const auto& m) { return m.fill_rgba == entries.front().fill_rgba; });
    EXPECT_TRUE(drawn);
    // Sizes: 1 mention up to the most mentioned place's count.
    std::size_t most = 0;
    for (const auto& place : state.doc->extraction.places) most = std::max(most, place.mentions.size());
    const auto steps = app::ui::legendMentionSteps(state);
    ASSERT_FALSE(steps.empty());
    EXPECT_EQ(steps.front(), 1u);
    EXPECT_EQ(steps.back(), most);
    // Selecting a place adds its own entry.
    state.selection.place = 0;
    const auto with_selection = app::ui::legendEntries(state);
    EXPECT_TRUE(std::any_of(with_selection.begin(), with_selection.end(),
                            [](const auto& e) { return e.meaning == "Selected place"; }));
}

TEST_F(TiledRender, TooLargeAnImageIsRefusedWithItsSize) {
    const geo::Viewport huge(40000, 100, mercator(69.4, 34.95), 9.0);
    try {
        app::render::renderTiled(renderers_->map, renderers_->overlay, huge, {}, {}, [](ImDrawList*) {});
        FAIL() << "expected geo::Error";
    } catch (const geo::Error& e) {
        EXPECT_EQ(e.kind(), geo::ErrorKind::InvalidInput);
        EXPECT_EQ(std::string(e.what()),
                  "image size 40000 x 100 exceeds the limit of 32768 pixels per side and 16384 x 16384 pixels in all");
    }
}

}  // namespace
