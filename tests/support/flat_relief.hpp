// tests/support/flat_relief.hpp — a world relief (a DEM, as geo::Basemap holds it) of one height in 10° cells, for tests where the
// terrain must look the same everywhere (so a user DEM, or its absence, is what changes a frame).
#pragma once
#include <algorithm>

#include <memory>

#include "geo/dem.hpp"
#include "geo/raster.hpp"

namespace test_support {

inline std::shared_ptr<const geo::Dem> flatWorldRelief(float metres = 500.0f) {
    geo::Raster relief;
    relief.width = 36;
    relief.height = 18;
    const double geotransform[6] = {-180.0, 10.0, 0.0, 90.0, 0.0, -10.0};
    std::copy(geotransform, geotransform + 6, relief.geotransform);
    relief.values.assign(static_cast<std::size_t>(relief.width) * relief.height, metres);
    relief.min_value = relief.max_value = metres;
    return geo::demFromRaster(relief, "flat world relief");
}

}  // namespace test_support
