// Tests of geo/text/unicode: the one definition of letters, apostrophes and words.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "geo/text/unicode.hpp"

namespace {

using geo::text::wordAt;

std::string wordAround(const std::string& text, std::string_view inside, std::size_t offset = 0) {
    const geo::text::WordSpan w = wordAt(text, text.find(inside) + offset);
    return text.substr(w.begin, w.end - w.begin);
}

TEST(Unicode, LettersOfEveryScriptAreWordCharacters) {
    for (char32_t cp : {U'a', U'Z', U'7', U'é', U'ñ', U'ł', U'Д', U'ї', U'ب', U'中'}) {
        EXPECT_TRUE(geo::text::isWordChar(cp)) << static_cast<unsigned>(cp);
    }
    for (char32_t cp : {U' ', U'-', U'.', U',', U'\'', U'—', U'–', U'“', U'”', U'’', U'«', U'×', U'€', U'\u00A0',
                        U'\u200B', U'\uFEFF', U'、', U'ʼ', U'ʻ'}) {
        EXPECT_FALSE(geo::text::isWordChar(cp)) << static_cast<unsigned>(cp);
    }
    EXPECT_TRUE(geo::text::isLetter(U'ö'));
    EXPECT_FALSE(geo::text::isLetter(U'4'));
}

TEST(Unicode, ApostrophesIncludeTransliterationSigns) {
    for (char32_t cp : {U'\'', U'’', U'‘', U'ʼ', U'ʻ', U'ʹ'}) EXPECT_TRUE(geo::text::isApostrophe(cp));
    for (char32_t cp : {U'"', U'`', U'”', U'-'}) EXPECT_FALSE(geo::text::isApostrophe(cp));
}

TEST(Unicode, ADashEndsAWord) {
    // The viewer's word picking once took "Kabul—the" for one name.
    const std::string text = "They reached Kabul\u2014the capital\u2014at dawn.";
    EXPECT_EQ(wordAround(text, "Kabul", 2), "Kabul");
    EXPECT_EQ(wordAround(text, "the capital", 1), "the");
    const geo::text::WordSpan dash = wordAt(text, text.find("\u2014") + 1);  // inside the dash's bytes
    EXPECT_EQ(dash.begin, dash.end);
    EXPECT_EQ(wordAround("Mazar-i-Sharif", "Sharif"), "Sharif");
}

TEST(Unicode, ApostrophesJoinOnlyBetweenWordCharacters) {
    EXPECT_EQ(wordAround("Mr O'Brien left", "Brien"), "O'Brien");
    EXPECT_EQ(wordAround("near Kup'yans'k today", "yans"), "Kup'yans'k");
    EXPECT_EQ(wordAround("in Kupʼyansʼk today", "Kup"), "Kupʼyansʼk");
    EXPECT_EQ(wordAround("the Philippines' ports", "Phil"), "Philippines");
    EXPECT_EQ(wordAround("‘Kabul’ she said", "Kabul"), "Kabul");
    EXPECT_EQ(wordAround("They met in New Mexico's capital.", "Mexico"), "Mexico's");
    EXPECT_EQ(wordAround("They met in the capital.", "capital"), "capital");
}

TEST(Unicode, InitialsKeepTheirPeriods) {
    EXPECT_EQ(wordAround("troops of the U.S. left", "U.S.", 2), "U.S.");
    EXPECT_EQ(wordAround("in Washington, D.C., today", "D.C."), "D.C.");
    EXPECT_EQ(geo::text::initialsEnd("U.S. Army", 0, 9), 4u);
    EXPECT_EQ(geo::text::initialsEnd("U.Sa", 0, 4), 0u);   // a word runs on: no initials
    EXPECT_EQ(geo::text::initialsEnd("A. Smith", 0, 8), 0u);  // one initial is not enough
}

TEST(Unicode, WordEndAndPossessive) {
    const std::string text = "Afghanistan\u2019s north";
    const std::size_t end = geo::text::wordEnd(text, 0, text.size());
    EXPECT_EQ(text.substr(0, end), "Afghanistan\u2019s");
    EXPECT_EQ(geo::text::possessiveStart(text, 0, end), std::string("Afghanistan").size());
    const std::string caps = "ST. JOHN'S";
    EXPECT_EQ(geo::text::possessiveStart(caps, 4, caps.size()), caps.size());  // "'S" may be the name's
    EXPECT_EQ(geo::text::possessiveStart("'s", 0, 2), 2u);
}

TEST(Unicode, NothingOutsideTheText) {
    EXPECT_EQ(wordAt("abc", 3).begin, 3u);
    EXPECT_EQ(wordAt("abc", 3).end, 3u);
    EXPECT_EQ(wordAt("", 0).end, 0u);
    const geo::text::WordSpan space = wordAt("a b", 1);
    EXPECT_EQ(space.begin, space.end);
}

}  // namespace
