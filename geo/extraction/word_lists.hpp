// geo/extraction/word_lists.hpp — the English word lists recognition consults (months and other
// words that are never places, ordinary words that are also town names, personal names and titles,
// speech verbs, organisation and institution words, feature words and the heads of feature names,
// connectors, locative prepositions), looked up as bits of one small cache-resident table. Lists only: what a word on a
// list means for a name is decided in recognizer.cpp.
#pragma once
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

namespace geo::extract {

// and question.
enum WordList : std::uint16_t {
    kListNever = 1 << 0,
    kListCommon = 1 << 1,
    kListPersonal = 1 << 2,
    kListGiven = 1 << 3,
    kListTitle = 1 << 4,
    kListSpeech = 1 << 5,
    kListOrganisation = 1 << 6,
    kListInstitution = 1 << 7,
    kListFeature = 1 << 8,
    kListConnector = 1 << 9,
    kListPeriodAbbreviation = 1 << 10,
    kListLocative = 1 << 11,
    kListDisease = 1 << 12,
    kListFeatureHead = 1 << 13,
};

// The WordList bits of every listed word, in an open-addressing table small enough to stay in cache
// (8-byte slots; the words themselves are compared only on a tag match). A word is looked up by its
// bytes zero-padded to kKeyBytes (no listed word is longer, and words hold no NUL byte): two 64-bit
// compares and a multiply-xorshift hash instead of a byte loop and a string compare per token.
class WordListTable {
public:
    static constexpr std::size_t kKeyBytes = 16;
    struct Key {
        std::uint64_t lo = 0, hi = 0;
        bool operator==(const Key& o) const { return lo == o.lo && hi == o.hi; }
    };
    // The key of the kKeyBytes bytes at `padded`: a word of at most kKeyBytes bytes and zeros after it.
    static Key keyOf(const char* padded) {
        Key k;
        std::memcpy(&k.lo, padded, 8);
        std::memcpy(&k.hi, padded + 8, 8);
        return k;
    }

    // Every word of the lists in word_lists.cpp with its bits.
    WordListTable();
    std::uint16_t find(std::string_view word) const { return word.size() > kKeyBytes ? 0 : find(keyOfWord(word)); }
    std::uint16_t find(const Key& key) const {
        const std::uint64_t h = hash(key);
        const std::uint32_t tag = tagOf(h);
        const std::size_t mask = slots_.size() - 1;
        for (std::size_t at = h & mask;; at = (at + 1) & mask) {
            const Slot& slot = slots_[at];
            if (slot.word == 0) return 0;
            if (slot.tag == tag && keys_[slot.word - 1] == key) return slot.lists;
        }
    }

private:
    struct Slot {
        std::uint32_t tag = 0;
        std::uint16_t word = 0;   // 1 + index into keys_, 0: empty
        std::uint16_t lists = 0;
    };
    static Key keyOfWord(std::string_view word) {
        char padded[kKeyBytes] = {};
        std::memcpy(padded, word.data(), word.size());
        return keyOf(padded);
    }
    static std::uint64_t hash(const Key& key) {
        std::uint64_t h = key.lo ^ (key.hi * 0x9E3779B97F4A7C15ull);
        h = (h ^ (h >> 30)) * 0xBF58476D1CE4E5B9ull;
        h = (h ^ (h >> 27)) * 0x94D049BB133111EBull;
        return h ^ (h >> 31);
    }
    static std::uint32_t tagOf(std::uint64_t h) { return static_cast<std::uint32_t>(h >> 32) | 1u; }
    std::vector<Slot> slots_;
    std::vector<Key> keys_;
};
// The one table of the lists, built on first use.
const WordListTable& wordLists();
}  // namespace geo::extract
