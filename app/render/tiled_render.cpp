#include "app/render/tiled_render.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <stdexcept>
#include <string>
#include <utility>

#include "app/render/colour_target.hpp"
#include "app/render/gl_handles.hpp"
#include "geo/error.hpp"

namespace app::render {

namespace {

// How far past the world's top and bottom edge map tiles reach (lines and markers spill over).
constexpr int kWorldEdgeMarginPx = 128;

// A tile beyond the top or bottom of the world: Viewport keeps its centre inside the world, so a
// view of such a tile cannot be made; it shows only the background and the overlay's part there.
Image backgroundTile(OverlayRenderer& overlay, const RecordedOverlay& recorded, std::uint32_t background_rgba,
                     int x0, int y0, int width, int height) {
    const FramebufferBindingGuard restore;
    ColourTarget target;
    target.ensure(width, height, 0);
    glViewport(0, 0, width, height);
    glDisable(GL_SCISSOR_TEST);
    clearColour(background_rgba);
    overlay.drawRegion(recorded, x0, y0, width, height);

    glBindFramebuffer(GL_READ_FRAMEBUFFER, target.framebuffer.get());
    return readColour(width, height);
}

// The view of the tile whose top-left pixel is (x0, y0) in `full`: same zoom, centred on the
// tile, so its pixel grid is the full image's grid moved. Web Mercator repeats every world width,
// so a centre beyond ±180° is moved back by whole worlds (Viewport would clamp it instead); the
// other projections' planes lie well inside the Viewport's square.
geo::Viewport tileView(const geo::Viewport& full, int x0, int y0, int width, int height, bool web_mercator) {
    geo::XY centre = full.toMercator(geo::XY{x0 + 0.5 * width, y0 + 0.5 * height});
    const double world = 2.0 * geo::kWebMercatorHalfWorld;
    if (web_mercator && std::abs(centre.x) > geo::kWebMercatorHalfWorld) {
        centre.x -= world * std::floor((centre.x + geo::kWebMercatorHalfWorld) / world);
    }
    return geo::Viewport(width, height, centre, full.zoom());
}

void copyInto(Image& image, const Image& tile, int x0, int y0, int width, int height) {
    const size_t row_bytes = static_cast<size_t>(width) * 4;
    for (int row = 0; row < height; ++row) {
        std::memcpy(&image.rgba[(static_cast<size_t>(y0 + row) * image.width + x0) * 4],
                    &tile.rgba[static_cast<size_t>(row) * tile.width * 4], row_bytes);
    }
}

}  // namespace

int maxFramebufferSide() {
    GLint max_renderbuffer = 0;
    GLint max_viewport[2] = {0, 0};
    glGetIntegerv(GL_MAX_RENDERBUFFER_SIZE, &max_renderbuffer);
    glGetIntegerv(GL_MAX_VIEWPORT_DIMS, max_viewport);
    return std::min({static_cast<int>(max_renderbuffer), static_cast<int>(max_viewport[0]),
                     static_cast<int>(max_viewport[1])});
}

TileBand planBand(int start, int end, int max_tile) {
    TileBand band;
    band.start = start;
    band.end = end;
    const int length = end - start;
    if (length <= 0) return band;
    max_tile = std::max(2, max_tile);
    band.count = (length + max_tile - 1) / max_tile;
    band.size = (length + band.count - 1) / band.count;
    if (band.size % 2 != 0 && band.size < max_tile) ++band.size;
    band.count = (length + band.size - 1) / band.size;
    return band;
}

Image renderTiled(MapRenderer& map, OverlayRenderer& overlay, const geo::Viewport& viewport,
                  const std::vector<MarkerInstance>& markers, const FrameStyle& style,
                  const std::function<void(ImDrawList*)>& fill_overlay, const TiledRenderOptions& options,
                  TileStats* stats) {
    const int width = viewport.width();
    const int height = viewport.height();
    if (width > kMaxImageSide || height > kMaxImageSide ||
        static_cast<long long>(width) * height > kMaxImagePixels) {
        throw geo::Error(geo::ErrorKind::InvalidInput,
                         "image size " + std::to_string(width) + " x " + std::to_string(height) + " exceeds the limit of " +
                             std::to_string(kMaxImageSide) + " pixels per side and 16384 x 16384 pixels in all");
    }
    const int limit = maxFramebufferSide();
    if (limit <= 0) throw std::runtime_error("this OpenGL reports no framebuffer size limit");
    const int max_tile = std::min(options.max_tile_px > 0 ? options.max_tile_px : kDefaultMaxTilePx, limit);

    const RecordedOverlay recorded = overlay.record(width, height, fill_overlay);
    const bool web_mercator = style.projection.isWebMercator();
    // What MapRenderer paints where there is no world: the sea in Web Mercator, space elsewhere.
    const std::uint32_t beyond_world_rgba = backgroundColour(style);

    // Rows beyond the top and bottom of the world square hold only background (see backgroundTile),
    // but lines and markers at the world's edge spill a little past it: map tiles reach `margin`
    // rows further, as far as their centres stay inside the world.
    const double world_top = viewport.toPixel(geo::XY{0.0, geo::kWebMercatorHalfWorld}).y;
    const double world_bottom = viewport.toPixel(geo::XY{0.0, -geo::kWebMercatorHalfWorld}).y;
    const int edge_top = std::clamp(static_cast<int>(std::floor(world_top)), 0, height);
    const int edge_bottom = std::clamp(static_cast<int>(std::ceil(world_bottom)), edge_top, height);
    int margin = std::min(kWorldEdgeMarginPx, max_tile / 4);
    int map_top = edge_top, map_bottom = edge_bottom;
    TileBand map_rows;
    for (;;) {
        map_top = std::max(0, edge_top - margin);
        map_bottom = std::min(height, edge_bottom + margin);
        map_rows = planBand(map_top, map_bottom, max_tile);
        const double first_centre = map_rows.start + 0.5 * map_rows.size;
        const double last_centre = map_rows.start + (map_rows.count - 0.5) * map_rows.size;
        if (map_rows.count == 0 || margin == 0 || (first_centre >= world_top && last_centre <= world_bottom)) break;
        margin /= 2;
    }

    Image image;
    image.width = width;
    image.height = height;
    image.rgba.resize(static_cast<size_t>(width) * static_cast<size_t>(height) * 4);

    // Every tile reads DEMs at the whole picture's level of detail, so their cells match.
    struct DetailOfThePicture {
        MapRenderer& map;
        DetailOfThePicture(MapRenderer& m, const geo::Viewport& whole) : map(m) { map.setDetailViewport(whole); }
        ~DetailOfThePicture() { map.setDetailViewport(std::nullopt); }
    } detail_of_the_picture(map, viewport);
    const TileBand columns = planBand(0, width, max_tile);
    TileStats counted;
    counted.tile_width = columns.size;
    counted.tile_height = map_rows.size;
    const std::pair<TileBand, bool> bands[] = {
        {planBand(0, map_top, max_tile), false}, {map_rows, true}, {planBand(map_bottom, height, max_tile), false}};
    for (const auto& [rows, shows_map] : bands) {
        for (int r = 0; r < rows.count; ++r) {
            const int y0 = rows.start + r * rows.size;
            const int visible_height = std::min(rows.size, rows.end - y0);
            for (int c = 0; c < columns.count; ++c) {
                const int x0 = c * columns.size;
                const int visible_width = std::min(columns.size, width - x0);
                Image tile;
                if (shows_map) {
                    tile = map.renderToImage(tileView(viewport, x0, y0, columns.size, rows.size, web_mercator),
                                             markers, style,
                                             [&] { overlay.drawRegion(recorded, x0, y0, columns.size, rows.size); });
                } else {
                    tile = backgroundTile(overlay, recorded, beyond_world_rgba, x0, y0, visible_width, visible_height);
                }
                copyInto(image, tile, x0, y0, visible_width, visible_height);
                ++counted.tiles;
            }
        }
    }
    if (stats) *stats = counted;
    return image;
}

}  // namespace app::render
