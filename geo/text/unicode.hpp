// geo/text/unicode.hpp — the one definition of letters, apostrophes and words that every part of
// Text Atlas reading words uses: the extraction tokeniser, gazetteer name normalisation, reader
// corrections, distance claims and the viewer's word picking. Code-point classes and UTF-8 stepping
// only; does not normalise names (Gazetteer::normalise) or know about places.
//
// A word is a maximal run of word characters (letters and digits of any script) in which a single
// apostrophe may stand between two word characters ("O'Brien", "Afghanistan’s", "Kup'yans'k").
// Hyphens, dashes, periods and every other punctuation mark end a word ("Kabul—the" is two words,
// "Mazar-i-Sharif" three). Initials ("U.S.", "D.C.") are their own shape: letters each followed by
// a period, two or more of them.
#pragma once
#include <cstddef>
#include <string_view>

namespace geo {

// Decodes the code point starting at byte `pos` of valid UTF-8 and moves `pos` past it (text.hpp).
char32_t nextCodePoint(std::string_view utf8, std::size_t& pos);

namespace text {

inline bool isAsciiLetter(char32_t c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
inline bool isAsciiDigit(char32_t c) { return c >= '0' && c <= '9'; }
inline bool isAsciiAlnum(char32_t c) { return isAsciiLetter(c) || isAsciiDigit(c); }

// Apostrophes that may stand inside a word: ' ’ ‘ and the modifier letters used as apostrophes and
// soft/hard signs in transliterations (ʼ ʻ ʹ ʾ ʿ). ‘ joins only between two word characters, so an
// opening quote never does.
inline bool isApostrophe(char32_t cp) {
    return cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == 0x02BC || cp == 0x02BB || cp == 0x02B9 ||
           cp == 0x02BE || cp == 0x02BF;
}

// A letter or digit of any script. ASCII: [A-Za-z0-9]. Beyond ASCII every code point is a letter
// except the punctuation, space and symbol blocks a name never contains: Latin-1 punctuation and
// signs (U+0080–U+00BF, × ÷), the apostrophe-like modifier letters above, General Punctuation to
// Miscellaneous Symbols and Arrows (U+2000–U+2BFF: dashes, quotes, spaces, currency, arrows, maths),
// Supplemental Punctuation (U+2E00–U+2E7F), CJK punctuation (U+3000–U+303F), fullwidth ASCII
// punctuation (U+FF00–U+FF0F), the byte-order mark and U+FFFD.
inline bool isWordCharBeyondAscii(char32_t cp) {
    if (cp <= 0xBF || cp == 0xD7 || cp == 0xF7) return false;
    if (cp >= 0x02B9 && cp <= 0x02BF && isApostrophe(cp)) return false;
    if (cp >= 0x2000 && cp <= 0x2BFF) return false;
    if (cp >= 0x2E00 && cp <= 0x2E7F) return false;
    if (cp >= 0x3000 && cp <= 0x303F) return false;
    return cp != 0xFEFF && cp != 0xFFFD && !(cp >= 0xFF00 && cp <= 0xFF0F);
}
inline bool isWordChar(char32_t cp) { return cp < 0x80 ? isAsciiAlnum(cp) : isWordCharBeyondAscii(cp); }
inline bool isLetter(char32_t cp) { return isWordChar(cp) && !isAsciiDigit(cp); }

// Hyphens and dashes: - ‐ ‑ ‒ – — ― −.
inline bool isDash(char32_t cp) { return cp == '-' || (cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212; }

// White space, including no-break, thin and zero-width spaces and the byte-order mark.
inline bool isSpace(char32_t cp) {
    return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' || cp == 0xA0 ||
           (cp >= 0x2000 && cp <= 0x200B) || cp == 0x202F || cp == 0x205F || cp == 0x3000 || cp == 0xFEFF;
}

// nextCodePoint with the ASCII case inline (nearly every byte of an English text).
inline char32_t decode(std::string_view utf8, std::size_t& pos) {
    const auto byte = static_cast<unsigned char>(utf8[pos]);
    if (byte < 0x80) {
        ++pos;
        return byte;
    }
    return nextCodePoint(utf8, pos);
}

// The start of the code point that ends at `pos` (pos > 0).
std::size_t previousCodePointStart(std::string_view utf8, std::size_t pos);

// The end of the word that starts at `begin` (a word character), looking no further than `limit`:
// word characters, and an apostrophe when a word character follows it.
std::size_t wordEnd(std::string_view utf8, std::size_t begin, std::size_t limit);

// The end of initials starting at `begin` ("U.S.", "D.C.": two or more ASCII letters each followed
// by a period, and no word character right after), or `begin` when there are none.
std::size_t initialsEnd(std::string_view utf8, std::size_t begin, std::size_t limit);

// Where a possessive "'s"/"’s" (any apostrophe and a lower-case s) at the end of the word
// [begin, end) starts, or `end` when it has none. "Kabul’s" → the offset of ’; "ST. JOHN'S" has
// none (an all-caps "'S" is as often part of the name).
std::size_t possessiveStart(std::string_view utf8, std::size_t begin, std::size_t end);

// The word (or initials) holding byte `byte`, as [first, second) byte offsets; {byte, byte} when
// that byte is no part of a word. "Kabul—the" at 'b' → "Kabul"; "Mexico's" keeps its "'s".
struct WordSpan {
    std::size_t begin = 0;
    std::size_t end = 0;
};
WordSpan wordAt(std::string_view utf8, std::size_t byte);

}  // namespace text
}  // namespace geo
