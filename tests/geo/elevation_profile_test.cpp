// Tests of geo/elevation_profile: bilinear sampling on a grid whose values are a known linear
// function of the pixel position, the geodesic spacing of the samples, NaN beyond the DEM's edge,
// refused input, and one profile across the shipped DEM.
#include "geo/elevation_profile.hpp"

#include <gtest/gtest.h>

#include "support/shared_dem.hpp"
#include <cpl_conv.h>
#include <ogr_srs_api.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "geo/error.hpp"
#include "geo/geodesy.hpp"

namespace {

// 4 x 3 pixels of 0.5°, west 10, north 21.5; pixel (col, row) holds 100*row + 10*col, so between
// pixel centres the bilinear value is that same linear function of the fractional position.
geo::Raster linearGrid() {
    geo::Raster r;
    r.width = 4;
    r.height = 3;
    const double gt[6] = {10.0, 0.5, 0.0, 21.5, 0.0, -0.5};
    std::copy(gt, gt + 6, r.geotransform);
    for (int row = 0; row < r.height; ++row) {
        for (int col = 0; col < r.width; ++col) r.values.push_back(static_cast<float>(100 * row + 10 * col));
    }
    r.min_value = 0.0f;
    r.max_value = 230.0f;
    return r;
}

// The expected value at (lon, lat) from the grid's formula, with the edge clamping documented.
double linearValue(double lon, double lat) {
    const double col = std::clamp((lon - 10.0) / 0.5 - 0.5, 0.0, 3.0);
    const double row = std::clamp((21.5 - lat) / 0.5 - 0.5, 0.0, 2.0);
    return 100.0 * row + 10.0 * col;
}

std::string errorOf(const geo::Raster& dem, std::size_t samples) {
    try {
        geo::elevationProfile(dem, geo::LonLat(10.25, 21.25), geo::LonLat(11.75, 20.25), samples);
    } catch (const geo::Error& e) {
        return e.what();
    }
    return "no error";
}

TEST(ElevationProfile, EndpointsAreTheRastersValuesThere) {
    const geo::Raster dem = linearGrid();
    // The centres of the north-west and south-east pixels.
    const geo::LonLat from(10.25, 21.25);
    const geo::LonLat to(11.75, 20.25);
    const geo::ElevationProfile p = geo::elevationProfile(dem, from, to, 9);
    ASSERT_EQ(p.elevations.size(), 9u);
    EXPECT_EQ(p.elevations.front(), dem.sample(from.lon, from.lat));
    EXPECT_EQ(p.elevations.back(), dem.sample(to.lon, to.lat));
    EXPECT_EQ(p.elevations.front(), 0.0);
    EXPECT_EQ(p.elevations.back(), 230.0);
    EXPECT_EQ(p.positions.front().lon, from.lon);
    EXPECT_EQ(p.positions.back().lat, to.lat);
    // In between, the bilinear value of the linear grid is the formula at each sample's position.
    for (std::size_t i = 0; i < p.elevations.size(); ++i) {
        EXPECT_NEAR(p.elevations[i], linearValue(p.positions[i].lon, p.positions[i].lat), 1e-6) << i;
    }
}

TEST(ElevationProfile, SamplesAreEvenlySpacedAlongTheGeodesic) {
    const geo::Raster dem = linearGrid();
    const geo::LonLat from(10.1, 21.4);
    const geo::LonLat to(11.9, 20.1);
    const std::size_t n = 37;
    const geo::ElevationProfile p = geo::elevationProfile(dem, from, to, n);
    const double length = geo::geodesicDistanceMeters(from, to);
    EXPECT_NEAR(p.length_m, length, 1e-6);
    ASSERT_EQ(p.distances_m.size(), n);
    EXPECT_EQ(p.distances_m.front(), 0.0);
    double sum = 0.0;
    for (std::size_t i = 1; i < n; ++i) {
        const double step = p.distances_m[i] - p.distances_m[i - 1];
        EXPECT_NEAR(step, length / (n - 1), 1e-6);
        sum += step;
        // Each sample lies on the line at its stated distance from the start.
        EXPECT_NEAR(geo::geodesicDistanceMeters(from, p.positions[i]), p.distances_m[i], 1e-4);
    }
    EXPECT_NEAR(sum, length, 1e-6);
    for (double e : p.elevations) EXPECT_FALSE(std::isnan(e));
}

TEST(ElevationProfile, NaNBeyondTheEdgeOfTheRaster) {
    const geo::Raster dem = linearGrid();  // east edge at 12°
    const geo::ElevationProfile p = geo::elevationProfile(dem, geo::LonLat(10.3, 20.8), geo::LonLat(13.5, 20.8), 33);
    std::size_t inside = 0;
    std::size_t outside = 0;
    for (std::size_t i = 0; i < p.elevations.size(); ++i) {
        const bool beyond = p.positions[i].lon > 12.0;
        EXPECT_EQ(std::isnan(p.elevations[i]), beyond) << "sample " << i << " at lon " << p.positions[i].lon;
        (beyond ? outside : inside) += 1;
    }
    EXPECT_GT(inside, 10u);
    EXPECT_GT(outside, 10u);
}

TEST(ElevationProfile, NodataPoisonsOnlyTheSamplesItContributesTo) {
    geo::Raster dem = linearGrid();
    dem.values[1 * 4 + 1] = std::numeric_limits<float>::quiet_NaN();  // pixel (1, 1), centre 10.75/20.75
    EXPECT_TRUE(std::isnan(geo::sampleBilinear(dem, 10.75, 20.75)));
    EXPECT_TRUE(std::isnan(geo::sampleBilinear(dem, 10.9, 20.9)));   // between it and its neighbours
    EXPECT_EQ(geo::sampleBilinear(dem, 11.25, 20.75), 120.0);  // the next centre: weight 0 for it
    EXPECT_EQ(geo::sampleBilinear(dem, 10.0, 21.5), 0.0);            // the corner: the edge pixel
    EXPECT_TRUE(std::isnan(geo::sampleBilinear(dem, 9.99, 21.0)));
    EXPECT_TRUE(std::isnan(geo::sampleBilinear(dem, 11.0, 19.99)));
}

TEST(ElevationProfile, RefusesTooFewSamplesAndProjectedDems) {
    geo::Raster dem = linearGrid();
    EXPECT_EQ(errorOf(dem, 1), "elevation profile: need 2 to 100000 samples, got 1");
    EXPECT_EQ(errorOf(dem, 100001), "elevation profile: need 2 to 100000 samples, got 100001");
    EXPECT_NO_THROW(geo::elevationProfile(dem, geo::LonLat(10.25, 21.25), geo::LonLat(11.75, 20.25), 2));
    OGRSpatialReferenceH utm = OSRNewSpatialReference(nullptr);
    ASSERT_EQ(OSRImportFromEPSG(utm, 32642), OGRERR_NONE);
    char* wkt = nullptr;
    OSRExportToWkt(utm, &wkt);
    dem.crs_wkt = wkt;
    CPLFree(wkt);
    OSRRelease(utm);
    EXPECT_EQ(errorOf(dem, 5), "elevation profile: the DEM is not in longitude/latitude");
}

TEST(ElevationProfile, KabulToThePanjshirOnAUsersDem) {
    const std::string path = test_support::sharedDemPath();
    if (path.empty()) GTEST_SKIP() << test_support::kNoSharedDem;
    const geo::Raster dem = geo::loadRaster(path);
    const geo::ElevationProfile p = geo::elevationProfile(dem, geo::LonLat(69.1723, 34.5281), geo::LonLat(69.52, 35.31), 200);
    // Kabul stands at about 1,800 m; the line climbs over the Hindu Kush foothills.
    EXPECT_NEAR(p.elevations.front(), 1800.0, 150.0);
    for (double e : p.elevations) {
        ASSERT_FALSE(std::isnan(e));
        EXPECT_GE(e, dem.min_value);
        EXPECT_LE(e, dem.max_value);
    }
    EXPECT_GT(*std::max_element(p.elevations.begin(), p.elevations.end()), 2000.0);
}

}  // namespace
