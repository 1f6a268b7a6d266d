// image.frag — a raster image layer: its RGBA picture (lon/lat grid, row 0 north) times the
// layer's opacity; transparent where the raster has no data.
#version 330 core
in vec2 v_uv;

uniform sampler2D u_image;
uniform float u_opacity;

out vec4 frag_color;

void main() {
    vec4 colour = texture(u_image, v_uv);
    float alpha = colour.a * u_opacity;
    if (alpha <= 0.0) discard;
    frag_color = vec4(colour.rgb, alpha);
}
