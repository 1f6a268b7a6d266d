// marker.frag — an antialiased filled disc with an outline ring.
#version 330 core
in vec2 v_local_px;
flat in float v_radius_px;
flat in vec4 v_fill;
flat in vec4 v_outline;

out vec4 frag_color;

void main() {
    float distance_px = length(v_local_px);
    float outline_px = clamp(v_radius_px * 0.22, 1.0, 3.0);
    float disc = clamp(v_radius_px - distance_px + 0.5, 0.0, 1.0);
    float inside = clamp(v_radius_px - outline_px - distance_px + 0.5, 0.0, 1.0);
    vec4 colour = mix(v_outline, v_fill, inside);
    if (disc <= 0.0) discard;
    frag_color = vec4(colour.rgb, colour.a * disc);
}
