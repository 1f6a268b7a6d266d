// Tests of geo::Document: validation messages, passages, offsets.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "geo/error.hpp"
#include "geo/text.hpp"

namespace {

const std::string kFixtures = std::string(TEXTATLAS_TEST_DATA_DIR) + "/text/";

// The message of the geo::Error that `fn` throws, or "" if it throws none.
template <typename Fn>
std::string errorOf(Fn&& fn) {
    try {
        fn();
    } catch (const geo::Error& e) {
        return e.what();
    }
    return "";
}

TEST(Document, MissingFileIsNamed) {
    const std::string path = kFixtures + "does-not-exist.txt";
    EXPECT_EQ(errorOf([&] { geo::Document::fromFile(path); }), path + ": no such file");
}

TEST(Document, DirectoryIsRefused) {
    const std::string path = kFixtures;
    EXPECT_EQ(errorOf([&] { geo::Document::fromFile(path); }), path + ": is a directory");
}

TEST(Document, UnreadableFileIsRefused) {
    if (geteuid() == 0) GTEST_SKIP() << "root can read any file";
    const auto path = std::filesystem::temp_directory_path() / "textatlas_unreadable.txt";
    { std::ofstream(path) << "Kabul\n"; }
    std::filesystem::permissions(path, std::filesystem::perms::none);
    EXPECT_EQ(errorOf([&] { geo::Document::fromFile(path.string()); }), path.string() + ": permission denied");
    std::filesystem::remove(path);
}

TEST(Document, InvalidUtf8ReportsByteLineAndColumn) {
    const std::string path = kFixtures + "invalid_utf8.txt";
    EXPECT_EQ(errorOf([&] { geo::Document::fromFile(path); }),
              path + ": invalid UTF-8 at byte 55 (line 2, column 34)");
}

TEST(Document, InvalidUtf8AfterABomCountsBytesInTheFileAndColumnsWithoutTheBom) {
    // Bytes: BOM (0–2), 'a' (3), 'b' (4), 0xFF (5); the user sees "ab" then the bad byte.
    EXPECT_EQ(errorOf([] { geo::Document::fromString("\xEF\xBB\xBF" "ab\xFF", "bom.txt"); }),
              "bom.txt: invalid UTF-8 at byte 5 (line 1, column 3)");
}

TEST(Document, SurrogatesAndOverlongFormsAreInvalid) {
    EXPECT_EQ(errorOf([&] { geo::Document::fromFile(kFixtures + "surrogate.txt"); }),
              kFixtures + "surrogate.txt: invalid UTF-8 at byte 11 (line 1, column 12)");
    EXPECT_EQ(errorOf([&] { geo::Document::fromFile(kFixtures + "overlong.txt"); }),
              kFixtures + "overlong.txt: invalid UTF-8 at byte 10 (line 1, column 11)");
}

TEST(Document, FirstInvalidUtf8Limits) {
    EXPECT_EQ(geo::firstInvalidUtf8("plain ASCII"), geo::Document::npos);
    EXPECT_EQ(geo::firstInvalidUtf8("Kābul ‘Ayn 𝄞"), geo::Document::npos);  // 2-, 3- and 4-byte forms
    EXPECT_EQ(geo::firstInvalidUtf8("\xF4\x8F\xBF\xBF"), geo::Document::npos);  // U+10FFFF, the last
    EXPECT_EQ(geo::firstInvalidUtf8("ab\xF4\x90\x80\x80"), 2u);                 // U+110000
    EXPECT_EQ(geo::firstInvalidUtf8("\xE0\x80\xAF"), 0u);                       // overlong 3-byte
    EXPECT_EQ(geo::firstInvalidUtf8("\xC1\xBF"), 0u);                           // overlong 2-byte
    EXPECT_EQ(geo::firstInvalidUtf8("abc\xE2\x82"), 3u);                        // truncated at the end
    EXPECT_EQ(geo::firstInvalidUtf8("\x80"), 0u);                               // stray continuation
    EXPECT_EQ(geo::firstInvalidUtf8("x\xF8\x88\x80\x80\x80"), 1u);              // 5-byte form
}

TEST(Document, BinaryIsRefused) {
    const std::string path = kFixtures + "binary.bin";
    EXPECT_EQ(errorOf([&] { geo::Document::fromFile(path); }), path + ": binary file, not text");
}

TEST(Document, EmptyAndWhitespaceOnlyAreRefused) {
    EXPECT_EQ(errorOf([&] { geo::Document::fromFile(kFixtures + "empty.txt"); }), kFixtures + "empty.txt: empty file");
    EXPECT_EQ(errorOf([&] { geo::Document::fromFile(kFixtures + "whitespace_only.txt"); }),
              kFixtures + "whitespace_only.txt: empty file");
    EXPECT_EQ(errorOf([] { geo::Document::fromString("\xEF\xBB\xBF \r\n", "bom"); }), "bom: empty file");
}

TEST(Document, Utf16IsRefusedWithAHint) {
    const std::string path = kFixtures + "utf16le_bom.txt";
    EXPECT_EQ(errorOf([&] { geo::Document::fromFile(path); }),
              path + ": UTF-16 text is not supported; save it as UTF-8");
    EXPECT_EQ(errorOf([] { geo::Document::fromString(std::string("\xFE\xFF\0K", 4), "be"); }),
              "be: UTF-16 text is not supported; save it as UTF-8");
}

TEST(Document, ErrorsAreInvalidInput) {
    try {
        geo::Document::fromString("a\xFF", "x");
        FAIL() << "no error";
    } catch (const geo::Error& e) {
        EXPECT_EQ(e.kind(), geo::ErrorKind::InvalidInput);
    }
}

TEST(Document, BomIsDroppedAndCrlfBecomesLf) {
    const geo::Document doc = geo::Document::fromFile(kFixtures + "crlf_bom.txt");
    EXPECT_EQ(doc.text(), "Kabul is in Afghanistan.\nHerat is in the west.\n");
    ASSERT_EQ(doc.passages().size(), 2u);
    EXPECT_EQ(doc.slice(doc.passages()[1].byte_start, doc.passages()[1].byte_end), "Herat is in the west.");
    // A lone CR (old Mac files) is a line break too.
    EXPECT_EQ(geo::Document::fromString("a\rb").text(), "a\nb");
}

TEST(Document, PassagesAreLinesUnlessBlankLinesSeparateParagraphs) {
    // The seed article's shape: single newlines between paragraphs.
    const geo::Document doc = geo::Document::fromString("First paragraph.\nSecond one.\n  \nThird.");
    // A blank line after two lines → paragraph mode: "First…\nSecond one." is one passage.
    ASSERT_EQ(doc.passages().size(), 2u);
    EXPECT_EQ(doc.slice(doc.passages()[0].byte_start, doc.passages()[0].byte_end), "First paragraph.\nSecond one.");
    EXPECT_EQ(doc.slice(doc.passages()[1].byte_start, doc.passages()[1].byte_end), "Third.");

    const geo::Document lines = geo::Document::fromString("\n  First line.  \nSecond line.\nThird line.\n\n");
    ASSERT_EQ(lines.passages().size(), 3u);  // blank lines only at the edges: still line mode
    EXPECT_EQ(lines.slice(lines.passages()[0].byte_start, lines.passages()[0].byte_end), "First line.");
    EXPECT_EQ(lines.passages()[2].index, 2u);
}

TEST(Document, SeedArticleHasOnePassagePerLine) {
    const geo::Document doc = geo::Document::fromFile(std::string(TEXTATLAS_SOURCE_DATA_DIR) + "/texts/panjshir-valley.txt");
    std::size_t non_blank_lines = 0;
    std::size_t begin = 0;
    const std::string& text = doc.text();
    while (begin < text.size()) {
        std::size_t end = text.find('\n', begin);
        if (end == std::string::npos) end = text.size();
        if (text.find_first_not_of(" \t", begin) < end) ++non_blank_lines;
        begin = end + 1;
    }
    EXPECT_GT(non_blank_lines, 5u);
    EXPECT_EQ(doc.passages().size(), non_blank_lines);
    for (const geo::Passage& p : doc.passages()) {
        EXPECT_EQ(doc.slice(p.byte_start, p.byte_end).find('\n'), std::string::npos);
    }
}

TEST(Document, OffsetsRoundTripOnMultibyteText) {
    // 1-, 2-, 3- and 4-byte code points, long enough to cross several 64-byte index blocks.
    std::string text;
    for (int i = 0; i < 40; ++i) text += "Kābul’s 𝄞 ";
    const geo::Document doc = geo::Document::fromString(text);
    std::size_t cp = 0;
    for (std::size_t byte = 0; byte <= doc.text().size(); ++byte) {
        if (byte < doc.text().size() && (static_cast<unsigned char>(doc.text()[byte]) & 0xC0) == 0x80) continue;
        EXPECT_EQ(doc.byteToCodePoint(byte), cp) << "byte " << byte;
        EXPECT_EQ(doc.codePointToByte(cp), byte) << "code point " << cp;
        ++cp;
    }
    EXPECT_EQ(cp - 1, doc.codePointCount());
    EXPECT_EQ(doc.codePointCount(), 40u * 10u);
    EXPECT_THROW(doc.codePointToByte(doc.codePointCount() + 1), geo::Error);
    EXPECT_THROW(doc.byteToCodePoint(doc.text().size() + 1), geo::Error);
}

TEST(Document, PassageOffsetsInCodePoints) {
    const geo::Document doc = geo::Document::fromString("ā\nKābul");
    ASSERT_EQ(doc.passages().size(), 2u);
    const geo::Passage& p = doc.passages()[1];
    EXPECT_EQ(p.byte_start, 3u);
    EXPECT_EQ(p.start, 2u);
    EXPECT_EQ(p.end, 7u);
    EXPECT_EQ(p.byte_end, 9u);
}

TEST(Document, PassageAtByte) {
    const geo::Document doc = geo::Document::fromString("One.\n\nTwo.\n\nThree.");
    ASSERT_EQ(doc.passages().size(), 3u);
    EXPECT_EQ(doc.passageAtByte(0), 0u);
    EXPECT_EQ(doc.passageAtByte(3), 0u);
    EXPECT_EQ(doc.passageAtByte(4), geo::Document::npos);  // the newline after "One."
    EXPECT_EQ(doc.passageAtByte(6), 1u);
    EXPECT_EQ(doc.passageAtByte(doc.text().size() - 1), 2u);
}

TEST(Document, ACutInsideAPassagePrefersSentenceEndsThenLowerCaseWords) {
    const auto cut = [](std::string_view text, std::size_t from = 0) {
        return geo::cutInsidePassage(text, from, text.size());
    };
    const auto after = [](std::string_view text, std::string_view before) { return text.find(before) + before.size(); };
    // A sentence end, not the periods of "St.", "Mt." or "U.S.", nor one before a lower-case word.
    std::string_view text = "Troops left St. Louis, Mt. Hood and the U.S. Army base. then Kabul. Herat is west.";
    EXPECT_EQ(cut(text), after(text, "Kabul."));
    EXPECT_EQ(cut(text, after(text, "Kabul.") + 1), after(text, "Herat is"));  // none after: two lower-case words
    text = "They left \"for Kabul.\" Herat fell! Then";  // closing quotes; "!" and "?"
    EXPECT_EQ(cut(text), after(text, "Kabul.\""));
    EXPECT_EQ(cut(text, after(text, "Kabul.\"") + 1), after(text, "fell!"));
    // No sentence end: between two lower-case words ("Bay of | Bengal" would cut a name).
    text = "Kabul Herat Bay of Bengal and the river";
    EXPECT_EQ(cut(text), after(text, "and"));
    // Else any run of whitespace (U+00A0 included), which may stand inside a name.
    text = "Kabul New\xC2\xA0York Herat";
    EXPECT_EQ(cut(text), after(text, "Kabul"));
    EXPECT_EQ(cut(text, 6), after(text, "New"));
    // Only runs that begin in [from, to), after a non-white character.
    EXPECT_EQ(geo::cutInsidePassage("Kabul   Herat", 6, 13), geo::Document::npos);
    EXPECT_EQ(geo::cutInsidePassage("Kabul   Herat", 0, 5), geo::Document::npos);
    EXPECT_EQ(geo::cutInsidePassage("Kabul   Herat", 0, 6), 5u);
    EXPECT_EQ(geo::cutInsidePassage("Kabulistan", 0, 10), geo::Document::npos);
}

TEST(Text, UpperLatin) {
    EXPECT_TRUE(geo::isUpperLatin(U'K'));
    EXPECT_FALSE(geo::isUpperLatin(U'k'));
    EXPECT_TRUE(geo::isUpperLatin(U'Ḩ'));
    EXPECT_FALSE(geo::isUpperLatin(U'ḩ'));
    EXPECT_TRUE(geo::isUpperLatin(U'Ö'));
    EXPECT_FALSE(geo::isUpperLatin(U'ß'));
    EXPECT_FALSE(geo::isUpperLatin(U'×'));
    EXPECT_FALSE(geo::isUpperLatin(U'’'));
}

}  // namespace
