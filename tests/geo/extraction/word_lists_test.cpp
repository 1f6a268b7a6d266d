// Tests of geo/extraction/word_lists: which lists a word is on, as bits of one table.
#include <gtest/gtest.h>

#include "geo/extraction/word_lists.hpp"

namespace {

using namespace geo::extract;

TEST(WordLists, AWordCarriesTheBitsOfEveryListItIsOn) {
    const WordListTable& lists = wordLists();
    EXPECT_TRUE(lists.find("march") & kListNever);
    EXPECT_TRUE(lists.find("jordan") & kListPersonal);
    EXPECT_TRUE(lists.find("jordan") & kListGiven);
    EXPECT_TRUE(lists.find("jordan") & kListCommon);
    EXPECT_TRUE(lists.find("said") & kListSpeech);
    EXPECT_TRUE(lists.find("post") & kListOrganisation);
    EXPECT_TRUE(lists.find("valley") & kListFeature);
    EXPECT_TRUE(lists.find("de") & kListConnector);
    EXPECT_TRUE(lists.find("st") & kListPeriodAbbreviation);
    EXPECT_TRUE(lists.find("from") & kListLocative);
    EXPECT_TRUE(lists.find("rev") & kListTitle);
    EXPECT_TRUE(lists.find("police") & kListInstitution);
    EXPECT_TRUE(lists.find("virus") & kListDisease);
    EXPECT_TRUE(lists.find("creek") & kListFeatureHead);
    EXPECT_TRUE(lists.find("valley") & kListFeatureHead);
}

TEST(WordLists, UnlistedAndOverlongWordsHaveNoBits) {
    const WordListTable& lists = wordLists();
    EXPECT_EQ(lists.find("kabul"), 0);
    EXPECT_EQ(lists.find(""), 0);
    EXPECT_EQ(lists.find("marchmarchmarchmarch"), 0);  // longer than a key
    EXPECT_EQ(lists.find("March"), 0);                  // lists hold normalised (lower-case) words
}

TEST(WordLists, ThePaddedKeyFindsTheSameBits) {
    char padded[WordListTable::kKeyBytes] = {'s', 'a', 'i', 'd'};
    EXPECT_EQ(wordLists().find(WordListTable::keyOf(padded)), wordLists().find("said"));
}

}  // namespace
