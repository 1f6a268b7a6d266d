#include "app/render/marker_layer.hpp"

#include <cstddef>
#include <string>

namespace app::render {

namespace {
void unpackBytes(std::uint32_t rgba, std::uint8_t out[4]) {
    out[0] = static_cast<std::uint8_t>(rgba >> 24);
    out[1] = static_cast<std::uint8_t>(rgba >> 16);
    out[2] = static_cast<std::uint8_t>(rgba >> 8);
    out[3] = static_cast<std::uint8_t>(rgba);
}
}  // namespace

MarkerGpuInstance makeMarkerInstance(double x_px, double y_px, float radius_px, std::uint32_t fill_rgba,
                                     std::uint32_t outline_rgba) {
    MarkerGpuInstance instance{};
    instance.center_px[0] = static_cast<float>(x_px);
    instance.center_px[1] = static_cast<float>(y_px);
    instance.radius_px = radius_px;
    unpackBytes(fill_rgba, instance.fill);
    unpackBytes(outline_rgba, instance.outline);
    return instance;
}

MarkerLayer::MarkerLayer() : program_(buildProgram("marker.vert", "marker.frag")) {
    u_viewport_ = uniformLocation(program_, "u_viewport_px", "marker.vert + marker.frag");
    vertex_array_ = makeVertexArray();
    instances_ = makeBuffer();
    glBindVertexArray(vertex_array_.get());
    glBindBuffer(GL_ARRAY_BUFFER, instances_.get());
    // The quad's corners come from gl_VertexID; every attribute advances once per instance.
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(MarkerGpuInstance),
                          reinterpret_cast<const void*>(offsetof(MarkerGpuInstance, center_px)));
    glVertexAttribDivisor(0, 1);
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 1, GL_FLOAT, GL_FALSE, sizeof(MarkerGpuInstance),
                          reinterpret_cast<const void*>(offsetof(MarkerGpuInstance, radius_px)));
    glVertexAttribDivisor(1, 1);
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(2, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(MarkerGpuInstance),
                          reinterpret_cast<const void*>(offsetof(MarkerGpuInstance, fill)));
    glVertexAttribDivisor(2, 1);
    glEnableVertexAttribArray(3);
    glVertexAttribPointer(3, 4, GL_UNSIGNED_BYTE, GL_TRUE, sizeof(MarkerGpuInstance),
                          reinterpret_cast<const void*>(offsetof(MarkerGpuInstance, outline)));
    glVertexAttribDivisor(3, 1);
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
}

void MarkerLayer::draw(const std::vector<MarkerGpuInstance>& instances, int viewport_width, int viewport_height) {
    if (instances.empty()) return;
    glBindBuffer(GL_ARRAY_BUFFER, instances_.get());
    const auto bytes = static_cast<GLsizeiptr>(instances.size() * sizeof(MarkerGpuInstance));
    if (instances.size() > capacity_) {
        glBufferData(GL_ARRAY_BUFFER, bytes, instances.data(), GL_DYNAMIC_DRAW);
        capacity_ = instances.size();
    } else {
        glBufferSubData(GL_ARRAY_BUFFER, 0, bytes, instances.data());
    }
    glBindBuffer(GL_ARRAY_BUFFER, 0);
    glUseProgram(program_.get());
    glUniform2f(u_viewport_, static_cast<float>(viewport_width), static_cast<float>(viewport_height));
    glBindVertexArray(vertex_array_.get());
    glDrawArraysInstanced(GL_TRIANGLE_STRIP, 0, 4, static_cast<GLsizei>(instances.size()));
    glBindVertexArray(0);
}

}  // namespace app::render
