// marker.vert — one screen-aligned quad per marker instance, a pixel larger than the disc for the
// antialiased edge. Corners come from gl_VertexID (triangle strip of four).
#version 330 core
layout(location = 0) in vec2 a_center_px;  // pixels, origin top-left, y down
layout(location = 1) in float a_radius_px;
layout(location = 2) in vec4 a_fill;
layout(location = 3) in vec4 a_outline;

uniform vec2 u_viewport_px;

out vec2 v_local_px;  // position relative to the marker centre, pixels
flat out float v_radius_px;
flat out vec4 v_fill;
flat out vec4 v_outline;

void main() {
    vec2 corner = vec2(float(gl_VertexID & 1), float((gl_VertexID >> 1) & 1)) * 2.0 - 1.0;
    float extent = a_radius_px + 1.0;
    v_local_px = corner * extent;
    v_radius_px = a_radius_px;
    v_fill = a_fill;
    v_outline = a_outline;
    vec2 pixel = a_center_px + v_local_px;
    gl_Position = vec4(pixel.x / u_viewport_px.x * 2.0 - 1.0, 1.0 - pixel.y / u_viewport_px.y * 2.0, 0.0, 1.0);
}
