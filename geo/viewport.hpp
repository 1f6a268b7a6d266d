// geo/viewport.hpp — the map view in Web Mercator: a centre, a zoom level and a size in pixels.
// Zoom Z means the whole world is 256·2^Z pixels wide (the slippy-map convention).
// Pure math on top of geo::Projection; shared by the renderer, picking, the CLI and the tests so
// that "where is Kabul on screen" has one answer. No GL.
#pragma once
#include <vector>

#include "geo/lonlat.hpp"

namespace geo {

// EPSG:3857 half-extent of the world in metres (π·6378137).
constexpr double kWebMercatorHalfWorld = 20037508.342789244;
constexpr double kMinZoom = 0.0;
constexpr double kMaxZoom = 18.0;

class Viewport {
public:
    // Throws geo::Error(InvalidInput) for a non-positive size, zoom outside [kMinZoom, kMaxZoom] or a
    // non-finite centre. The centre is clamped to the world square [-kWebMercatorHalfWorld, +…]².
    Viewport(int width_px, int height_px, XY center_mercator, double zoom);

    int width() const { return width_; }
    int height() const { return height_; }
    double zoom() const { return zoom_; }
    XY center() const { return center_; }
    double metresPerPixel() const;

    // Mercator metres ↔ pixels, origin top-left, y down.
    XY toPixel(const XY& mercator) const;
    XY toMercator(const XY& pixel) const;
    // Mercator bounds currently visible: {min_x, min_y, max_x, max_y}.
    void bounds(double& min_x, double& min_y, double& max_x, double& max_y) const;

    Viewport withCenter(XY center) const { return Viewport(width_, height_, center, zoom_); }
    Viewport withSize(int w, int h) const { return Viewport(w, h, center_, zoom_); }
    // Zoom by `delta` levels keeping the Mercator point under `pixel` fixed on screen; the new zoom
    // is clamped to [kMinZoom, kMaxZoom].
    Viewport zoomedAbout(const XY& pixel, double delta) const;
    // Move the map content by (dx, dy) pixels.
    Viewport panned(double dx_px, double dy_px) const;

    // A view of the given size that shows all points with `padding_px` margin: centred on their
    // bounding box, at the largest zoom (≤ kMaxZoom) where they fit. A single point (or none, then
    // centred on 0,0) gets `single_point_zoom`.
    static Viewport fit(const std::vector<XY>& mercator_points, int width_px, int height_px,
                        double padding_px = 48.0, double single_point_zoom = 9.0);

private:
    int width_;
    int height_;
    XY center_;
    double zoom_;
};

}  // namespace geo
