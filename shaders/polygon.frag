// polygon.frag — one flat colour per fill layer.
#version 330 core
uniform vec4 u_colour;
out vec4 frag_color;

void main() {
    frag_color = u_colour;
}
