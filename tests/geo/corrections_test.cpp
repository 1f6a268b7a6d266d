// Tests of geo/corrections: each kind and scope of correction applied to the recogniser's real
// output (shipped gazetteer), the order and undo rules, re-anchoring after an edit, and the
// candidates offered for "choose another place".
#include "geo/corrections.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <memory>
#include <string>
#include <vector>

#include "geo/data_paths.hpp"
#include "geo/error.hpp"
#include "geo/geodesy.hpp"

namespace {

using Strings = std::vector<std::string>;

constexpr const char* kParisFrance = "geonames:2988507";
constexpr const char* kParisTexas = "geonames:4717560";
constexpr const char* kDallasTexas = "geonames:4684888";
constexpr const char* kKabul = "geonames:1138958";

class Corrections : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        gazetteer_ = std::make_unique<geo::Gazetteer>(geo::Gazetteer::load(geo::findDataDir()));
    }
    static void TearDownTestSuite() { gazetteer_.reset(); }
    static const geo::Gazetteer& gazetteer() { return *gazetteer_; }

    static geo::Document doc(const std::string& text) { return geo::Document::fromString(text, "test"); }
    static geo::Extraction extract(const geo::Document& d) { return geo::extractPlaces(d, gazetteer()); }
    static geo::Extraction apply(const geo::Document& d, const std::vector<geo::Correction>& corrections) {
        return geo::applyCorrections(d, gazetteer(), extract(d), corrections);
    }
    static Strings texts(const geo::Extraction& ex) {
        Strings out;
        for (const geo::Mention& m : ex.mentions) out.push_back(m.text);
        return out;
    }
    static Strings placeIds(const geo::Extraction& ex) {
        Strings out;
        for (const geo::ResolvedPlace& p : ex.places) out.push_back(p.place.id);
        return out;
    }
    // The id of the place each mention links to, in text order.
    static Strings mentionPlaces(const geo::Extraction& ex) {
        Strings out;
        for (const geo::Mention& m : ex.mentions) out.push_back(ex.places.at(m.place).place.id);
        return out;
    }
    // Every link between places, mentions and passages agrees with the mentions themselves.
    static void expectConsistent(const geo::Extraction& ex) {
        for (std::size_t i = 1; i < ex.mentions.size(); ++i) {
            EXPECT_LT(ex.mentions[i - 1].byte_start, ex.mentions[i].byte_start) << "mentions out of text order";
        }
        std::size_t linked = 0;
        std::size_t previous_first = 0;
        for (std::size_t p = 0; p < ex.places.size(); ++p) {
            const geo::ResolvedPlace& rp = ex.places[p];
            ASSERT_FALSE(rp.mentions.empty()) << "empty place " << rp.place.id;
            if (p > 0) {
                EXPECT_GT(rp.mentions.front(), previous_first) << "places not in order of first mention";
            }
            previous_first = rp.mentions.front();
            std::vector<std::size_t> passages;
            for (std::size_t mi : rp.mentions) {
                EXPECT_EQ(ex.mentions.at(mi).place, p);
                if (passages.empty() || passages.back() != ex.mentions[mi].passage) passages.push_back(ex.mentions[mi].passage);
            }
            EXPECT_EQ(rp.passages, passages);
            linked += rp.mentions.size();
        }
        EXPECT_EQ(linked, ex.mentions.size());
    }
    static const geo::Mention& mentionNamed(const geo::Extraction& ex, const std::string& text, int nth = 0) {
        for (const geo::Mention& m : ex.mentions) {
            if (m.text == text && nth-- == 0) return m;
        }
        throw std::runtime_error("no mention " + text);
    }
    static geo::PlaceTarget gazetteerTarget(const std::string& id) { return {id, std::nullopt}; }

    static std::unique_ptr<geo::Gazetteer> gazetteer_;
};
std::unique_ptr<geo::Gazetteer> Corrections::gazetteer_;

const std::string kParisText =
    "Paris is lovely in spring.\n\nWe flew from Paris to Lyon and then on to Marseille.\n";

TEST_F(Corrections, NoCorrectionsLeaveTheExtractionAsItWas) {
    const geo::Document d = doc(kParisText);
    const geo::Extraction base = extract(d);
    const geo::Extraction same = geo::applyCorrections(d, gazetteer(), base, {});
    EXPECT_EQ(texts(same), texts(base));
    EXPECT_EQ(placeIds(same), placeIds(base));
    EXPECT_EQ(mentionPlaces(same), mentionPlaces(base));
    for (std::size_t p = 0; p < base.places.size(); ++p) {
        EXPECT_EQ(same.places[p].confidence, base.places[p].confidence);
        EXPECT_EQ(same.places[p].runners_up.size(), base.places[p].runners_up.size());
        EXPECT_EQ(same.places[p].passages, base.places[p].passages);
    }
}

TEST_F(Corrections, ChoosePlaceAppliesToEveryMentionOfTheName) {
    const geo::Document d = doc(kParisText);
    const geo::Extraction base = extract(d);
    ASSERT_EQ(mentionPlaces(base).at(0), kParisFrance);
    const geo::Correction c =
        geo::choosePlace(d, mentionNamed(base, "Paris"), gazetteerTarget(kParisTexas), geo::CorrectionScope::AllWithName, 1);
    EXPECT_FALSE(c.anchor.has_value());
    const geo::Extraction ex = apply(d, {c});
    expectConsistent(ex);
    EXPECT_EQ(texts(ex), texts(base));
    ASSERT_EQ(ex.places.at(0).place.id, kParisTexas);
    EXPECT_EQ(ex.places[0].mentions.size(), 2u);
    EXPECT_EQ(ex.places[0].passages, (std::vector<std::size_t>{0, 1}));
    // The reader chose it: full confidence; the former choice stays available first.
    EXPECT_EQ(ex.places[0].confidence, 1.0);
    ASSERT_FALSE(ex.places[0].runners_up.empty());
    EXPECT_EQ(gazetteer().place(ex.places[0].runners_up[0].gazetteer_index).id, kParisFrance);
    for (const geo::Candidate& r : ex.places[0].runners_up) EXPECT_NE(gazetteer().place(r.gazetteer_index).id, kParisTexas);
    // France's Paris has no mention left, so it is gone; Lyon is untouched.
    for (const std::string& id : placeIds(ex)) EXPECT_NE(id, kParisFrance);
    EXPECT_EQ(mentionPlaces(ex).at(2), mentionPlaces(base).at(2));
}

TEST_F(Corrections, ChoosePlaceNarrowedToOneMention) {
    const geo::Document d = doc(kParisText);
    const geo::Extraction base = extract(d);
    const geo::Mention& second = mentionNamed(base, "Paris", 1);
    const geo::Correction c =
        geo::choosePlace(d, second, gazetteerTarget(kParisTexas), geo::CorrectionScope::ThisMention, 1);
    ASSERT_TRUE(c.anchor.has_value());
    EXPECT_EQ(c.anchor->byte_start, second.byte_start);
    EXPECT_EQ(c.anchor->text, "Paris");
    EXPECT_EQ(c.anchor->context_after, " to Lyon and then on to Marsei");  // 30 code points
    const geo::Extraction ex = apply(d, {c});
    expectConsistent(ex);
    EXPECT_EQ(mentionPlaces(ex), (Strings{kParisFrance, kParisTexas, mentionPlaces(base)[2], mentionPlaces(base)[3]}));
    // Paris (France) keeps the recogniser's confidence: only the other mention was confirmed.
    EXPECT_EQ(ex.places[0].confidence, base.places[0].confidence);
    EXPECT_EQ(ex.places[1].place.id, kParisTexas);
    EXPECT_EQ(ex.places[1].passages, (std::vector<std::size_t>{1}));
}

TEST_F(Corrections, ChoosingTheSamePlaceConfirmsIt) {
    const geo::Document d = doc(kParisText);
    const geo::Extraction base = extract(d);
    ASSERT_LT(base.places[0].confidence, 1.0);
    const geo::Extraction ex = apply(
        d, {geo::choosePlace(d, base.mentions[0], gazetteerTarget(kParisFrance), geo::CorrectionScope::AllWithName, 1)});
    EXPECT_EQ(placeIds(ex), placeIds(base));
    EXPECT_EQ(ex.places[0].confidence, 1.0);
    EXPECT_EQ(ex.places[0].runners_up.size(), base.places[0].runners_up.size());
}

TEST_F(Corrections, NotAPlaceDropsTheMentionsAndTheEmptiedPlace) {
    const geo::Document d = doc(kParisText);
    const geo::Extraction base = extract(d);
    const geo::Extraction all = apply(d, {geo::notAPlace(d, base.mentions[0], geo::CorrectionScope::AllWithName, 1)});
    expectConsistent(all);
    EXPECT_EQ(texts(all), (Strings{"Lyon", "Marseille"}));
    const geo::Extraction one =
        apply(d, {geo::notAPlace(d, mentionNamed(base, "Paris", 1), geo::CorrectionScope::ThisMention, 1)});
    expectConsistent(one);
    EXPECT_EQ(texts(one), (Strings{"Paris", "Lyon", "Marseille"}));
    EXPECT_EQ(one.places[0].passages, (std::vector<std::size_t>{0}));
}

const std::string kFortText =
    "The fort at Zarkhan, high above the pass.\n\nZarkhan’s walls are old, unlike those of Zarkhanabad; "
    "we left Zarkhan at dawn.\n";

geo::UserPoint zarkhan() { return {"Zarkhan fort", geo::LonLat(69.61, 35.42), geo::PlaceKind::Physical}; }

TEST_F(Corrections, AddPlaceAtOneSpanWithAUserPoint) {
    const geo::Document d = doc(kFortText);
    ASSERT_TRUE(extract(d).mentions.empty());
    const std::size_t at = kFortText.find("Zarkhan");
    // The selection's spaces and punctuation are trimmed off.
    const geo::Correction c = geo::addPlace(d, at - 1, at + 8, {"", zarkhan()}, geo::CorrectionScope::ThisMention, 1);
    EXPECT_EQ(c.name, "Zarkhan");
    ASSERT_TRUE(c.anchor.has_value());
    EXPECT_EQ(c.anchor->byte_start, at);
    EXPECT_EQ(c.anchor->byte_end, at + 7);
    EXPECT_EQ(c.anchor->context_before, "The fort at ");
    const geo::Extraction ex = apply(d, {c});
    expectConsistent(ex);
    ASSERT_EQ(texts(ex), Strings{"Zarkhan"});
    const geo::ResolvedPlace& p = ex.places.at(0);
    EXPECT_EQ(p.place.id, "user:35.420000,69.610000");
    EXPECT_EQ(p.place.name, "Zarkhan fort");
    EXPECT_EQ(p.place.kind, geo::PlaceKind::Physical);
    EXPECT_EQ(p.place.source, "user");
    EXPECT_EQ(p.confidence, 1.0);
    EXPECT_EQ(ex.mentions[0].start, 12u);
    EXPECT_EQ(ex.mentions[0].end, 19u);
    EXPECT_EQ(ex.mentions[0].passage, 0u);
    EXPECT_EQ(ex.mentions[0].kind, geo::MentionKind::Toponym);
}

TEST_F(Corrections, AddPlaceByNameFindsEveryWholeWordOccurrence) {
    const geo::Document d = doc(kFortText);
    const std::size_t at = kFortText.find("Zarkhan");
    const geo::Extraction ex =
        apply(d, {geo::addPlace(d, at, at + 7, {"", zarkhan()}, geo::CorrectionScope::AllWithName, 1)});
    expectConsistent(ex);
    // "Zarkhan’s" without its possessive; not inside "Zarkhanabad".
    EXPECT_EQ(texts(ex), (Strings{"Zarkhan", "Zarkhan", "Zarkhan"}));
    ASSERT_EQ(ex.places.size(), 1u);
    EXPECT_EQ(ex.places[0].passages, (std::vector<std::size_t>{0, 1}));
    const std::size_t possessive = kFortText.find("Zarkhan’s");
    EXPECT_EQ(ex.mentions[1].byte_start, possessive);
    EXPECT_EQ(ex.mentions[1].byte_end, possessive + 7);
    EXPECT_EQ(ex.mentions[2].byte_start, kFortText.find("Zarkhan at"));
}

TEST_F(Corrections, AddPlaceByNameReplacesMentionsInsideItButNotAroundIt) {
    const std::string text = "The Kabul River flows east from Kabul. Boats on the river reach Kabul River towns.";
    const geo::Document d = doc(text);
    const geo::Extraction base = extract(d);
    ASSERT_EQ(texts(base), (Strings{"Kabul River", "Kabul", "Kabul River"}));
    // Reader: "Kabul" is the province wherever the words "Kabul" stand as a name of their own.
    const std::size_t kabul = text.find("from Kabul") + 5;
    const geo::Extraction province =
        apply(d, {geo::addPlace(d, kabul, kabul + 5, gazetteerTarget("admin1:AF.13"), geo::CorrectionScope::AllWithName, 1)});
    expectConsistent(province);
    // The "Kabul" inside each recognised "Kabul River" is part of a longer mention: left alone. The
    // lone "Kabul" is a mention of exactly its size: replaced.
    EXPECT_EQ(texts(province), texts(base));
    EXPECT_EQ(mentionPlaces(province), (Strings{"curated:kabul-river", "admin1:AF.13", "curated:kabul-river"}));

    // Reader: "Kabul Bazaar" is a place, where the recogniser saw only "Kabul" in it. (A feature word
    // such as "Gorge" would make the recogniser read the whole name itself.)
    const std::string text2 = "Traders filled the Kabul Bazaar at night; the Kabul Bazaar road is narrow.";
    const geo::Document d2 = doc(text2);
    ASSERT_EQ(texts(extract(d2)), (Strings{"Kabul", "Kabul"}));
    const std::size_t bazaar = text2.find("Kabul Bazaar");
    const geo::UserPoint point{"Kabul Bazaar", geo::LonLat(69.18, 34.52), geo::PlaceKind::Region};
    const geo::Extraction bazaars =
        apply(d2, {geo::addPlace(d2, bazaar, bazaar + 12, {"", point}, geo::CorrectionScope::AllWithName, 1)});
    expectConsistent(bazaars);
    EXPECT_EQ(texts(bazaars), (Strings{"Kabul Bazaar", "Kabul Bazaar"}));
    EXPECT_EQ(placeIds(bazaars), Strings{geo::userPlaceId(point)});
}

TEST_F(Corrections, AddPlaceRejectsBadSelections) {
    const geo::Document d = doc("Café near Zarkhan.\n\nAnother passage.");
    const auto message = [&](std::size_t a, std::size_t b) {
        try {
            geo::addPlace(d, a, b, {"", zarkhan()}, geo::CorrectionScope::ThisMention, 1);
        } catch (const geo::Error& e) {
            EXPECT_EQ(e.kind(), geo::ErrorKind::InvalidInput);
            return std::string(e.what());
        }
        return std::string("no error");
    };
    EXPECT_EQ(message(5, 200), "test: span [5, 200) is not inside the text");
    EXPECT_EQ(message(4, 8), "test: span [4, 8) does not fall on character boundaries");  // inside "é"
    EXPECT_EQ(message(18, 20), "test: span [18, 20) holds no words");                     // ".\n"
    EXPECT_EQ(message(11, 26), "test: span [11, 26) crosses a passage boundary");
    EXPECT_THROW(geo::addPlace(d, 11, 18, {"", std::nullopt}, geo::CorrectionScope::ThisMention, 1), geo::Error);
    EXPECT_THROW(geo::addPlace(d, 11, 18, {kKabul, zarkhan()}, geo::CorrectionScope::ThisMention, 1), geo::Error);
}

TEST_F(Corrections, LaterCorrectionsOverrideEarlierOnes) {
    const geo::Document d = doc(kParisText);
    const geo::Extraction base = extract(d);
    const std::vector<geo::Correction> list = {
        geo::choosePlace(d, base.mentions[0], gazetteerTarget(kParisTexas), geo::CorrectionScope::AllWithName, 1),
        geo::choosePlace(d, mentionNamed(base, "Paris", 1), gazetteerTarget(kParisFrance), geo::CorrectionScope::ThisMention, 2),
        geo::notAPlace(d, mentionNamed(base, "Marseille"), geo::CorrectionScope::AllWithName, 3),
    };
    const geo::Extraction ex = apply(d, list);
    expectConsistent(ex);
    EXPECT_EQ(texts(ex), (Strings{"Paris", "Paris", "Lyon"}));
    EXPECT_EQ(mentionPlaces(ex), (Strings{kParisTexas, kParisFrance, mentionPlaces(base)[2]}));
    // The same list gives the same result every time.
    const geo::Extraction again = apply(d, list);
    EXPECT_EQ(mentionPlaces(again), mentionPlaces(ex));
    EXPECT_EQ(texts(again), texts(ex));
}

TEST_F(Corrections, UndoPopsTheLastEditWhole) {
    const std::string text = "The embassy stayed open, including the U.S. It later closed. US troops left the UK.";
    const geo::Document d = doc(text);
    const geo::Extraction base = extract(d);
    ASSERT_EQ(base.places.at(0).place.id, "country:US");
    std::vector<geo::Correction> list = {
        geo::notAPlace(d, mentionNamed(base, "UK"), geo::CorrectionScope::AllWithName, 1)};
    // One action on a place with two names ("U.S.", "US") makes two corrections of one edit.
    const std::vector<geo::Correction> place_edit = geo::notAPlaceForPlace(d, base, 0, 2);
    ASSERT_EQ(place_edit.size(), 2u);
    EXPECT_EQ(place_edit[0].name, "U.S.");
    EXPECT_EQ(place_edit[1].name, "US");
    list.insert(list.end(), place_edit.begin(), place_edit.end());
    EXPECT_TRUE(apply(d, list).mentions.empty());

    const std::vector<geo::Correction> redo = geo::popLastEdit(list);
    ASSERT_EQ(redo.size(), 2u);
    EXPECT_EQ(redo[0].name, "U.S.");
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(texts(apply(d, list)), (Strings{"U.S.", "US"}));
    geo::popLastEdit(list);
    EXPECT_TRUE(list.empty());
    EXPECT_EQ(texts(apply(d, list)), texts(base));
    EXPECT_TRUE(geo::popLastEdit(list).empty());
}

TEST_F(Corrections, ChoosePlaceForPlaceCoversAllItsNames) {
    const std::string text = "The embassy stayed open, including the U.S. It later closed. US troops left the UK.";
    const geo::Document d = doc(text);
    const geo::Extraction base = extract(d);
    const geo::Extraction ex = apply(d, geo::choosePlaceForPlace(d, base, 0, gazetteerTarget("country:CA"), 7));
    expectConsistent(ex);
    EXPECT_EQ(mentionPlaces(ex), (Strings{"country:CA", "country:CA", "country:GB"}));
    EXPECT_THROW(geo::choosePlaceForPlace(d, base, 9, gazetteerTarget("country:CA"), 7), geo::Error);
}

TEST_F(Corrections, CorrectionsThatNoLongerFitChangeNothing) {
    const geo::Document d = doc(kParisText);
    const geo::Extraction base = extract(d);
    geo::Correction unknown_place =
        geo::choosePlace(d, base.mentions[0], gazetteerTarget(kParisTexas), geo::CorrectionScope::AllWithName, 1);
    unknown_place.place_id = "geonames:999999999";
    geo::Correction stale_anchor =
        geo::notAPlace(d, base.mentions[0], geo::CorrectionScope::ThisMention, 2);
    stale_anchor.anchor->text = "Parma";  // the text there no longer reads what the anchor says
    geo::Correction outside = stale_anchor;
    outside.anchor->byte_start = 5000;
    outside.anchor->byte_end = 5005;
    const geo::Extraction ex = apply(d, {unknown_place, stale_anchor, outside});
    EXPECT_EQ(mentionPlaces(ex), mentionPlaces(base));
}

TEST_F(Corrections, ReanchorKeepsAnchorsWhoseTextIsStillThere) {
    const geo::Document d = doc(kParisText);
    const geo::Extraction base = extract(d);
    const geo::Correction c =
        geo::notAPlace(d, mentionNamed(base, "Paris", 1), geo::CorrectionScope::ThisMention, 1);
    const geo::ReanchorResult r = geo::reanchor(d, {c});
    EXPECT_TRUE(r.unplaced.empty());
    EXPECT_EQ(r.moved, 0u);
    EXPECT_EQ(r.corrections.at(0).anchor->byte_start, c.anchor->byte_start);
}

TEST_F(Corrections, ReanchorFollowsTheTextAfterAnEdit) {
    const geo::Document old_doc = doc(kParisText);
    const geo::Extraction base = extract(old_doc);
    const std::vector<geo::Correction> list = {
        geo::choosePlace(old_doc, mentionNamed(base, "Paris", 1), gazetteerTarget(kParisTexas),
                         geo::CorrectionScope::ThisMention, 1),
        geo::notAPlace(old_doc, mentionNamed(base, "Lyon"), geo::CorrectionScope::AllWithName, 2)};
    // A sentence added in front moves every byte offset; the anchored "Paris" must follow it.
    const std::string new_text = "A new first line about Paris.\n\n" + kParisText;
    const geo::Document new_doc = doc(new_text);
    const geo::ReanchorResult r = geo::reanchor(new_doc, list);
    EXPECT_TRUE(r.unplaced.empty());
    EXPECT_EQ(r.moved, 1u);
    ASSERT_EQ(r.corrections.size(), 2u);
    const std::size_t expected = new_text.find("from Paris") + 5;
    EXPECT_EQ(r.corrections[0].anchor->byte_start, expected);
    EXPECT_EQ(r.corrections[0].anchor->byte_end, expected + 5);
    EXPECT_FALSE(r.corrections[1].anchor.has_value());

    const geo::Extraction ex = geo::applyCorrections(new_doc, gazetteer(), extract(new_doc), r.corrections);
    expectConsistent(ex);
    Strings paris_places;
    for (const geo::Mention& m : ex.mentions) {
        if (m.text == "Paris") paris_places.push_back(ex.places[m.place].place.id);
        EXPECT_NE(m.text, "Lyon");
    }
    EXPECT_EQ(paris_places, (Strings{kParisFrance, kParisFrance, kParisTexas}));
}

TEST_F(Corrections, ReanchorPrefersTheOccurrenceWhoseContextMatches) {
    const std::string old_text = "Troops left Kabul at dawn. Supplies reached Kabul by truck the next week.";
    const geo::Document old_doc = doc(old_text);
    const geo::Extraction base = extract(old_doc);
    const geo::Correction c =
        geo::notAPlace(old_doc, mentionNamed(base, "Kabul", 1), geo::CorrectionScope::ThisMention, 1);
    // The sentences swap places: the nearest "Kabul" to the old offset is now the wrong one.
    const std::string new_text = "Supplies reached Kabul by truck the next week. Troops left Kabul at dawn.";
    const geo::ReanchorResult r = geo::reanchor(doc(new_text), {c});
    ASSERT_TRUE(r.unplaced.empty());
    EXPECT_EQ(r.corrections[0].anchor->byte_start, new_text.find("Kabul"));
    EXPECT_EQ(r.corrections[0].anchor->context_after.rfind(" by truck", 0), 0u);
}

TEST_F(Corrections, ReanchorReportsWhatItCannotPlace) {
    const std::string old_text = "Troops left Kabul at dawn. Supplies reached Kabul by truck the next week.";
    const geo::Document old_doc = doc(old_text);
    const geo::Extraction base = extract(old_doc);
    const std::vector<geo::Correction> list = {
        geo::notAPlace(old_doc, mentionNamed(base, "Kabul", 0), geo::CorrectionScope::ThisMention, 1),
        geo::notAPlace(old_doc, mentionNamed(base, "Kabul", 1), geo::CorrectionScope::ThisMention, 2)};
    // The first sentence is rewritten around the name; the second is gone, and "Kabul" now stands
    // only inside "Kabuli" or in an unrelated sentence.
    const std::string new_text = "At noon, the convoy waited for hours near Kabul and its people. Kabuli rice was served.";
    const geo::ReanchorResult r = geo::reanchor(doc(new_text), list);
    ASSERT_EQ(r.unplaced.size(), 2u);
    EXPECT_EQ(r.unplaced[0].index, 0u);
    EXPECT_EQ(r.unplaced[1].index, 1u);
    EXPECT_EQ(r.unplaced[1].text, "Kabul");
    // Kept unchanged, so a later version of the text may place them.
    ASSERT_EQ(r.corrections.size(), 2u);
    EXPECT_EQ(r.corrections[1].anchor->byte_start, list[1].anchor->byte_start);
}

TEST_F(Corrections, CandidatesAreTheOtherSensesNearestTheDocumentFirst) {
    // A hand-made extraction: "Paris" resolved to France, "Dallas" to Texas.
    const std::string text = "From Paris we drove to Dallas.";
    const geo::Document d = doc(text);
    geo::Extraction ex;
    const auto add = [&](const char* id, const std::string& name, std::vector<geo::Candidate> runners_up) {
        geo::ResolvedPlace rp;
        rp.place = gazetteer().place(static_cast<std::uint32_t>(gazetteer().findId(id)));
        rp.runners_up = std::move(runners_up);
        rp.mentions = {ex.mentions.size()};
        rp.passages = {0};
        geo::Mention m;
        m.byte_start = text.find(name);
        m.byte_end = m.byte_start + name.size();
        m.text = name;
        m.place = ex.places.size();
        ex.mentions.push_back(m);
        ex.places.push_back(rp);
    };
    const auto paris_texas = static_cast<std::uint32_t>(gazetteer().findId(kParisTexas));
    add(kParisFrance, "Paris", {{paris_texas, 0.4}});
    add(kDallasTexas, "Dallas", {});

    const std::vector<geo::CandidateView> candidates = geo::candidatesFor(gazetteer(), ex, 0);
    ASSERT_GE(candidates.size(), 3u);
    // Paris, Texas is some 150 km from Dallas; every other Paris is farther.
    EXPECT_EQ(candidates[0].id, kParisTexas);
    EXPECT_TRUE(candidates[0].runner_up);
    EXPECT_EQ(candidates[0].score, 0.4);
    EXPECT_EQ(candidates[0].nearest_other, 1u);
    EXPECT_GT(candidates[0].nearest_other_m, 100e3);
    EXPECT_LT(candidates[0].nearest_other_m, 200e3);
    EXPECT_EQ(candidates[0].country, "US");
    EXPECT_EQ(candidates[0].kind, geo::PlaceKind::City);
    const geo::LonLat dallas = ex.places[1].place.position;
    for (std::size_t i = 0; i < candidates.size(); ++i) {
        EXPECT_NE(candidates[i].id, kParisFrance);
        EXPECT_EQ(geo::Gazetteer::normalise(gazetteer().place(candidates[i].gazetteer_index).name).substr(0, 4), "pari");
        EXPECT_NEAR(candidates[i].nearest_other_m, geo::geodesicDistanceMeters(candidates[i].position, dallas), 1e-6);
        if (i > 0) {
            EXPECT_LE(candidates[i - 1].nearest_other_m, candidates[i].nearest_other_m);
        }
        for (std::size_t j = 0; j < i; ++j) EXPECT_NE(candidates[i].id, candidates[j].id);
    }
    // Alone in its document, a place's candidates have no distance and keep the runners-up first.
    geo::Extraction alone = ex;
    alone.places.pop_back();
    alone.mentions.pop_back();
    const std::vector<geo::CandidateView> lonely = geo::candidatesFor(gazetteer(), alone, 0);
    ASSERT_FALSE(lonely.empty());
    EXPECT_EQ(lonely[0].id, kParisTexas);
    EXPECT_TRUE(std::isinf(lonely[0].nearest_other_m));
    EXPECT_EQ(lonely[0].nearest_other, static_cast<std::size_t>(-1));
    for (std::size_t i = 2; i < lonely.size(); ++i) EXPECT_GE(lonely[i - 1].population, lonely[i].population);

    try {
        geo::candidatesFor(gazetteer(), ex, 2);
        ADD_FAILURE() << "no error";
    } catch (const geo::Error& e) {
        EXPECT_STREQ(e.what(), "place index 2 out of range (2 places)");
    }
}

TEST(CorrectionKinds, RoundTripThroughTheirNames) {
    for (geo::CorrectionKind kind :
         {geo::CorrectionKind::ChoosePlace, geo::CorrectionKind::NotAPlace, geo::CorrectionKind::AddPlace}) {
        EXPECT_EQ(geo::correctionKindFromString(geo::toString(kind)), kind);
    }
    EXPECT_EQ(geo::correctionKindFromString("choose"), std::nullopt);
    EXPECT_STREQ(geo::toString(geo::CorrectionKind::NotAPlace), "not_a_place");
}

}  // namespace
