// Tests of geo/extraction/resolver on small hand-built gazetteers: priors, context, qualifiers,
// weak names, one sense per name.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "geo/extraction/resolver.hpp"
#include "small_gazetteer.hpp"

namespace {

using namespace geo::extract;
using geo::PlaceKind;
using test_support::smallGazetteer;

// A recognised mention of `name` with every entry the gazetteer has for it.
RecognisedMention mention(const geo::Gazetteer& g, const std::string& name, bool weak = false) {
    RecognisedMention m;
    m.key = geo::Gazetteer::normalise(name);
    m.entries = g.lookup(name);
    m.weak = weak;
    m.demonym = !m.entries.empty() && m.entries.front().kind == geo::NameKind::Demonym;
    return m;
}

// The id of the place the name of mention i resolved to ("" when it was dropped).
std::string chosen(const geo::Gazetteer& g, const Resolution& r, std::size_t i) {
    const NameSenses& n = r.names.at(r.name_of_mention.at(i));
    return n.best < 0 ? "" : g.place(n.candidates[static_cast<std::size_t>(n.best)]).id;
}

geo::Gazetteer springfields() {
    return smallGazetteer({
        {"geonames:il", "Springfield", PlaceKind::City, "US", "IL", "PPLA", 114000, 39.80, -89.64},
        {"geonames:ma", "Springfield", PlaceKind::City, "US", "MA", "PPL", 155000, 42.10, -72.59},
        {"admin1:US.IL", "Illinois", PlaceKind::Admin1, "US", "IL", "ADM1", 12800000, 40.0, -89.0},
        {"geonames:peoria", "Peoria", PlaceKind::City, "US", "IL", "PPL", 113000, 40.69, -89.59},
        {"geonames:tiny", "Sandy", PlaceKind::City, "US", "UT", "PPL", 900, 40.57, -111.86},
    });
}

TEST(Resolver, WithoutContextThePriorDecides) {
    const geo::Gazetteer g = springfields();
    const Resolution r = resolve({mention(g, "Springfield")}, g);
    // The Illinois capital (an admin seat) outranks the slightly larger town in Massachusetts.
    EXPECT_EQ(chosen(g, r, 0), "geonames:il");
    EXPECT_EQ(r.names[0].candidates.size(), 2u);
}

TEST(Resolver, ANeighbourChoosesTheNamesake) {
    geo::Gazetteer g = smallGazetteer({
        {"geonames:il", "Springfield", PlaceKind::City, "US", "IL", "PPLA", 114000, 39.80, -89.64},
        {"geonames:ma", "Springfield", PlaceKind::City, "US", "MA", "PPL", 155000, 42.10, -72.59},
        {"geonames:holyoke", "Holyoke", PlaceKind::City, "US", "MA", "PPL", 40000, 42.20, -72.62},
    });
    const Resolution r = resolve({mention(g, "Holyoke"), mention(g, "Springfield")}, g);
    EXPECT_EQ(chosen(g, r, 1), "geonames:ma");
}

TEST(Resolver, AContainingStateSupportsItsTowns) {
    const geo::Gazetteer g = springfields();
    const Resolution r = resolve({mention(g, "Illinois"), mention(g, "Springfield")}, g);
    EXPECT_EQ(chosen(g, r, 0), "admin1:US.IL");
    EXPECT_EQ(chosen(g, r, 1), "geonames:il");
}

TEST(Resolver, AQualifierKeepsOnlyTheSensesInside) {
    const geo::Gazetteer g = springfields();
    RecognisedMention m = mention(g, "Springfield");
    m.qualifier_country = "US";
    m.qualifier_admin1 = "MA";
    const Resolution r = resolve({m}, g);
    EXPECT_EQ(chosen(g, r, 0), "geonames:ma");
    EXPECT_EQ(r.names[0].candidates.size(), 1u);
}

TEST(Resolver, AStateQualifiedByItsCountryStaysTheState) {
    // "California, United States" was California, Maryland (a village): the qualifier kept only towns.
    const geo::Gazetteer g = smallGazetteer({
        {"admin1:US.CA", "California", PlaceKind::Admin1, "US", "CA", "ADM1", 39000000, 37.0, -119.5},
        {"geonames:md", "California", PlaceKind::City, "US", "MD", "PPL", 11000, 38.30, -76.51},
        {"geonames:co", "California", PlaceKind::City, "CO", "68", "PPL", 2000, 7.35, -72.95},
        {"country:US", "United States", PlaceKind::Country, "US", "", "PCLI", 330000000, 39.1, -98.5},
        {"admin1:AF.13", "Kabul", PlaceKind::Admin1, "AF", "13", "ADM1", 5000000, 34.5, 69.3},
        {"geonames:kabul", "Kabul", PlaceKind::City, "AF", "13", "PPLC", 4400000, 34.53, 69.17},
    });
    RecognisedMention california = mention(g, "California");
    california.qualifier_country = "US";
    const Resolution r = resolve({california}, g);
    EXPECT_EQ(chosen(g, r, 0), "admin1:US.CA");
    EXPECT_EQ(r.names[0].candidates.size(), 2u);  // not the Colombian village
    // A state qualifier still means a town inside it, and a capital still outranks its province.
    california.qualifier_admin1 = "MD";
    EXPECT_EQ(chosen(g, resolve({california}, g), 0), "geonames:md");
    RecognisedMention kabul = mention(g, "Kabul");
    kabul.qualifier_country = "AF";
    EXPECT_EQ(chosen(g, resolve({kabul}, g), 0), "geonames:kabul");
}

TEST(Resolver, OneSensePerNamePerDocument) {
    const geo::Gazetteer g = springfields();
    const Resolution r = resolve({mention(g, "Springfield"), mention(g, "Peoria"), mention(g, "Springfield")}, g);
    ASSERT_EQ(r.names.size(), 2u);
    EXPECT_EQ(r.name_of_mention[0], r.name_of_mention[2]);
    EXPECT_EQ(chosen(g, r, 2), "geonames:il");
}

TEST(Resolver, WeakNamesNeedSupport) {
    const geo::Gazetteer g = springfields();
    EXPECT_EQ(chosen(g, resolve({mention(g, "Springfield"), mention(g, "Sandy", true)}, g), 1), "");
    // The same name, not weak, stays.
    EXPECT_EQ(chosen(g, resolve({mention(g, "Springfield"), mention(g, "Sandy")}, g), 1), "geonames:tiny");
}

TEST(Resolver, AProvinceNamedAfterItsCapitalMeansTheCity) {
    const geo::Gazetteer g = smallGazetteer({
        {"admin1:AF.13", "Kabul", PlaceKind::Admin1, "AF", "13", "ADM1", 5000000, 34.5, 69.3},
        {"geonames:kabul", "Kabul", PlaceKind::City, "AF", "13", "PPLC", 4400000, 34.53, 69.17},
    });
    EXPECT_EQ(chosen(g, resolve({mention(g, "Kabul")}, g), 0), "geonames:kabul");
}

TEST(Resolver, AListOfBigCitiesReadsAsBigCities) {
    const geo::Gazetteer g = smallGazetteer({
        {"geonames:indy", "Indianapolis", PlaceKind::City, "US", "IN", "PPLA", 880000, 39.77, -86.16},
        {"geonames:oh", "Columbus", PlaceKind::City, "US", "OH", "PPLA", 900000, 39.96, -83.0},
        {"geonames:in", "Columbus", PlaceKind::City, "US", "IN", "PPLA2", 44000, 39.62, -86.0},
    });
    // Apart, a small Columbus next door to Indianapolis wins by nearness ...
    EXPECT_EQ(chosen(g, resolve({mention(g, "Indianapolis"), mention(g, "Columbus")}, g), 1), "geonames:in");
    // ... listed together ("Indianapolis and Columbus"), the big one does.
    RecognisedMention a = mention(g, "Indianapolis"), b = mention(g, "Columbus");
    a.list = b.list = 1;
    EXPECT_EQ(chosen(g, resolve({a, b}, g), 1), "geonames:oh");
}

// Tennessee towns far enough apart (330-540 km) that none is a neighbour of another by distance,
// Paris, Tennessee among them, and the Paris everyone knows.
geo::Gazetteer tennesseeAndFrance() {
    return smallGazetteer({
        {"geonames:paris-fr", "Paris", PlaceKind::City, "FR", "11", "PPLC", 2100000, 48.85, 2.35},
        {"geonames:paris-tn", "Paris", PlaceKind::City, "US", "TN", "PPLA2", 10000, 36.30, -88.33},
        {"geonames:knoxville", "Knoxville", PlaceKind::City, "US", "TN", "PPLA2", 190000, 35.96, -83.92},
        {"geonames:chattanooga", "Chattanooga", PlaceKind::City, "US", "TN", "PPLA2", 180000, 35.05, -85.31},
        {"geonames:johnson-city", "Johnson City", PlaceKind::City, "US", "TN", "PPL", 66000, 36.31, -82.35},
        {"geonames:lyon", "Lyon", PlaceKind::City, "FR", "84", "PPLA", 520000, 45.75, 4.85},
        {"country:FR", "France", PlaceKind::Country, "FR", "", "PCLI", 67000000, 46.6, 2.4},
    });
}

TEST(Resolver, TheHomeRegionOfTheStoryChoosesAmongNamesakes) {
    const geo::Gazetteer g = tennesseeAndFrance();
    // Alone, Paris is the capital of France.
    EXPECT_EQ(chosen(g, resolve({mention(g, "Paris")}, g), 0), "geonames:paris-fr");
    // In a story whose other places all lie in Tennessee, it is the Tennessee town, although none
    // of them is near it.
    const Resolution r =
        resolve({mention(g, "Knoxville"), mention(g, "Paris"), mention(g, "Chattanooga"), mention(g, "Johnson City")}, g);
    EXPECT_EQ(chosen(g, r, 1), "geonames:paris-tn");
    EXPECT_EQ(chosen(g, r, 0), "geonames:knoxville");
    // With one Tennessee town the story's home is still uncertain: Paris stays in France.
    EXPECT_EQ(chosen(g, resolve({mention(g, "Knoxville"), mention(g, "Paris")}, g), 1), "geonames:paris-fr");
}

TEST(Resolver, AStoryThatAlsoNamesFranceKeepsParisInFrance) {
    const geo::Gazetteer g = tennesseeAndFrance();
    const Resolution r = resolve({mention(g, "Knoxville"), mention(g, "Chattanooga"), mention(g, "Johnson City"),
                                  mention(g, "France"), mention(g, "Lyon"), mention(g, "Paris")},
                                 g);
    EXPECT_EQ(chosen(g, r, 5), "geonames:paris-fr");
}

TEST(Resolver, TheHomeRegionDoesNotTurnAStateIntoATown) {
    // Missouri towns, one of them (Joplin) 85 km from Nevada, Missouri, and the state of Nevada.
    const geo::Gazetteer g = smallGazetteer({
        {"admin1:US.NV", "Nevada", PlaceKind::Admin1, "US", "NV", "ADM1", 3100000, 39.3, -116.6},
        {"geonames:nevada-mo", "Nevada", PlaceKind::City, "US", "MO", "PPLA2", 8000, 37.84, -94.35},
        {"geonames:st-louis", "St. Louis", PlaceKind::City, "US", "MO", "PPLA2", 300000, 38.63, -90.20},
        {"geonames:hannibal", "Hannibal", PlaceKind::City, "US", "MO", "PPL", 17000, 39.71, -91.36},
        {"geonames:joplin", "Joplin", PlaceKind::City, "US", "MO", "PPL", 50000, 37.08, -94.51},
    });
    // A name that is first of all a state (or a country) keeps that meaning wherever the story is:
    // "Nevada" in a story of Missouri towns is still the state unless the text says more.
    const Resolution r = resolve(
        {mention(g, "St. Louis"), mention(g, "Hannibal"), mention(g, "Joplin"), mention(g, "Nevada")}, g);
    EXPECT_EQ(chosen(g, r, 3), "admin1:US.NV");
}

// Regression: in a text about Hokkaido, "Hiroshima" was Kitahiroshima (60,000 people beside
// Sapporo, "Hiroshima" among its alternative names), not the city of 1.2 million of that name.
TEST(Resolver, ATownKnownSoOnlyByAnAlternativeNameYieldsToTheCityOfThatName) {
    const geo::Gazetteer g = smallGazetteer({
        {"geonames:hiroshima", "Hiroshima", PlaceKind::City, "JP", "11", "PPLA", 1199391, 34.40, 132.45},
        {"geonames:kitahiroshima", "Kitahiroshima", PlaceKind::City, "JP", "12", "PPLA2", 62370, 42.98, 141.57,
         {"Hiroshima"}},
        {"geonames:sapporo", "Sapporo", PlaceKind::City, "JP", "12", "PPLA", 1883027, 43.06, 141.35},
        {"admin1:JP.12", "Hokkaido", PlaceKind::Admin1, "JP", "12", "ADM1", 5400000, 43.4, 142.8},
    });
    const Resolution r = resolve({mention(g, "Hiroshima"), mention(g, "Sapporo"), mention(g, "Hokkaido")}, g);
    EXPECT_EQ(chosen(g, r, 0), "geonames:hiroshima");
    // Its own name still wins it the context it lies in.
    const Resolution own = resolve({mention(g, "Kitahiroshima"), mention(g, "Sapporo")}, g);
    EXPECT_EQ(chosen(g, own, 0), "geonames:kitahiroshima");
}

TEST(Resolver, NoMentionsNoNames) {
    const geo::Gazetteer g = springfields();
    const Resolution r = resolve({}, g);
    EXPECT_TRUE(r.names.empty());
    EXPECT_TRUE(r.name_of_mention.empty());
}

}  // namespace
