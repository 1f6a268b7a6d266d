#include "geo/extraction/recognizer.hpp"

#include <algorithm>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "geo/text/unicode.hpp"

namespace geo::extract {
namespace {

using RawMention = RecognisedMention;

// Which name kinds a spelling may match: initials and short all-caps words only abbreviations
// ("US", "U.S." but not "us"); ordinary capitalised words names and demonyms.
std::vector<NameEntry> allowedEntries(const std::vector<NameEntry>& entries, const std::vector<Token>& tokens,
                                      std::size_t first, std::size_t last, const Gazetteer& gazetteer) {
    const bool single = first == last;
    const Token& t = tokens[first];
    const bool abbreviation_shape = single && (t.dotted || (t.all_caps && t.lower.size() <= 4));
    std::vector<NameEntry> out;
    out.reserve(entries.size());
    for (const NameEntry& e : entries) {
        if (e.kind == NameKind::Abbreviation) {
            if (abbreviation_shape) out.push_back(e);
        } else if (e.kind == NameKind::Demonym) {
            if (!abbreviation_shape) out.push_back(e);
        } else if (!(single && t.all_caps && !t.dotted && t.lower.size() <= 4) || t.dotted) {
            out.push_back(e);
        }
    }
    // Demonyms and names never mix in one mention. A demonym beats towns of that name ("Canadian",
    // Texas); a country or region of that name beats the demonym ("Djibouti", "Vatican").
    const bool any_demonym = std::any_of(out.begin(), out.end(), [](const NameEntry& e) { return e.kind == NameKind::Demonym; });
    if (any_demonym) {
        const bool strong_name = std::any_of(out.begin(), out.end(), [&](const NameEntry& e) {
            const PlaceKind k = gazetteer.place(e.place).kind;
            return e.kind != NameKind::Demonym && k != PlaceKind::City && k != PlaceKind::Admin2;
        });
        out.erase(std::remove_if(out.begin(), out.end(), [&](const NameEntry& e) {
                      return strong_name ? e.kind == NameKind::Demonym : e.kind != NameKind::Demonym;
                  }),
                  out.end());
    }
    return out;
}

// Whether a place is of the class a feature word names ("river", "province", "valley"…); a word
// naming no class (or one this gazetteer does not mark, "desert") accepts every place.
bool fitsFeatureWord(const Place& p, std::string_view word) {
    const std::string& code = p.feature_code;
    const auto codeIs = [&](std::initializer_list<std::string_view> codes) {
        return std::find(codes.begin(), codes.end(), std::string_view(code)) != codes.end();
    };
    if (word == "river" || word == "canal") return p.kind == PlaceKind::Physical && codeIs({"STM", "STMS", "CNL"});
    if (word == "valley" || word == "corridor" || word == "basin" || word == "plain") {
        return p.kind == PlaceKind::Region || p.kind == PlaceKind::Physical;
    }
    if (word == "province" || word == "region" || word == "oblast" || word == "state" || word == "governorate" ||
        word == "prefecture") {
        return p.kind == PlaceKind::Admin1 || p.kind == PlaceKind::Region;
    }
    if (word == "county" || word == "district" || word == "parish" || word == "municipality") {
        return p.kind == PlaceKind::Admin2 || p.kind == PlaceKind::Admin1;
    }
    if (word == "city") return p.kind == PlaceKind::City;
    if (word == "lake") return p.kind == PlaceKind::Physical && code.compare(0, 2, "LK") == 0;
    if (word == "mountain" || word == "mountains" || word == "range" || word == "hills" || word == "pass" ||
        word == "heights") {
        return p.kind == PlaceKind::Physical || p.kind == PlaceKind::Region;
    }
    if (word == "sea" || word == "gulf" || word == "bay" || word == "strait" || word == "ocean" || word == "island" ||
        word == "islands" || word == "peninsula") {
        return p.kind == PlaceKind::Physical || p.kind == PlaceKind::Region;
    }
    return true;
}

// Keeps the entries of the feature word's class, if any entry is of it (otherwise all: "the Kabul
// valley" still means Kabul when no valley of that name is known). True when some entry was of it.
bool keepFeatureClass(std::vector<NameEntry>& entries, std::string_view word, const Gazetteer& g) {
    const auto fits = [&](const NameEntry& e) { return fitsFeatureWord(g.place(e.place), word); };
    if (std::none_of(entries.begin(), entries.end(), fits)) return false;
    entries.erase(std::remove_if(entries.begin(), entries.end(), [&](const NameEntry& e) { return !fits(e); }), entries.end());
    return true;
}

bool canJoin(const Token& t) {
    return t.gap_after == Gap::Space || t.gap_after == Gap::Hyphen ||
           (t.gap_after == Gap::Period && inList(t, kListPeriodAbbreviation));
}

// Token k ends in a possessive written "'s " right before the next word of its passage, which is
// capitalised: the shape of a possessive inside a name ("King's Lynn").
bool possessiveJoinsNext(std::string_view text, const std::vector<Token>& tokens, std::size_t k) {
    const Token& t = tokens[k];
    const Token& next = tokens[k + 1];
    if (!next.capitalised || next.passage != t.passage || next.begin < t.end + 3) return false;
    std::size_t pos = t.end;
    if (!text::isApostrophe(nextCodePoint(text, pos))) return false;
    return next.begin == pos + 2 && text[pos] == 's' && text[pos + 1] == ' ';
}

// normalise() is idempotent except in dropping a possessive ("x's's" → "x's" → "x"), and lookup()
// normalises its argument again: a key still ending like a possessive is looked up through lookup().
bool endsLikePossessive(std::string_view key) {
    const std::size_t n = key.size();
    return n > 2 && ((key[n - 2] == '\'' && key[n - 1] == 's') || (key[n - 2] == 's' && key[n - 1] == '\''));
}

std::vector<RawMention> findCandidates(const Document& doc, const Gazetteer& gazetteer, const std::vector<Token>& tokens) {
    std::vector<RawMention> out;
    out.reserve(tokens.size() / 8 + 4);
    const std::string_view text = doc.text();
    const std::size_t max_words = static_cast<std::size_t>(std::max(1, gazetteer.maxNameWords()));
    // The normalised span [i, last]: a single word's key is its token's normalised form.
    std::string span_key;
    const auto spanKey = [&](std::size_t i, std::size_t last) -> std::string_view {
        if (i == last) return tokens[i].lower;
        // Plain words apart by spaces, a hyphen or ". " normalise to their lower-case forms apart by
        // " " or ". ": joined as they are, without normalising the text again.
        bool joinable = true;
        for (std::size_t k = i; k <= last && joinable; ++k) {
            joinable = tokens[k].plain && (k == last || tokens[k].gap_after == Gap::Space ||
                                           tokens[k].gap_after == Gap::Hyphen || tokens[k].gap_after == Gap::Period);
        }
        if (!joinable) {
            Gazetteer::normaliseTo(text.substr(tokens[i].begin, tokens[last].end - tokens[i].begin), span_key);
            return span_key;
        }
        span_key.clear();
        for (std::size_t k = i; k <= last; ++k) {
            span_key += tokens[k].lower;
            if (k < last) span_key += tokens[k].gap_after == Gap::Period ? ". " : " ";
        }
        return span_key;
    };
    // What the gazetteer holds for each window [i, i + w]: one probe per window, reused by the
    // longest-match loop below.
    std::vector<Gazetteer::KeyInfo> window(max_words);
    std::string possessive_key;
    // Every name starts on a capitalised word: its one-word key is probed for all of them at once.
    std::vector<std::string_view> word_keys;
    std::vector<std::size_t> word_index(tokens.size(), 0);
    for (std::size_t i = 0; i < tokens.size(); ++i) {
        if (!tokens[i].capitalised) continue;
        word_index[i] = word_keys.size();
        word_keys.push_back(tokens[i].lower);
    }
    std::vector<Gazetteer::KeyInfo> word_info(word_keys.size());
    gazetteer.probe(word_keys.data(), word_keys.size(), word_info.data());
    const auto probeWindow = [&](std::size_t i, std::size_t last) {
        const std::string_view key = spanKey(i, last);
        Gazetteer::KeyInfo info = i == last ? word_info[word_index[i]] : gazetteer.probe(key);
        if (endsLikePossessive(key)) info.entries = &gazetteer.lookup(key);
        window[last - i] = info;
    };
    for (std::size_t i = 0; i < tokens.size();) {
        if (!tokens[i].capitalised) {
            ++i;
            continue;
        }
        // The longest run of tokens that may form one name.
        std::size_t limit = i;
        std::size_t probed = 0;  // windows [i, i + w] probed, w < probed
        // Only as far as some gazetteer name starts with the words so far (keeps lookups few).
        while (limit + 1 < tokens.size() && limit - i + 1 < max_words) {
            // A possessive inside a name ("King's Lynn", "Martha's Vineyard", "Bishop's Stortford")
            // joins the next word only where some name starts with the words so far and "s" (the
            // key drops the apostrophe); otherwise a possessive ends the name ("Kabul's Mayor").
            const bool inner_possessive = tokens[limit].possessive && possessiveJoinsNext(text, tokens, limit);
            if (!inner_possessive && (!canJoin(tokens[limit]) || tokens[limit].possessive)) break;
            probeWindow(i, limit);
            probed = limit - i + 1;
            if (inner_possessive) {
                possessive_key.assign(spanKey(i, limit));
                possessive_key += 's';
                if (!gazetteer.probe(possessive_key).prefix) break;
            } else if (!window[limit - i].prefix) {
                break;
            }
            ++limit;
        }
        bool matched = false;
        for (std::size_t last = limit + 1; last-- > i;) {
            // Inner words: capitalised or connectors; the last: capitalised or a feature word.
            bool shape_ok = true;
            for (std::size_t k = i + 1; k <= last && shape_ok; ++k) {
                const Token& t = tokens[k];
                if (t.capitalised) continue;
                shape_ok = (k < last && inList(t, kListConnector)) || (k == last && inList(t, kListFeature));
            }
            if (!shape_ok) continue;
            if (last - i >= probed) {
                probeWindow(i, last);
                probed = last - i + 1;
            }
            const auto& entries = *window[last - i].entries;
            if (entries.empty()) continue;
            std::vector<NameEntry> allowed = allowedEntries(entries, tokens, i, last, gazetteer);
            if (allowed.empty()) continue;
            // "the Kharkiv region", "Washington state", "the Indus valley": a feature word right
            // after the name chooses among its senses those of that class.
            if (last + 1 < tokens.size() && tokens[last].gap_after == Gap::Space && !tokens[last].possessive &&
                inList(tokens[last + 1], kListFeature) && allowed.front().kind != NameKind::Demonym) {
                keepFeatureClass(allowed, tokens[last + 1].lower, gazetteer);
            }
            RawMention m;
            m.first = i;
            m.last = last;
            m.key = std::string(spanKey(i, last));
            m.demonym = allowed.front().kind == NameKind::Demonym;
            m.entries = std::move(allowed);
            out.push_back(std::move(m));
            i = last + 1;
            matched = true;
            break;
        }
        if (!matched) ++i;
    }
    return out;
}

bool isCityLike(const Place& p) { return p.kind == PlaceKind::City || p.kind == PlaceKind::Admin2; }

std::int64_t maxCityPopulation(const RawMention& m, const Gazetteer& g) {
    std::int64_t best = 0;
    for (const NameEntry& e : m.entries) best = std::max(best, g.place(e.place).population);
    return best;
}

bool onlyCityLike(const RawMention& m, const Gazetteer& g) {
    return std::all_of(m.entries.begin(), m.entries.end(), [&](const NameEntry& e) { return isCityLike(g.place(e.place)); });
}

// No sense bigger than a town or a small province (an admin-1 region of fewer than 2 million people:
// Bermuda's Smith's Parish, Cape Verde's Paul, Uruguay's Flores): such a name is as likely a
// person's, and the rules about people apply to it as to a town's.
bool onlyMinorPlaces(const RawMention& m, const Gazetteer& g) {
    return std::all_of(m.entries.begin(), m.entries.end(), [&](const NameEntry& e) {
        const Place& p = g.place(e.place);
        return isCityLike(p) || (p.kind == PlaceKind::Admin1 && p.population < 2000000);
    });
}

// Every sense is one of Natural Earth's rivers (ids "river:…"), known by a bare name ("Volga").
bool onlyRivers(const RawMention& m, const Gazetteer& g) {
    return std::all_of(m.entries.begin(), m.entries.end(),
                       [&](const NameEntry& e) { return g.place(e.place).id.compare(0, 6, "river:") == 0; });
}

// Words the text uses as parts of people's names: the capitalised words after a title ("Rev. Roy
// Jones", "Captain Adam Moore"), after a common given name ("Rodney Eric Smith", "Matthew D.
// Flores"), next to a speech verb ("Walker said", "said Clifford") or before an age ("Turner, 23,").
// A lone name that is also a small town is then the person wherever it stands in the document.
// True when token k follows a locative preposition ("in Paris", "from Jordan"), also one that opens
// a sentence ("From Anadyr the plane…").
bool afterLocative(const std::vector<Token>& tokens, std::size_t k) {
    if (k == 0) return false;
    const Token& prev = tokens[k - 1];
    return (!prev.capitalised || prev.sentence_start) && prev.gap_after == Gap::Space &&
           prev.passage == tokens[k].passage && inList(prev, kListLocative);
}

std::unordered_set<std::string_view> personWords(const Document& doc, const std::vector<Token>& tokens) {
    std::unordered_set<std::string_view> out;
    const std::string& text = doc.text();
    const auto nameWord = [&](std::size_t k) {
        const Token& t = tokens[k];
        return t.capitalised && !t.all_caps && !t.dotted && !inList(t, kListNever) &&
               !inList(t, kListInstitution) && !inList(t, kListFeature);
    };
    const auto initial = [&](std::size_t k) {
        return tokens[k].capitalised && tokens[k].lower.size() == 1 && tokens[k].gap_after == Gap::Period;
    };
    // Records the capitalised run starting at k (initials allowed inside); returns its last index.
    const auto takeRun = [&](std::size_t k) {
        std::size_t last = k;
        for (std::size_t j = k; j < tokens.size() && j < k + 4; ++j) {
            if (initial(j)) {
                last = j;
                continue;
            }
            if (!nameWord(j)) break;
            out.insert(tokens[j].lower);
            last = j;
            if (tokens[j].gap_after != Gap::Space || tokens[j].possessive) break;
        }
        return last;
    };
    for (std::size_t i = 0; i + 1 < tokens.size(); ++i) {
        const Token& t = tokens[i];
        const bool joined = t.gap_after == Gap::Space || (t.gap_after == Gap::Period && !t.sentence_start);
        if (t.capitalised && joined && inList(t, kListTitle) && t.lower != "st") {
            takeRun(i + 1);
        } else if (t.capitalised && t.gap_after == Gap::Space && inList(t, kListGiven) &&
                   (nameWord(i + 1) || initial(i + 1))) {
            const std::size_t last = takeRun(i + 1);
            // "Adam Moore" names Moore; the given name itself stays open ("Virginia Smith" aside).
            if (last > i + 1 || !initial(i + 1)) out.insert(tokens[last].lower);
        } else if (!t.capitalised && inList(t, kListSpeech) && t.gap_after == Gap::Space && nameWord(i + 1) &&
                   tokens[i + 1].passage == t.passage) {
            takeRun(i + 1);  // "said Clifford"
        }
        // "Walker said": a single capitalised word before a speech verb ("officials in Paris said" aside).
        if (nameWord(i) && t.gap_after == Gap::Space && inList(tokens[i + 1], kListSpeech) &&
            !afterLocative(tokens, i)) {
            out.insert(t.lower);
        }
        // "Ashley Lynn Turner, 23, of Palestine": a name before an age.
        if (nameWord(i) && t.gap_after == Gap::Comma && i > 0 && tokens[i - 1].gap_after == Gap::Space &&
            nameWord(i - 1)) {
            const Token& n = tokens[i + 1];
            const bool number = !n.lower.empty() && n.lower.size() <= 3 &&
                                std::all_of(n.lower.begin(), n.lower.end(), [](char c) { return c >= '0' && c <= '9'; });
            if (number && n.end < text.size() && text[n.end] == ',') out.insert(t.lower);
        }
    }
    return out;
}

// Why a recognised name is dropped, or kKeep; "weak" names are kept only with document support.
enum class Verdict { Keep, Weak, Drop };

Verdict judge(const RawMention& m, const std::vector<Token>& tokens, const std::vector<bool>& in_mention,
              const std::unordered_set<std::string_view>& person_words, const Gazetteer& g) {
    const Token& first = tokens[m.first];
    const Token& last = tokens[m.last];
    const bool single = m.first == m.last;
    const std::string_view word = first.lower;

    // "Washington Post", "New York Times", "American Airlines": an organisation.
    if (!last.possessive && last.gap_after == Gap::Space && m.last + 1 < tokens.size()) {
        const Token& next = tokens[m.last + 1];
        if (next.capitalised && inList(next, kListOrganisation)) return Verdict::Drop;
    }
    // "West Nile virus", "Reston ebolavirus", "Lassa fever": a disease named after a place.
    if (m.last + 1 < tokens.size() && last.gap_after == Gap::Space && inList(tokens[m.last + 1], kListDisease)) {
        return Verdict::Drop;
    }
    // "St. Patrick's Day", "Lincoln Day Dinner", "Columbus Day": a holiday or an event.
    if (m.last + 1 < tokens.size() && (last.gap_after == Gap::Space || last.possessive) &&
        tokens[m.last + 1].capitalised && tokens[m.last + 1].lower == "day") {
        return Verdict::Drop;
    }
    if (m.demonym) return Verdict::Keep;
    if (single && !first.all_caps && inList(first, kListNever)) return Verdict::Drop;

    // A person's title before the name ("President Washington", "Mr. Jordan").
    if (m.first > 0) {
        const Token& prev = tokens[m.first - 1];
        const bool joined = prev.gap_after == Gap::Space || prev.gap_after == Gap::Period;
        if (joined && prev.capitalised && inList(prev, kListTitle) && !(prev.lower == "st" && prev.gap_after == Gap::Period)) {
            if (onlyCityLike(m, g) || inList(first, kListPersonal) || single) return Verdict::Drop;
        }
    }
    const bool personal = single && inList(first, kListPersonal);
    // A given name that names a place only as one of its alternate spellings ("Julia", "Sam"): a person.
    if (single && (inList(first, kListGiven) || personal) && !m.demonym) {
        thread_local std::string scratch;  // one buffer for every name compared
        const bool main_name = std::any_of(m.entries.begin(), m.entries.end(), [&](const NameEntry& e) {
            Gazetteer::normaliseTo(g.place(e.place).name, scratch);
            return scratch == m.key;
        });
        if (!main_name) return Verdict::Drop;
    }
    // "in Paris", "from Jordan": a place here, whoever else the text names so.
    const bool located = afterLocative(tokens, m.first);
    // A surname used elsewhere in the text ("Rev. Roy Jones" … "Jones"), when the name is no more
    // than a town.
    if (single && !located && person_words.count(word) != 0 &&
        (personal || (onlyMinorPlaces(m, g) && maxCityPopulation(m, g) < 1000000))) {
        return Verdict::Drop;
    }
    // "Walker said", "said Clifford": a speaker, unless a capital speaking for its government.
    if (single && !located && onlyMinorPlaces(m, g) && maxCityPopulation(m, g) < 100000 && m.last + 1 < tokens.size() &&
        last.gap_after == Gap::Space && inList(tokens[m.last + 1], kListSpeech)) {
        return Verdict::Drop;
    }
    // "Jordan said": a speaker.
    if (personal && !located && m.last + 1 < tokens.size() && last.gap_after == Gap::Space &&
        inList(tokens[m.last + 1], kListSpeech)) {
        return Verdict::Drop;
    }
    // Part of a longer proper name ("George Washington", "Ali Nazary", "Twin Towers"): a neighbouring
    // capitalised word that is no place and no ordinary word.
    // A river's bare name that is also a person's or an ordinary word ("Madison", "Peace", "Orange"),
    // or that speaks ("Xi said"), is not the river.
    const bool river_only = single && onlyRivers(m, g);
    if (river_only && (inList(first, kListPersonal) || inList(first, kListGiven) || inList(first, kListCommon) ||
                       inList(first, kListNever) ||
                       (m.last + 1 < tokens.size() && inList(tokens[m.last + 1], kListSpeech)))) {
        return Verdict::Drop;
    }
    if (single && (personal || river_only || (onlyMinorPlaces(m, g) && maxCityPopulation(m, g) < 1000000))) {
        const auto nameLike = [&](std::size_t k) {
            const Token& t = tokens[k];
            // A neighbouring place name counts too when one of the two is a common personal name
            // ("George Washington": George, South Africa and Washington, D.C.).
            const bool person_pair = personal || inList(t, kListPersonal);
            // "Roy Jones": a given name counts even where it is also a town.
            if (k < m.first && t.capitalised && inList(t, kListGiven) && !inList(t, kListTitle)) return true;
            // "Paris High School", "Huntsville Police Department": an institution located there.
            if (k > m.last && inList(t, kListInstitution)) return false;
            // (A preposition opening the sentence, "From Anadyr", is capitalised only for that.)
            return t.capitalised && !t.all_caps && (!in_mention[k] || person_pair) && !inList(t, kListNever) &&
                   !inList(t, kListFeature) && !(t.sentence_start && inList(t, kListCommon)) &&
                   !(t.sentence_start && inList(t, kListLocative));
        };
        if (m.first > 0 && tokens[m.first - 1].gap_after == Gap::Space && nameLike(m.first - 1)) return Verdict::Drop;
        if (m.last + 1 < tokens.size() && last.gap_after == Gap::Space && nameLike(m.last + 1)) return Verdict::Drop;
    }
    if (single && onlyCityLike(m, g)) {
        if (inList(first, kListCommon)) {
            if (first.sentence_start) return Verdict::Drop;
            if (maxCityPopulation(m, g) < 100000) return Verdict::Weak;
        }
        // A village (fewer than 1,000 people: GeoNames cities500 lists them down to 500) named by a
        // lone capitalised word is mostly a surname or an ordinary word ("Section", "Sheldon"): only
        // "in X", "near X" or "X, State" make it a place.
        // (A population of 0 is unknown, not small: GeoNames lists Muntinlupa, 500,000 people, so.)
        if (maxCityPopulation(m, g) > 0 && maxCityPopulation(m, g) < 1000 && !located) {
            const bool qualified = last.gap_after == Gap::Comma && m.last + 1 < tokens.size() && tokens[m.last + 1].capitalised;
            if (!qualified) return Verdict::Drop;
        }
        if (maxCityPopulation(m, g) < 5000) return Verdict::Weak;
    } else if (single && first.sentence_start && inList(first, kListCommon)) {
        // "Turkey" opening a sentence is still the country; an admin area or town is not.
        const bool strong = std::any_of(m.entries.begin(), m.entries.end(), [&](const NameEntry& e) {
            const PlaceKind k = g.place(e.place).kind;
            return k == PlaceKind::Country || k == PlaceKind::Continent;
        });
        if (!strong) return Verdict::Drop;
    }
    return Verdict::Keep;
}

// The feature a name is the inner name of (recognizer.hpp): "Pasig River", "Da Nang International
// Airport", "Lake Hartwell", "Mt. Hood", "Gulf of Aden". The tokens [first, last] of the whole name
// and the generic word that says its class ("river", "airport", "lake", "mountain", "gulf").
struct FeatureName {
    std::size_t first = 0, last = 0;
    std::string_view head;
};

// Words that may stand between a name and its head ("Da Nang International Airport", "Yosemite
// National Park"), and the heads they may stand before.
bool headQualifier(const Token& t) {
    return t.lower == "national" || t.lower == "international";
}
bool qualifiedHead(const Token& t) { return t.lower == "park" || t.lower == "airport" || t.lower == "forest"; }

bool sameSpace(const std::vector<Token>& tokens, std::size_t k) {
    return k + 1 < tokens.size() && tokens[k].gap_after == Gap::Space && !tokens[k].possessive &&
           tokens[k + 1].passage == tokens[k].passage;
}

// Token k and the next are words of one name: one space apart (not two, not a line), in one passage.
bool oneSpace(const std::vector<Token>& tokens, std::size_t k) {
    return sameSpace(tokens, k) && tokens[k + 1].begin == tokens[k].end + 1;
}

std::optional<FeatureName> featureName(const RawMention& m, const std::vector<Token>& tokens) {
    if (m.demonym || m.entries.empty()) return std::nullopt;
    FeatureName f{m.first, m.last, {}};
    // After the name: "Pasig River", "Da Nang International Airport".
    if (oneSpace(tokens, m.last) && tokens[m.last + 1].capitalised) {
        std::size_t h = m.last + 1;
        if (headQualifier(tokens[h]) && oneSpace(tokens, h) && tokens[h + 1].capitalised && qualifiedHead(tokens[h + 1])) ++h;
        if (inList(tokens[h], kListFeatureHead) && !tokens[h].all_caps) {
            f.last = h;
            f.head = tokens[h].lower;
        }
    }
    // Before it: "Lake Hartwell", "Mount Kenya", "Mt. Hood", "Gulf of Aden", "Bay of Bengal", "Isle of Wight".
    if (f.head.empty() && m.first > 0 && tokens[m.first - 1].passage == tokens[m.first].passage) {
        const Token& prev = tokens[m.first - 1];
        if (prev.capitalised && oneSpace(tokens, m.first - 1) && (prev.lower == "lake" || prev.lower == "mount")) {
            f.first = m.first - 1;
            f.head = prev.lower == "lake" ? "lake" : "mountain";
        } else if (prev.capitalised && prev.lower == "mt" && (prev.gap_after == Gap::Period || prev.gap_after == Gap::Space) &&
                   tokens[m.first].begin == prev.end + (prev.gap_after == Gap::Period ? 2 : 1)) {
            f.first = m.first - 1;
            f.head = "mountain";
        } else if (!prev.capitalised && prev.lower == "of" && m.first > 1) {
            const Token& generic = tokens[m.first - 2];
            if (generic.capitalised && oneSpace(tokens, m.first - 2) && oneSpace(tokens, m.first - 1) &&
                (generic.lower == "gulf" || generic.lower == "bay" || generic.lower == "isle" || generic.lower == "sea" ||
                 generic.lower == "strait" || generic.lower == "straits")) {
                f.first = m.first - 2;
                f.head = generic.lower == "isle" ? "island" : generic.lower;
            }
        }
    }
    if (f.head.empty()) return std::nullopt;
    return f;
}

// "The Benue joins the Niger at Lokoja": a country's name after "the" is its river where the
// gazetteer knows one (a country's name seldom takes "the"; the Congo's does, and it keeps both).
void keepRiversAfterThe(const Gazetteer& gazetteer, const std::vector<Token>& tokens, std::vector<RawMention>& kept) {
    const auto isRiver = [&](const NameEntry& e) { return gazetteer.place(e.place).id.compare(0, 6, "river:") == 0; };
    for (RawMention& m : kept) {
        if (m.demonym || m.first == 0 || !oneSpace(tokens, m.first - 1)) continue;
        const Token& before = tokens[m.first - 1];
        if (before.capitalised || before.lower != "the") continue;
        if (std::none_of(m.entries.begin(), m.entries.end(), isRiver)) continue;
        const bool country_without_the = std::any_of(m.entries.begin(), m.entries.end(), [&](const NameEntry& e) {
            const Place& p = gazetteer.place(e.place);
            return p.kind == PlaceKind::Country && p.country != "CD" && p.country != "CG";
        });
        if (!country_without_the) continue;
        m.entries.erase(std::remove_if(m.entries.begin(), m.entries.end(), [&](const NameEntry& e) { return !isRiver(e); }),
                        m.entries.end());
    }
}

// A feature name whose inner name has no sense of the feature's class is placed by a namesake
// town only when the town has this many people ("Pasig River": Pasig City) or the context supports it.
constexpr std::int64_t kFeatureByNamesakeMinPopulation = 100000;

// The most people a sense of the mention has, countries and continents aside: a feature named after
// a country ("Denmark Strait", "Gulf of Thailand") lies at its edge or beyond, hundreds of kilometres
// from its point, where one named after a province ("Delaware Bay") mostly lies near it.
std::int64_t maxPopulationBelowCountry(const RawMention& m, const Gazetteer& g) {
    std::int64_t best = 0;
    for (const NameEntry& e : m.entries) {
        const Place& p = g.place(e.place);
        if (p.kind != PlaceKind::Country && p.kind != PlaceKind::Continent) best = std::max(best, p.population);
    }
    return best;
}

// Extends each kept name that is the inner name of a feature to the whole feature name (see
// recognizer.hpp for the rule); a mention the whole name swallows ("Delta" in "Danube Delta") goes.
// A name whose feature name goes on into an organisation ("Missouri Valley College") is dropped.
void extendToFeatureNames(const Document& doc, const Gazetteer& gazetteer, const std::vector<Token>& tokens,
                          std::vector<RawMention>& kept, std::vector<bool>& kept_weak) {
    const std::string_view text = doc.text();
    std::vector<bool> gone(kept.size(), false);
    std::string key;
    for (std::size_t i = 0; i < kept.size(); ++i) {
        if (gone[i]) continue;
        RawMention& m = kept[i];
        const std::optional<FeatureName> f = featureName(m, tokens);
        if (!f) continue;
        // The whole name goes on into another capitalised word: a street ("Lincoln Park Avenue"), a team
        // ("Missouri Valley Blazers"), an office ("Pasig River Rehabilitation Commission"). Not extended;
        // when that word makes an organisation ("Missouri Valley College"), not a place at all.
        if (sameSpace(tokens, f->last) && tokens[f->last + 1].capitalised) {
            if (f->last > m.last && inList(tokens[f->last + 1], kListOrganisation)) gone[i] = true;
            continue;
        }
        // A compound word ("a Jordan Valley-style clinic", "Pasig River-based"): a modifier, not the feature.
        if (tokens[f->last].gap_after == Gap::Hyphen && !tokens[f->last].possessive) continue;
        // A whole name the gazetteer holds is the longest match's to take (findCandidates).
        Gazetteer::normaliseTo(text.substr(tokens[f->first].begin, tokens[f->last].end - tokens[f->first].begin), key);
        if (!gazetteer.lookup(key).empty()) continue;
        // The mentions the whole name covers besides this one ("Delta", "Mount") go: mentions are in
        // text order and apart, and the whole name adds at most two words either side.
        for (std::size_t j = i > 2 ? i - 2 : 0; j < std::min(kept.size(), i + 3); ++j) {
            if (j != i && kept[j].first <= f->last && f->first <= kept[j].last) gone[j] = true;
        }
        const bool of_its_class = keepFeatureClass(m.entries, f->head, gazetteer);
        // Placed by a namesake of another class that is no big town ("Ross Island" by Ross', a town of
        // 6,000 in Belarus; "Denmark Strait" by Denmark): only where the rest of the document lies
        // near it, as for a weak name.
        if (!of_its_class && maxPopulationBelowCountry(m, gazetteer) < kFeatureByNamesakeMinPopulation) kept_weak[i] = true;
        m.first = f->first;
        m.last = f->last;
        m.key = key;
        // A weak inner name (a small town named like a word or a surname: "Anthony Creek") stays weak:
        // the feature is placed by that town only where the rest of the document supports it.
    }
    std::size_t count = 0;
    for (std::size_t i = 0; i < kept.size(); ++i) {
        if (gone[i]) continue;
        if (count != i) {
            kept[count] = std::move(kept[i]);
            kept_weak[count] = kept_weak[i];
        }
        ++count;
    }
    kept.resize(count);
    kept_weak.resize(count);
}

}  // namespace

std::vector<RecognisedMention> recognise(const Document& doc, const Gazetteer& gazetteer, const std::vector<Token>& tokens) {
    std::vector<RawMention> raw = findCandidates(doc, gazetteer, tokens);

    std::vector<bool> in_mention(tokens.size(), false);
    for (const RawMention& m : raw) {
        for (std::size_t k = m.first; k <= m.last; ++k) in_mention[k] = true;
    }
    // The kept mentions are filtered in place: a text of many names (a million "Kabul") holds one
    // vector of them, not a copy per step.
    std::vector<RawMention>& kept = raw;
    std::vector<bool> kept_weak;
    const std::unordered_set<std::string_view> person_words = personWords(doc, tokens);
    {
        std::size_t count = 0;
        for (std::size_t i = 0; i < raw.size(); ++i) {
            const Verdict v = judge(raw[i], tokens, in_mention, person_words, gazetteer);
            if (v == Verdict::Drop) continue;
            kept_weak.push_back(v == Verdict::Weak);
            if (count != i) raw[count] = std::move(raw[i]);
            ++count;
        }
        raw.resize(count);
    }
    extendToFeatureNames(doc, gazetteer, tokens, kept, kept_weak);
    keepRiversAfterThe(gazetteer, tokens, kept);

    // "Alexandria, Va.", "Rome, Georgia": an admin-1 or country right after a place and a comma
    // qualifies it. AP state abbreviations ("Va.") are only recognised here. Qualifiers are few:
    // kept by index, only for the names that have one.
    struct Qualifier {
        std::string country, admin1;
    };
    std::unordered_map<std::size_t, Qualifier> qualifiers;
    {
        const std::string& text = doc.text();
        std::vector<RawMention> added;
        std::vector<bool> replaced(kept.size(), false);
        for (std::size_t i = 0; i < kept.size(); ++i) {
            const Token& last = tokens[kept[i].last];
            if (last.gap_after != Gap::Comma || kept[i].last + 1 >= tokens.size()) continue;
            const std::size_t q = kept[i].last + 1;
            const bool next_is_q = i + 1 < kept.size() && kept[i + 1].first == q;
            std::vector<NameEntry> entries;
            // "Va." — an AP abbreviation, its period right after the word.
            if (tokens[q].capitalised && !tokens[q].dotted && tokens[q].end < text.size() && text[tokens[q].end] == '.') {
                const std::string_view spelled = std::string_view(text).substr(tokens[q].begin, tokens[q].end + 1 - tokens[q].begin);
                for (const NameEntry& e : gazetteer.lookup(spelled)) {
                    if (e.kind == NameKind::Abbreviation && gazetteer.place(e.place).kind == PlaceKind::Admin1) entries.push_back(e);
                }
                if (!entries.empty()) {
                    RawMention m;
                    m.first = m.last = q;
                    m.key = Gazetteer::normalise(spelled);
                    m.entries = entries;
                    if (next_is_q && kept[i + 1].last == q) replaced[i + 1] = true;
                    added.push_back(std::move(m));
                }
            }
            if (entries.empty() && next_is_q) entries = kept[i + 1].entries;
            for (const NameEntry& e : entries) {
                const Place& p = gazetteer.place(e.place);
                if (p.kind == PlaceKind::Admin1) {
                    qualifiers[i] = {p.country, p.admin1};
                    break;
                }
                if (p.kind == PlaceKind::Country) qualifiers[i] = {p.country, ""};
            }
        }
        // Without abbreviation readings the mentions are in text order already (and none replaced).
        if (!added.empty()) {
            // Mentions replaced by an abbreviation reading are dropped (by emptying their entries).
            for (std::size_t i = 0; i < kept.size(); ++i) {
                if (replaced[i]) kept[i].entries.clear();
            }
            for (RawMention& m : added) {
                kept.push_back(std::move(m));
                kept_weak.push_back(false);
            }
            // Keep text order.
            std::vector<std::size_t> order(kept.size());
            for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
            std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return kept[a].first < kept[b].first; });
            std::vector<RawMention> sorted;
            std::vector<bool> sorted_weak;
            std::unordered_map<std::size_t, Qualifier> sorted_q;
            for (std::size_t i : order) {
                if (kept[i].entries.empty()) continue;
                if (const auto q = qualifiers.find(i); q != qualifiers.end()) sorted_q.emplace(sorted.size(), std::move(q->second));
                sorted.push_back(std::move(kept[i]));
                sorted_weak.push_back(kept_weak[i]);
            }
            kept = std::move(sorted);
            kept_weak = std::move(sorted_weak);
            qualifiers = std::move(sorted_q);
        }
    }
    // Lists: names one after another, apart by ", ", " and ", " or " or ", and " ("Indianapolis and
    // Columbus", "Lagos, Kano and Abuja") share a list number.
    std::size_t lists = 0;
    for (std::size_t i = 0; i + 1 < kept.size(); ++i) {
        const std::size_t end = kept[i].last, next = kept[i + 1].first;
        if (tokens[end].passage != tokens[next].passage || tokens[end].possessive) continue;
        const auto conjunction = [&](std::size_t k) {
            return !tokens[k].capitalised && (tokens[k].lower == "and" || tokens[k].lower == "or") &&
                   tokens[k].gap_after == Gap::Space;
        };
        const bool listed = (next == end + 1 && tokens[end].gap_after == Gap::Comma) ||
                            (next == end + 2 && (tokens[end].gap_after == Gap::Space || tokens[end].gap_after == Gap::Comma) &&
                             conjunction(end + 1));
        if (!listed || !kept[i].qualifier_country.empty()) continue;
        if (kept[i].list == 0) kept[i].list = ++lists;
        kept[i + 1].list = kept[i].list;
    }
    for (std::size_t i = 0; i < kept.size(); ++i) {
        RecognisedMention& m = kept[i];
        m.weak = kept_weak[i];
        if (const auto q = qualifiers.find(i); q != qualifiers.end()) {
            m.qualifier_country = std::move(q->second.country);
            m.qualifier_admin1 = std::move(q->second.admin1);
        }
        m.byte_start = tokens[m.first].begin;
        m.byte_end = tokens[m.last].end;
        // An abbreviation qualifier ("Va.") keeps its period.
        if (!m.key.empty() && m.key.back() == '.' && !tokens[m.last].dotted && m.byte_end < doc.text().size() &&
            doc.text()[m.byte_end] == '.') {
            ++m.byte_end;
        }
        m.passage = tokens[m.first].passage;
    }
    return raw;  // (`kept` names it; returning the reference would copy every mention)
}

}  // namespace geo::extract
