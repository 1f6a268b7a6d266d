// polygon.vert — polygon fill triangles in Mercator metres relative to the render origin.
#version 330 core
layout(location = 0) in vec2 a_position;

uniform vec2 u_offset;  // view centre relative to the origin, metres
uniform vec2 u_scale;   // metres to clip space

void main() {
    gl_Position = vec4((a_position - u_offset) * u_scale, 0.0, 1.0);
}
