#include "geo/viewport.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>
#include <string>

#include "geo/error.hpp"

namespace geo {

namespace {

constexpr double kTileSizePx = 256.0;

std::string formatNumber(double value) {
    std::ostringstream out;
    out << value;
    return out.str();
}

double metresPerPixelAt(double zoom) { return 2.0 * kWebMercatorHalfWorld / (kTileSizePx * std::exp2(zoom)); }

double clampZoom(double zoom) { return std::clamp(zoom, kMinZoom, kMaxZoom); }

// Keeps the centre inside the world square so panning cannot lose the map.
XY clampToWorld(XY p) {
    return XY{std::clamp(p.x, -kWebMercatorHalfWorld, kWebMercatorHalfWorld),
              std::clamp(p.y, -kWebMercatorHalfWorld, kWebMercatorHalfWorld)};
}

}  // namespace

Viewport::Viewport(int width_px, int height_px, XY center_mercator, double zoom)
    : width_(width_px), height_(height_px), center_(center_mercator), zoom_(zoom) {
    if (width_px <= 0 || height_px <= 0) {
        throw Error(ErrorKind::InvalidInput, "viewport size must be positive (got " + std::to_string(width_px) +
                                                 " x " + std::to_string(height_px) + ")");
    }
    if (!std::isfinite(zoom) || zoom < kMinZoom || zoom > kMaxZoom) {
        throw Error(ErrorKind::InvalidInput, "viewport zoom " + formatNumber(zoom) + " is outside [" +
                                                 formatNumber(kMinZoom) + ", " + formatNumber(kMaxZoom) + "]");
    }
    if (!std::isfinite(center_mercator.x) || !std::isfinite(center_mercator.y)) {
        throw Error(ErrorKind::InvalidInput, "viewport centre must be finite (got " +
                                                 formatNumber(center_mercator.x) + ", " +
                                                 formatNumber(center_mercator.y) + ")");
    }
    center_ = clampToWorld(center_mercator);
}

double Viewport::metresPerPixel() const { return metresPerPixelAt(zoom_); }

XY Viewport::toPixel(const XY& mercator) const {
    const double mpp = metresPerPixel();
    return XY{(mercator.x - center_.x) / mpp + width_ / 2.0, (center_.y - mercator.y) / mpp + height_ / 2.0};
}

XY Viewport::toMercator(const XY& pixel) const {
    const double mpp = metresPerPixel();
    return XY{center_.x + (pixel.x - width_ / 2.0) * mpp, center_.y - (pixel.y - height_ / 2.0) * mpp};
}

void Viewport::bounds(double& min_x, double& min_y, double& max_x, double& max_y) const {
    const XY top_left = toMercator(XY{0.0, 0.0});
    const XY bottom_right = toMercator(XY{static_cast<double>(width_), static_cast<double>(height_)});
    min_x = top_left.x;
    max_x = bottom_right.x;
    min_y = bottom_right.y;
    max_y = top_left.y;
}

Viewport Viewport::zoomedAbout(const XY& pixel, double delta) const {
    const double new_zoom = clampZoom(zoom_ + delta);
    const XY anchor = toMercator(pixel);
    const double new_mpp = metresPerPixelAt(new_zoom);
    // Choose the centre so that `anchor` lands on `pixel` again at the new scale.
    const XY new_center{anchor.x - (pixel.x - width_ / 2.0) * new_mpp, anchor.y + (pixel.y - height_ / 2.0) * new_mpp};
    return Viewport(width_, height_, new_center, new_zoom);
}

Viewport Viewport::panned(double dx_px, double dy_px) const {
    const double mpp = metresPerPixel();
    // Content moving right/down means the centre moves left/up (north) in Mercator.
    return Viewport(width_, height_, XY{center_.x - dx_px * mpp, center_.y + dy_px * mpp}, zoom_);
}

Viewport Viewport::fit(const std::vector<XY>& mercator_points, int width_px, int height_px, double padding_px,
                       double single_point_zoom) {
    if (mercator_points.empty()) return Viewport(width_px, height_px, XY{0.0, 0.0}, clampZoom(single_point_zoom));
    double min_x = mercator_points.front().x, max_x = min_x;
    double min_y = mercator_points.front().y, max_y = min_y;
    for (const XY& p : mercator_points) {
        min_x = std::min(min_x, p.x);
        max_x = std::max(max_x, p.x);
        min_y = std::min(min_y, p.y);
        max_y = std::max(max_y, p.y);
    }
    const XY center{(min_x + max_x) / 2.0, (min_y + max_y) / 2.0};
    const double span_x = max_x - min_x;
    const double span_y = max_y - min_y;
    if (span_x <= 0.0 && span_y <= 0.0) return Viewport(width_px, height_px, center, clampZoom(single_point_zoom));

    // The Viewport constructor below rejects a bad size; until then keep the arithmetic sane.
    const double padding = std::max(0.0, padding_px);
    const double usable_w = std::max(1.0, width_px - 2.0 * padding);
    const double usable_h = std::max(1.0, height_px - 2.0 * padding);
    // At zoom z one pixel is metresPerPixelAt(z) metres; the span fits when span / mpp <= usable.
    const double world_px_to_fill_x = span_x > 0.0 ? usable_w * 2.0 * kWebMercatorHalfWorld / span_x : INFINITY;
    const double world_px_to_fill_y = span_y > 0.0 ? usable_h * 2.0 * kWebMercatorHalfWorld / span_y : INFINITY;
    const double zoom = std::log2(std::min(world_px_to_fill_x, world_px_to_fill_y) / kTileSizePx);
    return Viewport(width_px, height_px, center, clampZoom(zoom));
}

}  // namespace geo
