// line.frag — line colour with a one-pixel antialiased edge; lines thinner than a pixel fade.
#version 330 core
in float v_across_px;

uniform vec4 u_colour;
uniform float u_half_width_px;

out vec4 frag_color;

void main() {
    float coverage = clamp(u_half_width_px + 0.5 - abs(v_across_px), 0.0, 1.0);
    float thin = min(2.0 * u_half_width_px, 1.0);
    frag_color = vec4(u_colour.rgb, u_colour.a * coverage * thin);
}
