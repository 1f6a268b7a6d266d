// Tests of geo/distance_claims: each claim pattern on its own sentence, the things that are not
// claims, the subject/reference rules, the verdict thresholds, and the seed article's claim.
#include "geo/distance_claims.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "geo/data_paths.hpp"
#include "geo/geodesy.hpp"

namespace {

constexpr double kMile = 1609.344;

class DistanceClaims : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        gazetteer_ = std::make_unique<geo::Gazetteer>(geo::Gazetteer::load(geo::findDataDir()));
    }
    static void TearDownTestSuite() { gazetteer_.reset(); }

    struct Result {
        geo::Extraction extraction;
        std::vector<geo::DistanceClaim> claims;
        std::string placeName(const std::optional<std::size_t>& index) const {
            return index ? extraction.places.at(*index).place.name : std::string("-");
        }
        std::string placeId(const std::optional<std::size_t>& index) const {
            return index ? extraction.places.at(*index).place.id : std::string("-");
        }
    };
    static Result run(const std::string& text) {
        const geo::Document doc = geo::Document::fromString(text, "test");
        Result r;
        r.extraction = geo::extractPlaces(doc, *gazetteer_);
        r.claims = geo::findDistanceClaims(doc, r.extraction);
        return r;
    }

    static std::unique_ptr<geo::Gazetteer> gazetteer_;
};
std::unique_ptr<geo::Gazetteer> DistanceClaims::gazetteer_;

TEST_F(DistanceClaims, SeedSentenceComparesTheValleyWithKabul) {
    const std::string seed =
        "The British-educated son of one of Afghanistan’s most revered anti-Taliban warlords is the last holdout "
        "against the Taliban, staking his claim in the Panjshir Valley about 100 miles north of Kabul.";
    const Result r = run(seed);
    ASSERT_EQ(r.claims.size(), 1u);
    const geo::DistanceClaim& c = r.claims[0];
    EXPECT_EQ(c.text, "about 100 miles north of Kabul");
    EXPECT_EQ(c.byte_start, seed.find("about 100"));
    EXPECT_EQ(c.byte_end, seed.size() - 1);  // up to the period
    // "Afghanistan’s" has one three-byte apostrophe: code points are two fewer than bytes.
    EXPECT_EQ(c.start, c.byte_start - 2);
    EXPECT_EQ(c.end, c.byte_end - 2);
    EXPECT_DOUBLE_EQ(c.claimed_m, 100 * kMile);
    EXPECT_EQ(c.direction, "north");
    ASSERT_TRUE(c.claimed_azimuth_deg.has_value());
    EXPECT_EQ(*c.claimed_azimuth_deg, 0.0);
    EXPECT_EQ(r.placeId(c.subject), "curated:panjshir-valley");
    EXPECT_EQ(r.placeId(c.reference), "geonames:1138958");
    // The curated valley point (69.52E 35.31N, near Bazarak) lies 0.78° of latitude (~87 km) and
    // 0.35° of longitude (~32 km) from Kabul (69.17E 34.53N): about 92 km, a little east of north.
    ASSERT_TRUE(c.measured_m && c.measured_azimuth_deg && c.ratio);
    EXPECT_NEAR(*c.measured_m, 92e3, 3e3);
    EXPECT_GT(*c.measured_azimuth_deg, 10.0);
    EXPECT_LT(*c.measured_azimuth_deg, 30.0);
    EXPECT_NEAR(*c.ratio, *c.measured_m / (100 * kMile), 1e-12);
    // 92 km against 161 km is 43 % short: outside 25 %, inside 50 %; the direction is within 45°.
    EXPECT_EQ(c.verdict, geo::ClaimVerdict::Roughly);
}

TEST_F(DistanceClaims, KilometresWithAConversionAndACompoundDirection) {
    const Result r = run("Fighters moved to Charikar, 60 km (37 miles) north of Kabul, on Monday. "
                         "Mazar-i-Sharif lies 310 km north-west of Kabul.");
    ASSERT_EQ(r.claims.size(), 2u);
    EXPECT_EQ(r.claims[0].text, "60 km (37 miles) north of Kabul");
    EXPECT_DOUBLE_EQ(r.claims[0].claimed_m, 60e3);  // the first figure, not the conversion
    EXPECT_EQ(r.placeName(r.claims[0].subject), "Charikar");
    EXPECT_EQ(r.placeName(r.claims[0].reference), "Kabul");
    EXPECT_EQ(r.claims[1].text, "310 km north-west of Kabul");
    EXPECT_EQ(r.claims[1].direction, "north-west");
    EXPECT_EQ(*r.claims[1].claimed_azimuth_deg, 315.0);
    EXPECT_EQ(r.placeName(r.claims[1].subject), "Mazār-e Sharīf");
    for (const geo::DistanceClaim& c : r.claims) {
        // The measurement is the geodesic from the reference to the subject.
        const geo::GeodesicInverse g = geo::geodesicInverse(r.extraction.places[*c.reference].place.position,
                                                            r.extraction.places[*c.subject].place.position);
        EXPECT_DOUBLE_EQ(*c.measured_m, g.distance_m);
        EXPECT_NEAR(*c.measured_azimuth_deg, std::fmod(g.azimuth1_deg + 360.0, 360.0), 1e-9);
        EXPECT_EQ(c.verdict, geo::judgeClaim(c.claimed_m, g.distance_m, c.claimed_azimuth_deg, c.measured_azimuth_deg));
    }
}

TEST_F(DistanceClaims, NumberWordsAndDirectionSpellings) {
    struct Case {
        std::string sentence;
        double metres;
        double azimuth;  // -1: none
        std::string text;
    };
    const std::vector<Case> cases = {
        {"Jalalabad is about a hundred miles east of Kabul.", 100 * kMile, 90, "about a hundred miles east of Kabul"},
        {"Kandahar is roughly three hundred and twenty miles south-west of Kabul.", 320 * kMile, 225,
         "roughly three hundred and twenty miles south-west of Kabul"},
        {"Ghazni lies forty-five kilometres southeast of Kabul.", 45e3, 135, "forty-five kilometres southeast of Kabul"},
        {"Herat is 500 km to the west of Kabul.", 500e3, 270, "500 km to the west of Kabul"},
        {"Ghazni lies 150km south west of Kabul.", 150e3, 225, "150km south west of Kabul"},
        {"Charikar is 1,200 metres from Kabul.", 1200, -1, "1,200 metres from Kabul"},
        {"Charikar is 2.5 mi north of Kabul.", 2.5 * kMile, 0, "2.5 mi north of Kabul"},
        {"Charikar is between 50 and 70 kilometers north of Kabul.", 60e3, 0,
         "between 50 and 70 kilometers north of Kabul"},
        {"Charikar is a 60-kilometre trip away from Kabul.", -1, -1, ""},  // "trip" breaks the pattern
        {"Charikar is within 60 miles of Kabul.", 60 * kMile, -1, "within 60 miles of Kabul"},
    };
    for (const Case& k : cases) {
        SCOPED_TRACE(k.sentence);
        const Result r = run(k.sentence);
        if (k.metres < 0) {
            EXPECT_TRUE(r.claims.empty());
            continue;
        }
        ASSERT_EQ(r.claims.size(), 1u);
        const geo::DistanceClaim& c = r.claims[0];
        EXPECT_EQ(c.text, k.text);
        EXPECT_NEAR(c.claimed_m, k.metres, 1e-6);
        if (k.azimuth < 0) {
            EXPECT_FALSE(c.claimed_azimuth_deg.has_value());
        } else {
            ASSERT_TRUE(c.claimed_azimuth_deg.has_value());
            EXPECT_EQ(*c.claimed_azimuth_deg, k.azimuth);
        }
        EXPECT_EQ(r.placeName(c.reference), "Kabul");
        EXPECT_NE(c.verdict, geo::ClaimVerdict::Unchecked);
    }
}

TEST_F(DistanceClaims, AClaimWithoutAPlaceIsReportedUnchecked) {
    const Result r = run("The camp lies some 40 kilometres from the border.");
    ASSERT_EQ(r.claims.size(), 1u);
    EXPECT_EQ(r.claims[0].text, "some 40 kilometres from the border");
    EXPECT_DOUBLE_EQ(r.claims[0].claimed_m, 40e3);
    EXPECT_FALSE(r.claims[0].reference.has_value());
    EXPECT_FALSE(r.claims[0].subject.has_value());
    EXPECT_FALSE(r.claims[0].measured_m.has_value());
    EXPECT_EQ(r.claims[0].verdict, geo::ClaimVerdict::Unchecked);
}

TEST_F(DistanceClaims, DurationsAndVagueAmountsAreNotClaims) {
    for (const std::string text :
         {"The trip from Kabul to Charikar is a two-hour drive.", "Charikar is miles from Kabul.",
          "They built 100 miles of road near Kabul.", "Dozens of miles north of Kabul, fighting went on.",
          "Some 100 fighters came from Kabul."}) {
        SCOPED_TRACE(text);
        EXPECT_TRUE(run(text).claims.empty());
    }
}

TEST_F(DistanceClaims, SubjectAfterTheClaimAndReferencesNotReusedAsSubjects) {
    // Subject after: nothing precedes the claim in its sentence.
    const Result after = run("About 100 miles north of Kabul lies the Panjshir Valley.");
    ASSERT_EQ(after.claims.size(), 1u);
    EXPECT_EQ(after.placeId(after.claims[0].subject), "curated:panjshir-valley");
    // Two claims about one subject: Kabul, the first claim's reference, is not the second's subject.
    const Result two = run("Mazar-i-Sharif, 310 km north-west of Kabul and 20 km from Balkh, was calm.");
    ASSERT_EQ(two.claims.size(), 2u);
    EXPECT_EQ(two.placeName(two.claims[1].subject), "Mazār-e Sharīf");
    EXPECT_EQ(two.placeName(two.claims[1].reference), "Balkh");
    // The subject stays in the claim's sentence.
    const Result split = run("We left Charikar. It is 60 km north of Kabul.");
    ASSERT_EQ(split.claims.size(), 1u);
    EXPECT_FALSE(split.claims[0].subject.has_value());
    EXPECT_EQ(split.claims[0].verdict, geo::ClaimVerdict::Unchecked);
    // Nor does it come from the paragraph before or after.
    const Result paragraphs = run("We left Charikar.\n\nIt is 60 km north of Kabul.\n\nThen Charikar again.");
    ASSERT_EQ(paragraphs.claims.size(), 1u);
    EXPECT_FALSE(paragraphs.claims[0].subject.has_value());
    EXPECT_EQ(paragraphs.placeName(paragraphs.claims[0].reference), "Kabul");
}

TEST_F(DistanceClaims, ATextLongerThanABatchKeepsEveryClaim) {
    // Claims are read in batches of passages (a 64 MB text once took 1.2 GB more memory for its
    // tokens); every copy of the claim must still be found, including those across batch ends.
    const std::string paragraph = "Charikar lies about 60 kilometres north of Kabul, officials said.\n\n";
    std::string text;
    while (text.size() < (std::size_t{3} << 20)) text += paragraph;
    const std::size_t copies = text.size() / paragraph.size();
    const Result r = run(text);
    ASSERT_EQ(r.claims.size(), copies);
    for (std::size_t i = 0; i < copies; ++i) {
        EXPECT_EQ(r.claims[i].byte_start, i * paragraph.size() + paragraph.find("about")) << i;
        ASSERT_TRUE(r.claims[i].reference.has_value());
        EXPECT_EQ(r.placeName(r.claims[i].reference), "Kabul");
    }
}

TEST_F(DistanceClaims, ALongLineIsReadInPartsAndKeepsEveryClaim) {
    // One line (one passage) of 3 MiB: read in parts of about a batch (1 MiB) ending at sentence
    // ends, not tokenised whole (in the viewer a 64 MB line took 640 MB for its claims' tokens), and
    // every copy of the claim is still found.
    const std::string sentence = "Charikar lies about 60 kilometres north of Kabul, officials said. ";
    std::string text;
    while (text.size() < (std::size_t{3} << 20)) text += sentence;
    const std::size_t copies = text.size() / sentence.size();
    const geo::Document doc = geo::Document::fromString(text, "test");
    ASSERT_EQ(doc.passages().size(), 1u);
    const geo::Extraction extraction = geo::extractPlaces(doc, *gazetteer_);
    geo::ClaimSearchWork work;
    const std::vector<geo::DistanceClaim> claims = geo::findDistanceClaims(doc, extraction, &work);
    EXPECT_LE(work.largest_read_bytes, std::size_t{2} << 20);
    ASSERT_EQ(claims.size(), copies);
    for (std::size_t i = 0; i < copies; ++i) {
        EXPECT_EQ(claims[i].byte_start, i * sentence.size() + sentence.find("about")) << i;
        ASSERT_TRUE(claims[i].reference.has_value()) << i;
        EXPECT_EQ(extraction.places[*claims[i].reference].place.name, "Kabul") << i;
    }
}

TEST_F(DistanceClaims, ThousandsOfClaimsInOneSentenceCostEachAFixedAmount) {
    // One endless sentence: every claim names the same reference, used already, so a search for a
    // subject that walked over every earlier and later mention grew with the square of the claims
    // (20,000 claims: 33 s). A place far after many claims made the word counts grow the same way.
    auto costPerClaim = [&](int claims) {
        std::string text;
        for (int i = 0; i < claims; ++i) text += "the road runs 60 km north of Kabul and ";
        for (int i = 0; i < claims; ++i) text += "then 5 km from the river and ";
        text += "on to Herat.";
        const geo::Document doc = geo::Document::fromString(text, "test");
        const geo::Extraction extraction = geo::extractPlaces(doc, *gazetteer_);
        geo::ClaimSearchWork work;
        const std::vector<geo::DistanceClaim> found = geo::findDistanceClaims(doc, extraction, &work);
        EXPECT_EQ(found.size(), static_cast<std::size_t>(2 * claims));
        return std::pair<double, double>(double(work.mentions_examined) / found.size(),
                                         double(work.words_counted) / found.size());
    };
    const auto [mentions_small, words_small] = costPerClaim(200);
    const auto [mentions_large, words_large] = costPerClaim(2000);
    EXPECT_LE(mentions_large, 200.0);
    EXPECT_LE(words_large, 200.0);
    // Ten times the claims, about the same cost each.
    EXPECT_LE(mentions_large, mentions_small * 1.5 + 1.0);
    EXPECT_LE(words_large, words_small * 1.5 + 1.0);
}

TEST(ClaimVerdicts, FollowTheDocumentedTolerances) {
    using V = geo::ClaimVerdict;
    // Distance alone: 25 % and 50 % of the claimed distance.
    EXPECT_EQ(geo::judgeClaim(100e3, 100e3, std::nullopt, std::nullopt), V::Consistent);
    EXPECT_EQ(geo::judgeClaim(100e3, 124e3, std::nullopt, std::nullopt), V::Consistent);
    EXPECT_EQ(geo::judgeClaim(100e3, 76e3, std::nullopt, std::nullopt), V::Consistent);
    EXPECT_EQ(geo::judgeClaim(100e3, 126e3, std::nullopt, std::nullopt), V::Roughly);
    EXPECT_EQ(geo::judgeClaim(100e3, 51e3, std::nullopt, std::nullopt), V::Roughly);
    EXPECT_EQ(geo::judgeClaim(100e3, 151e3, std::nullopt, std::nullopt), V::Inconsistent);
    EXPECT_EQ(geo::judgeClaim(100e3, 10e3, std::nullopt, std::nullopt), V::Inconsistent);
    // Direction: 45° and 67.5°, across north (350° against 10° is 20° apart).
    EXPECT_EQ(geo::judgeClaim(100e3, 100e3, 0.0, 44.0), V::Consistent);
    EXPECT_EQ(geo::judgeClaim(100e3, 100e3, 350.0, 10.0), V::Consistent);
    EXPECT_EQ(geo::judgeClaim(100e3, 100e3, 0.0, 300.0), V::Roughly);
    EXPECT_EQ(geo::judgeClaim(100e3, 100e3, 90.0, 160.0), V::Inconsistent);
    EXPECT_EQ(geo::judgeClaim(100e3, 100e3, 0.0, 180.0), V::Inconsistent);
    // A direction only matters when both are known; a zero claim cannot be judged.
    EXPECT_EQ(geo::judgeClaim(100e3, 100e3, 0.0, std::nullopt), V::Consistent);
    EXPECT_EQ(geo::judgeClaim(0.0, 100e3, std::nullopt, std::nullopt), V::Unchecked);
    EXPECT_STREQ(geo::toString(V::Roughly), "roughly");
}

}  // namespace
