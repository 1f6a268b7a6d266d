// app/render/tiled_render.hpp — a map image of any size up to kMaxImageSide per side: when the
// image is larger than the GPU's framebuffer limit or than a tile threshold, the map is rendered
// in tiles (each an offscreen framebuffer of MapRenderer, a view of the same zoom centred on the
// tile) and the tiles are stitched. The overlay (labels, scale bar, furniture) is drawn ONCE for
// the whole image into a recorded draw list and each tile draws its part of it, translated, so
// nothing is laid out twice and tiles join with no seam. A small image is one tile, the same as
// MapRenderer::renderToImage. Needs a current GL 3.3 context. It does not decide what the map
// shows: callers pass the view, markers, style and the overlay's fill function.
#pragma once
#include <cstdint>
#include <functional>
#include <vector>

#include "app/render/image.hpp"
#include "app/render/map_renderer.hpp"
#include "app/render/overlay_renderer.hpp"
#include "geo/viewport.hpp"

struct ImDrawList;

namespace app::render {

// Above this side a render is cut into tiles even where the GL could do it in one pass: software
// GL's 4× multisampled framebuffers grow with the square of the side.
constexpr int kDefaultMaxTilePx = 4096;
// The largest image: sides up to 32768 pixels, 16384 × 16384 pixels (1 GiB of RGBA) in all.
constexpr int kMaxImageSide = 32768;
constexpr long long kMaxImagePixels = 16384LL * 16384LL;

struct TiledRenderOptions {
    // Largest tile side; 0: kDefaultMaxTilePx. Always capped by the GL's framebuffer limit.
    int max_tile_px = 0;
};

struct TileStats {
    int tiles = 0;        // framebuffers rendered
    int tile_width = 0;   // the size every map tile was rendered at (edge tiles are cropped)
    int tile_height = 0;
};

// The largest framebuffer side this GL allows (GL_MAX_RENDERBUFFER_SIZE, GL_MAX_VIEWPORT_DIMS).
int maxFramebufferSide();

// Throws geo::Error(InvalidInput) "image size W x H exceeds ..." when the viewport is larger than
// kMaxImageSide / kMaxImagePixels, and std::runtime_error when the GL cannot make a framebuffer.
// `fill_overlay` draws in the whole image's pixels (0..width, 0..height) and runs once.
Image renderTiled(MapRenderer& map, OverlayRenderer& overlay, const geo::Viewport& viewport,
                  const std::vector<MarkerInstance>& markers, const FrameStyle& style,
                  const std::function<void(ImDrawList*)>& fill_overlay, const TiledRenderOptions& options = {},
                  TileStats* stats = nullptr);

// One band of tiles along an axis: `count` tiles of `size` pixels (the last one cropped) from
// `start` to `end`.
struct TileBand {
    int start = 0;
    int end = 0;
    int size = 0;
    int count = 0;
};
// Cuts [start, end) into the fewest tiles of at most `max_tile` pixels, all of one even size where
// the band allows, so tiles keep the 2×2 pixel quads of the whole image.
TileBand planBand(int start, int end, int max_tile);

}  // namespace app::render
