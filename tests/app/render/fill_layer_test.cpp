// Polygon fills (app/render/fill_layer): the bound on repairing polygons whose rings cross
// themselves, proven by counts rather than by a run that takes minutes.
#include "app/render/fill_layer.hpp"

#include <gtest/gtest.h>

#include <random>
#include <vector>

namespace {

using Ring = std::vector<geo::XY>;

Ring closed(Ring ring) {
    ring.push_back(ring.front());
    return ring;
}

// `n` random points in a one-degree square near Kabul: a ring that crosses itself about n²/10 times.
std::vector<geo::LonLat> randomRing(int n) {
    std::mt19937 random(7);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::vector<geo::LonLat> ring;
    for (int i = 0; i < n; ++i) ring.emplace_back(69.0 + unit(random), 34.0 + unit(random));
    ring.push_back(ring.front());
    return ring;
}

geo::VectorLayer polygonLayer(std::vector<geo::LonLat> ring) {
    geo::VectorLayer layer;
    layer.kind = geo::GeometryKind::Polygons;
    geo::VectorFeature feature;
    feature.parts.push_back(std::move(ring));
    feature.ring_is_hole.push_back(false);
    layer.features.push_back(std::move(feature));
    return layer;
}

TEST(FillCrossings, AreCountedForSimpleBowTieAndHoleTouchingItsShell) {
    const Ring square = closed({{0, 0}, {4, 0}, {4, 4}, {0, 4}});
    EXPECT_EQ(app::render::countCrossings({square}, 64, 1000).crossings, 0u);
    const Ring bow_tie = closed({{0, 0}, {4, 4}, {4, 0}, {0, 4}});
    EXPECT_EQ(app::render::countCrossings({bow_tie}, 64, 1000).crossings, 1u);
    const Ring hole_on_edge = closed({{1, 0}, {2, 1}, {3, 1}});
    const app::render::CrossingCount touching = app::render::countCrossings({square, hole_on_edge}, 64, 1000);
    EXPECT_GE(touching.crossings, 1u);
    EXPECT_FALSE(touching.gave_up);
}

TEST(FillCrossings, ATangledRingStopsAtTheLimitAfterFewTests) {
    Ring ring;
    for (const geo::LonLat& p : randomRing(1000)) ring.push_back({p.lon, p.lat});
    const app::render::CrossingCount count = app::render::countCrossings({ring}, 64, 20'000'000);
    EXPECT_TRUE(count.gave_up);
    EXPECT_EQ(count.crossings, 65u);
    // A few hundred segment pairs, not the million all pairs would be.
    EXPECT_LT(count.pairs_tested, 10'000u);
    // The pair budget bounds the count even where crossings are rare.
    EXPECT_TRUE(app::render::countCrossings({ring}, 1'000'000, 500).gave_up);
}

TEST(FillLayer, ATangledPolygonIsLeftUnfilledAndCountedAndABowTieIsRepaired) {
    int skipped = -1, over_budget = -1;
    std::vector<std::size_t> ends;
    const auto tangled = app::render::triangulatePolygons(polygonLayer(randomRing(1000)), &skipped, &ends, &over_budget);
    EXPECT_TRUE(tangled.empty());
    EXPECT_EQ(over_budget, 1);
    EXPECT_EQ(skipped, 0);

    const auto bow_tie = app::render::triangulatePolygons(
        polygonLayer({{69, 34}, {70, 35}, {70, 34}, {69, 35}, {69, 34}}), &skipped, &ends, &over_budget);
    EXPECT_EQ(over_budget, 0);
    EXPECT_EQ(skipped, 0);
    EXPECT_EQ(bow_tie.size(), 6u);  // two triangles, one on each side of the crossing
}

}  // namespace
