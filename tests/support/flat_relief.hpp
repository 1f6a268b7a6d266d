// tests/support/flat_relief.hpp — a world relief of one height in 10° cells, for tests where the
// terrain must look the same everywhere (so a user DEM, or its absence, is what changes a frame).
#pragma once
#include <algorithm>

#include "geo/raster.hpp"

namespace test_support {

inline geo::Raster flatWorldRelief(float metres = 500.0f) {
    geo::Raster relief;
    relief.width = 36;
    relief.height = 18;
    const double geotransform[6] = {-180.0, 10.0, 0.0, 90.0, 0.0, -10.0};
    std::copy(geotransform, geotransform + 6, relief.geotransform);
    relief.values.assign(static_cast<std::size_t>(relief.width) * relief.height, metres);
    relief.min_value = relief.max_value = metres;
    return relief;
}

}  // namespace test_support
