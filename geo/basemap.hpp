// geo/basemap.hpp — the shipped basemap: the DEM and the vector layers with their draw styles,
// loaded from the data folder through GDAL/OGR. No GL: the renderer uploads what this returns.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "geo/raster.hpp"
#include "geo/vector_layer.hpp"

namespace geo {

struct LayerStyle {
    std::uint32_t line_rgba = 0x000000ffu;  // 0xRRGGBBAA
    float line_width_px = 1.0f;
    std::uint32_t fill_rgba = 0x00000000u;  // alpha 0: no fill
};

struct StyledLayer {
    VectorLayer layer;
    LayerStyle style;
    bool visible = true;
};

struct Basemap {
    Raster dem;                       // lon/lat grid, metres
    std::vector<StyledLayer> layers;  // drawn in this order (first at the bottom)
    std::vector<std::string> attribution;  // one line per source, shown on the map
};

// Loads data_dir/dem/*.tif and the basemap/*.geojson layers in their drawing order.
// Throws geo::Error naming the missing or damaged file.
Basemap loadBasemap(const std::string& data_dir);

}  // namespace geo
