#include "app/render/map_canvas.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

namespace app::render {

namespace {

// Views closer than this (in pixels of the centre, and in zoom) are the same view.
constexpr double kSamePx = 1e-3;
constexpr double kSameZoom = 1e-9;
// A scaled picture is shown only between these scales, and only while it covers at least this
// much of the window; otherwise the map is drawn afresh (blurred or mostly empty would look broken).
constexpr double kMinScale = 0.5;
constexpr double kMaxScale = 2.0;
constexpr double kMinCoverage = 0.6;

bool sameView(const geo::Viewport& a, const geo::Viewport& b) {
    if (a.width() != b.width() || a.height() != b.height() || std::abs(a.zoom() - b.zoom()) > kSameZoom) return false;
    const geo::XY at = b.toPixel(a.center());
    return std::abs(at.x - b.width() / 2.0) <= kSamePx && std::abs(at.y - b.height() / 2.0) <= kSamePx;
}

// The part of `rect` inside `clip` (width or height 0 if none).
PixelRect intersection(const PixelRect& rect, const PixelRect& clip) {
    const int x0 = std::max(rect.x, clip.x), y0 = std::max(rect.y, clip.y);
    const int x1 = std::min(rect.x + rect.width, clip.x + clip.width);
    const int y1 = std::min(rect.y + rect.height, clip.y + clip.height);
    return PixelRect{x0, y0, std::max(0, x1 - x0), std::max(0, y1 - y0)};
}


}  // namespace

PixelRect MapCanvas::Kept::shown() const {
    const PixelRect whole{0, 0, view.width(), view.height()};
    return asked ? intersection(*asked, whole) : whole;
}

const char* toString(CanvasFrame frame) {
    switch (frame) {
        case CanvasFrame::Reused: return "reused";
        case CanvasFrame::Scrolled: return "scrolled";
        case CanvasFrame::Scaled: return "scaled";
        case CanvasFrame::Redrawn: return "redrawn";
    }
    return "?";
}

CanvasFrame MapCanvas::draw(MapRenderer& renderer, const geo::Viewport& view,
                            const std::vector<MarkerInstance>& markers, const FrameStyle& style,
                            const PixelRect* shown_part) {
    const std::optional<PixelRect> asked = shown_part != nullptr ? std::optional<PixelRect>(*shown_part) : std::nullopt;
    const FramebufferBindingGuard restore_bindings;
    const GLuint target = restore_bindings.drawFramebuffer();
    // Blits are clipped by the scissor, which the UI may leave on.
    glDisable(GL_SCISSOR_TEST);
    const bool moving = last_view_ && !sameView(*last_view_, view);
    last_view_ = view;
    // DEM windows are read on a worker thread while the canvas draws: a frame never waits on the
    // disk; one that has landed changes the renderer's generation, so the map is drawn again.
    renderer.pollDemReads();
    struct BackgroundReads {
        MapRenderer& renderer;
        explicit BackgroundReads(MapRenderer& r) : renderer(r) { renderer.setDemReadsInBackground(true); }
        ~BackgroundReads() { renderer.setDemReadsInBackground(false); }
    } background_reads(renderer);
    // World tiles that arrived since the last frame make the kept map out of date.
    renderer.updateTiles();

    const bool same_map = kept_ && kept_->style == style && kept_->generation == renderer.generation() &&
                          kept_->asked == asked;
    const bool same_size = kept_ && kept_->view.width() == view.width() && kept_->view.height() == view.height();
    CanvasFrame frame = CanvasFrame::Redrawn;
    if (same_map && sameView(kept_->view, view)) {
        frame = CanvasFrame::Reused;
    } else if (same_map && same_size && std::abs(kept_->view.zoom() - view.zoom()) <= kSameZoom &&
               scroll(renderer, view, moving)) {
        frame = CanvasFrame::Scrolled;
    } else if (same_map && moving && showScaled(view, target)) {
        frame = CanvasFrame::Scaled;
    } else {
        redraw(renderer, view, style, asked);
    }
    if (frame != CanvasFrame::Scaled) copyToTarget(target);
    glBindFramebuffer(GL_FRAMEBUFFER, target);
    renderer.drawMarkers(view, markers, style);
    return frame;
}

void MapCanvas::redraw(MapRenderer& renderer, const geo::Viewport& view, const FrameStyle& style,
                       const std::optional<PixelRect>& asked) {
    kept_.reset();  // until it is drawn: a failure below leaves nothing half-kept
    front_.ensure(view.width(), view.height(), 0);
    Kept drawn{view, style, renderer.generation(), asked};
    const PixelRect shown = drawn.shown();
    renderer.drawBase(view, style, &shown);
    kept_ = std::move(drawn);
}

bool MapCanvas::scroll(MapRenderer& renderer, const geo::Viewport& view, bool moving) {
    const geo::Viewport& old = kept_->view;
    const int width = view.width();
    const int height = view.height();
    // Where the kept picture's content lands in the new view: the same zoom, so a pure shift.
    const geo::XY at = view.toPixel(old.center());
    const double shift_x = at.x - width / 2.0;
    const double shift_y = at.y - height / 2.0;
    const long whole_x = std::lround(shift_x);
    const long whole_y = std::lround(shift_y);
    // A view that stays put must be exact; a moving one may be off by up to half a pixel, and the
    // frame it stops on is drawn exactly.
    if (!moving && (std::abs(shift_x - double(whole_x)) > kSamePx || std::abs(shift_y - double(whole_y)) > kSamePx))
        return false;
    if (std::labs(whole_x) >= width || std::labs(whole_y) >= height) return false;
    const int dx = int(whole_x);
    const int dy = int(whole_y);
    // The view the scrolled picture shows exactly (the world's edge may stop a pan: then redraw).
    const geo::Viewport shifted = old.panned(dx, dy);
    const geo::XY check = shifted.toPixel(old.center());
    if (std::abs(check.x - (width / 2.0 + dx)) > kSamePx || std::abs(check.y - (height / 2.0 + dy)) > kSamePx)
        return false;

    back_.ensure(width, height, 0);
    // The part of the old picture still in view, moved; GL's rows count from the bottom.
    const int src_x0 = std::max(0, -dx), src_x1 = std::min(width, width - dx);
    const int src_y0 = std::max(0, dy), src_y1 = std::min(height, height + dy);
    glBindFramebuffer(GL_READ_FRAMEBUFFER, front_.framebuffer.get());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, back_.framebuffer.get());
    glBlitFramebuffer(src_x0, src_y0, src_x1, src_y1, src_x0 + dx, src_y0 - dy, src_x1 + dx, src_y1 - dy,
                      GL_COLOR_BUFFER_BIT, GL_NEAREST);
    // The strips of the shown part that the move uncovered (pixels from the top-left): what now
    // lies there was outside the shown part before. A column, then a row beside it.
    glBindFramebuffer(GL_FRAMEBUFFER, back_.framebuffer.get());
    const PixelRect shown = kept_->shown();
    const int column_width = std::min(std::abs(dx), shown.width);
    const int row_height = std::min(std::abs(dy), shown.height);
    if (column_width > 0) {
        const PixelRect column{dx > 0 ? shown.x : shown.x + shown.width - column_width, shown.y, column_width,
                               shown.height};
        renderer.drawBase(shifted, kept_->style, &column);
    }
    if (row_height > 0 && shown.width > column_width) {
        const PixelRect row{dx > 0 ? shown.x + column_width : shown.x,
                            dy > 0 ? shown.y : shown.y + shown.height - row_height, shown.width - column_width,
                            row_height};
        renderer.drawBase(shifted, kept_->style, &row);
    }
    std::swap(front_, back_);
    kept_->view = shifted;
    return true;
}

bool MapCanvas::showScaled(const geo::Viewport& view, GLuint target) {
    const geo::Viewport& old = kept_->view;
    // The kept picture's corners in the new view.
    const geo::XY top_left = view.toPixel(old.toMercator(geo::XY{0.0, 0.0}));
    const geo::XY bottom_right = view.toPixel(old.toMercator(geo::XY{double(old.width()), double(old.height())}));
    const double scale = (bottom_right.x - top_left.x) / old.width();
    if (!(scale >= kMinScale && scale <= kMaxScale)) return false;
    const double covered_w = std::min<double>(view.width(), bottom_right.x) - std::max(0.0, top_left.x);
    const double covered_h = std::min<double>(view.height(), bottom_right.y) - std::max(0.0, top_left.y);
    if (covered_w <= 0 || covered_h <= 0 ||
        covered_w * covered_h < kMinCoverage * double(view.width()) * double(view.height()))
        return false;

    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, target);
    glViewport(0, 0, view.width(), view.height());
    // What the picture does not cover shows the map's background until the map is drawn afresh.
    clearColour(backgroundColour(kept_->style));
    glBindFramebuffer(GL_READ_FRAMEBUFFER, front_.framebuffer.get());
    const int height = view.height();
    glBlitFramebuffer(0, 0, old.width(), old.height(), int(std::lround(top_left.x)),
                      height - int(std::lround(bottom_right.y)), int(std::lround(bottom_right.x)),
                      height - int(std::lround(top_left.y)), GL_COLOR_BUFFER_BIT, GL_LINEAR);
    return true;
}

void MapCanvas::copyToTarget(GLuint target) const {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, front_.framebuffer.get());
    glBindFramebuffer(GL_DRAW_FRAMEBUFFER, target);
    // GL's rows count from the bottom.
    const PixelRect r = kept_->shown();
    const int y0 = front_.height - r.y - r.height;
    glBlitFramebuffer(r.x, y0, r.x + r.width, y0 + r.height, r.x, y0, r.x + r.width, y0 + r.height,
                      GL_COLOR_BUFFER_BIT, GL_NEAREST);
}

}  // namespace app::render
