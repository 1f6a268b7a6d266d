// app/render/marker_layer.hpp — circular markers as instanced quads: positions are converted to
// pixels on the CPU in doubles each frame (exactly Viewport::toPixel), and marker.frag draws an
// antialiased disc with an outline. Used for the caller's markers and for point layers of the
// basemap. Internal to app/render.
#pragma once
#include <cstdint>
#include <vector>

#include "app/render/gl_handles.hpp"

namespace app::render {

struct MarkerGpuInstance {
    float center_px[2];   // pixels from the top-left corner, y down
    float radius_px;      // outer radius, outline included
    std::uint8_t fill[4];     // RGBA
    std::uint8_t outline[4];  // RGBA
};

MarkerGpuInstance makeMarkerInstance(double x_px, double y_px, float radius_px, std::uint32_t fill_rgba,
                                     std::uint32_t outline_rgba);

class MarkerLayer {
public:
    MarkerLayer();
    // Draws the instances in order (later ones on top) into a viewport of the given size.
    void draw(const std::vector<MarkerGpuInstance>& instances, int viewport_width, int viewport_height);

private:
    Program program_;
    VertexArray vertex_array_;
    Buffer instances_;
    size_t capacity_ = 0;  // instances the buffer can hold
    GLint u_viewport_ = -1;
};

}  // namespace app::render
