#include "app/render/grid_mesh.hpp"

#include <algorithm>
#include <cmath>
#include <optional>

namespace app::render {

namespace {

struct GridVertex {
    float position[2];  // projected metres relative to the origin
    float uv[2];        // texture coordinates: u from the west edge, v from the north edge
};

// Mesh cells per culling block on a side.
constexpr int kBlockSteps = 16;

}  // namespace

GridMesh::GridMesh(double west, double east, double south, double north, double step,
                   const geo::MapProjection& projection, const geo::XY& origin) {
    if (!(west < east && south < north && step > 0.0)) return;
    const int columns = std::max(1, static_cast<int>(std::ceil((east - west) / step - 1e-9)));
    const int rows = std::max(1, static_cast<int>(std::ceil((north - south) / step - 1e-9)));
    auto lonAt = [&](int i) { return std::min(east, west + i * step); };
    auto latAt = [&](int j) { return std::max(south, north - j * step); };
    // The lattice of cell corners is culled and projected once, in one batch (each corner is
    // shared by up to six triangles); only the triangles across the cap's edge are clipped and
    // projected on their own.
    const std::size_t lattice_columns = static_cast<std::size_t>(columns) + 1;
    auto at = [&](int i, int j) { return static_cast<std::size_t>(j) * lattice_columns + static_cast<std::size_t>(i); };
    std::vector<geo::XY> lattice(lattice_columns * (static_cast<std::size_t>(rows) + 1));
    std::vector<unsigned char> shown(lattice.size());
    std::vector<unsigned char> ok;
    for (int j = 0; j <= rows; ++j) {
        for (int i = 0; i <= columns; ++i) {
            const LonLatXY p{lonAt(i), latAt(j)};
            lattice[at(i, j)] = p;
            shown[at(i, j)] = projection.shows(p.x, p.y) ? 1 : 0;
        }
    }
    std::vector<geo::XY> projected_lattice;
    for (std::size_t k = 0; k < lattice.size(); ++k) {
        if (shown[k]) projected_lattice.push_back(lattice[k]);
    }
    projection.forwardInPlace(projected_lattice, ok, true);
    std::vector<std::optional<geo::XY>> lattice_xy(lattice.size());
    for (std::size_t k = 0, n = 0; k < lattice.size(); ++k) {
        if (!shown[k]) continue;
        if (ok[n]) lattice_xy[k] = geo::XY{projected_lattice[n].x - origin.x, projected_lattice[n].y - origin.y};
        ++n;
    }

    std::vector<GridVertex> vertices;
    std::vector<LonLatXY> clipped;
    auto vertexOf = [&](const LonLatXY& p, const geo::XY& xy) {
        return GridVertex{{static_cast<float>(xy.x), static_cast<float>(xy.y)},
                          {static_cast<float>((p.x - west) / (east - west)),
                           static_cast<float>((north - p.y) / (north - south))}};
    };
    for (int block_row = 0; block_row < rows; block_row += kBlockSteps) {
        for (int block_col = 0; block_col < columns; block_col += kBlockSteps) {
            DrawChunk chunk;
            chunk.first = vertices.size();
            auto emit = [&](const GridVertex (&corner)[3]) {
                for (const GridVertex& v : corner) {
                    vertices.push_back(v);
                    chunk.box.extend(v.position[0] + origin.x, v.position[1] + origin.y);
                }
            };
            for (int j = block_row; j < std::min(rows, block_row + kBlockSteps); ++j) {
                for (int i = block_col; i < std::min(columns, block_col + kBlockSteps); ++i) {
                    // The cell's two triangles, nw-sw-ne and ne-sw-se, by lattice index.
                    const std::size_t triangles[2][3] = {{at(i, j), at(i, j + 1), at(i + 1, j)},
                                                         {at(i + 1, j), at(i, j + 1), at(i + 1, j + 1)}};
                    for (const auto& tri : triangles) {
                        const bool inside[3] = {shown[tri[0]] != 0, shown[tri[1]] != 0, shown[tri[2]] != 0};
                        if (!inside[0] && !inside[1] && !inside[2]) continue;
                        if (inside[0] && inside[1] && inside[2]) {
                            if (!lattice_xy[tri[0]] || !lattice_xy[tri[1]] || !lattice_xy[tri[2]]) continue;
                            const GridVertex corner[3] = {vertexOf(lattice[tri[0]], *lattice_xy[tri[0]]),
                                                          vertexOf(lattice[tri[1]], *lattice_xy[tri[1]]),
                                                          vertexOf(lattice[tri[2]], *lattice_xy[tri[2]])};
                            emit(corner);
                            continue;
                        }
                        // Across the cap's edge (cells are never longer than the cut length, so
                        // clipping does not subdivide them).
                        clipped.clear();
                        clipShownPart(lattice[tri[0]], lattice[tri[1]], lattice[tri[2]], inside, projection, clipped);
                        for (std::size_t k = 0; k + 2 < clipped.size(); k += 3) {
                            GridVertex corner[3];
                            bool all = true;
                            for (int c = 0; c < 3 && all; ++c) {
                                const std::optional<geo::XY> xy = projectRelative(projection, clipped[k + c], origin);
                                all = xy.has_value();
                                if (all) corner[c] = vertexOf(clipped[k + c], *xy);
                            }
                            if (all) emit(corner);
                        }
                    }
                }
            }
            chunk.count = vertices.size() - chunk.first;
            if (chunk.count == 0) continue;
            box_.extend(chunk.box);
            chunks_.push_back(chunk);
        }
    }
    if (vertices.empty()) return;
    vertex_count_ = static_cast<GLsizei>(vertices.size());
    vertex_array_ = makeVertexArray();
    vertices_ = makeBuffer();
    glBindVertexArray(vertex_array_.get());
    glBindBuffer(GL_ARRAY_BUFFER, vertices_.get());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(vertices.size() * sizeof(GridVertex)), vertices.data(),
                 GL_STATIC_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, sizeof(GridVertex),
                          reinterpret_cast<const void*>(offsetof(GridVertex, position)));
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, sizeof(GridVertex),
                          reinterpret_cast<const void*>(offsetof(GridVertex, uv)));
    glBindVertexArray(0);
    glBindBuffer(GL_ARRAY_BUFFER, 0);
}

std::vector<std::pair<std::size_t, std::size_t>> GridMesh::visible(const WorldCopyTransform& transform,
                                                                   const MercatorBox& view) const {
    if (empty() || !view.intersects(box_, transform.shift_metres)) return {};
    return visibleRanges(chunks_, view, transform.shift_metres, 0.0);
}

void GridMesh::draw(const std::vector<std::pair<std::size_t, std::size_t>>& ranges) const {
    if (ranges.empty()) return;
    glBindVertexArray(vertex_array_.get());
    for (const auto& [first, count] : ranges) {
        glDrawArrays(GL_TRIANGLES, static_cast<GLint>(first), static_cast<GLsizei>(count));
    }
    glBindVertexArray(0);
}

}  // namespace app::render
