// The map's projections: names, UTM zones, agreement with a plain PROJ transformation built
// independently from the same CRS, the globe's far side refused, the cap's edge found by
// bisection, and the world borders cut out of the regional extent.
#include <gtest/gtest.h>

#include <cmath>
#include <vector>

#include "geo/basemap.hpp"
#include "geo/error.hpp"
#include "geo/map_projection.hpp"
#include "geo/projection.hpp"
#include "geo/viewport.hpp"

namespace {

using geo::MapProjection;
using geo::MapProjectionKind;

TEST(MapProjection, NamesRoundTripAndUnknownNamesAreRefused) {
    for (MapProjectionKind kind : {MapProjectionKind::WebMercator, MapProjectionKind::Utm, MapProjectionKind::Laea,
                                   MapProjectionKind::Globe}) {
        EXPECT_EQ(geo::parseProjectionName(geo::projectionName(kind)), kind);
    }
    EXPECT_FALSE(geo::parseProjectionName("mercator").has_value());
    EXPECT_FALSE(geo::parseProjectionName("").has_value());
}

TEST(MapProjection, UtmZonesFollowTheSixDegreeGrid) {
    EXPECT_EQ(geo::utmZone(-180.0), 1);
    EXPECT_EQ(geo::utmZone(-177.0), 1);
    EXPECT_EQ(geo::utmZone(69.17), 42);  // Kabul: 66–72°E
    EXPECT_EQ(geo::utmZone(179.9), 60);
    EXPECT_EQ(geo::utmZone(180.0), 1);   // the same meridian as -180
}

TEST(MapProjection, EachKindAgreesWithPlainProj) {
    const geo::LonLat kabul(69.17233, 34.52813);
    const geo::LonLat bazarak(69.515, 35.313);
    for (MapProjectionKind kind : {MapProjectionKind::WebMercator, MapProjectionKind::Utm, MapProjectionKind::Laea,
                                   MapProjectionKind::Globe}) {
        const MapProjection projection = MapProjection::make(kind, kabul);
        const geo::Projection reference = geo::Projection::fromWgs84To(projection.crs());
        const auto got = projection.forward(bazarak.lon, bazarak.lat);
        ASSERT_TRUE(got.has_value()) << projection.crs();
        const geo::XY expected = reference.forward(bazarak);
        EXPECT_NEAR(got->x, expected.x, 1e-3) << projection.crs();
        EXPECT_NEAR(got->y, expected.y, 1e-3) << projection.crs();
        const auto back = projection.inverse(*got);
        ASSERT_TRUE(back.has_value());
        EXPECT_NEAR(back->lon, bazarak.lon, 1e-7);
        EXPECT_NEAR(back->lat, bazarak.lat, 1e-7);
    }
    EXPECT_EQ(MapProjection::make(MapProjectionKind::Utm, kabul).title(), "UTM zone 42N");
    EXPECT_EQ(MapProjection::make(MapProjectionKind::Utm, geo::LonLat(-70, -33)).title(), "UTM zone 19S");
}

TEST(MapProjection, CentredProjectionsPutTheCentreAtTheOrigin) {
    const geo::LonLat centre(69.2, 34.5);
    for (MapProjectionKind kind : {MapProjectionKind::Laea, MapProjectionKind::Globe}) {
        const auto xy = MapProjection::make(kind, centre).forward(centre.lon, centre.lat);
        ASSERT_TRUE(xy.has_value());
        EXPECT_NEAR(xy->x, 0.0, 1e-6);
        EXPECT_NEAR(xy->y, 0.0, 1e-6);
    }
}

TEST(MapProjection, TheGlobeHidesItsFarSideAndUnwrappedLongitudesMeanTheSameMeridian) {
    const MapProjection globe = MapProjection::make(MapProjectionKind::Globe, geo::LonLat(69.0, 34.0));
    EXPECT_FALSE(globe.forward(69.0 - 180.0, -34.0).has_value());  // the antipode
    EXPECT_FALSE(globe.shows(-100.0, 40.0));                        // North America from Asia
    EXPECT_TRUE(globe.shows(30.0, 50.0));
    const auto a = globe.forward(30.0, 50.0);
    const auto b = globe.forward(30.0 + 360.0, 50.0);
    ASSERT_TRUE(a && b);
    EXPECT_NEAR(a->x, b->x, 1e-6);
    EXPECT_NEAR(a->y, b->y, 1e-6);
    // Nothing of the world lies outside the disc of the sphere's radius.
    EXPECT_FALSE(globe.inverse(geo::XY{7.0e6, 0.0}).has_value());
    const auto many = globe.forwardMany({geo::LonLat(30, 50), geo::LonLat(-111, -34), geo::LonLat(69, 34)});
    ASSERT_EQ(many.size(), 3u);
    EXPECT_TRUE(many[0].has_value());
    EXPECT_FALSE(many[1].has_value());
    EXPECT_TRUE(many[2].has_value());
}

// The batch path (used to turn the globe) must place every point exactly where forward() does,
// refusing the same ones: hidden, beyond the poles, not finite; unwrapped longitudes included.
TEST(MapProjection, ForwardInPlaceAgreesWithForwardPointByPoint) {
    for (MapProjectionKind kind : {MapProjectionKind::WebMercator, MapProjectionKind::Utm, MapProjectionKind::Laea,
                                   MapProjectionKind::Globe}) {
        const MapProjection projection = MapProjection::make(kind, geo::LonLat(69.0, 34.0));
        std::vector<geo::XY> points;
        for (double lat = -95.0; lat <= 95.0; lat += 7.5) {
            for (double lon = -250.0; lon <= 430.0; lon += 11.0) points.push_back(geo::XY{lon, lat});
        }
        points.push_back(geo::XY{NAN, 10.0});
        points.push_back(geo::XY{10.0, INFINITY});
        const std::vector<geo::XY> lonlat = points;
        std::vector<unsigned char> ok;
        projection.forwardInPlace(points, ok);
        ASSERT_EQ(ok.size(), lonlat.size());
        int shown = 0;
        for (std::size_t i = 0; i < lonlat.size(); ++i) {
            const auto one = projection.forward(lonlat[i].x, lonlat[i].y);
            ASSERT_EQ(one.has_value(), ok[i] != 0) << projectionName(kind) << " " << lonlat[i].x << " " << lonlat[i].y;
            if (!one) continue;
            ++shown;
            EXPECT_EQ(one->x, points[i].x);
            EXPECT_EQ(one->y, points[i].y);
        }
        EXPECT_GT(shown, 100) << projectionName(kind);
    }
}

// shows() is a dot product with the centre's unit vector: the same answer as the great-circle
// distance wherever the point is not within rounding of the rim, and showsUnit() agrees exactly.
TEST(MapProjection, TheCapTestMatchesTheGreatCircleDistance) {
    for (MapProjectionKind kind : {MapProjectionKind::Utm, MapProjectionKind::Laea, MapProjectionKind::Globe}) {
        const MapProjection projection = MapProjection::make(kind, geo::LonLat(-47.0, 61.0));
        const geo::LonLat centre = projection.centre();
        for (double lat = -90.0; lat <= 90.0; lat += 1.25) {
            for (double lon = -180.0; lon <= 180.0; lon += 1.25) {
                const double angle = geo::angularDistanceDegrees(centre.lon, centre.lat, lon, lat);
                double unit[3];
                MapProjection::unitVector(lon, lat, unit);
                EXPECT_EQ(projection.shows(lon, lat), projection.showsUnit(unit));
                if (std::abs(angle - projection.visibleRadiusDegrees()) < 1e-6) continue;
                EXPECT_EQ(projection.shows(lon, lat), angle <= projection.visibleRadiusDegrees())
                    << projectionName(kind) << " " << lon << " " << lat;
            }
        }
    }
}

TEST(MapProjection, EdgeCrossingLiesOnTheCapEdge) {
    const MapProjection globe = MapProjection::make(MapProjectionKind::Globe, geo::LonLat(0.0, 0.0));
    // Along the equator from 0° (shown) to 120°E (hidden): the rim is at 89.9°.
    const geo::LonLat edge = globe.edgeCrossing(0.0, 0.0, 120.0, 0.0);
    EXPECT_NEAR(edge.lon, globe.visibleRadiusDegrees(), 1e-6);
    EXPECT_NEAR(edge.lat, 0.0, 1e-9);
    EXPECT_TRUE(globe.shows(edge.lon, edge.lat));
}

TEST(MapProjection, WebMercatorClampsThePolesInsteadOfFailing) {
    const MapProjection mercator;
    const auto pole = mercator.forward(10.0, 90.0);
    const auto edge = mercator.forward(10.0, 85.05113);
    ASSERT_TRUE(pole && edge);
    EXPECT_DOUBLE_EQ(pole->y, edge->y);
    EXPECT_NEAR(edge->y, geo::kWebMercatorHalfWorld, 5.0);  // 85.05113° is the square world to ~1e-6°
}

TEST(Basemap, WorldBordersAreCutExactlyAtTheRegionalExtent) {
    // A line from 50°E to 70°E along 30°N, and a square ring straddling the box's west edge 55°E.
    geo::VectorLayer layer;
    layer.kind = geo::GeometryKind::Polygons;
    geo::VectorFeature ring;
    ring.parts.push_back({geo::LonLat(50, 30), geo::LonLat(60, 30), geo::LonLat(60, 34), geo::LonLat(50, 34)});
    ring.ring_is_hole = {false};
    layer.features = {ring};
    const geo::VectorLayer cut = geo::outlinesOutside(layer, 55.0, 25.0, 80.0, 42.0);
    EXPECT_EQ(cut.kind, geo::GeometryKind::Lines);
    ASSERT_EQ(cut.features.size(), 1u);
    // Left outside the box: 5° of the south side, the 4° west side and 5° of the north side.
    double length = 0.0;
    for (const auto& part : cut.features[0].parts) {
        for (std::size_t i = 0; i + 1 < part.size(); ++i) {
            EXPECT_LE(std::min(part[i].lon, part[i + 1].lon), 55.0 + 1e-9);
            length += std::hypot(part[i + 1].lon - part[i].lon, part[i + 1].lat - part[i].lat);
        }
    }
    EXPECT_NEAR(length, 5.0 + 4.0 + 5.0, 1e-9);
    // A layer entirely inside the box leaves nothing.
    geo::VectorLayer inside;
    inside.kind = geo::GeometryKind::Lines;
    geo::VectorFeature line;
    line.parts.push_back({geo::LonLat(60, 30), geo::LonLat(70, 35)});
    inside.features = {line};
    EXPECT_TRUE(geo::outlinesOutside(inside, 55.0, 25.0, 80.0, 42.0).features.empty());
}

}  // namespace
