#include "geo/distance_claims.hpp"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "geo/geodesy.hpp"
#include "geo/text/unicode.hpp"

namespace geo {

const char* toString(ClaimVerdict verdict) {
    switch (verdict) {
        case ClaimVerdict::Consistent: return "consistent";
        case ClaimVerdict::Roughly: return "roughly";
        case ClaimVerdict::Inconsistent: return "inconsistent";
        case ClaimVerdict::Unchecked: return "unchecked";
    }
    return "unknown";
}

namespace {

enum class TokenKind { Word, Number, Symbol };

// A word, a number or one punctuation character of the text; `lower` is ASCII-lower-cased, dashes
// folded to "-". Byte offsets into Document::text().
struct Token {
    std::size_t begin = 0;
    std::size_t end = 0;
    TokenKind kind = TokenKind::Symbol;
    std::string lower;
    bool capitalised = false;
    std::size_t sentence = 0;
};

// Letters, digits, spaces and dashes: geo/text/unicode, the one definition.
using text::isDash;
using text::isLetter;
using text::isSpace;
bool isDigit(char32_t cp) { return text::isAsciiDigit(cp); }

std::string lowerAscii(std::string_view s) {
    std::string out(s);
    for (char& c : out) {
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
}

// Words that end with a period without ending a sentence.
const std::unordered_set<std::string_view>& abbreviations() {
    static const std::unordered_set<std::string_view> words = {
        "mr", "mrs", "ms", "dr", "st", "gen", "col", "lt", "sgt", "capt", "gov", "sen", "rep", "rev", "prof",
        "jr", "sr", "mt", "ft", "no", "vs", "etc", "inc", "co", "corp", "maj", "adm", "cmdr", "approx", "ca"};
    return words;
}

// True if the bytes may hold a distance unit: "mile", "km", "kilomet…", "metre", "meter", or a
// digit followed by "m"/"mi" ("5 m", "3-mi"). Lets findDistanceClaims skip most passages unread.
bool mayHoldUnit(std::string_view bytes) {
    const auto lower = [&](std::size_t i) {
        const char c = i < bytes.size() ? bytes[i] : '\0';
        return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    };
    const auto at = [&](std::size_t i, std::string_view word) {
        for (std::size_t k = 0; k < word.size(); ++k) {
            if (lower(i + k) != word[k]) return false;
        }
        return true;
    };
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        const char c = lower(i);
        if (c == 'm' && (at(i, "mile") || at(i, "metre") || at(i, "meter"))) return true;
        if (c == 'k' && (lower(i + 1) == 'm' || at(i, "kilomet"))) return true;
        if (c >= '0' && c <= '9') {
            const std::size_t j = lower(i + 1) == ' ' || lower(i + 1) == '-' ? i + 2 : i + 1;
            if (lower(j) == 'm') return true;
        }
    }
    return false;
}

// The tokens of passages [first_passage, end_passage), only of their bytes [byte_begin, byte_end)
// (a long passage is read in parts, each starting a sentence); sentence ids count across those
// passages; passages without a unit are skipped (no tokens).
std::vector<Token> tokenise(const Document& doc, std::size_t first_passage, std::size_t end_passage,
                            std::size_t byte_begin, std::size_t byte_end, std::size_t* sentence_count) {
    const std::string& text = doc.text();
    std::vector<Token> tokens;
    std::size_t sentence = 0;
    for (std::size_t pi = first_passage; pi < end_passage; ++pi) {
        Passage passage = doc.passages()[pi];
        passage.byte_start = std::max(passage.byte_start, byte_begin);
        passage.byte_end = std::max(passage.byte_start, std::min(passage.byte_end, byte_end));
        if (!mayHoldUnit(std::string_view(text).substr(passage.byte_start, passage.byte_end - passage.byte_start))) {
            ++sentence;
            continue;
        }
        const std::size_t first_of_passage = tokens.size();
        std::size_t pos = passage.byte_start;
        while (pos < passage.byte_end) {
            std::size_t next = pos;
            const char32_t cp = nextCodePoint(text, next);
            if (isSpace(cp)) {
                pos = next;
                continue;
            }
            Token token;
            token.begin = pos;
            if (isDigit(cp)) {
                token.kind = TokenKind::Number;
                pos = next;
                while (pos < passage.byte_end) {
                    if (isDigit(static_cast<unsigned char>(text[pos]))) {
                        ++pos;
                    } else if ((text[pos] == ',' || text[pos] == '.') && pos + 1 < passage.byte_end &&
                               isDigit(static_cast<unsigned char>(text[pos + 1]))) {
                        pos += 2;
                    } else {
                        break;
                    }
                }
            } else if (isLetter(cp)) {
                token.kind = TokenKind::Word;
                token.capitalised = isUpperLatin(cp);
                pos = next;
                while (pos < passage.byte_end) {
                    std::size_t after = pos;
                    if (!isLetter(nextCodePoint(text, after))) break;
                    pos = after;
                }
            } else {
                token.kind = TokenKind::Symbol;
                pos = next;
            }
            token.end = pos;
            token.lower = token.kind == TokenKind::Symbol && isDash(cp) ? std::string("-")
                                                                          : lowerAscii(doc.slice(token.begin, token.end));
            tokens.push_back(std::move(token));
        }
        // Sentences: a passage starts one; ". ! ?" end one when a capital, digit or quote follows
        // and the period does not close an abbreviation or an initial.
        for (std::size_t i = first_of_passage; i < tokens.size(); ++i) {
            tokens[i].sentence = sentence;
            const Token& t = tokens[i];
            if (t.kind != TokenKind::Symbol || (t.lower != "." && t.lower != "!" && t.lower != "?")) continue;
            if (t.lower == "." && i > first_of_passage) {
                const Token& before = tokens[i - 1];
                if (before.kind == TokenKind::Word &&
                    (before.lower.size() == 1 || abbreviations().count(before.lower) != 0)) {
                    continue;
                }
            }
            std::size_t j = i + 1;
            while (j < tokens.size() && tokens[j].kind == TokenKind::Symbol && tokens[j].lower != "(" &&
                   tokens[j].lower != "-") {
                ++j;
            }
            if (j < tokens.size() && (tokens[j].capitalised || tokens[j].kind == TokenKind::Number ||
                                      tokens[j].kind == TokenKind::Symbol)) {
                ++sentence;
                // The closing quotes or brackets between stay in the sentence they close.
                for (std::size_t k = i + 1; k < j; ++k) tokens[k].sentence = sentence - 1;
                i = j - 1;
            }
        }
        ++sentence;
    }
    *sentence_count = sentence;
    return tokens;
}

double unitMetres(const std::string& word) {
    static const std::unordered_map<std::string_view, double> units = {
        {"mile", 1609.344},     {"miles", 1609.344},    {"mi", 1609.344},       {"kilometre", 1000.0},
        {"kilometres", 1000.0}, {"kilometer", 1000.0},  {"kilometers", 1000.0}, {"km", 1000.0},
        {"kms", 1000.0},        {"metre", 1.0},         {"metres", 1.0},        {"meter", 1.0},
        {"meters", 1.0},        {"m", 1.0}};
    const auto it = units.find(word);
    return it == units.end() ? 0.0 : it->second;
}
// "mi" and "m" are units only after digits ("5 m" is more often a person's initial after a word).
bool shortUnit(const std::string& word) { return word == "mi" || word == "m"; }

// Value of a number word, or -1. Scales are marked by the caller.
double numberWordValue(const std::string& w) {
    static const std::unordered_map<std::string_view, double> values = {
        {"zero", 0},     {"one", 1},        {"two", 2},       {"three", 3},    {"four", 4},      {"five", 5},
        {"six", 6},      {"seven", 7},      {"eight", 8},     {"nine", 9},     {"ten", 10},      {"eleven", 11},
        {"twelve", 12},  {"thirteen", 13},  {"fourteen", 14}, {"fifteen", 15}, {"sixteen", 16},  {"seventeen", 17},
        {"eighteen", 18}, {"nineteen", 19}, {"twenty", 20},   {"thirty", 30},  {"forty", 40},    {"fifty", 50},
        {"sixty", 60},   {"seventy", 70},   {"eighty", 80},   {"ninety", 90},  {"hundred", 100}, {"thousand", 1000},
        {"dozen", 12}};
    const auto it = values.find(w);
    return it == values.end() ? -1.0 : it->second;
}
bool isScale(const std::string& w) { return w == "hundred" || w == "thousand" || w == "dozen"; }

double parseDigits(const std::string& text) {
    std::string cleaned;
    for (char c : text) {
        if (c != ',') cleaned += c;
    }
    try {
        return std::stod(cleaned);
    } catch (const std::exception&) {
        return -1.0;
    }
}

struct NumberSpan {
    std::size_t first = 0;  // token index of its first token
    double value = 0.0;
    bool digits = false;
};

// The number that ends at token `last`, if any.
std::optional<NumberSpan> numberEndingAt(const std::vector<Token>& t, std::size_t last) {
    const std::size_t sentence = t[last].sentence;
    if (t[last].kind == TokenKind::Number) {
        NumberSpan n{last, parseDigits(t[last].lower), true};
        if (n.value < 0) return std::nullopt;
        // A range: "50-60", "50 to 60", "between 50 and 60" — its middle.
        if (last >= 2 && t[last - 2].kind == TokenKind::Number && t[last - 2].sentence == sentence &&
            (t[last - 1].lower == "-" || t[last - 1].lower == "to" || t[last - 1].lower == "and" ||
             t[last - 1].lower == "or")) {
            const double low = parseDigits(t[last - 2].lower);
            if (low >= 0) {
                n.value = (low + n.value) / 2.0;
                n.first = last - 2;
            }
        }
        return n;
    }
    if (t[last].kind != TokenKind::Word || numberWordValue(t[last].lower) < 0) return std::nullopt;
    // Walk back over number words, the "and"/"-" between them, and "a"/"an" before a scale.
    std::size_t first = last;
    while (first > 0 && t[first - 1].sentence == sentence) {
        const Token& p = t[first - 1];
        const bool number_word = p.kind == TokenKind::Word && numberWordValue(p.lower) >= 0;
        const bool joiner = (p.lower == "and" || p.lower == "-") && first >= 2 && t[first - 2].kind == TokenKind::Word &&
                            numberWordValue(t[first - 2].lower) >= 0;
        const bool article = (p.lower == "a" || p.lower == "an") && isScale(t[first].lower);
        if (!number_word && !joiner && !article) break;
        --first;
        if (article) break;
    }
    double total = 0.0;
    double current = 0.0;
    for (std::size_t i = first; i <= last; ++i) {
        const std::string& w = t[i].lower;
        if (w == "a" || w == "an") {
            current += 1.0;
        } else if (w == "hundred") {
            current = (current == 0.0 ? 1.0 : current) * 100.0;
        } else if (w == "dozen") {
            current = (current == 0.0 ? 1.0 : current) * 12.0;
        } else if (w == "thousand") {
            total += (current == 0.0 ? 1.0 : current) * 1000.0;
            current = 0.0;
        } else if (w != "and" && w != "-") {
            current += numberWordValue(w);
        }
    }
    return NumberSpan{first, total + current, false};
}

struct Direction {
    double azimuth = 0.0;
    std::size_t next = 0;  // token after the direction
};

double compassAzimuth(const std::string& w) {
    static const std::unordered_map<std::string_view, double> points = {
        {"north", 0.0},       {"northeast", 45.0}, {"east", 90.0},  {"southeast", 135.0},
        {"south", 180.0},     {"southwest", 225.0}, {"west", 270.0}, {"northwest", 315.0}};
    const auto it = points.find(w);
    return it == points.end() ? -1.0 : it->second;
}

std::optional<Direction> directionAt(const std::vector<Token>& t, std::size_t k) {
    if (k >= t.size() || t[k].kind != TokenKind::Word) return std::nullopt;
    const double base = compassAzimuth(t[k].lower);
    if (base < 0) return std::nullopt;
    const bool vertical = t[k].lower == "north" || t[k].lower == "south";
    const auto eastOrWest = [&](std::size_t i) {
        return i < t.size() && t[i].sentence == t[k].sentence && (t[i].lower == "east" || t[i].lower == "west");
    };
    const auto combine = [&](std::size_t i) {
        const double second = compassAzimuth(t[i].lower);
        // North-east = 45, north-west = 315, south-east = 135, south-west = 225.
        if (base == 0.0) return second == 90.0 ? 45.0 : 315.0;
        return second == 90.0 ? 135.0 : 225.0;
    };
    if (vertical && k + 2 < t.size() && t[k + 1].lower == "-" && eastOrWest(k + 2)) return Direction{combine(k + 2), k + 3};
    if (vertical && eastOrWest(k + 1) && k + 2 < t.size() && (t[k + 2].lower == "of" || t[k + 2].lower == "from")) {
        return Direction{combine(k + 1), k + 2};
    }
    return Direction{base, k + 1};
}

const std::unordered_set<std::string_view>& hedges() {
    static const std::unordered_set<std::string_view> words = {
        "about", "some", "around", "roughly", "approximately", "nearly", "almost", "just", "only", "over",
        "under", "within", "barely", "fully", "between", "circa", "approx", "perhaps", "maybe", "another"};
    return words;
}

double normaliseAzimuth(double azimuth) {
    double a = std::fmod(azimuth, 360.0);
    if (a < 0) a += 360.0;
    return a;
}

double azimuthDifference(double a, double b) {
    const double d = std::fabs(normaliseAzimuth(a) - normaliseAzimuth(b));
    return d > 180.0 ? 360.0 - d : d;
}

}  // namespace

ClaimVerdict judgeClaim(double claimed_m, double measured_m, std::optional<double> claimed_azimuth_deg,
                        std::optional<double> measured_azimuth_deg) {
    if (!(claimed_m > 0.0) || !std::isfinite(claimed_m) || !std::isfinite(measured_m)) return ClaimVerdict::Unchecked;
    const double distance_error = std::fabs(measured_m / claimed_m - 1.0);
    double azimuth_error = 0.0;
    if (claimed_azimuth_deg && measured_azimuth_deg) {
        azimuth_error = azimuthDifference(*claimed_azimuth_deg, *measured_azimuth_deg);
    }
    if (distance_error <= kConsistentDistance && azimuth_error <= kConsistentAzimuthDeg) return ClaimVerdict::Consistent;
    if (distance_error <= kRoughDistance && azimuth_error <= kRoughAzimuthDeg) return ClaimVerdict::Roughly;
    return ClaimVerdict::Inconsistent;
}

// The claims of passages [first_passage, end_passage), only of their bytes [byte_begin, byte_end),
// appended to `claims`. A claim lies within one sentence, and a sentence within one passage, so
// passages can be read in batches (and a long passage in parts ending at sentence ends).
static void findClaimsIn(const Document& doc, const Extraction& extraction, std::size_t first_passage,
                  std::size_t end_passage, std::size_t byte_begin, std::size_t byte_end,
                  std::unordered_set<std::size_t>& used_references,
                  std::vector<DistanceClaim>& claims, ClaimSearchWork& work) {
    std::size_t sentence_count = 0;
    const std::size_t lo = std::max(doc.passages()[first_passage].byte_start, byte_begin);
    const std::size_t hi = std::min(doc.passages()[end_passage - 1].byte_end, byte_end);
    work.largest_read_bytes = std::max(work.largest_read_bytes, hi > lo ? hi - lo : 0);
    const std::vector<Token> t = tokenise(doc, first_passage, end_passage, byte_begin, byte_end, &sentence_count);
    if (t.empty()) return;

    // Each sentence's bytes, from its first token's start to its last token's end.
    constexpr std::size_t kNoSentence = static_cast<std::size_t>(-1);
    std::vector<std::pair<std::size_t, std::size_t>> sentence_bytes(sentence_count, {kNoSentence, 0});
    for (const Token& x : t) {
        auto& [begin, end] = sentence_bytes[x.sentence];
        begin = std::min(begin, x.begin);
        end = std::max(end, x.end);
    }
    // The sentence holding a byte offset, or kNoSentence (between sentences, or a skipped passage).
    const auto sentenceAt = [&](std::size_t byte) {
        const auto it = std::upper_bound(t.begin(), t.end(), byte, [](std::size_t b, const Token& x) { return b < x.begin; });
        if (it == t.begin()) return kNoSentence;
        const std::size_t s = (it - 1)->sentence;
        return byte >= sentence_bytes[s].first && byte < sentence_bytes[s].second ? s : kNoSentence;
    };
    // Words between two offsets, counted only up to `limit` + 1 (and over at most a few dozen
    // tokens): callers ask whether a place is near, and a far one must not cost its distance.
    const auto wordsBetween = [&](std::size_t from_byte, std::size_t to_byte, std::size_t limit) {
        constexpr std::size_t kMaxTokens = 64;
        std::size_t count = 0, tokens = 0;
        auto it = std::lower_bound(t.begin(), t.end(), from_byte, [](const Token& x, std::size_t b) { return x.begin < b; });
        for (; it != t.end() && it->begin < to_byte && count <= limit; ++it) {
            if (it->kind != TokenKind::Symbol) ++count;
            ++work.words_counted;
            if (++tokens > kMaxTokens) return limit + 1;
        }
        return count;
    };
    // A claim's subject is looked for among this many mentions on either side of it: with more
    // between, it would not be the claim's subject, and a sentence of thousands of claims must not
    // make each search walk the whole sentence.
    constexpr std::size_t kMaxSubjectCandidates = 32;
    const auto& mentions = extraction.mentions;
    const auto usable = [&](std::size_t mi) {
        return mentions[mi].kind == MentionKind::Toponym && mentions[mi].place < extraction.places.size();
    };

    for (std::size_t u = 0; u < t.size(); ++u) {
        if (t[u].kind != TokenKind::Word) continue;
        const double unit = unitMetres(t[u].lower);
        if (unit == 0.0 || u == 0) continue;
        const std::size_t sentence = t[u].sentence;
        // "100 miles" or "100-mile".
        std::size_t number_last = u - 1;
        if (t[number_last].lower == "-" && number_last > 0) --number_last;
        if (t[number_last].sentence != sentence) continue;
        const std::optional<NumberSpan> number = numberEndingAt(t, number_last);
        if (!number || !(number->value > 0.0)) continue;
        if (shortUnit(t[u].lower) && !number->digits) continue;

        std::size_t k = u + 1;
        const auto at = [&](std::size_t i, const char* word) {
            return i < t.size() && t[i].sentence == sentence && t[i].lower == word;
        };
        // A conversion in brackets: "60 km (37 miles)".
        if (at(k, "(")) {
            std::size_t close = k + 1;
            bool has_number = false;
            while (close < t.size() && close < k + 8 && t[close].sentence == sentence && t[close].lower != ")") {
                has_number = has_number || t[close].kind == TokenKind::Number;
                ++close;
            }
            if (!at(close, ")") || !has_number) continue;
            k = close + 1;
        }
        if (at(k, "away")) ++k;
        if (at(k, "to") && at(k + 1, "the") && directionAt(t, k + 2)) k += 2;
        if (at(k, "due") && directionAt(t, k + 1)) ++k;
        std::optional<Direction> direction;
        std::size_t direction_first = k;
        if (k < t.size() && t[k].sentence == sentence) direction = directionAt(t, k);
        if (direction) k = direction->next;
        if (at(k, "away")) ++k;
        if (!at(k, "of") && !at(k, "from")) continue;
        const std::size_t connector = k;

        DistanceClaim claim;
        claim.claimed_m = number->value * unit;
        if (direction) {
            claim.claimed_azimuth_deg = direction->azimuth;
            claim.direction = doc.slice(t[direction_first].begin, t[direction->next - 1].end);
        }
        // Reference: the first toponym after "of"/"from" in the sentence, at most 3 words on.
        const auto after = std::lower_bound(mentions.begin(), mentions.end(), t[connector].end,
                                            [](const Mention& m, std::size_t b) { return m.byte_start < b; });
        for (auto it = after; it != mentions.end(); ++it) {
            ++work.mentions_examined;
            const std::size_t mi = static_cast<std::size_t>(it - mentions.begin());
            if (sentenceAt(it->byte_start) != sentence || wordsBetween(t[connector].end, it->byte_start, 3) > 3) break;
            if (!usable(mi)) continue;
            claim.reference_mention = mi;
            claim.reference = it->place;
            break;
        }
        // "N miles of road near Kabul" is not a claim; "within N miles of Kabul" is.
        if (!direction && t[connector].lower == "of" &&
            (!claim.reference || wordsBetween(t[connector].end, mentions[*claim.reference_mention].byte_start, 0) > 0)) {
            continue;
        }

        std::size_t first = number->first;
        if (first > 0 && t[first - 1].sentence == sentence) {
            const std::string& w = t[first - 1].lower;
            if (hedges().count(w) != 0) {
                --first;
            } else if (first > 1 && t[first - 2].sentence == sentence &&
                       ((w == "than" && (t[first - 2].lower == "more" || t[first - 2].lower == "less" ||
                                         t[first - 2].lower == "fewer")) ||
                        (w == "to" && t[first - 2].lower == "up"))) {
                first -= 2;
            }
        }
        claim.byte_start = t[first].begin;
        if (claim.reference_mention) {
            claim.byte_end = mentions[*claim.reference_mention].byte_end;
        } else {
            // "from the border": the connector, an article and the next word.
            std::size_t last = connector;
            if (at(last + 1, "the") || at(last + 1, "a") || at(last + 1, "an")) ++last;
            if (last + 1 < t.size() && t[last + 1].sentence == sentence && t[last + 1].kind == TokenKind::Word) ++last;
            claim.byte_end = t[last].end;
        }
        claim.start = doc.byteToCodePoint(claim.byte_start);
        claim.end = doc.byteToCodePoint(claim.byte_end);
        claim.text = doc.slice(claim.byte_start, claim.byte_end);

        // Subject: the nearest other place before the claim in the sentence, else the first after it.
        const auto acceptableSubject = [&](std::size_t mi) {
            return usable(mi) && used_references.count(mi) == 0 &&
                   (!claim.reference || mentions[mi].place != *claim.reference) &&
                   sentenceAt(mentions[mi].byte_start) == sentence;
        };
        const auto claim_start = std::lower_bound(mentions.begin(), mentions.end(), claim.byte_start,
                                                  [](const Mention& m, std::size_t b) { return m.byte_start < b; });
        std::size_t candidates = 0;
        for (auto it = claim_start; it != mentions.begin() && candidates < kMaxSubjectCandidates; ++candidates) {
            --it;
            ++work.mentions_examined;
            const std::size_t mi = static_cast<std::size_t>(it - mentions.begin());
            if (sentenceAt(it->byte_start) != sentence) break;
            if (it->byte_end <= claim.byte_start && acceptableSubject(mi)) {
                claim.subject_mention = mi;
                break;
            }
        }
        if (!claim.subject_mention) {
            const auto claim_end = std::lower_bound(mentions.begin(), mentions.end(), claim.byte_end,
                                                    [](const Mention& m, std::size_t b) { return m.byte_start < b; });
            candidates = 0;
            for (auto mi = static_cast<std::size_t>(claim_end - mentions.begin());
                 mi < mentions.size() && candidates < kMaxSubjectCandidates; ++mi, ++candidates) {
                ++work.mentions_examined;
                if (sentenceAt(mentions[mi].byte_start) != sentence) break;
                if (acceptableSubject(mi)) {
                    claim.subject_mention = mi;
                    break;
                }
            }
        }
        if (claim.subject_mention) claim.subject = mentions[*claim.subject_mention].place;
        if (claim.reference_mention) used_references.insert(*claim.reference_mention);

        if (claim.subject && claim.reference) {
            const GeodesicInverse measured = geodesicInverse(extraction.places[*claim.reference].place.position,
                                                             extraction.places[*claim.subject].place.position);
            claim.measured_m = measured.distance_m;
            claim.measured_azimuth_deg = normaliseAzimuth(measured.azimuth1_deg);
            claim.ratio = measured.distance_m / claim.claimed_m;
            if (claim.claimed_azimuth_deg) {
                claim.direction_error_deg = azimuthDifference(*claim.claimed_azimuth_deg, *claim.measured_azimuth_deg);
            }
            claim.verdict = judgeClaim(claim.claimed_m, measured.distance_m, claim.claimed_azimuth_deg,
                                       claim.measured_azimuth_deg);
        }
        claims.push_back(std::move(claim));
        // Continue after the claim, so a bracketed conversion is not read as a second claim.
        while (u + 1 < t.size() && t[u + 1].begin < claims.back().byte_end) ++u;
    }
}

std::vector<DistanceClaim> findDistanceClaims(const Document& doc, const Extraction& extraction,
                                              ClaimSearchWork* work) {
    ClaimSearchWork local;
    ClaimSearchWork& counted = work != nullptr ? *work : local;
    // Passages are read in batches of about 1 MiB, so the tokens (some 20 times their text) stay
    // bounded on a long text.
    constexpr std::size_t kBatchBytes = std::size_t{1} << 20;
    std::vector<DistanceClaim> claims;
    std::unordered_set<std::size_t> used_references;
    const std::vector<Passage>& passages = doc.passages();
    std::size_t begin = passages.empty() ? 0 : passages[0].byte_start;  // where the batch starts
    for (std::size_t first = 0; first < passages.size();) {
        const std::size_t limit = begin + kBatchBytes;
        std::size_t end = first + 1;
        while (end < passages.size() && passages[end - 1].byte_end < limit) ++end;
        // A passage going on more than a batch past the limit (a text of one long line) is read in
        // parts, cut where extraction cuts it: at a sentence end if there is one in that batch.
        const Passage& last = passages[end - 1];
        const std::size_t from = std::max({limit, last.byte_start + 1, begin + 1});
        if (last.byte_end > from + kBatchBytes) {
            std::size_t cut = cutInsidePassage(doc.text(), from, from + kBatchBytes);
            if (cut == Document::npos) {
                cut = from;
                while ((static_cast<unsigned char>(doc.text()[cut]) & 0xC0) == 0x80) ++cut;
            }
            findClaimsIn(doc, extraction, first, end, begin, cut, used_references, claims, counted);
            first = end - 1;
            begin = cut;
            continue;
        }
        findClaimsIn(doc, extraction, first, end, begin, Document::npos, used_references, claims, counted);
        first = end;
        if (first < passages.size()) begin = passages[first].byte_start;
    }
    return claims;
}

}  // namespace geo
