// app/render/map_canvas.hpp — the viewer's map at screen rate on software OpenGL. Drawing the
// whole map (terrain, fills, lines) at 1920 × 1080 takes llvmpipe about 100 ms, so the canvas
// keeps the last map picture (without markers) in a framebuffer and, each frame:
//   - reuses it when the map has not changed (hover, reading, panels): one copy to the window;
//   - scrolls it when the view was only panned (drags, the glide after one): the picture moves by
//     whole pixels and only the uncovered strips are drawn;
//   - while the zoom is changing (wheel, fly-to), shows it scaled, and draws the map afresh once
//     the view stops, or when the scaled picture would cover too little of the window;
//   - draws the map afresh when anything else changed (style, layers, projection, size).
// Markers are drawn over it every frame at their exact positions. A view that stays the same for
// a frame is always shown exactly as MapRenderer::draw would draw it: the approximations (a scroll
// rounded to whole pixels, a scaled picture) last only while the view moves.
// Needs the GL context current; owns its framebuffers. Does not decide the view or the markers.
#pragma once
#include <cstdint>
#include <optional>
#include <vector>

#include "app/render/colour_target.hpp"
#include "app/render/map_renderer.hpp"
#include "geo/viewport.hpp"

namespace app::render {

// How a frame's map was made.
enum class CanvasFrame {
    Reused,    // the kept picture, as it was
    Scrolled,  // the kept picture moved by whole pixels, the uncovered strips drawn
    Scaled,    // the kept picture scaled and moved (only while the view moves)
    Redrawn,   // the whole map drawn afresh
};
const char* toString(CanvasFrame frame);

class MapCanvas {
public:
    // Draws the map of `view` with `markers` into the framebuffer bound for drawing, whose size is
    // view.width() × view.height(). `shown`, if given, is the only part of it that will be seen
    // (the viewer's side panel covers the rest): the map is drawn and copied there alone, and the
    // rest of the framebuffer is left as it was. Restores the framebuffer bindings and GL viewport
    // it found.
    CanvasFrame draw(MapRenderer& renderer, const geo::Viewport& view, const std::vector<MarkerInstance>& markers,
                     const FrameStyle& style, const PixelRect* shown = nullptr);
    // Forgets the kept picture: the next frame draws the map afresh.
    void invalidate() { kept_.reset(); }

private:
    // What the kept picture shows.
    struct Kept {
        geo::Viewport view;
        FrameStyle style;
        std::uint64_t generation;
        std::optional<PixelRect> asked;  // the part the caller said is shown (none: all of it)
        // The part of the picture that is drawn: `asked` within the view.
        PixelRect shown() const;
    };

    void redraw(MapRenderer& renderer, const geo::Viewport& view, const FrameStyle& style,
                const std::optional<PixelRect>& asked);
    bool scroll(MapRenderer& renderer, const geo::Viewport& view, bool moving);
    bool showScaled(const geo::Viewport& view, GLuint target);
    void copyToTarget(GLuint target) const;

    ColourTarget front_;  // the kept picture
    ColourTarget back_;   // scratch for scrolling
    std::optional<Kept> kept_;
    std::optional<geo::Viewport> last_view_;  // the view of the previous frame
};

}  // namespace app::render
