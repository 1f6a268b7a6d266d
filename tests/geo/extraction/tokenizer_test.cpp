// Tests of geo/extraction/tokenizer: words, initials, gaps, sentence starts, possessives and
// normalised forms.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "geo/extraction/tokenizer.hpp"

namespace {

using namespace geo::extract;

struct Tokens {
    geo::Document doc;
    std::string arena;
    std::vector<Token> tokens;
    explicit Tokens(const std::string& text) : doc(geo::Document::fromString(text, "test")) {
        tokens = tokenise(doc, 0, doc.passages().size(), arena);
    }
    std::string word(std::size_t i) const { return doc.text().substr(tokens[i].begin, tokens[i].end - tokens[i].begin); }
};

TEST(Tokenizer, WordsWithTheirGapsAndNormalisedForms) {
    const Tokens t("In Mazar-i-Sharif, Kyïv's envoy met U.S. officials.");
    ASSERT_EQ(t.tokens.size(), 9u);
    EXPECT_EQ(t.word(0), "In");
    EXPECT_TRUE(t.tokens[0].sentence_start);
    EXPECT_EQ(t.tokens[0].gap_after, Gap::Space);
    EXPECT_EQ(t.word(1), "Mazar");
    EXPECT_EQ(t.tokens[1].gap_after, Gap::Hyphen);
    EXPECT_EQ(t.tokens[3].gap_after, Gap::Comma);
    EXPECT_EQ(t.word(4), "Kyïv");  // the possessive is left out
    EXPECT_TRUE(t.tokens[4].possessive);
    EXPECT_EQ(t.tokens[4].lower, "kyiv");
    EXPECT_FALSE(t.tokens[4].plain);
    EXPECT_EQ(t.tokens[4].gap_after, Gap::Break);  // after a possessive, always
    EXPECT_EQ(t.word(7), "U.S.");
    EXPECT_TRUE(t.tokens[7].dotted);
    EXPECT_TRUE(t.tokens[7].all_caps);
    EXPECT_EQ(t.tokens[7].lower, "u.s.");
    EXPECT_TRUE(t.tokens[5].plain);
    EXPECT_EQ(t.tokens[5].lower, "envoy");
    EXPECT_FALSE(t.tokens[5].capitalised);
}

TEST(Tokenizer, ADashIsABreakAndOpensNoWord) {
    const Tokens t("Kabul\u2014the capital");
    ASSERT_EQ(t.tokens.size(), 3u);
    EXPECT_EQ(t.word(0), "Kabul");
    EXPECT_EQ(t.tokens[0].gap_after, Gap::Break);
    EXPECT_TRUE(t.tokens[1].sentence_start);  // a dash may open an aside
}

TEST(Tokenizer, SentenceStartsAfterStopsAndQuotes) {
    const Tokens t("Rain fell. Reading \"Nice\" days (Bath)");
    ASSERT_EQ(t.tokens.size(), 6u);
    EXPECT_TRUE(t.tokens[0].sentence_start);
    EXPECT_FALSE(t.tokens[1].sentence_start);
    EXPECT_TRUE(t.tokens[2].sentence_start);
    EXPECT_TRUE(t.tokens[3].sentence_start);
    EXPECT_TRUE(t.tokens[4].sentence_start);   // any quote mark opens one (closing or not)
    EXPECT_TRUE(t.tokens[5].sentence_start);
    EXPECT_EQ(t.tokens[1].gap_after, Gap::Period);
}

TEST(Tokenizer, AllCapsAndWordListBits) {
    const Tokens t("NATO troops said in March");
    EXPECT_TRUE(t.tokens[0].all_caps);
    EXPECT_TRUE(t.tokens[0].capitalised);
    EXPECT_TRUE(inList(t.tokens[2], kListSpeech));
    EXPECT_TRUE(inList(t.tokens[3], kListLocative));
    EXPECT_TRUE(inList(t.tokens[3], kListNever));
}

TEST(Tokenizer, ContractionsAreNeverNames) {
    const Tokens t("I've seen it. They’d go. O'Brien");
    EXPECT_TRUE(inList(t.tokens[0], kListNever));
    EXPECT_EQ(t.tokens[0].lower, "ive");  // apostrophes vanish in the normalised form
    EXPECT_TRUE(inList(t.tokens[3], kListNever));
    EXPECT_FALSE(inList(t.tokens[5], kListNever));
}

TEST(Tokenizer, PassagesAreTokenisedApart) {
    const Tokens t("Kabul\n\nHerat");
    ASSERT_EQ(t.tokens.size(), 2u);
    EXPECT_EQ(t.tokens[0].passage, 0u);
    EXPECT_EQ(t.tokens[1].passage, 1u);
    EXPECT_EQ(t.tokens[0].gap_after, Gap::Break);
}

}  // namespace
