// line.vert — pushes each line vertex sideways by the line's half-width in pixels, so widths stay
// constant under zoom; one extra pixel is added for the antialiased fringe.
#version 330 core
layout(location = 0) in vec2 a_position;  // metres relative to the render origin
layout(location = 1) in vec2 a_extrude;   // unit normal (mitred) towards this vertex's edge
layout(location = 2) in float a_side;     // +1 left edge, -1 right edge

uniform vec2 u_offset;       // view centre relative to the origin, metres
uniform vec2 u_scale;        // metres to clip space
uniform vec2 u_viewport_px;  // framebuffer size
uniform float u_half_width_px;

out float v_across_px;  // signed distance from the centre line, pixels

void main() {
    float half_extent = u_half_width_px + 1.0;
    vec2 clip = (a_position - u_offset) * u_scale + a_extrude * half_extent * 2.0 / u_viewport_px;
    v_across_px = a_side * half_extent;
    gl_Position = vec4(clip, 0.0, 1.0);
}
