#include "geo/geodesy.hpp"

#include <gtest/gtest.h>

#include <cmath>

#include "geo/error.hpp"

namespace {

constexpr double kPi = 3.14159265358979323846;
constexpr double kA = 6378137.0;
constexpr double kF = 1.0 / 298.257223563;

// Vincenty's (1975) inverse formula, written here as an independent check on PROJ's (Karney's)
// algorithm; it agrees with it to well under a millimetre away from nearly antipodal points.
double vincentyDistance(double lat1_deg, double lon1_deg, double lat2_deg, double lon2_deg) {
    const double b = kA * (1.0 - kF);
    const double L = (lon2_deg - lon1_deg) * kPi / 180.0;
    const double U1 = std::atan((1.0 - kF) * std::tan(lat1_deg * kPi / 180.0));
    const double U2 = std::atan((1.0 - kF) * std::tan(lat2_deg * kPi / 180.0));
    const double sinU1 = std::sin(U1), cosU1 = std::cos(U1);
    const double sinU2 = std::sin(U2), cosU2 = std::cos(U2);
    double lambda = L;
    double sinSigma = 0, cosSigma = 0, sigma = 0, cos2Alpha = 0, cos2SigmaM = 0;
    for (int i = 0; i < 200; ++i) {
        const double sinLambda = std::sin(lambda), cosLambda = std::cos(lambda);
        sinSigma = std::hypot(cosU2 * sinLambda, cosU1 * sinU2 - sinU1 * cosU2 * cosLambda);
        cosSigma = sinU1 * sinU2 + cosU1 * cosU2 * cosLambda;
        sigma = std::atan2(sinSigma, cosSigma);
        const double sinAlpha = cosU1 * cosU2 * sinLambda / sinSigma;
        cos2Alpha = 1.0 - sinAlpha * sinAlpha;
        cos2SigmaM = cos2Alpha != 0.0 ? cosSigma - 2.0 * sinU1 * sinU2 / cos2Alpha : 0.0;
        const double C = kF / 16.0 * cos2Alpha * (4.0 + kF * (4.0 - 3.0 * cos2Alpha));
        const double previous = lambda;
        lambda = L + (1.0 - C) * kF * sinAlpha *
                         (sigma + C * sinSigma * (cos2SigmaM + C * cosSigma * (-1.0 + 2.0 * cos2SigmaM * cos2SigmaM)));
        if (std::fabs(lambda - previous) < 1e-13) break;
    }
    const double uSq = cos2Alpha * (kA * kA - b * b) / (b * b);
    const double A = 1.0 + uSq / 16384.0 * (4096.0 + uSq * (-768.0 + uSq * (320.0 - 175.0 * uSq)));
    const double B = uSq / 1024.0 * (256.0 + uSq * (-128.0 + uSq * (74.0 - 47.0 * uSq)));
    const double deltaSigma =
        B * sinSigma *
        (cos2SigmaM + B / 4.0 *
                          (cosSigma * (-1.0 + 2.0 * cos2SigmaM * cos2SigmaM) -
                           B / 6.0 * cos2SigmaM * (-3.0 + 4.0 * sinSigma * sinSigma) * (-3.0 + 4.0 * cos2SigmaM * cos2SigmaM)));
    return b * A * (sigma - deltaSigma);
}

TEST(Geodesy, OneDegreeAlongTheEquatorIsAnArcOfTheSemiMajorAxis) {
    // Along the equator the geodesic is the equator itself: a·Δλ.
    const double expected = kA * kPi / 180.0;  // 111319.4907932736 m
    EXPECT_NEAR(geo::geodesicDistanceMeters(geo::LonLat(0.0, 0.0), geo::LonLat(1.0, 0.0)), expected, 1e-6);
    EXPECT_NEAR(geo::geodesicDistanceMeters(geo::LonLat(69.0, 0.0), geo::LonLat(70.0, 0.0)), expected, 1e-6);
    EXPECT_NEAR(expected, 111319.49, 0.005);
    const geo::GeodesicInverse east = geo::geodesicInverse(geo::LonLat(0.0, 0.0), geo::LonLat(1.0, 0.0));
    EXPECT_NEAR(east.azimuth1_deg, 90.0, 1e-9);
    EXPECT_NEAR(east.azimuth2_deg, 90.0, 1e-9);
}

TEST(Geodesy, QuarterMeridianMatchesTheWgs84Value) {
    // WGS 84 meridian quadrant, equator to pole: 10 001 965.729 m.
    const geo::GeodesicInverse north = geo::geodesicInverse(geo::LonLat(69.0, 0.0), geo::LonLat(69.0, 90.0));
    EXPECT_NEAR(north.distance_m, 10001965.729, 0.001);
    EXPECT_NEAR(north.azimuth1_deg, 0.0, 1e-9);
}

TEST(Geodesy, JfkToSingaporeAgreesWithVincenty) {
    // The example in PROJ's geodesic.h: JFK (40.64N, 73.78W) to Singapore Changi (1.36N, 103.99E).
    const geo::LonLat jfk(-73.78, 40.64);
    const geo::LonLat sin(103.99, 1.36);
    const double distance = geo::geodesicDistanceMeters(jfk, sin);
    EXPECT_NEAR(distance, vincentyDistance(40.64, -73.78, 1.36, 103.99), 0.001);
    // A great-circle route over the Arctic: it leaves JFK heading roughly north.
    const geo::GeodesicInverse route = geo::geodesicInverse(jfk, sin);
    EXPECT_GT(route.azimuth1_deg, -10.0);
    EXPECT_LT(route.azimuth1_deg, 10.0);
}

TEST(Geodesy, KabulToBazarakAgreesWithVincenty) {
    const geo::LonLat kabul(69.17233, 34.52813);
    const geo::LonLat bazarak(69.515, 35.313);
    EXPECT_NEAR(geo::geodesicDistanceMeters(kabul, bazarak), vincentyDistance(34.52813, 69.17233, 35.313, 69.515),
                0.001);
}

TEST(Geodesy, InverseIsSymmetric) {
    const geo::LonLat a(69.17233, 34.52813);
    const geo::LonLat b(-3.7, 40.4);
    const geo::GeodesicInverse ab = geo::geodesicInverse(a, b);
    const geo::GeodesicInverse ba = geo::geodesicInverse(b, a);
    EXPECT_NEAR(ab.distance_m, ba.distance_m, 1e-6);
    EXPECT_DOUBLE_EQ(ab.distance_m, geo::geodesicDistanceMeters(a, b));
    // Walking back, you start opposite to the direction you arrived in.
    EXPECT_NEAR(std::fabs(std::remainder(ba.azimuth1_deg - (ab.azimuth2_deg + 180.0), 360.0)), 0.0, 1e-9);
    EXPECT_NEAR(geo::geodesicDistanceMeters(a, a), 0.0, 1e-9);
}

TEST(Geodesy, DirectThenInverseRoundTrips) {
    for (double lat = -80.0; lat <= 80.0; lat += 20.0) {
        for (double azimuth = -170.0; azimuth <= 180.0; azimuth += 35.0) {
            for (double distance : {1.0, 1000.0, 250e3, 5e6, 15e6}) {
                const geo::LonLat start(69.0, lat);
                const geo::LonLat end = geo::geodesicDirect(start, azimuth, distance);
                const geo::GeodesicInverse back = geo::geodesicInverse(start, end);
                EXPECT_NEAR(back.distance_m, distance, 1e-6) << lat << " " << azimuth << " " << distance;
                EXPECT_NEAR(std::remainder(back.azimuth1_deg - azimuth, 360.0), 0.0, 1e-7)
                    << lat << " " << azimuth << " " << distance;
            }
        }
    }
}

TEST(Geodesy, DirectWrapsLongitudeIntoRange) {
    const geo::LonLat end = geo::geodesicDirect(geo::LonLat(179.9, 0.0), 90.0, 50e3);
    EXPECT_GE(end.lon, -180.0);
    EXPECT_LT(end.lon, -179.0);
    EXPECT_NEAR(end.lat, 0.0, 1e-9);
}

TEST(Geodesy, DirectRejectsNonFiniteArguments) {
    try {
        geo::geodesicDirect(geo::LonLat(0.0, 0.0), NAN, 1000.0);
        FAIL() << "expected geo::Error";
    } catch (const geo::Error& e) {
        EXPECT_EQ(e.kind(), geo::ErrorKind::InvalidInput);
    }
    EXPECT_THROW(geo::geodesicDirect(geo::LonLat(0.0, 0.0), 0.0, INFINITY), geo::Error);
}

}  // namespace
