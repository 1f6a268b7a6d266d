#include "geo/projection.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <thread>

#include "geo/error.hpp"
#include "geo/viewport.hpp"

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kEarthRadius = 6378137.0;  // the sphere EPSG:3857 uses

// Spherical Mercator written out, independent of PROJ.
geo::XY closedFormMercator(double lon_deg, double lat_deg) {
    const double lon = lon_deg * kPi / 180.0;
    const double lat = lat_deg * kPi / 180.0;
    return {kEarthRadius * lon, kEarthRadius * std::log(std::tan(kPi / 4.0 + lat / 2.0))};
}

TEST(Projection, WebMercatorRoundTripsOverALonLatGrid) {
    const geo::Projection mercator = geo::Projection::webMercator();
    for (double lon = -180.0; lon <= 180.0; lon += 15.0) {
        for (double lat = -85.0; lat <= 85.0; lat += 5.0) {
            const geo::LonLat back = mercator.inverse(mercator.forward(geo::LonLat(lon, lat)));
            // ±180 are the same meridian; PROJ may hand back either.
            const double lon_error = std::fabs(std::remainder(back.lon - lon, 360.0));
            EXPECT_LT(lon_error, 1e-9) << lon << ", " << lat;
            EXPECT_NEAR(back.lat, lat, 1e-9) << lon << ", " << lat;
        }
    }
}

TEST(Projection, AcceptsLonLatOrderAndMatchesTheClosedForm) {
    const geo::Projection mercator = geo::Projection::webMercator();
    EXPECT_EQ(mercator.target(), "EPSG:3857");

    const geo::XY east_edge = mercator.forward(geo::LonLat(180.0, 0.0));
    EXPECT_NEAR(east_edge.x, 20037508.342789244, 1e-6);
    EXPECT_NEAR(east_edge.x, kPi * kEarthRadius, 1e-6);
    EXPECT_NEAR(east_edge.y, 0.0, 1e-6);

    // Kabul: if the axes were swapped, x would be the latitude's value.
    const geo::XY kabul = mercator.forward(geo::LonLat(69.17233, 34.52813));
    const geo::XY expected = closedFormMercator(69.17233, 34.52813);
    EXPECT_NEAR(kabul.x, expected.x, 1e-6);
    EXPECT_NEAR(kabul.y, expected.y, 1e-6);
    EXPECT_GT(kabul.x, kabul.y);
}

TEST(Projection, OtherTargetsWorkIncludingBareProjStrings) {
    const geo::Projection laea = geo::Projection::fromWgs84To("+proj=laea +lat_0=34 +lon_0=69 +datum=WGS84");
    const geo::XY centre = laea.forward(geo::LonLat(69.0, 34.0));
    EXPECT_NEAR(centre.x, 0.0, 1e-6);
    EXPECT_NEAR(centre.y, 0.0, 1e-6);
    const geo::XY east = laea.forward(geo::LonLat(70.0, 34.0));
    EXPECT_GT(east.x, 90000.0);  // one degree of longitude at 34°N is about 92 km
    EXPECT_LT(east.x, 95000.0);
    // PROJ's ellipsoidal LAEA inverse uses a series for the authalic latitude: about 1 mm.
    const geo::LonLat back = laea.inverse(east);
    EXPECT_NEAR(back.lon, 70.0, 1e-7);
    EXPECT_NEAR(back.lat, 34.0, 1e-7);

    // UTM zone 42N (EPSG:32642): its central meridian 69°E maps to the false easting.
    const geo::Projection utm = geo::Projection::fromWgs84To("EPSG:32642");
    EXPECT_NEAR(utm.forward(geo::LonLat(69.0, 34.0)).x, 500000.0, 1e-6);
}

TEST(Projection, InvalidCrsIsAProjectionErrorWithProjsMessage) {
    try {
        geo::Projection::fromWgs84To("EPSG:999999");
        FAIL() << "expected geo::Error";
    } catch (const geo::Error& e) {
        EXPECT_EQ(e.kind(), geo::ErrorKind::Projection);
        const std::string message = e.what();
        EXPECT_EQ(message.rfind("projection: cannot create a transformation from EPSG:4326 to \"EPSG:999999\" (PROJ: ", 0), 0u)
            << message;
        EXPECT_NE(message.find("crs not found"), std::string::npos) << message;
    }
}

std::string creationError(const std::string& target) {
    try {
        geo::Projection::fromWgs84To(target);
    } catch (const geo::Error& e) {
        EXPECT_EQ(e.kind(), geo::ErrorKind::Projection);
        return e.what();
    }
    return "no error";
}

TEST(Projection, OtherBadTargetsAreRefused) {
    EXPECT_EQ(creationError(""), "projection: empty target CRS");
    EXPECT_EQ(creationError("+proj=nonexistent"),
              "projection: cannot create a transformation from EPSG:4326 to \"+proj=nonexistent\" "
              "(PROJ: proj_create: Error 1027 (Invalid value for an argument): Unknown projection)");
    // PROJ alone would take "foo" as a partial name and pick a Dutch CRS.
    EXPECT_EQ(creationError("foo"), "projection: \"foo\" is not a CRS definition (PROJ would read it as \"Amersfoort\")");
    // An exact CRS name is fine.
    EXPECT_NEAR(geo::Projection::fromWgs84To("WGS 84 / Pseudo-Mercator").forward(geo::LonLat(180.0, 0.0)).x,
                geo::kWebMercatorHalfWorld, 1e-6);
    // An ellipsoid is not a CRS.
    EXPECT_EQ(creationError("urn:ogc:def:ellipsoid:EPSG::7030"),
              "projection: cannot create a transformation from EPSG:4326 to \"urn:ogc:def:ellipsoid:EPSG::7030\" "
              "(PROJ: not a coordinate reference system)");
}

TEST(Projection, PoleCannotBeProjectedToWebMercator) {
    const geo::Projection mercator = geo::Projection::webMercator();
    try {
        mercator.forward(geo::LonLat(0.0, 90.0));
        FAIL() << "expected geo::Error";
    } catch (const geo::Error& e) {
        EXPECT_EQ(e.kind(), geo::ErrorKind::Projection);
        const std::string message = e.what();
        EXPECT_EQ(message.rfind("cannot project lon 0, lat 90 to EPSG:3857 (PROJ: ", 0), 0u) << message;
    }
    EXPECT_THROW(mercator.forward(geo::LonLat(120.0, -90.0)), geo::Error);
    // Close to the pole is still inside the domain, just far north.
    EXPECT_GT(mercator.forward(geo::LonLat(0.0, 89.9)).y, 3.0 * geo::kWebMercatorHalfWorld / 2.0);
    // World Mercator on the ellipsoid (EPSG:3395) has the same singularity.
    EXPECT_THROW(geo::Projection::fromWgs84To("EPSG:3395").forward(geo::LonLat(0.0, 90.0)), geo::Error);
    // The projection stays usable after an error.
    EXPECT_NEAR(mercator.forward(geo::LonLat(180.0, 0.0)).x, geo::kWebMercatorHalfWorld, 1e-6);
    EXPECT_THROW(mercator.inverse(geo::XY{NAN, 0.0}), geo::Error);
}

TEST(Projection, MovedProjectionKeepsWorking) {
    geo::Projection first = geo::Projection::webMercator();
    geo::Projection second = std::move(first);
    EXPECT_NEAR(second.forward(geo::LonLat(180.0, 0.0)).x, geo::kWebMercatorHalfWorld, 1e-6);
}

TEST(Projection, SeparateProjectionsCanRunOnSeparateThreads) {
    auto work = [](double* worst_error) {
        const geo::Projection mercator = geo::Projection::webMercator();
        for (int i = 0; i < 2000; ++i) {
            const double lon = -179.0 + (i % 359);
            const double lat = -80.0 + (i % 161);
            const geo::XY got = mercator.forward(geo::LonLat(lon, lat));
            const geo::XY want = closedFormMercator(lon, lat);
            *worst_error = std::fmax(*worst_error, std::fmax(std::fabs(got.x - want.x), std::fabs(got.y - want.y)));
        }
    };
    double error_a = 0.0;
    double error_b = 0.0;
    std::thread a(work, &error_a);
    std::thread b(work, &error_b);
    a.join();
    b.join();
    EXPECT_LT(error_a, 1e-6);
    EXPECT_LT(error_b, 1e-6);
}

}  // namespace
