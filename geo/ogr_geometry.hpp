// geo/ogr_geometry.hpp — an OGR geometry's vertices as a VectorFeature's parts (lon/lat), shared
// by the readers inside geo/ (vector_layer, world_store). Internal to geo/*.cpp.
#pragma once
#include <ogr_api.h>

#include "geo/vector_layer.hpp"

namespace geo {

// Appends the parts of a (possibly multi-part or collection) geometry of `kind` to `feature`.
// Returns false if the geometry has invalid coordinates or parts of a different kind.
bool appendOgrParts(OGRGeometryH geometry, GeometryKind kind, VectorFeature& feature);

}  // namespace geo
