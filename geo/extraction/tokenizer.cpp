#include "geo/extraction/tokenizer.hpp"

#include <algorithm>
#include <cstring>
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "geo/gazetteer.hpp"
#include "geo/text/unicode.hpp"

namespace geo::extract {
namespace {

using text::decode;
using text::isApostrophe;
using text::isAsciiLetter;
using text::isWordChar;
using text::isWordCharBeyondAscii;

// What the characters between two words are, as bits (their combination decides the Gap).
enum GapChar : std::uint8_t {
    kGapNewline = 1 << 0,
    kGapSpace = 1 << 1,    // ' ', '\t', U+00A0
    kGapHyphen = 1 << 2,   // '-', U+2010, U+2011
    kGapPeriod = 1 << 3,
    kGapComma = 1 << 4,
    kGapOther = 1 << 5,
};

// Per-byte facts for the tokeniser's loops, one table lookup instead of a chain of compares. Bytes
// from 0x80 up are only marked kByteBeyondAscii (their code point is decoded).
enum ByteClass : std::uint8_t {
    kByteAlnum = 1 << 0,         // [A-Za-z0-9]
    kByteLowerLetter = 1 << 1,   // [a-z]
    kByteSentence = 1 << 3,      // . ! ? : ; " ( [ — the next word starts a sentence
    kByteBeyondAscii = 1 << 4,
    kByteUpper = 0x20,           // [A-Z]; the bit that lower-cases it
};
struct ByteTables {
    std::uint8_t cls[256] = {};
    std::uint8_t gap[256] = {};  // GapChar of an ASCII byte that is no letter or digit
};
constexpr ByteTables makeByteTables() {
    ByteTables t;
    for (int b = 0; b < 256; ++b) {
        const bool upper = b >= 'A' && b <= 'Z', letter = upper || (b >= 'a' && b <= 'z'), digit = b >= '0' && b <= '9';
        t.cls[b] = static_cast<std::uint8_t>((letter || digit ? kByteAlnum : 0) | (upper ? kByteUpper : 0) |
                                             (letter && !upper ? kByteLowerLetter : 0) | (b >= 0x80 ? kByteBeyondAscii : 0));
        if (b == '.' || b == '!' || b == '?' || b == ':' || b == ';' || b == '"' || b == '(' || b == '[') {
            t.cls[b] |= kByteSentence;
        }
        t.gap[b] = b == '\n' ? kGapNewline
                   : (b == ' ' || b == '\t') ? kGapSpace
                   : b == '-' ? kGapHyphen
                   : b == '.' ? kGapPeriod
                   : b == ',' ? kGapComma
                              : kGapOther;
    }
    return t;
}
constexpr ByteTables kBytes = makeByteTables();

// The Gap of the characters between two words of a passage: `chars` their GapChar bits, `size` their
// length in bytes, `first` the first of them.
Gap gapOf(unsigned chars, std::size_t size, char first) {
    const bool newline = chars & kGapNewline, space = chars & kGapSpace, hyphen = chars & kGapHyphen;
    const bool period = chars & kGapPeriod, comma = chars & kGapComma, other = chars & kGapOther;
    if (other || newline) return Gap::Break;
    if (hyphen && !period && !comma) return size == 1 ? Gap::Hyphen : Gap::Break;
    if (period && !comma && size == 2 && first == '.' && space) return Gap::Period;
    if (comma && !period && size == 2 && first == ',' && space) return Gap::Comma;
    if (space && !period && !comma && !hyphen) return Gap::Space;
    return Gap::Break;
}

// True when the word ends in an apostrophe and one of the English contraction endings ('ve, 'd,
// 'll, 're, 'm, 't).
bool isContraction(std::string_view word) {
    for (std::string_view ending : {"ve", "d", "ll", "re", "m", "t"}) {
        if (word.size() <= ending.size() + 1 || word.substr(word.size() - ending.size()) != ending) continue;
        const std::size_t apostrophe = text::previousCodePointStart(word, word.size() - ending.size());
        std::size_t at = apostrophe;
        if (apostrophe > 0 && isApostrophe(decode(word, at))) return true;
    }
    return false;
}

}  // namespace

std::vector<Token> tokenise(const Document& doc, std::size_t first_passage, std::size_t end_passage,
                            std::string& arena, std::size_t byte_begin, std::size_t byte_end) {
    const std::string& text = doc.text();
    const char* const bytes = text.data();
    const WordListTable& lists = wordLists();
    const std::vector<Passage>& passages = doc.passages();
    std::vector<Token> tokens;
    std::size_t range_bytes = 0;
    if (first_passage < end_passage) {
        const std::size_t lo = std::max(passages[first_passage].byte_start, byte_begin);
        const std::size_t hi = std::min(passages[end_passage - 1].byte_end, byte_end);
        range_bytes = hi > lo ? hi - lo : 0;
    }
    tokens.reserve(range_bytes / 5);
    // Normalising never lengthens valid UTF-8, so range_bytes is enough (the arena is still grown
    // if it were not). Everything after the `used` bytes stays zero, and there are at least kKeyBytes
    // of it: a short word's bytes read as kKeyBytes are its zero-padded word-list key.
    arena.assign(range_bytes + WordListTable::kKeyBytes, '\0');
    std::size_t used = 0;
    bool arena_moved = false;
    // Makes room for `bytes` more (and the zero padding).
    const auto reserveArena = [&](std::size_t bytes) {
        if (used + bytes + WordListTable::kKeyBytes <= arena.size()) return;
        arena.resize(2 * (used + bytes + WordListTable::kKeyBytes));
        arena_moved = true;
    };
    std::string folded;
    constexpr std::size_t kNoToken = static_cast<std::size_t>(-1);
    // Appends a normalised form to the arena and records where it is.
    const auto setLower = [&](Token& t, std::string_view lower) {
        reserveArena(lower.size());
        t.lower_offset = static_cast<std::uint32_t>(used);
        t.lower_length = static_cast<std::uint32_t>(lower.size());
        std::memcpy(arena.data() + used, lower.data(), lower.size());
        t.lower = std::string_view(arena.data() + used, lower.size());
        used += lower.size();
        t.lists = lists.find(lower);
    };
    for (std::size_t pi = first_passage; pi < end_passage; ++pi) {
        const Passage& passage = passages[pi];
        std::size_t pos = std::max(passage.byte_start, byte_begin);
        const std::size_t end = std::min(passage.byte_end, byte_end);
        bool sentence_start = true;
        // The characters since the previous token of this passage, for its gap_after.
        std::size_t previous = kNoToken;
        unsigned gap_chars = 0;
        while (pos < end) {
            const auto byte = static_cast<unsigned char>(bytes[pos]);
            const std::uint8_t cls = kBytes.cls[byte];
            if (!(cls & kByteAlnum)) {
                if (!(cls & kByteBeyondAscii)) {
                    // Sentence ends and opening quotes make the next word start a sentence.
                    if (cls & kByteSentence) sentence_start = true;
                    gap_chars |= kBytes.gap[byte];
                    ++pos;
                    continue;
                }
                std::size_t next = pos;
                const char32_t cp = nextCodePoint(text, next);
                if (!isWordCharBeyondAscii(cp)) {
                    if (cp == 0x201C || cp == 0x2018 || cp == 0x2014) sentence_start = true;
                    gap_chars |= cp == 0x00A0 ? kGapSpace : (cp == 0x2010 || cp == 0x2011) ? kGapHyphen : kGapOther;
                    pos = next;
                    continue;
                }
            }
            // Gaps between neighbours: after a possessive, always a break.
            if (previous != kNoToken) {
                Token& before = tokens[previous];
                // (One space, the common case, needs no more.)
                before.gap_after = before.possessive             ? Gap::Break
                                   : gap_chars == kGapSpace ? Gap::Space
                                                            : gapOf(gap_chars, pos - before.end, bytes[before.end]);
            }
            gap_chars = 0;
            previous = tokens.size();
            Token& t = tokens.emplace_back();
            t.begin = pos;
            t.passage = passage.index;
            t.sentence_start = sentence_start;
            sentence_start = false;
            // Initials with periods ("U.S.", "D.C.").
            // (The second byte is a period for initials: most words are out after one compare.)
            if (const std::size_t p = pos + 1 < end && bytes[pos + 1] == '.' ? text::initialsEnd(text, pos, end) : pos;
                p > pos) {
                t.end = p;
                t.dotted = true;
                t.capitalised = bytes[pos] >= 'A' && bytes[pos] <= 'Z';
                t.all_caps = t.capitalised;
                Gazetteer::normaliseTo(std::string_view(text).substr(pos, p - pos), folded);
                setLower(t, folded);
                pos = p;
                continue;
            }
            // A word: letters and digits, with apostrophes inside ("O'Brien", "Afghanistan’s"). Its
            // ASCII start is lower-cased into the arena on the way (kept if the word is plain).
            // (The arena takes the word and kKeyBytes more, which the 16-byte stores below may
            // overwrite; they are zeroed again once the word's length is known.)
            reserveArena(end - pos);
            char* const lower = arena.data() + used;
            std::size_t p = pos;
            unsigned seen = 0;  // ByteClass bits of those bytes
#if defined(__SSE2__)
            // 16 bytes at a time while they all lie in the passage: letters and digits found by
            // compares (bytes from 0x80 up are negative, so neither), capitals lower-cased by 0x20.
            while (p + 16 <= end) {
                const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(bytes + p));
                const __m128i folded = _mm_or_si128(v, _mm_set1_epi8(0x20));
                const __m128i letter = _mm_and_si128(_mm_cmpgt_epi8(folded, _mm_set1_epi8('a' - 1)),
                                                     _mm_cmplt_epi8(folded, _mm_set1_epi8('z' + 1)));
                const __m128i digit = _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8('0' - 1)), _mm_cmplt_epi8(v, _mm_set1_epi8('9' + 1)));
                const __m128i upper = _mm_and_si128(letter, _mm_cmplt_epi8(v, _mm_set1_epi8('Z' + 1)));
                _mm_storeu_si128(reinterpret_cast<__m128i*>(lower + (p - pos)), _mm_or_si128(v, _mm_and_si128(upper, _mm_set1_epi8(0x20))));
                const auto alnum = static_cast<unsigned>(_mm_movemask_epi8(_mm_or_si128(letter, digit)));
                const auto small = static_cast<unsigned>(_mm_movemask_epi8(_mm_andnot_si128(upper, letter)));
                const unsigned run = alnum == 0xFFFF ? 16 : static_cast<unsigned>(__builtin_ctz(~alnum));
                if (small & ((1u << run) - 1)) seen |= kByteLowerLetter;
                p += run;
                if (run < 16) break;
            }
            if (p + 16 > end)
#endif
            for (; p < end; ++p) {
                const auto c = static_cast<unsigned char>(bytes[p]);
                const std::uint8_t c_cls = kBytes.cls[c];
                if (!(c_cls & kByteAlnum)) break;
                lower[p - pos] = static_cast<char>(c | (c_cls & kByteUpper));
                seen |= c_cls;
            }
            bool plain = true;  // only ASCII letters and digits (most words): no decoding needed
            while (p < end) {
                const auto b = static_cast<unsigned char>(bytes[p]);
                if (kBytes.cls[b] & kByteAlnum) {
                    ++p;
                    continue;
                }
                if (b < 0x80 && b != '\'') break;  // the only ASCII character that may continue a word
                std::size_t q = p;
                const char32_t c = decode(text, q);
                if (isWordChar(c)) {
                    p = q;
                    plain = false;
                    continue;
                }
                if (isApostrophe(c) && q < end) {
                    std::size_t r = q;
                    if (isWordChar(decode(text, r))) {
                        p = q;
                        plain = false;
                        continue;
                    }
                }
                break;
            }
            t.end = p;
            if (plain) {
                // Same results as the general path below, byte by byte.
                const std::size_t n = p - pos;
                t.plain = true;
                t.capitalised = (kBytes.cls[static_cast<unsigned char>(bytes[pos])] & kByteUpper) != 0;
                // Two or more letters, all upper-case: no lower-case letter, then count the capitals.
                if (!(seen & kByteLowerLetter)) {
                    std::size_t upper = 0;
                    for (std::size_t i = pos; i < p; ++i) upper += (kBytes.cls[static_cast<unsigned char>(bytes[i])] & kByteUpper) != 0;
                    t.all_caps = upper >= 2;
                }
                t.lower_offset = static_cast<std::uint32_t>(used);
                t.lower_length = static_cast<std::uint32_t>(n);
                t.lower = std::string_view(lower, n);
                std::memset(lower + n, 0, WordListTable::kKeyBytes);  // what the 16-byte stores wrote past it
                t.lists = n <= WordListTable::kKeyBytes ? lists.find(WordListTable::keyOf(lower)) : 0;
                used += n;
                pos = p;
                continue;
            }
            std::memset(lower, 0, p - pos + WordListTable::kKeyBytes);  // undo the start written above: the arena's tail stays zero
            // Possessive: a trailing "'s" / "’s".
            t.end = text::possessiveStart(text, pos, p);
            t.possessive = t.end != p;
            const std::string_view word(bytes + pos, t.end - pos);
            std::size_t first = 0;
            const char32_t first_cp = nextCodePoint(word, first);
            t.capitalised = isUpperLatin(first_cp);
            int letters = 0, upper = 0;
            for (std::size_t i = 0; i < word.size();) {
                const char32_t c = decode(word, i);
                if (c < 0x80 ? isAsciiLetter(c) : isWordChar(c)) {
                    ++letters;
                    if (isUpperLatin(c)) ++upper;
                }
            }
            t.all_caps = letters >= 2 && upper == letters;
            Gazetteer::normaliseTo(word, folded);
            setLower(t, folded);
            // English contractions ("I've", "They'd", "Don't") are never names, though without
            // their apostrophe (Gazetteer::normalise drops it) some spell a town ("Ive").
            if (isContraction(word)) t.lists |= kListNever;
            pos = p;
        }
    }
    // The arena moved while it grew (never for valid UTF-8): point the tokens at it again.
    if (arena_moved) {
        for (Token& t : tokens) t.lower = std::string_view(arena.data() + t.lower_offset, t.lower_length);
    }
    return tokens;
}

}  // namespace geo::extract
