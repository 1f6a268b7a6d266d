// geo/vector_layer.hpp — point, line and polygon layers read with OGR and converted to WGS 84
// lon/lat; a file that mixes kinds (a GeoJSON of points, lines and polygons) can be read as one
// layer per kind. Does not triangulate or style; the renderer does that.
#pragma once
#include <string>
#include <vector>

#include "geo/lonlat.hpp"

namespace geo {

enum class GeometryKind { Lines, Polygons, Points };

struct VectorFeature {
    std::string name;  // the "name" (or "shapeName") attribute, if any
    // Lines: each part is a polyline. Polygons: each part is a ring (first the outer ring of each
    // polygon, then its holes; `ring_is_hole` says which). Points: one part with one point each.
    std::vector<std::vector<LonLat>> parts;
    std::vector<bool> ring_is_hole;
};

struct VectorLayer {
    std::string name;
    GeometryKind kind = GeometryKind::Lines;
    std::vector<VectorFeature> features;
};

// Reads the first layer of any OGR-readable file, reprojecting to WGS 84 lon/lat if needed.
// Multi-part geometries and collections are flattened into one feature's parts. The layer's kind
// is its declared geometry type, else that of its first feature.
// Coordinates outside lon [-180,180] / lat [-90,90] or not finite make the feature be skipped and
// counted in `skipped` (if given); so are features without geometry or with one of another kind.
// Throws geo::Error naming the file if it cannot be opened.
VectorLayer loadVectorLayer(const std::string& path, int* skipped = nullptr);
// The same, keeping only features matching an OGR SQL WHERE clause (e.g. "level <= 4").
// Throws geo::Error(InvalidInput) naming the file if OGR rejects the clause.
VectorLayer loadVectorLayerWhere(const std::string& path, const std::string& attribute_filter,
                                 int* skipped = nullptr);
// Every kind of geometry in the file's first layer, one layer each, in drawing order: polygons,
// then lines, then points (kinds with no feature left out; a file with no feature at all gives
// one empty layer of its declared kind). A feature whose geometry is a collection of several
// kinds gives a feature to each, with its name. `skipped` counts features with no geometry or
// with invalid coordinates. Throws geo::Error naming the file as loadVectorLayer does.
std::vector<VectorLayer> loadVectorLayersByKind(const std::string& path, int* skipped = nullptr);

}  // namespace geo
