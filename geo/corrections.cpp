#include "geo/corrections.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <limits>
#include <map>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "geo/error.hpp"
#include "geo/geodesy.hpp"
#include "geo/text/unicode.hpp"

namespace geo {

const char* toString(CorrectionKind kind) {
    switch (kind) {
        case CorrectionKind::ChoosePlace: return "choose_place";
        case CorrectionKind::NotAPlace: return "not_a_place";
        case CorrectionKind::AddPlace: return "add_place";
    }
    return "unknown";
}

std::optional<CorrectionKind> correctionKindFromString(const std::string& text) {
    for (CorrectionKind kind : {CorrectionKind::ChoosePlace, CorrectionKind::NotAPlace, CorrectionKind::AddPlace}) {
        if (text == toString(kind)) return kind;
    }
    return std::nullopt;
}

std::string userPlaceId(const UserPoint& point) {
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "user:%.6f,%.6f", point.position.lat, point.position.lon);
    return buffer;
}

namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

bool isContinuationByte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

bool onCodePointBoundary(const std::string& text, std::size_t byte) {
    return byte == text.size() || (byte < text.size() && !isContinuationByte(text[byte]));
}

bool validSpan(const std::string& text, std::size_t byte_start, std::size_t byte_end) {
    return byte_start < byte_end && byte_end <= text.size() && onCodePointBoundary(text, byte_start) &&
           onCodePointBoundary(text, byte_end);
}

using text::previousCodePointStart;

char32_t codePointAt(const std::string& text, std::size_t pos) { return nextCodePoint(text, pos); }

// Word characters and apostrophes: geo/text/unicode, the one definition.
using text::isApostrophe;
using text::isWordChar;

// True if the code point just before `pos` (or after, for `after`) is a word character.
bool wordBefore(const std::string& text, std::size_t pos) {
    return pos > 0 && isWordChar(codePointAt(text, previousCodePointStart(text, pos)));
}
bool wordAt(const std::string& text, std::size_t pos) {
    return pos < text.size() && isWordChar(codePointAt(text, pos));
}

std::string spanError(const Document& doc, std::size_t byte_start, std::size_t byte_end, const char* problem) {
    return doc.name() + ": span [" + std::to_string(byte_start) + ", " + std::to_string(byte_end) + ") " + problem;
}

void checkTarget(const PlaceTarget& target) {
    if (target.place_id.empty() == !target.user_point.has_value()) {
        throw Error(ErrorKind::InvalidInput, "correction target needs either a gazetteer place id or a user point");
    }
}

// A word of the text (geo/text/unicode: letters and digits with apostrophes inside, or initials
// such as "U.S."), a possessive "'s" left out. Byte offsets into Document::text().
struct WordToken {
    std::size_t begin = 0;
    std::size_t end = 0;
    std::size_t passage = 0;
};

std::vector<WordToken> wordTokens(const Document& doc) {
    const std::string& text = doc.text();
    std::vector<WordToken> tokens;
    for (const Passage& passage : doc.passages()) {
        std::size_t pos = passage.byte_start;
        while (pos < passage.byte_end) {
            std::size_t next = pos;
            if (!isWordChar(text::decode(text, next))) {
                pos = next;
                continue;
            }
            const std::size_t initials = text::initialsEnd(text, pos, passage.byte_end);
            const std::size_t word_end = initials > pos ? initials : text::wordEnd(text, pos, passage.byte_end);
            // "Kabul's" → "Kabul": the possessive is not part of the name.
            const std::size_t end = initials > pos ? initials : text::possessiveStart(text, pos, word_end);
            tokens.push_back({pos, end, passage.index});
            pos = word_end;
        }
    }
    return tokens;
}

// Spans of whole words whose normalised text is `key` (a Gazetteer::normalise result), in text order.
std::vector<std::pair<std::size_t, std::size_t>> nameOccurrences(const Document& doc,
                                                                 const std::vector<WordToken>& tokens,
                                                                 const std::string& key) {
    std::vector<std::pair<std::size_t, std::size_t>> spans;
    if (key.empty()) return spans;
    const std::size_t words = 1 + static_cast<std::size_t>(std::count(key.begin(), key.end(), ' '));
    const std::string& text = doc.text();
    const auto lowerAscii = [](unsigned char c) { return c >= 'A' && c <= 'Z' ? static_cast<unsigned char>(c - 'A' + 'a') : c; };
    const auto key_first = static_cast<unsigned char>(key[0]);
    for (std::size_t i = 0; i + words <= tokens.size(); ++i) {
        const WordToken& first = tokens[i];
        // Cheap filter before normalising: an ASCII first letter must match; a non-ASCII one may
        // fold to anything ("Ö" → "o").
        const auto c = static_cast<unsigned char>(text[first.begin]);
        if (c < 0x80 && lowerAscii(c) != key_first) continue;
        const WordToken& last = tokens[i + words - 1];
        if (first.passage != last.passage) continue;
        std::size_t end = last.end;
        if (Gazetteer::normalise(std::string_view(text).substr(first.begin, end - first.begin)) != key) {
            // "U.S." — the final period of an abbreviation is outside the token.
            if (end >= text.size() || text[end] != '.') continue;
            ++end;
            if (Gazetteer::normalise(std::string_view(text).substr(first.begin, end - first.begin)) != key) continue;
        }
        spans.emplace_back(first.begin, end);
    }
    return spans;
}

struct WorkingMention {
    Mention mention;
    std::string key;       // Gazetteer::normalise(mention.text)
    std::string place_id;  // the place it now refers to
};

struct WorkingPlace {
    Place place;
    double confidence = 0.0;
    std::vector<Candidate> runners_up;
};

bool overlaps(const Mention& m, std::size_t byte_start, std::size_t byte_end) {
    return m.byte_start < byte_end && byte_start < m.byte_end;
}

class CorrectionApplier {
public:
    CorrectionApplier(const Document& doc, const Gazetteer& gazetteer, Extraction base)
        : doc_(doc), gazetteer_(gazetteer) {
        for (Mention& m : base.mentions) {
            if (m.place >= base.places.size()) continue;
            WorkingMention wm;
            wm.key = Gazetteer::normalise(m.text);
            wm.place_id = base.places[m.place].place.id;
            wm.mention = std::move(m);
            mentions_.push_back(std::move(wm));
        }
        for (ResolvedPlace& rp : base.places) {
            std::string id = rp.place.id;
            places_.emplace(std::move(id), WorkingPlace{std::move(rp.place), rp.confidence, std::move(rp.runners_up)});
        }
        sortMentions();
    }

    void apply(const Correction& c) {
        switch (c.kind) {
            case CorrectionKind::ChoosePlace: {
                const std::optional<Place> target = resolveTarget(c);
                if (!target) return;
                for (std::size_t i : matchingMentions(c)) assign(mentions_[i], *target);
                return;
            }
            case CorrectionKind::NotAPlace: {
                std::vector<std::size_t> drop = matchingMentions(c);
                for (auto it = drop.rbegin(); it != drop.rend(); ++it) {
                    mentions_.erase(mentions_.begin() + static_cast<std::ptrdiff_t>(*it));
                }
                return;
            }
            case CorrectionKind::AddPlace: {
                const std::optional<Place> target = resolveTarget(c);
                if (target) addMentions(c, *target);
                return;
            }
        }
    }

    Extraction result() {
        sortMentions();
        Extraction out;
        std::unordered_map<std::string, std::size_t> index_of_place;
        for (WorkingMention& wm : mentions_) {
            auto [it, inserted] = index_of_place.emplace(wm.place_id, out.places.size());
            if (inserted) {
                const WorkingPlace& wp = places_.at(wm.place_id);
                ResolvedPlace rp;
                rp.place = wp.place;
                rp.confidence = wp.confidence;
                rp.runners_up = wp.runners_up;
                out.places.push_back(std::move(rp));
            }
            ResolvedPlace& rp = out.places[it->second];
            wm.mention.place = it->second;
            rp.mentions.push_back(out.mentions.size());
            if (rp.passages.empty() || rp.passages.back() != wm.mention.passage) rp.passages.push_back(wm.mention.passage);
            out.mentions.push_back(std::move(wm.mention));
        }
        return out;
    }

private:
    void sortMentions() {
        std::stable_sort(mentions_.begin(), mentions_.end(), [](const WorkingMention& a, const WorkingMention& b) {
            if (a.mention.byte_start != b.mention.byte_start) return a.mention.byte_start < b.mention.byte_start;
            return a.mention.byte_end < b.mention.byte_end;
        });
    }

    std::optional<Place> resolveTarget(const Correction& c) const {
        if (c.user_point) {
            Place place;
            place.id = userPlaceId(*c.user_point);
            place.name = c.user_point->name;
            place.position = c.user_point->position;
            place.kind = c.user_point->kind;
            place.source = "user";
            return place;
        }
        const std::int64_t index = gazetteer_.findId(c.place_id);
        if (index < 0) return std::nullopt;
        return gazetteer_.place(static_cast<std::uint32_t>(index));
    }

    // The anchor still reads its text in this document, on one passage.
    bool anchorHolds(const SpanAnchor& a) const {
        const std::string& text = doc_.text();
        if (!validSpan(text, a.byte_start, a.byte_end)) return false;
        if (text.compare(a.byte_start, a.byte_end - a.byte_start, a.text) != 0) return false;
        const std::size_t passage = doc_.passageAtByte(a.byte_start);
        return passage != Document::npos && passage == doc_.passageAtByte(a.byte_end - 1);
    }

    std::vector<std::size_t> matchingMentions(const Correction& c) const {
        std::vector<std::size_t> found;
        if (c.anchor) {
            if (!anchorHolds(*c.anchor)) return found;
            const SpanAnchor& a = *c.anchor;
            std::size_t overlapping = kNone;
            std::size_t overlap_count = 0;
            for (std::size_t i = 0; i < mentions_.size(); ++i) {
                const Mention& m = mentions_[i].mention;
                if (m.byte_start == a.byte_start && m.byte_end == a.byte_end) return {i};
                if (overlaps(m, a.byte_start, a.byte_end)) {
                    overlapping = i;
                    ++overlap_count;
                }
            }
            if (overlap_count == 1) found.push_back(overlapping);
            return found;
        }
        const std::string key = Gazetteer::normalise(c.name);
        if (key.empty()) return found;
        for (std::size_t i = 0; i < mentions_.size(); ++i) {
            if (mentions_[i].key == key) found.push_back(i);
        }
        return found;
    }

    WorkingPlace& placeFor(const Place& target, const std::string* former_place_id) {
        auto it = places_.find(target.id);
        if (it != places_.end()) return it->second;
        WorkingPlace wp{target, 1.0, {}};
        const std::int64_t target_index = target.source == "user" ? -1 : gazetteer_.findId(target.id);
        if (former_place_id != nullptr) {
            // The former choice and its runners-up stay available for "choose another".
            const WorkingPlace& former = places_.at(*former_place_id);
            std::vector<Candidate> list;
            const std::int64_t former_index = gazetteer_.findId(former.place.id);
            if (former_index >= 0) list.push_back({static_cast<std::uint32_t>(former_index), 0.0});
            list.insert(list.end(), former.runners_up.begin(), former.runners_up.end());
            std::unordered_set<std::uint32_t> seen;
            for (const Candidate& c : list) {
                if (static_cast<std::int64_t>(c.gazetteer_index) == target_index) continue;
                if (seen.insert(c.gazetteer_index).second) wp.runners_up.push_back(c);
            }
        }
        return places_.emplace(target.id, std::move(wp)).first->second;
    }

    void assign(WorkingMention& wm, const Place& target) {
        WorkingPlace& wp = placeFor(target, &wm.place_id);
        wp.confidence = 1.0;
        wm.place_id = target.id;
    }

    // Mentions never overlap and are kept sorted, so the ones overlapping a span are contiguous.
    std::pair<std::size_t, std::size_t> overlapping(std::size_t byte_start, std::size_t byte_end) const {
        const auto first = std::partition_point(mentions_.begin(), mentions_.end(),
                                                [&](const WorkingMention& wm) { return wm.mention.byte_end <= byte_start; });
        auto last = first;
        while (last != mentions_.end() && last->mention.byte_start < byte_end) ++last;
        return {static_cast<std::size_t>(first - mentions_.begin()), static_cast<std::size_t>(last - mentions_.begin())};
    }

    WorkingMention newMention(std::size_t byte_start, std::size_t byte_end, const Place& target) {
        WorkingPlace& wp = placeFor(target, nullptr);
        wp.confidence = 1.0;
        WorkingMention wm;
        wm.mention.byte_start = byte_start;
        wm.mention.byte_end = byte_end;
        wm.mention.start = doc_.byteToCodePoint(byte_start);
        wm.mention.end = doc_.byteToCodePoint(byte_end);
        wm.mention.text = doc_.slice(byte_start, byte_end);
        wm.mention.kind = MentionKind::Toponym;
        wm.mention.passage = doc_.passageAtByte(byte_start);
        wm.key = Gazetteer::normalise(wm.mention.text);
        wm.place_id = target.id;
        return wm;
    }

    void addMentions(const Correction& c, const Place& target) {
        if (c.anchor) {
            const SpanAnchor& a = *c.anchor;
            if (!anchorHolds(a)) return;
            // The reader's selection wins over whatever the recogniser found there.
            const auto [first, last] = overlapping(a.byte_start, a.byte_end);
            mentions_.erase(mentions_.begin() + static_cast<std::ptrdiff_t>(first),
                            mentions_.begin() + static_cast<std::ptrdiff_t>(last));
            mentions_.insert(mentions_.begin() + static_cast<std::ptrdiff_t>(first),
                             newMention(a.byte_start, a.byte_end, target));
            return;
        }
        if (tokens_.empty()) tokens_ = wordTokens(doc_);
        std::vector<bool> replaced(mentions_.size(), false);
        std::vector<WorkingMention> added;
        std::size_t added_end = 0;  // occurrences of a name like "A A" may overlap each other
        for (const auto& [start, end] : nameOccurrences(doc_, tokens_, Gazetteer::normalise(c.name))) {
            if (start < added_end) continue;
            // A mention inside the occurrence ("Kabul" in "Kabul River") gives way; one reaching
            // outside it ("Kabul" inside a mention "Kabul River") keeps the occurrence out.
            const auto [first, last] = overlapping(start, end);
            bool blocked = false;
            for (std::size_t i = first; i < last; ++i) {
                const Mention& m = mentions_[i].mention;
                blocked = blocked || m.byte_start < start || m.byte_end > end;
            }
            if (blocked) continue;
            for (std::size_t i = first; i < last; ++i) replaced[i] = true;
            added.push_back(newMention(start, end, target));
            added_end = end;
        }
        if (added.empty()) return;
        std::vector<WorkingMention> kept;
        kept.reserve(mentions_.size() + added.size());
        for (std::size_t i = 0; i < mentions_.size(); ++i) {
            if (!replaced[i]) kept.push_back(std::move(mentions_[i]));
        }
        for (WorkingMention& wm : added) kept.push_back(std::move(wm));
        mentions_ = std::move(kept);
        sortMentions();
    }

    const Document& doc_;
    const Gazetteer& gazetteer_;
    std::map<std::string, WorkingPlace> places_;
    std::vector<WorkingMention> mentions_;
    std::vector<WordToken> tokens_;
};

// Bytes of agreement between a stored context and the text around an occurrence.
std::size_t commonSuffix(const std::string& stored, const std::string& text, std::size_t text_end) {
    std::size_t n = 0;
    while (n < stored.size() && n < text_end && stored[stored.size() - 1 - n] == text[text_end - 1 - n]) ++n;
    return n;
}
std::size_t commonPrefix(const std::string& stored, const std::string& text, std::size_t text_start) {
    std::size_t n = 0;
    while (n < stored.size() && text_start + n < text.size() && stored[n] == text[text_start + n]) ++n;
    return n;
}
bool storedEndsInWord(const std::string& context) { return !context.empty() && wordBefore(context, context.size()); }
bool storedStartsWithWord(const std::string& context) { return wordAt(context, 0); }

}  // namespace

SpanAnchor anchorFor(const Document& doc, std::size_t byte_start, std::size_t byte_end) {
    const std::string& text = doc.text();
    if (byte_start >= byte_end || byte_end > text.size()) {
        throw Error(ErrorKind::InvalidInput, spanError(doc, byte_start, byte_end, "is not inside the text"));
    }
    if (!validSpan(text, byte_start, byte_end)) {
        throw Error(ErrorKind::InvalidInput, spanError(doc, byte_start, byte_end, "does not fall on character boundaries"));
    }
    SpanAnchor anchor;
    anchor.byte_start = byte_start;
    anchor.byte_end = byte_end;
    anchor.text = doc.slice(byte_start, byte_end);
    std::size_t before = byte_start;
    for (std::size_t n = 0; n < kAnchorContextCodePoints && before > 0; ++n) before = previousCodePointStart(text, before);
    anchor.context_before = doc.slice(before, byte_start);
    std::size_t after = byte_end;
    for (std::size_t n = 0; n < kAnchorContextCodePoints && after < text.size(); ++n) nextCodePoint(text, after);
    anchor.context_after = doc.slice(byte_end, after);
    return anchor;
}

Correction choosePlace(const Document& doc, const Mention& mention, PlaceTarget target, CorrectionScope scope,
                       std::uint64_t edit) {
    checkTarget(target);
    Correction c;
    c.kind = CorrectionKind::ChoosePlace;
    c.name = mention.text;
    if (scope == CorrectionScope::ThisMention) c.anchor = anchorFor(doc, mention.byte_start, mention.byte_end);
    c.place_id = std::move(target.place_id);
    c.user_point = std::move(target.user_point);
    c.edit = edit;
    return c;
}

Correction notAPlace(const Document& doc, const Mention& mention, CorrectionScope scope, std::uint64_t edit) {
    Correction c;
    c.kind = CorrectionKind::NotAPlace;
    c.name = mention.text;
    if (scope == CorrectionScope::ThisMention) c.anchor = anchorFor(doc, mention.byte_start, mention.byte_end);
    c.edit = edit;
    return c;
}

Correction addPlace(const Document& doc, std::size_t byte_start, std::size_t byte_end, PlaceTarget target,
                    CorrectionScope scope, std::uint64_t edit) {
    checkTarget(target);
    // Validates the raw selection first, so the message names what the caller passed.
    anchorFor(doc, byte_start, byte_end);
    const std::string& text = doc.text();
    std::size_t start = byte_start;
    std::size_t end = byte_end;
    while (start < end && !wordAt(text, start)) nextCodePoint(text, start);
    while (end > start && !wordBefore(text, end)) {
        const std::size_t last = previousCodePointStart(text, end);
        // "U.S." keeps its final period: it ends an abbreviation that has another one inside.
        if (text[last] == '.' && text.find('.', start) < last) break;
        end = last;
    }
    // "Kabul's" → "Kabul".
    if (end > start && wordBefore(text, text::possessiveStart(text, start, end))) end = text::possessiveStart(text, start, end);
    if (start >= end) throw Error(ErrorKind::InvalidInput, spanError(doc, byte_start, byte_end, "holds no words"));
    const std::size_t passage = doc.passageAtByte(start);
    if (passage == Document::npos || passage != doc.passageAtByte(end - 1)) {
        throw Error(ErrorKind::InvalidInput, spanError(doc, byte_start, byte_end, "crosses a passage boundary"));
    }
    Correction c;
    c.kind = CorrectionKind::AddPlace;
    c.name = doc.slice(start, end);
    if (scope == CorrectionScope::ThisMention) c.anchor = anchorFor(doc, start, end);
    c.place_id = std::move(target.place_id);
    c.user_point = std::move(target.user_point);
    c.edit = edit;
    return c;
}

namespace {

std::vector<Correction> perName(const Extraction& extraction, std::size_t place_index, const Correction& model) {
    if (place_index >= extraction.places.size()) {
        throw Error(ErrorKind::InvalidInput, "place index " + std::to_string(place_index) + " out of range (" +
                                                 std::to_string(extraction.places.size()) + " places)");
    }
    std::vector<Correction> out;
    std::unordered_set<std::string> seen;
    for (std::size_t mi : extraction.places[place_index].mentions) {
        const std::string& text = extraction.mentions.at(mi).text;
        if (!seen.insert(Gazetteer::normalise(text)).second) continue;
        Correction c = model;
        c.name = text;
        out.push_back(std::move(c));
    }
    return out;
}

}  // namespace

std::vector<Correction> choosePlaceForPlace(const Document&, const Extraction& extraction, std::size_t place_index,
                                            PlaceTarget target, std::uint64_t edit) {
    checkTarget(target);
    Correction model;
    model.kind = CorrectionKind::ChoosePlace;
    model.place_id = std::move(target.place_id);
    model.user_point = std::move(target.user_point);
    model.edit = edit;
    return perName(extraction, place_index, model);
}

std::vector<Correction> notAPlaceForPlace(const Document&, const Extraction& extraction, std::size_t place_index,
                                          std::uint64_t edit) {
    Correction model;
    model.kind = CorrectionKind::NotAPlace;
    model.edit = edit;
    return perName(extraction, place_index, model);
}

std::vector<Correction> popLastEdit(std::vector<Correction>& corrections) {
    std::vector<Correction> popped;
    if (corrections.empty()) return popped;
    const std::uint64_t edit = corrections.back().edit;
    while (!corrections.empty() && corrections.back().edit == edit) {
        popped.push_back(std::move(corrections.back()));
        corrections.pop_back();
    }
    std::reverse(popped.begin(), popped.end());
    return popped;
}

Extraction applyCorrections(const Document& doc, const Gazetteer& gazetteer, Extraction base,
                            const std::vector<Correction>& corrections) {
    CorrectionApplier applier(doc, gazetteer, std::move(base));
    for (const Correction& c : corrections) applier.apply(c);
    return applier.result();
}

ReanchorResult reanchor(const Document& new_doc, std::vector<Correction> corrections) {
    ReanchorResult result;
    const std::string& text = new_doc.text();
    for (std::size_t ci = 0; ci < corrections.size(); ++ci) {
        Correction& c = corrections[ci];
        if (!c.anchor) continue;
        const SpanAnchor& old = *c.anchor;
        if (validSpan(text, old.byte_start, old.byte_end) &&
            text.compare(old.byte_start, old.byte_end - old.byte_start, old.text) == 0) {
            continue;
        }
        const std::size_t required =
            std::min(kMinContextAgreement, old.context_before.size() + old.context_after.size());
        const bool word_before = storedEndsInWord(old.context_before);
        const bool word_after = storedStartsWithWord(old.context_after);
        std::size_t best = kNone;
        std::size_t best_score = 0;
        std::size_t best_distance = 0;
        for (std::size_t pos = old.text.empty() ? std::string::npos : text.find(old.text); pos != std::string::npos;
             pos = text.find(old.text, pos + 1)) {
            const std::size_t end = pos + old.text.size();
            // A name that stood alone must not be found inside a longer word, and the reverse.
            if (wordBefore(text, pos) != word_before || wordAt(text, end) != word_after) continue;
            const std::size_t passage = new_doc.passageAtByte(pos);
            if (passage == Document::npos || passage != new_doc.passageAtByte(end - 1)) continue;
            const std::size_t score = commonSuffix(old.context_before, text, pos) + commonPrefix(old.context_after, text, end);
            if (score < required) continue;
            const std::size_t distance = pos > old.byte_start ? pos - old.byte_start : old.byte_start - pos;
            if (best == kNone || score > best_score || (score == best_score && distance < best_distance)) {
                best = pos;
                best_score = score;
                best_distance = distance;
            }
        }
        if (best == kNone) {
            result.unplaced.push_back({ci, old.text});
            continue;
        }
        c.anchor = anchorFor(new_doc, best, best + old.text.size());
        ++result.moved;
    }
    result.corrections = std::move(corrections);
    return result;
}

std::vector<CandidateView> candidatesFor(const Gazetteer& gazetteer, const Extraction& extraction,
                                         std::size_t place_index) {
    if (place_index >= extraction.places.size()) {
        throw Error(ErrorKind::InvalidInput, "place index " + std::to_string(place_index) + " out of range (" +
                                                 std::to_string(extraction.places.size()) + " places)");
    }
    const ResolvedPlace& chosen = extraction.places[place_index];
    std::vector<CandidateView> out;
    std::unordered_set<std::uint32_t> seen;
    const auto add = [&](std::uint32_t index, bool runner_up, double score) {
        if (index >= gazetteer.places().size() || !seen.insert(index).second) return;
        const Place& p = gazetteer.place(index);
        if (p.id == chosen.place.id) return;
        CandidateView view;
        view.gazetteer_index = index;
        view.id = p.id;
        view.name = p.name;
        view.country = p.country;
        view.kind = p.kind;
        view.population = p.population;
        view.position = p.position;
        view.runner_up = runner_up;
        view.score = score;
        view.nearest_other_m = std::numeric_limits<double>::infinity();
        for (std::size_t j = 0; j < extraction.places.size(); ++j) {
            if (j == place_index) continue;
            const double d = geodesicDistanceMeters(p.position, extraction.places[j].place.position);
            if (d < view.nearest_other_m) {
                view.nearest_other_m = d;
                view.nearest_other = j;
            }
        }
        out.push_back(std::move(view));
    };
    for (const Candidate& c : chosen.runners_up) add(c.gazetteer_index, true, c.score);
    for (std::size_t mi : chosen.mentions) {
        if (mi >= extraction.mentions.size()) continue;
        for (const NameEntry& entry : gazetteer.lookup(extraction.mentions[mi].text)) add(entry.place, false, 0.0);
    }
    std::stable_sort(out.begin(), out.end(), [](const CandidateView& a, const CandidateView& b) {
        if (a.nearest_other_m != b.nearest_other_m) return a.nearest_other_m < b.nearest_other_m;
        if (a.runner_up != b.runner_up) return a.runner_up;
        if (a.population != b.population) return a.population > b.population;
        return a.gazetteer_index < b.gazetteer_index;
    });
    return out;
}

}  // namespace geo
