// Tests of geo/extraction/recognizer on small hand-built gazetteers: which spans are names, which
// are dropped and why, and "Place, Region" qualifiers.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "geo/extraction/recognizer.hpp"
#include "small_gazetteer.hpp"

namespace {

using namespace geo::extract;
using geo::PlaceKind;
using test_support::smallGazetteer;

const geo::Gazetteer& gazetteer() {
    static const geo::Gazetteer g = smallGazetteer({
        {"curated:panjshir-valley", "Panjshir Valley", PlaceKind::Region, "AF", "", "VAL", 0, 35.31, 69.52, {"Panjshir"}},
        {"geonames:1", "Springfield", PlaceKind::City, "US", "IL", "PPLA", 114000, 39.80, -89.64},
        {"geonames:2", "Springfield", PlaceKind::City, "US", "MA", "PPL", 155000, 42.10, -72.59},
        {"admin1:US.IL", "Illinois", PlaceKind::Admin1, "US", "IL", "ADM1", 12800000, 40.0, -89.0, {}, {}, {"Ill."}},
        {"country:AF", "Afghanistan", PlaceKind::Country, "AF", "", "PCLI", 38000000, 33.9, 67.7, {}, {"Afghan", "Afghans"}},
        {"country:US", "United States", PlaceKind::Country, "US", "", "PCLI", 330000000, 39.1, -98.5, {}, {"American"}, {"U.S.", "US"}},
        {"geonames:3", "Washington", PlaceKind::City, "US", "DC", "PPLC", 690000, 38.9, -77.04},
        {"geonames:4", "Jones", PlaceKind::City, "US", "OK", "PPL", 3000, 35.56, -97.29},
        {"geonames:5", "Rio de Janeiro", PlaceKind::City, "BR", "21", "PPLA", 6700000, -22.9, -43.2},
        {"geonames:6", "Reading", PlaceKind::City, "GB", "ENG", "PPL", 230000, 51.45, -0.97},
        {"geonames:7", "Kharkiv", PlaceKind::City, "UA", "07", "PPLA", 1430000, 49.98, 36.25},
        {"admin1:UA.07", "Kharkiv", PlaceKind::Admin1, "UA", "07", "ADM1", 2600000, 49.7, 36.4},
        {"admin1:US.WA", "Washington", PlaceKind::Admin1, "US", "WA", "ADM1", 7700000, 47.4, -120.5},
        {"geonames:8", "Dnipro", PlaceKind::City, "UA", "04", "PPLA", 980000, 48.46, 35.04},
        {"river:dnipro-116", "Dnipro", PlaceKind::Physical, "UA", "", "STM", 0, 50.0, 31.44, {"Dnieper", "Dnipro River"}},
        {"admin1:TM.05", "Mary", PlaceKind::Admin1, "TM", "05", "ADM1", 600000, 37.6, 61.8},
        {"admin1:BM.09", "Smith's", PlaceKind::Admin1, "BM", "09", "ADM1", 5000, 32.3, -64.7, {"Smith"}},
        {"geonames:9", "Patrick", PlaceKind::City, "IM", "", "PPL", 1200, 54.2, -4.7},
        {"geonames:10", "King's Lynn", PlaceKind::City, "GB", "ENG", "PPL", 46000, 52.75, 0.40},
        {"geonames:11", "Lynn", PlaceKind::City, "US", "MA", "PPL", 94000, 42.47, -70.95},
        {"geonames:12", "Pasig", PlaceKind::City, "PH", "NCR", "PPLA2", 755000, 14.56, 121.08},
        {"geonames:13", "Hartwell", PlaceKind::City, "US", "GA", "PPLA2", 4400, 34.35, -82.93},
        {"geonames:14", "Santa Clara", PlaceKind::City, "US", "CA", "PPL", 127000, 37.35, -121.96},
        {"geonames:15", "Da Nang", PlaceKind::City, "VN", "78", "PPLA", 752000, 16.07, 108.22},
        {"admin1:US.MO", "Missouri", PlaceKind::Admin1, "US", "MO", "ADM1", 6100000, 38.25, -92.5},
        {"geonames:16", "Ural", PlaceKind::City, "RU", "53", "PPL", 1200, 54.1, 61.3},
        {"curated:ural", "Ural", PlaceKind::Region, "RU", "", "RGN", 0, 60.0, 60.0},
        {"geonames:17", "Delta", PlaceKind::City, "CA", "02", "PPL", 108000, 49.08, -123.06},
        {"geonames:18", "Danube", PlaceKind::City, "US", "MN", "PPL", 500, 44.79, -95.10},
        {"river:danube-1", "Danube", PlaceKind::Physical, "RO", "", "STM", 0, 45.2, 29.0, {"Danube River"}},
        {"geonames:19", "Ross'", PlaceKind::City, "BY", "03", "PPL", 6200, 53.28, 24.41, {"Ross"}},
        {"country:DK", "Denmark", PlaceKind::Country, "DK", "", "PCLI", 5800000, 56.0, 10.0},
        {"country:NE", "Niger", PlaceKind::Country, "NE", "", "PCLI", 24000000, 17.0, 9.0},
        {"river:niger-59", "Niger", PlaceKind::Physical, "NG", "", "STM", 0, 8.0, 6.7, {"Niger River"}},
    });
    return g;
}

struct Recognised {
    geo::Document doc;
    std::string arena;
    std::vector<RecognisedMention> mentions;
    explicit Recognised(const std::string& text) : doc(geo::Document::fromString(text, "test")) {
        const std::vector<Token> tokens = tokenise(doc, 0, doc.passages().size(), arena);
        mentions = recognise(doc, gazetteer(), tokens);
    }
    std::vector<std::string> spans() const {
        std::vector<std::string> out;
        for (const RecognisedMention& m : mentions) out.push_back(doc.slice(m.byte_start, m.byte_end));
        return out;
    }
};
using Strings = std::vector<std::string>;

TEST(Recognizer, LongestNameAndLowerCaseFeatureWord) {
    EXPECT_EQ(Recognised("Fighters held the Panjshir Valley.").spans(), Strings{"Panjshir Valley"});
    EXPECT_EQ(Recognised("Fighters held the Panjshir valley.").spans(), Strings{"Panjshir valley"});
    EXPECT_EQ(Recognised("Fighters held Panjshir.").spans(), Strings{"Panjshir"});
    EXPECT_EQ(Recognised("She flew to Rio de Janeiro.").spans(), Strings{"Rio de Janeiro"});
}

TEST(Recognizer, APossessiveInsideANameJoinsIt) {
    // "King's Lynn" was read as "King" and "Lynn" (a town in Massachusetts).
    EXPECT_EQ(Recognised("Trains left King's Lynn at noon.").spans(), Strings{"King's Lynn"});
    EXPECT_EQ(Recognised("Trains left King’s Lynn at noon.").spans(), Strings{"King’s Lynn"});
    EXPECT_EQ(Recognised("Trains left Kings Lynn at noon.").spans(), Strings{"Kings Lynn"});
    // A possessive that starts no name still ends the name before it.
    EXPECT_EQ(Recognised("Buses ran between Kharkiv's Lynn and Springfield.").spans(), (Strings{"Kharkiv", "Lynn", "Springfield"}));
    EXPECT_EQ(Recognised("Trains left King's  Lynn at noon.").spans(), Strings{"Lynn"});
}

TEST(Recognizer, MentionsKeepEveryEntryOfTheirSpelling) {
    const Recognised r("Officials in Springfield met.");
    ASSERT_EQ(r.mentions.size(), 1u);
    EXPECT_EQ(r.mentions[0].key, "springfield");
    EXPECT_EQ(r.mentions[0].entries.size(), 2u);
    EXPECT_FALSE(r.mentions[0].weak);
}

TEST(Recognizer, AbbreviationsOnlyInCapitalsAndDemonymsApart) {
    const Recognised r("The U.S. and Afghans talked to us. An American envoy spoke.");
    EXPECT_EQ(r.spans(), (Strings{"U.S.", "Afghans", "American"}));
    EXPECT_FALSE(r.mentions[0].demonym);
    EXPECT_TRUE(r.mentions[1].demonym);
}

TEST(Recognizer, OrganisationsTitlesAndSpeakersAreDropped) {
    EXPECT_TRUE(Recognised("She writes for the Washington Post.").spans().empty());
    EXPECT_TRUE(Recognised("They met President Washington yesterday.").spans().empty());
    // A surname used as one elsewhere in the text is no town anywhere in it.
    EXPECT_EQ(Recognised("Rev. Roy Jones spoke. Later Jones left for Springfield.").spans(), Strings{"Springfield"});
}

TEST(Recognizer, OrdinaryWordsOpeningASentenceAreWords) {
    EXPECT_TRUE(Recognised("Reading is fun.").spans().empty());
    EXPECT_EQ(Recognised("They drove to Reading.").spans(), Strings{"Reading"});
}

// Regression: "From Anadyr the plane crossed…" found nothing: the preposition opening the sentence,
// capitalised, was taken for the first half of a person's or a firm's name.
TEST(Recognizer, APrepositionOpeningASentenceIsNoPartOfAName) {
    EXPECT_EQ(Recognised("From Pasig the ferry left.").spans(), Strings{"Pasig"});
    EXPECT_EQ(Recognised("In Pasig the ferry waited.").spans(), Strings{"Pasig"});
    EXPECT_EQ(Recognised("The ferry left from Pasig.").spans(), Strings{"Pasig"});
    // A capitalised word beside the name still makes it part of a longer name.
    EXPECT_TRUE(Recognised("Yesterday Pasig Holdings reported.").spans().empty());
}

TEST(Recognizer, AStateAfterACommaQualifiesThePlace) {
    const Recognised r("Springfield, Ill., voted.");
    ASSERT_EQ(r.spans(), (Strings{"Springfield", "Ill."}));
    EXPECT_EQ(r.mentions[0].qualifier_country, "US");
    EXPECT_EQ(r.mentions[0].qualifier_admin1, "IL");
    const Recognised named("Springfield, Illinois, voted.");
    EXPECT_EQ(named.mentions[0].qualifier_admin1, "IL");
}

// The ids of the senses a mention keeps.
std::vector<std::string> senses(const RecognisedMention& m) {
    std::vector<std::string> out;
    for (const geo::NameEntry& e : m.entries) out.push_back(gazetteer().place(e.place).id);
    std::sort(out.begin(), out.end());
    return out;
}

TEST(Recognizer, AFeatureWordAfterANameChoosesItsClass) {
    // "region" keeps the province, and the mention stays the name.
    const Recognised region("Shelling hit the Kharkiv region overnight.");
    ASSERT_EQ(region.spans(), Strings{"Kharkiv"});
    EXPECT_EQ(senses(region.mentions[0]), Strings{"admin1:UA.07"});
    const Recognised plain("Shelling hit Kharkiv overnight.");
    EXPECT_EQ(senses(plain.mentions[0]), (Strings{"admin1:UA.07", "geonames:7"}));
    const Recognised state("Fires spread in Washington state.");
    EXPECT_EQ(senses(state.mentions[0]), (Strings{"admin1:US.WA"}));
    // "Dnipro river" is a name of the river itself.
    const Recognised river("Troops crossed the Dnipro river at dawn.");
    ASSERT_EQ(river.spans(), Strings{"Dnipro river"});
    EXPECT_EQ(senses(river.mentions[0]), Strings{"river:dnipro-116"});
    // A feature word naming a class the name has no sense of leaves every sense.
    const Recognised none("They reached the Springfield valley.");
    EXPECT_EQ(none.mentions.at(0).entries.size(), 2u);
}

TEST(Recognizer, ANameBeforeAFeatureWordTakesTheWholeFeatureName) {
    // The gazetteer knows Pasig, Santa Clara, Da Nang and Hartwell, not the features named after them.
    const Recognised river("Boats cleared the Pasig River on Monday.");
    ASSERT_EQ(river.spans(), Strings{"Pasig River"});
    EXPECT_EQ(river.mentions[0].key, "pasig river");
    EXPECT_EQ(senses(river.mentions[0]), Strings{"geonames:12"});
    EXPECT_EQ(Recognised("Startups fill the Santa Clara Valley.").spans(), Strings{"Santa Clara Valley"});
    EXPECT_EQ(Recognised("She landed at Da Nang International Airport at noon.").spans(),
              Strings{"Da Nang International Airport"});
    // A possessive after the whole name stays out of it.
    EXPECT_EQ(Recognised("The Pasig River's banks flooded.").spans(), Strings{"Pasig River"});
    // "Lake", "Mount", "Mt." before the name. Hartwell, a town of 4,400, stays weak: the lake is
    // placed by the town only where the rest of the text supports the town.
    const Recognised lake("They fished on Lake Hartwell last week.");
    ASSERT_EQ(lake.spans(), Strings{"Lake Hartwell"});
    EXPECT_EQ(lake.mentions[0].key, "lake hartwell");
    EXPECT_TRUE(lake.mentions[0].weak);
    EXPECT_EQ(Recognised("Snow fell on Mt. Hartwell.").spans(), Strings{"Mt. Hartwell"});
    EXPECT_EQ(Recognised("Ships sailed the Gulf of Pasig.").spans(), Strings{"Gulf of Pasig"});
    // Regression: "Ross Island" (Antarctica) was placed at Ross', a town of 6,200 in Belarus. A
    // feature placed by a namesake of another class, under 100,000 people, is weak; Pasig (755,000)
    // places the Pasig River outright.
    const Recognised island("The ship anchored off Ross Island.");
    ASSERT_EQ(island.spans(), Strings{"Ross Island"});
    EXPECT_TRUE(island.mentions[0].weak);
    EXPECT_FALSE(Recognised("They met in Ross.").mentions.at(0).weak) << "the town itself, 6,200 people";
    EXPECT_FALSE(river.mentions[0].weak);
    // A country's point is far from any sea or strait named after it ("Denmark Strait" lies off
    // Iceland); a province's, such as Illinois', is near a feature named after it.
    const Recognised strait("Trawlers fish the Denmark Strait.");
    ASSERT_EQ(strait.spans(), Strings{"Denmark Strait"});
    EXPECT_TRUE(strait.mentions[0].weak);
    const Recognised valley("Corn grows in the Illinois Valley.");
    ASSERT_EQ(valley.spans(), Strings{"Illinois Valley"});
    EXPECT_FALSE(valley.mentions[0].weak);
    // A name inside the whole one gives way to it: "Delta" alone is a town of 108,000.
    EXPECT_EQ(Recognised("Birds nest in the Danube Delta each spring.").spans(), Strings{"Danube Delta"});
}

TEST(Recognizer, AFeatureNamePrefersSensesOfItsClass) {
    // "Ural Mountains": the region rather than the town called Ural.
    const Recognised r("Snow covers the Ural Mountains in winter.");
    ASSERT_EQ(r.spans(), Strings{"Ural Mountains"});
    EXPECT_EQ(senses(r.mentions[0]), Strings{"curated:ural"});
    // A river's name before "Delta" keeps every sense: no sense is a delta.
    const Recognised delta("Birds nest in the Danube Delta each spring.");
    EXPECT_EQ(senses(delta.mentions.at(0)), (Strings{"geonames:18", "river:danube-1"}));
}

TEST(Recognizer, AFeatureNameIsNotExtendedIntoOtherNamesOrAcrossSentences) {
    // A team: another capitalised word follows the whole name.
    EXPECT_EQ(Recognised("The Missouri Valley Blazers won again.").spans(), Strings{"Missouri"});
    EXPECT_EQ(Recognised("The Pasig River Rehabilitation Commission met.").spans(), Strings{"Pasig"});
    // An organisation word after it: a college, no place.
    EXPECT_TRUE(Recognised("She teaches at Missouri Valley College now.").spans().empty());
    // A whole name the gazetteer holds is its own match.
    const Recognised whole("Barges sailed down the Danube River.");
    ASSERT_EQ(whole.spans(), Strings{"Danube River"});
    EXPECT_EQ(senses(whole.mentions[0]), Strings{"river:danube-1"});
    EXPECT_EQ(Recognised("Fighters held the Panjshir Valley.").spans(), Strings{"Panjshir Valley"});
    // A sentence end between the name and the feature word.
    EXPECT_EQ(Recognised("Boats reached Pasig. River traffic stopped.").spans(), Strings{"Pasig"});
    EXPECT_EQ(Recognised("They swam in the Lake. Pasig residents watched.").spans(), Strings{"Pasig"});
    // Two spaces are no name's inside either, nor is a compound word a feature.
    EXPECT_EQ(Recognised("Boats reached Pasig  River traffic.").spans(), Strings{"Pasig"});
    EXPECT_EQ(Recognised("A Pasig River-based crew came.").spans(), Strings{"Pasig"});
}

TEST(Recognizer, ADemonymIsNeverExtendedToAFeatureName) {
    const Recognised r("An Afghan Valley farmer spoke.");
    ASSERT_EQ(r.spans(), Strings{"Afghan"});
    EXPECT_TRUE(r.mentions[0].demonym);
    const Recognised lake("The Lake Afghans came home.");
    ASSERT_EQ(lake.spans(), Strings{"Afghans"});
    EXPECT_TRUE(lake.mentions[0].demonym);
}

TEST(Recognizer, NamesOneAfterAnotherAreAList) {
    const Recognised r("Crews from Springfield, Reading and Kharkiv came. Illinois sent none.");
    ASSERT_EQ(r.mentions.size(), 4u);
    EXPECT_NE(r.mentions[0].list, 0u);
    EXPECT_EQ(r.mentions[1].list, r.mentions[0].list);
    EXPECT_EQ(r.mentions[2].list, r.mentions[0].list);
    EXPECT_EQ(r.mentions[3].list, 0u);
}

TEST(Recognizer, PeopleNamedLikeSmallProvinces) {
    // Given names and surnames that name a small province somewhere are people like town names are.
    EXPECT_TRUE(Recognised("\"It works,\" said Mary Wheeler, a teacher.").spans().empty());
    EXPECT_TRUE(Recognised("Police arrested Rodney Eric Smith. Smith denied it.").spans().empty());
    // A province of millions stays a place beside a name ("Kharkiv Mayor Terekhov").
    EXPECT_EQ(Recognised("Kharkiv Mayor Ihor Terekhov spoke.").spans(), Strings{"Kharkiv"});
}

TEST(Recognizer, DiseasesNamedAfterPlacesAreNoPlaces) {
    EXPECT_TRUE(Recognised("Mosquitoes carried the Springfield virus.").spans().empty());
    EXPECT_TRUE(Recognised("Cases of Reading fever rose.").spans().empty());
    EXPECT_EQ(Recognised("The virus reached Springfield.").spans(), Strings{"Springfield"});
}

TEST(Recognizer, HolidaysAreNoPlaces) {
    EXPECT_TRUE(Recognised("Safety first on St. Patrick's Day.").spans().empty());
    EXPECT_TRUE(Recognised("Speeches at the Springfield Day dinner.").spans().empty());
}

// Regression: "the Benue joins the Niger at Lokoja" put a marker on the Republic of Niger. A country's
// name after "the" is its river; without "the" it keeps both senses.
TEST(Recognizer, ACountrysNameAfterTheIsItsRiver) {
    const Recognised river("Barges sail up the Niger to Lokoja.");
    ASSERT_EQ(river.spans(), Strings{"Niger"});
    EXPECT_EQ(senses(river.mentions[0]), Strings{"river:niger-59"});
    const Recognised country("Aid reached Niger in May.");
    ASSERT_EQ(country.spans(), Strings{"Niger"});
    EXPECT_EQ(senses(country.mentions[0]), (Strings{"country:NE", "river:niger-59"}));
}

TEST(Recognizer, SmallTownsAreWeak) {
    const Recognised r("They drove through Jones.");
    ASSERT_EQ(r.mentions.size(), 1u);
    EXPECT_TRUE(r.mentions[0].weak);
}

}  // namespace
