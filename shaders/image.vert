// image.vert — places a raster image layer's mesh (projected metres relative to the origin). Each
// vertex carries the texture coordinate of its lon/lat, so the picture lands where the projection
// puts it (the same mesh as the terrain's, app/render/grid_mesh).
#version 330 core
layout(location = 0) in vec2 a_position;  // metres relative to the render origin
layout(location = 1) in vec2 a_uv;        // u from the west edge, v from the north edge

uniform vec2 u_offset;  // view centre relative to the origin, metres
uniform vec2 u_scale;   // metres to clip space

out vec2 v_uv;

void main() {
    v_uv = a_uv;
    gl_Position = vec4((a_position - u_offset) * u_scale, 0.0, 1.0);
}
