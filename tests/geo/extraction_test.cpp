// Tests of geo::extractPlaces: each recognition and resolution rule with the sentence that
// motivates it, and the seed article end to end, all against the shipped gazetteer.
#include <gtest/gtest.h>

#include <filesystem>

#include "support/shared_dem.hpp"
#include <gdal.h>
#include <ogr_api.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <memory>
#include <string>
#include <type_traits>
#include <vector>

#include "geo/data_paths.hpp"
#include "geo/error.hpp"
#include "geo/extraction.hpp"

namespace {

double greatCircleKm(double lat1, double lon1, double lat2, double lon2) {
    constexpr double kRad = 3.14159265358979323846 / 180.0;
    const double dp = (lat2 - lat1) * kRad, dl = (lon2 - lon1) * kRad;
    const double a = std::sin(dp / 2) * std::sin(dp / 2) +
                     std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dl / 2) * std::sin(dl / 2);
    return 2 * 6371.0088 * std::asin(std::min(1.0, std::sqrt(a)));
}

class Extraction : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        gazetteer_ = std::make_unique<geo::Gazetteer>(geo::Gazetteer::load(geo::findDataDir()));
    }
    static void TearDownTestSuite() { gazetteer_.reset(); }
    static std::unique_ptr<geo::Gazetteer> gazetteer_;

    static geo::Extraction run(const std::string& text) {
        return geo::extractPlaces(geo::Document::fromString(text, "test"), *gazetteer_);
    }
    // The mentions' surface forms, in text order.
    static std::vector<std::string> texts(const geo::Extraction& ex) {
        std::vector<std::string> out;
        for (const geo::Mention& m : ex.mentions) out.push_back(m.text);
        return out;
    }
    // The place a mention with this text resolved to; nullptr if no such mention.
    static const geo::ResolvedPlace* placeOf(const geo::Extraction& ex, const std::string& mention_text) {
        for (const geo::Mention& m : ex.mentions) {
            if (m.text == mention_text) return &ex.places[m.place];
        }
        return nullptr;
    }
};
std::unique_ptr<geo::Gazetteer> Extraction::gazetteer_;

using Strings = std::vector<std::string>;

TEST_F(Extraction, LongestNameWins) {
    const auto ex = run("Fighters gathered in the Panjshir Valley last week.");
    EXPECT_EQ(texts(ex), Strings{"Panjshir Valley"});
    EXPECT_EQ(ex.places.at(0).place.id, "curated:panjshir-valley");
}

TEST_F(Extraction, LowerCaseFeatureWordStillBelongsToTheName) {
    const auto ex = run("The Taliban sent fighters to mass along the Panjshir valley, officials said.");
    EXPECT_EQ(texts(ex), Strings{"Panjshir valley"});
    EXPECT_EQ(ex.places.at(0).place.id, "curated:panjshir-valley");
}

TEST_F(Extraction, ConnectorsInsideNames) {
    const auto ex = run("Flights from Rio de Janeiro and Mazar-i-Sharif were cancelled.");
    EXPECT_EQ(texts(ex), (Strings{"Rio de Janeiro", "Mazar-i-Sharif"}));
    EXPECT_EQ(ex.places.at(0).place.country, "BR");
    EXPECT_EQ(ex.places.at(1).place.country, "AF");
}

TEST_F(Extraction, PossessivesAreLeftOutOfTheMention) {
    const std::string text = "One of Afghanistan’s warlords met Pakistan's envoy.";
    const auto ex = run(text);
    ASSERT_EQ(texts(ex), (Strings{"Afghanistan", "Pakistan"}));
    const geo::Mention& m = ex.mentions[0];
    EXPECT_EQ(text.substr(m.byte_start, m.byte_end - m.byte_start), "Afghanistan");
    EXPECT_EQ(m.start, 7u);
    EXPECT_EQ(m.end, 18u);
    EXPECT_EQ(ex.places[0].place.id, "country:AF");
    EXPECT_EQ(ex.places[1].place.id, "country:PK");
}

TEST_F(Extraction, CodePointOffsetsAfterMultibyteText) {
    // "“" and "—" are three bytes but one code point each.
    const std::string text = "“Peace”—said the envoy in Kabul.";
    const auto ex = run(text);
    ASSERT_EQ(texts(ex), Strings{"Kabul"});
    EXPECT_EQ(ex.mentions[0].byte_start, text.find("Kabul"));
    EXPECT_EQ(ex.mentions[0].start, 26u);
    EXPECT_EQ(ex.mentions[0].end, 31u);
}

TEST_F(Extraction, AbbreviationsWithPeriodsEvenAtSentenceEnd) {
    const auto ex = run("The embassy stayed open, including the U.S. It later closed. US troops left the UK.");
    EXPECT_EQ(texts(ex), (Strings{"U.S.", "US", "UK"}));
    EXPECT_EQ(ex.places.at(0).place.id, "country:US");
    EXPECT_EQ(ex.places.at(0).mentions.size(), 2u);  // "U.S." and "US": one place
    EXPECT_EQ(ex.places.at(1).place.id, "country:GB");
}

TEST_F(Extraction, LowerCaseUsIsNoCountry) {
    const auto ex = run("He told us about the talks in Kabul.");
    EXPECT_EQ(texts(ex), Strings{"Kabul"});
}

TEST_F(Extraction, AmericaIsTheUnitedStates) {
    const auto ex = run("America and its democratic allies do not just have the fight in common.");
    ASSERT_EQ(texts(ex), Strings{"America"});
    EXPECT_EQ(ex.places[0].place.id, "country:US");
}

TEST_F(Extraction, DemonymsLinkToTheirCountry) {
    const auto ex = run("They called up any Afghan fighters to represent more moderate Afghans.");
    ASSERT_EQ(texts(ex), (Strings{"Afghan", "Afghans"}));
    for (const geo::Mention& m : ex.mentions) EXPECT_EQ(m.kind, geo::MentionKind::Demonym);
    ASSERT_EQ(ex.places.size(), 1u);
    EXPECT_EQ(ex.places[0].place.id, "country:AF");
}

TEST_F(Extraction, DemonymBeatsTownsOfThatName) {
    // GeoNames has small towns named Canadian (one in Texas); the word means Canada.
    const auto ex = run("He met Canadian Prime Minister Justin Trudeau.");
    ASSERT_EQ(texts(ex), Strings{"Canadian"});
    EXPECT_EQ(ex.mentions[0].kind, geo::MentionKind::Demonym);
    EXPECT_EQ(ex.places[0].place.id, "country:CA");
}

TEST_F(Extraction, SovietAfghanWarMentionsAfghanistanAsADemonym) {
    // Decision: in a hyphenated compound each part is read on its own. "Afghan" here says where
    // the war was fought, so the passage is linked to Afghanistan; "Soviet" names no present-day
    // country in the gazetteer and "War" is an ordinary word.
    const auto ex = run("He defended the same valley during the Soviet-Afghan War of the 1980s.");
    ASSERT_EQ(texts(ex), Strings{"Afghan"});
    EXPECT_EQ(ex.mentions[0].kind, geo::MentionKind::Demonym);
    EXPECT_EQ(ex.places[0].place.id, "country:AF");
}

TEST_F(Extraction, OrganisationsNamedAfterPlacesAreNotPlaces) {
    EXPECT_TRUE(run("In an op-ed he penned for the Washington Post on August 18, he wrote.").mentions.empty());
    EXPECT_TRUE(run("The story ran in the New York Times and the Chicago Tribune.").mentions.empty());
    EXPECT_TRUE(run("Shares of Texas Instruments and American Airlines rose.").mentions.empty());
    EXPECT_TRUE(run("She studied at Kabul University for two years.").mentions.empty());
    // Without the head word they are places again.
    EXPECT_EQ(texts(run("He flew from Chicago to New York.")), (Strings{"Chicago", "New York"}));
}

TEST_F(Extraction, PeopleNamedLikePlaces) {
    EXPECT_TRUE(run("The crowd cheered when President Washington arrived.").mentions.empty());
    EXPECT_TRUE(run("Afterwards Mr. Jordan left the room.").mentions.empty());
    EXPECT_TRUE(run("Jordan said the plan had failed.").mentions.empty());
    EXPECT_TRUE(run("The speech by George Washington was short.").mentions.empty());
    // The same names as places.
    const auto country = run("Jordan closed its border on Monday.");
    ASSERT_EQ(texts(country), Strings{"Jordan"});
    EXPECT_EQ(country.places[0].place.id, "country:JO");
}

TEST_F(Extraction, SentenceInitialCommonWordsAreWords) {
    EXPECT_TRUE(run("Reading the report, he frowned.").mentions.empty());
    EXPECT_TRUE(run("Nice weather helped the rescuers.").mentions.empty());
    EXPECT_TRUE(run("Mobile phones were cut off.").mentions.empty());
    EXPECT_TRUE(run("Of the fighters, few remained.").mentions.empty());
    // Inside a sentence, a large town with the name is meant.
    const auto reading = run("He moved to Reading after the war.");
    ASSERT_EQ(texts(reading), Strings{"Reading"});
    EXPECT_EQ(reading.places[0].place.country, "GB");
}

TEST_F(Extraction, CommonCapitalisedWordsAreNotPlaces) {
    const auto ex = run("In March and May the Lion of Panjshir watched the Twin Towers. Still, others along the road waited.");
    EXPECT_EQ(texts(ex), Strings{"Panjshir"});
}

TEST_F(Extraction, TinyTownsNeedSupportFromTheDocument) {
    // Maydanshakhr (Wardak, 1,600 people): alone it is too weak to claim a capitalised word.
    EXPECT_TRUE(run("Elders met in Maydanshakhr yesterday.").mentions.empty());
    const auto ex = run("Elders met in Maydanshakhr, west of Kabul.");
    EXPECT_EQ(texts(ex), (Strings{"Maydanshakhr", "Kabul"}));
    EXPECT_EQ(ex.places[0].place.country, "AF");
}

TEST_F(Extraction, OneSensePerNamePerDocument) {
    const auto ex = run("Paris was quiet.\nLater, Paris woke up.\nParis again.");
    ASSERT_EQ(ex.places.size(), 1u);
    EXPECT_EQ(ex.places[0].mentions, (std::vector<std::size_t>{0, 1, 2}));
    EXPECT_EQ(ex.places[0].passages, (std::vector<std::size_t>{0, 1, 2}));
    EXPECT_EQ(ex.places[0].place.country, "FR");
}

TEST_F(Extraction, QualifierAfterACommaPicksTheTown) {
    const auto texas = run("The fair in Paris, Texas, drew crowds.");
    EXPECT_EQ(texts(texas), (Strings{"Paris", "Texas"}));
    EXPECT_EQ(texas.places[0].place.country, "US");
    EXPECT_EQ(texas.places[0].place.admin1, "TX");
    EXPECT_EQ(texas.places[1].place.id, "admin1:US.TX");

    const auto virginia = run("A woman from Alexandria, Va., was arrested.");
    ASSERT_EQ(texts(virginia), (Strings{"Alexandria", "Va."}));
    EXPECT_EQ(virginia.places[0].place.admin1, "VA");
    EXPECT_EQ(virginia.places[1].place.id, "admin1:US.VA");

    const auto dc = run("Officials in Washington, D.C., declined to comment.");
    ASSERT_EQ(texts(dc), (Strings{"Washington", "D.C."}));
    EXPECT_EQ(dc.places[0].place.id, "geonames:4140963");
}

TEST_F(Extraction, DocumentContextChoosesAmongNamesakes) {
    // Hyderabad: India's (3.6 million) alone; Pakistan's (1.4 million) beside Karachi.
    const auto alone = run("Heavy rain fell on Hyderabad.");
    ASSERT_EQ(alone.places.size(), 1u);
    EXPECT_EQ(alone.places[0].place.country, "IN");
    const auto sindh = run("Heavy rain fell on Karachi and Hyderabad.");
    ASSERT_EQ(sindh.places.size(), 2u);
    EXPECT_EQ(sindh.places[1].place.country, "PK");
    // The same for a state against a country: Georgia beside Atlanta is the US state.
    EXPECT_EQ(run("Georgia held talks.").places.at(0).place.id, "country:GE");
    const auto atlanta = run("Voters in Atlanta and across Georgia waited.");
    EXPECT_EQ(placeOf(atlanta, "Georgia")->place.id, "admin1:US.GA");
}

TEST_F(Extraction, SurnamesAreLeftOutWhereverTheyStandInTheText) {
    // A title or a given name marks "Jones" and "Moore" as people; the later lone uses follow.
    EXPECT_TRUE(run("The Rev. Roy Jones will lead the service. Afterwards Jones thanked the choir.").mentions.empty());
    EXPECT_TRUE(run("Captain Adam Moore opened the shelter. The shelter, Moore explained, is full.").mentions.empty());
    // A name before an age ("Moore, 23,") is a person too.
    EXPECT_TRUE(run("Kessler Moore, 23, was charged on Monday. Moore had fled the scene.").mentions.empty());
    // Without any of these, Moore (Oklahoma, 60,000 people) stays a town.
    EXPECT_EQ(texts(run("The tornado hit Moore on Monday.")), Strings{"Moore"});
}

TEST_F(Extraction, SpeakersAreNotPlaces) {
    EXPECT_TRUE(run("The plan is sound, Walker said on Tuesday.").mentions.empty());
    EXPECT_TRUE(run("\"We will rebuild,\" said Clifford after the vote.").mentions.empty());
    // A capital speaking for its government stays a place.
    EXPECT_EQ(texts(run("The talks failed, Kabul said.")), Strings{"Kabul"});
}

TEST_F(Extraction, ANameAfterInOrFromIsAPlaceEvenBeforeASpeechVerb) {
    // "Paris said" would make Paris a speaker; "officials in Paris" put it on the map.
    const auto paris = run("Officials in Paris said the summit would move to Berlin next year.");
    EXPECT_EQ(texts(paris), (Strings{"Paris", "Berlin"}));
    ASSERT_NE(placeOf(paris, "Paris"), nullptr);
    EXPECT_EQ(placeOf(paris, "Paris")->place.country, "FR");
    EXPECT_EQ(texts(run("Authorities in Kent said the road near Canterbury was closed.")),
              (Strings{"Kent", "Canterbury"}));
    // The same name quoted as a speaker elsewhere does not take the place away.
    const auto jordan = run("Jordan said the aid had arrived. Trucks from Jordan crossed the border at dawn.");
    EXPECT_EQ(texts(jordan), Strings{"Jordan"});
    ASSERT_NE(placeOf(jordan, "Jordan"), nullptr);
    EXPECT_EQ(placeOf(jordan, "Jordan")->place.id, "country:JO");
    // Without the preposition the speaker rule still holds.
    EXPECT_TRUE(run("The plan is sound, Walker said on Tuesday.").mentions.empty());
}

TEST_F(Extraction, LooseTiesDoNotAddUpToOutweighALargerPlace) {
    // A US story naming a dozen American cities, then two countries. Sharing a country, or a state
    // far away, with many other names is weak evidence: it no longer adds up until Jordan,
    // Minnesota, and Lebanon, Ohio, beat the countries, or until four Texan cities pull Memphis and
    // Atlanta into Texas (each has a namesake town there, hundreds of kilometres from them).
    const auto ex = run(
        "The storm moved from Dallas through Houston, Austin and San Antonio before reaching Memphis, "
        "Nashville, Atlanta, Charlotte, Richmond, Baltimore, Philadelphia and Boston. "
        "The secretary then flew to Jordan and Lebanon.");
    ASSERT_NE(placeOf(ex, "Jordan"), nullptr);
    EXPECT_EQ(placeOf(ex, "Jordan")->place.id, "country:JO");
    ASSERT_NE(placeOf(ex, "Lebanon"), nullptr);
    EXPECT_EQ(placeOf(ex, "Lebanon")->place.id, "country:LB");
    for (const auto& [city, state] : {std::pair{"Memphis", "TN"}, std::pair{"Atlanta", "GA"}}) {
        ASSERT_NE(placeOf(ex, city), nullptr) << city;
        EXPECT_EQ(placeOf(ex, city)->place.admin1, state) << city;
    }
    // Close ties still count in full: a story from northeast Texas keeps its Paris.
    const auto texas = run("Storms hit Paris, Sulphur Springs and Clarksville in northeast Texas.");
    ASSERT_NE(placeOf(texas, "Paris"), nullptr);
    EXPECT_EQ(placeOf(texas, "Paris")->place.country, "US");
}

TEST_F(Extraction, RegionsNewsNames) {
    const auto ex = run("Farmers in the Midwest and on the Great Plains braced for drought, while aid groups in "
                        "West Africa and the Baltics asked for help.");
    EXPECT_EQ(texts(ex), (Strings{"Midwest", "Great Plains", "West Africa", "Baltics"}));
    ASSERT_NE(placeOf(ex, "Midwest"), nullptr);
    EXPECT_EQ(placeOf(ex, "Midwest")->place.id, "curated:midwest");
    EXPECT_EQ(placeOf(ex, "Midwest")->place.country, "US");
}

// Regression: "the North Pole" was the Alaskan town of that name, and "the South Pole" was not found.
TEST_F(Extraction, ThePolesAreThePoles) {
    const auto ex = run("The expedition left Longyearbyen for the North Pole, while a second team flew from "
                        "Punta Arenas to the South Pole.");
    ASSERT_NE(placeOf(ex, "North Pole"), nullptr);
    EXPECT_EQ(placeOf(ex, "North Pole")->place.id, "curated:north-pole");
    EXPECT_DOUBLE_EQ(placeOf(ex, "North Pole")->place.position.lat, 90.0);
    ASSERT_NE(placeOf(ex, "South Pole"), nullptr);
    EXPECT_DOUBLE_EQ(placeOf(ex, "South Pole")->place.position.lat, -90.0);
}

// Regression: "Ross Island" beside McMurdo Station was Ross', a town in Belarus 16,000 km away
// (the gazetteer now knows Ross Island; Beaufort Island, in the Ross Sea, it does not).
TEST_F(Extraction, AFeatureIsNotPlacedByAFarAwayTownOfItsName) {
    const auto ex = run("The ship anchored off Beaufort Island, a day's sail from McMurdo Station.");
    ASSERT_NE(placeOf(ex, "McMurdo Station"), nullptr);
    for (const auto& place : ex.places) EXPECT_LT(place.place.position.lat, -60.0) << place.place.name;
}

// Regression: "the South China Sea" was "China Sea", read as China, 2,500 km inland; the world's
// named seas, gulfs and straits are places of their own.
TEST_F(Extraction, SeasNamedAfterCountriesAreTheSeas) {
    const auto ex = run("Rice paddies stretch to the South China Sea, and boats cross the Gulf of Thailand.");
    EXPECT_EQ(texts(ex), (Strings{"South China Sea", "Gulf of Thailand"}));
    for (const auto& place : ex.places) EXPECT_EQ(place.place.kind, geo::PlaceKind::Physical) << place.place.name;
    ASSERT_NE(placeOf(ex, "South China Sea"), nullptr);
    EXPECT_NEAR(placeOf(ex, "South China Sea")->place.position.lat, 12.0, 3.0);
}

// Regression: "below the Sierra Nevada de Santa Marta" marked Nevada, the US state; the ranges are
// places of their own, the one meant chosen by the text's other places.
TEST_F(Extraction, TheSierraNevadaIsNoState) {
    const auto colombia = run("Santa Marta lies below the Sierra Nevada de Santa Marta, east of Barranquilla.");
    ASSERT_NE(placeOf(colombia, "Sierra Nevada de Santa Marta"), nullptr);
    for (const auto& place : colombia.places) EXPECT_EQ(place.place.country, "CO") << place.place.name;
    const auto spain = run("Skiers left Granada for the Sierra Nevada.");
    ASSERT_NE(placeOf(spain, "Sierra Nevada"), nullptr);
    EXPECT_EQ(placeOf(spain, "Sierra Nevada")->place.country, "ES");
}

// Regression: "Congo" was always the Republic of the Congo, also beside Goma and Beni; it names
// either Congo, and the text's other places choose.
TEST_F(Extraction, CongoIsTheCongoItsNeighboursLieIn) {
    const auto democratic = run("Ebola spread in Congo, near Goma and Beni.");
    ASSERT_NE(placeOf(democratic, "Congo"), nullptr);
    EXPECT_EQ(placeOf(democratic, "Congo")->place.id, "country:CD");
    const auto republic = run("Troops left Congo for Brazzaville and Pointe-Noire.");
    ASSERT_NE(placeOf(republic, "Congo"), nullptr);
    EXPECT_EQ(placeOf(republic, "Congo")->place.id, "country:CG");
}

TEST_F(Extraction, PlacesInTheNamesOfLocalInstitutionsStayPlaces) {
    // The school, library and police department are located in the place they are named after,
    // unlike a newspaper or a company (see OrganisationsNamedAfterPlacesAreNotPlaces).
    EXPECT_EQ(texts(run("Tuition at Paris High School rose this year.")), Strings{"Paris"});
    EXPECT_EQ(texts(run("The Huntsville Police Department closed the road.")), Strings{"Huntsville"});
}

TEST_F(Extraction, AbbreviatedMonthsAndCompassRegionsAreNotPlaces) {
    EXPECT_TRUE(run("Parents learned Nov. 13 that the center would close.").mentions.empty());
    const auto ex = run("Most schools in Northeast Georgia are reviewing their policies.");
    EXPECT_EQ(texts(ex), Strings{"Georgia"});
}

TEST_F(Extraction, NamesakesThatLieTogetherWin) {
    // Walker County and Huntsville exist in both Alabama and Texas; Huntsville, Texas, is the seat
    // of Walker County, Texas, so the pair that lies together is meant, though Huntsville, Alabama,
    // is the larger town.
    const auto ex = run("The burn ban for Walker County was lifted after Huntsville fire officials met.");
    ASSERT_NE(placeOf(ex, "Walker County"), nullptr);
    ASSERT_NE(placeOf(ex, "Huntsville"), nullptr);
    EXPECT_EQ(placeOf(ex, "Walker County")->place.admin1, "TX");
    EXPECT_EQ(placeOf(ex, "Huntsville")->place.admin1, "TX");
    // Alone, Huntsville is the larger Alabama city.
    EXPECT_EQ(run("Rain fell on Huntsville.").places.at(0).place.admin1, "AL");
}

TEST_F(Extraction, CountriesSitAtTheirGeographicCentre) {
    // The geographic centre of the contiguous United States lies near Lebanon, Kansas (39.83N, 98.58W).
    const auto ex = run("Exports to the United States fell.");
    ASSERT_EQ(ex.places.size(), 1u);
    EXPECT_LT(greatCircleKm(ex.places[0].place.position.lat, ex.places[0].place.position.lon, 39.83, -98.58), 100.0);
}

TEST_F(Extraction, CapitalCityRatherThanItsProvince) {
    const auto ex = run("Talks were held in Kabul.");
    ASSERT_EQ(ex.places.size(), 1u);
    EXPECT_EQ(ex.places[0].place.id, "geonames:1138958");
    // The province is considered and kept as a runner-up.
    const auto& runners = ex.places[0].runners_up;
    EXPECT_TRUE(std::any_of(runners.begin(), runners.end(), [](const geo::Candidate& c) {
        return gazetteer_->place(c.gazetteer_index).id == "admin1:AF.13";
    }));
}

TEST_F(Extraction, ConfidenceAndRunnersUp) {
    const auto ex = run("Alexandria and Afghanistan were in the news.");
    for (const geo::ResolvedPlace& p : ex.places) {
        EXPECT_GE(p.confidence, 0.0);
        EXPECT_LE(p.confidence, 1.0);
        EXPECT_LE(p.runners_up.size(), 5u);
        for (std::size_t k = 1; k < p.runners_up.size(); ++k) {
            EXPECT_GE(p.runners_up[k - 1].score, p.runners_up[k].score);
        }
    }
    const geo::ResolvedPlace* alexandria = placeOf(ex, "Alexandria");
    const geo::ResolvedPlace* afghanistan = placeOf(ex, "Afghanistan");
    ASSERT_TRUE(alexandria && afghanistan);
    EXPECT_EQ(alexandria->runners_up.size(), 5u);  // many towns of that name
    EXPECT_TRUE(afghanistan->runners_up.empty());
    // An unambiguous country is surer than a name shared by a dozen towns.
    EXPECT_GT(afghanistan->confidence, alexandria->confidence);
}

// ---- the seed article

class SeedArticle : public Extraction {
protected:
    static void SetUpTestSuite() {
        Extraction::SetUpTestSuite();
        doc_ = std::make_unique<geo::Document>(
            geo::Document::fromFile(std::string(TEXTATLAS_SOURCE_DATA_DIR) + "/texts/panjshir-valley.txt"));
        result_ = std::make_unique<geo::Extraction>(geo::extractPlaces(*doc_, *gazetteer_));
    }
    static void TearDownTestSuite() {
        result_.reset();
        doc_.reset();
        Extraction::TearDownTestSuite();
    }
    static const geo::ResolvedPlace* byId(const std::string& id) {
        for (const geo::ResolvedPlace& p : result_->places) {
            if (p.place.id == id) return &p;
        }
        return nullptr;
    }
    static std::unique_ptr<geo::Document> doc_;
    static std::unique_ptr<geo::Extraction> result_;
};
std::unique_ptr<geo::Document> SeedArticle::doc_;
std::unique_ptr<geo::Extraction> SeedArticle::result_;

TEST_F(SeedArticle, PanjshirValleyLiesInPanjshirProvince) {
    const geo::ResolvedPlace* valley = byId("curated:panjshir-valley");
    ASSERT_NE(valley, nullptr);
    EXPECT_GE(valley->mentions.size(), 4u);

    // geoBoundaries' provinces in the shared reference data, read as a user's file.
    const std::string path = test_support::sharedDataDir() + "/afghanistan_provinces_adm1.geojson";
    std::error_code missing;
    if (!std::filesystem::is_regular_file(path, missing)) GTEST_SKIP() << path << " is absent (set TEXTATLAS_SHARED_DATA)";
    GDALAllRegister();
    std::unique_ptr<void, decltype(&GDALClose)> ds(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr), &GDALClose);
    ASSERT_TRUE(ds) << path;
    OGRLayerH layer = GDALDatasetGetLayer(ds.get(), 0);  // owned by the dataset
    ASSERT_NE(layer, nullptr);
    ASSERT_EQ(OGR_L_SetAttributeFilter(layer, "shapeName = 'Panjshir'"), OGRERR_NONE);
    std::unique_ptr<std::remove_pointer_t<OGRFeatureH>, decltype(&OGR_F_Destroy)> feature(OGR_L_GetNextFeature(layer), &OGR_F_Destroy);
    ASSERT_TRUE(feature);
    OGRGeometryH province = OGR_F_GetGeometryRef(feature.get());  // owned by the feature
    std::unique_ptr<std::remove_pointer_t<OGRGeometryH>, decltype(&OGR_G_DestroyGeometry)> point(OGR_G_CreateGeometry(wkbPoint), &OGR_G_DestroyGeometry);
    OGR_G_SetPoint_2D(point.get(), 0, valley->place.position.lon, valley->place.position.lat);
    EXPECT_TRUE(OGR_G_Contains(province, point.get()));
}

TEST_F(SeedArticle, KabulIsTheCapital) {
    const geo::ResolvedPlace* kabul = nullptr;
    for (const geo::ResolvedPlace& p : result_->places) {
        if (p.place.name == "Kabul") kabul = &p;
    }
    ASSERT_NE(kabul, nullptr);
    EXPECT_LT(greatCircleKm(kabul->place.position.lat, kabul->place.position.lon, 34.52813, 69.17233), 10.0);
}

TEST_F(SeedArticle, EveryPassageNamingKabulIsLinkedToIt) {
    const geo::ResolvedPlace* kabul = byId("geonames:1138958");
    ASSERT_NE(kabul, nullptr);
    std::vector<std::size_t> expected;
    for (const geo::Passage& p : doc_->passages()) {
        if (doc_->slice(p.byte_start, p.byte_end).find("Kabul") != std::string::npos) expected.push_back(p.index);
    }
    EXPECT_GE(expected.size(), 3u);
    EXPECT_EQ(kabul->passages, expected);
}

TEST_F(SeedArticle, AfghanistanAndItsDemonyms) {
    const geo::ResolvedPlace* afghanistan = byId("country:AF");
    ASSERT_NE(afghanistan, nullptr);
    bool afghan = false, afghans = false, toponym = false;
    for (std::size_t m : afghanistan->mentions) {
        const geo::Mention& mention = result_->mentions[m];
        if (mention.text == "Afghan") afghan = mention.kind == geo::MentionKind::Demonym;
        if (mention.text == "Afghans") afghans = mention.kind == geo::MentionKind::Demonym;
        if (mention.text == "Afghanistan") toponym = mention.kind == geo::MentionKind::Toponym;
    }
    EXPECT_TRUE(afghan);
    EXPECT_TRUE(afghans);
    EXPECT_TRUE(toponym);
}

TEST_F(SeedArticle, UnitedStatesByAbbreviationAndByName) {
    const geo::ResolvedPlace* us = byId("country:US");
    ASSERT_NE(us, nullptr);
    std::vector<std::string> forms;
    for (std::size_t m : us->mentions) forms.push_back(result_->mentions[m].text);
    EXPECT_NE(std::find(forms.begin(), forms.end(), "U.S."), forms.end());
    EXPECT_NE(std::find(forms.begin(), forms.end(), "America"), forms.end());
}

TEST_F(SeedArticle, WashingtonPostIsNoPlace) {
    const std::string& text = doc_->text();
    std::size_t checked = 0;
    for (std::size_t at = text.find("Washington Post"); at != std::string::npos; at = text.find("Washington Post", at + 1)) {
        ++checked;
        for (const geo::Mention& m : result_->mentions) {
            EXPECT_FALSE(m.byte_start < at + 10 && m.byte_end > at) << "mention " << m.text << " covers Washington";
        }
    }
    EXPECT_EQ(checked, 2u);
}

TEST_F(SeedArticle, OutputIsConsistent) {
    const geo::Extraction& ex = *result_;
    for (std::size_t i = 0; i < ex.mentions.size(); ++i) {
        const geo::Mention& m = ex.mentions[i];
        if (i > 0) {
            EXPECT_LT(ex.mentions[i - 1].byte_start, m.byte_start);
        }
        EXPECT_EQ(doc_->slice(m.byte_start, m.byte_end), m.text);
        EXPECT_EQ(doc_->byteToCodePoint(m.byte_start), m.start);
        EXPECT_EQ(doc_->passageAtByte(m.byte_start), m.passage);
        const auto& owner = ex.places.at(m.place).mentions;
        EXPECT_NE(std::find(owner.begin(), owner.end(), i), owner.end());
    }
    std::size_t previous_first = 0;
    for (std::size_t k = 0; k < ex.places.size(); ++k) {
        const geo::ResolvedPlace& p = ex.places[k];
        ASSERT_FALSE(p.mentions.empty());
        if (k > 0) {
            EXPECT_GT(p.mentions.front(), previous_first);  // order of first mention
        }
        previous_first = p.mentions.front();
        EXPECT_TRUE(std::is_sorted(p.passages.begin(), p.passages.end()));
        EXPECT_EQ(std::adjacent_find(p.passages.begin(), p.passages.end()), p.passages.end());
    }
}

}  // namespace

// ------------------------------------------------------------------------------------------------
// Large texts: extraction in pieces (the viewer opening a text of hundreds of megabytes).

namespace {
// Field-by-field equality of two extractions (same places in the same order, same mentions).
void expectSameExtraction(const geo::Extraction& a, const geo::Extraction& b) {
    // Sizes first, for a readable failure; then every field: places with their confidence and
    // runners-up, mentions, links (Extraction's ==).
    EXPECT_EQ(a.places.size(), b.places.size());
    EXPECT_EQ(a.mentions.size(), b.mentions.size());
    EXPECT_TRUE(a == b);
}
}  // namespace

TEST_F(Extraction, TheMergerKeepsEveryFieldOfOnePiece) {
    // What a one-piece text skips (the merger) must not change anything when it does run: places
    // with their confidence and runners-up, mentions and their links.
    const geo::Document doc = geo::Document::fromFile(geo::findDataDir() + "/texts/panjshir-valley.txt");
    const geo::Extraction whole = geo::extractPlaces(doc, *gazetteer_);
    ASSERT_FALSE(whole.places.empty());
    ASSERT_TRUE(std::any_of(whole.places.begin(), whole.places.end(),
                            [](const geo::ResolvedPlace& p) { return !p.runners_up.empty(); }));
    geo::ExtractionMerger merger;
    merger.add(whole);
    expectSameExtraction(merger.take(), whole);
    // And a text of one piece asks for progress once, before it starts.
    std::vector<double> heard;
    geo::extractPlaces(doc, *gazetteer_, [&](double f) {
        heard.push_back(f);
        return true;
    });
    EXPECT_EQ(heard, std::vector<double>{0.0});
}

TEST_F(Extraction, EqualityNoticesConfidenceRunnersUpAndLinks) {
    const geo::Extraction base = run("Kabul and Alexandria, north of Herat.");
    ASSERT_GE(base.places.size(), 2u);
    ASSERT_TRUE(base == base);
    const std::vector<std::function<void(geo::Extraction&)>> changes = {
        [](geo::Extraction& e) { e.places[0].confidence += 1e-12; },
        [](geo::Extraction& e) { e.places[0].runners_up.push_back({7, 0.5}); },
        [](geo::Extraction& e) { e.places[0].mentions.push_back(99); },
        [](geo::Extraction& e) { e.places[0].passages.push_back(99); },
        [](geo::Extraction& e) { e.places[0].place.population += 1; },
        [](geo::Extraction& e) { e.places[0].place.admin1 += "x"; },
        [](geo::Extraction& e) { e.mentions[0].place += 1; },
        [](geo::Extraction& e) { e.mentions[0].passage += 1; },
        [](geo::Extraction& e) { e.mentions[0].byte_end += 1; },
        [](geo::Extraction& e) { e.mentions[0].kind = geo::MentionKind::Demonym; },
    };
    for (std::size_t i = 0; i < changes.size(); ++i) {
        geo::Extraction changed = base;
        changes[i](changed);
        EXPECT_FALSE(changed == base) << "change " << i << " went unnoticed";
    }
    geo::Extraction scored = base;
    for (geo::ResolvedPlace& p : scored.places) {
        if (p.runners_up.empty()) continue;
        p.runners_up[0].score += 1e-12;
        EXPECT_FALSE(scored == base);
        break;
    }
}

// extractPlaces in pieces of `sizes...` bytes, noting each progress fraction it reports in `heard`.
template <typename... Sizes>
geo::Extraction extractHearingProgress(const geo::Document& doc, const geo::Gazetteer& gazetteer,
                                       std::vector<double>& heard, Sizes... sizes) {
    return geo::extractPlaces(
        doc, gazetteer,
        [&](double f) {
            heard.push_back(f);
            return true;
        },
        sizes...);
}

TEST_F(Extraction, PiecesOfRepeatedParagraphsGiveTheMentionsOfTheWholeText) {
    // Each piece holds whole copies of the same two paragraphs, so each resolves like the whole.
    const std::string paragraph =
        "Fighters gathered in the Panjshir Valley, north of Kabul, Afghanistan.\n\n"
        "Officials in Herat and Kandahar said the Afghan army had left.\n\n";
    std::string text;
    for (int i = 0; i < 50; ++i) text += paragraph;
    const geo::Document doc = geo::Document::fromString(text, "repeated");
    const geo::Extraction whole = geo::extractPlaces(doc, *gazetteer_);
    std::vector<double> heard;
    // One copy per piece: its two passages, less the blank line after them.
    const geo::Extraction pieced = extractHearingProgress(doc, *gazetteer_, heard, paragraph.size() - 2);
    ASSERT_FALSE(whole.mentions.empty());
    expectSameExtraction(whole, pieced);
    ASSERT_EQ(heard.size(), 51u);  // before each of the 50 pieces, then done
    EXPECT_TRUE(std::is_sorted(heard.begin(), heard.end()));
    EXPECT_EQ(heard.front(), 0.0);
    EXPECT_EQ(heard.back(), 1.0);
    for (const geo::Mention& m : pieced.mentions) {
        EXPECT_EQ(doc.slice(m.byte_start, m.byte_end), m.text);
        EXPECT_EQ(doc.passageAtByte(m.byte_start), m.passage);
    }
}

TEST_F(Extraction, ALongLineIsReadInPartsEndingAtSentenceEnds) {
    // One line (one passage) of 50 copies of two sentences, as the viewer opens a text of one long
    // line: read in parts of about one copy, each ending at a sentence end, each resolving as the
    // whole; offsets and the passage are the document's.
    const std::string copy =
        "Fighters gathered in the Panjshir Valley, north of Kabul, Afghanistan. "
        "Officials in Herat, St. Louis and New York said the Afghan army had left. ";
    std::string text;
    for (int i = 0; i < 50; ++i) text += copy;
    const geo::Document doc = geo::Document::fromString(text, "one line");
    ASSERT_EQ(doc.passages().size(), 1u);
    const geo::Extraction whole = geo::extractPlaces(doc, *gazetteer_);
    std::vector<double> heard;
    // The part's size inside the second sentence: cut at its end.
    const geo::Extraction pieced = extractHearingProgress(doc, *gazetteer_, heard, copy.size() - 30, copy.size() / 2);
    ASSERT_FALSE(whole.mentions.empty());
    EXPECT_EQ(heard.size(), 51u);  // before each of the 50 parts, then done
    expectSameExtraction(whole, pieced);
    for (const geo::Mention& m : pieced.mentions) {
        EXPECT_EQ(doc.slice(m.byte_start, m.byte_end), m.text);
        EXPECT_EQ(m.passage, 0u);
    }
    EXPECT_TRUE(std::any_of(pieced.mentions.begin(), pieced.mentions.end(),
                            [](const geo::Mention& m) { return m.text == "New York"; }));
}

TEST_F(Extraction, CancellingBetweenPiecesStopsTheExtraction) {
    std::string text;
    for (int i = 0; i < 20; ++i) text += "Troops left Kabul for Herat.\n\n";
    const geo::Document doc = geo::Document::fromString(text, "cancel");
    int asked = 0;
    EXPECT_THROW(geo::extractPlaces(
                     doc, *gazetteer_, [&](double) { return ++asked < 3; }, 16),
                 geo::Cancelled);
    EXPECT_EQ(asked, 3);  // two pieces done, stopped before the third
}

// The cases issue 14 names, as a user tried them.
TEST_F(Extraction, ManilaSurnamesAreNoTownsElsewhere) {
    const auto ex = run("Muntinlupa officials said Villanueva and Gálvez would lead the relief effort after floods "
                        "in Parañaque.\n\nVillanueva told reporters the embassy had offered help. Gálvez said schools "
                        "in Muntinlupa would reopen on Monday.");
    EXPECT_EQ(texts(ex), (Strings{"Muntinlupa", "Parañaque", "Muntinlupa"}));
    ASSERT_NE(placeOf(ex, "Parañaque"), nullptr);
    EXPECT_EQ(placeOf(ex, "Parañaque")->place.country, "PH");
    EXPECT_EQ(placeOf(ex, "Muntinlupa")->place.country, "PH");
}

TEST_F(Extraction, UkraineFrontLineNamesRiversAndDemonyms) {
    const auto ex = run("Russian troops pressed towards Kupiansk and took Avdiivka. Marines crossed the Dnipro river "
                        "near Kherson, and shelling hit the Kharkiv region. The Russian claims about Kupyansk and "
                        "Kup'yans'k were denied in Kyiv.");
    for (const char* town : {"Kupiansk", "Kupyansk", "Kup'yans'k"}) {
        ASSERT_NE(placeOf(ex, town), nullptr) << town;
        EXPECT_EQ(placeOf(ex, town)->place.id, "geonames:703656") << town;
    }
    ASSERT_NE(placeOf(ex, "Avdiivka"), nullptr);
    EXPECT_EQ(placeOf(ex, "Avdiivka")->place.id, "geonames:713122");
    ASSERT_NE(placeOf(ex, "Dnipro river"), nullptr);
    EXPECT_EQ(placeOf(ex, "Dnipro river")->place.id, "river:dnipro-116");
    ASSERT_NE(placeOf(ex, "Kharkiv"), nullptr);
    EXPECT_EQ(placeOf(ex, "Kharkiv")->place.id, "admin1:UA.07");
    ASSERT_NE(placeOf(ex, "Russian"), nullptr);
    EXPECT_EQ(placeOf(ex, "Russian")->place.id, "country:RU");
    EXPECT_EQ(placeOf(ex, "Kyiv")->place.id, "geonames:703448");
}

TEST_F(Extraction, TheIndusIsTheRiver) {
    const auto ex = run("Floods along the Indus submerged villages in Sindh.");
    ASSERT_NE(placeOf(ex, "Indus"), nullptr);
    EXPECT_EQ(placeOf(ex, "Indus")->place.id, "curated:indus-river");  // its course: geo::PlaceShapes
}

TEST_F(Extraction, FeatureNamesTheGazetteerLacksAreReadWholeAndPlacedByTheirInnerName) {
    // Published gold marks "Pasig River", not "Pasig": the mention takes the whole feature name and
    // links to the place its inner name resolves to.
    const auto ex = run("Boats cleared the Pasig River on Monday. She landed at Da Nang International Airport. "
                        "Snow covers the Ural Mountains.");
    EXPECT_EQ(texts(ex), (Strings{"Pasig River", "Da Nang International Airport", "Ural Mountains"}));
    ASSERT_NE(placeOf(ex, "Pasig River"), nullptr);
    EXPECT_EQ(placeOf(ex, "Pasig River")->place.country, "PH");
    ASSERT_NE(placeOf(ex, "Da Nang International Airport"), nullptr);
    EXPECT_EQ(placeOf(ex, "Da Nang International Airport")->place.country, "VN");
    // "Ural Mountains": the river Ural, a physical feature, rather than a town called Ural.
    ASSERT_NE(placeOf(ex, "Ural Mountains"), nullptr);
    EXPECT_EQ(placeOf(ex, "Ural Mountains")->place.kind, geo::PlaceKind::Physical);
}
