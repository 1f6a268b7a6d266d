// geo/gazetteer.hpp — the place-name index: shipped GeoNames cities, countries (with alternative
// names, abbreviations and demonyms) and curated physical features, looked up by normalised name.
// Does not decide which candidate a text means (resolver.hpp) or where names are in a text
// (recognizer.hpp).
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "geo/place.hpp"

namespace geo {

// How a name refers to a place.
enum class NameKind : std::uint8_t { Name, Abbreviation, Demonym };

struct NameEntry {
    std::uint32_t place;   // index into Gazetteer::places()
    NameKind kind;
};

class Gazetteer {
public:
    // Loads the shipped gazetteer from a data directory (the project's data/ folder): the files
    // gazetteer/{cities.tsv.gz,admin1.tsv,admin2.tsv,countries.tsv,curated.tsv} written by
    // tools/build_gazetteer.py, and gazetteer/physical.tsv (named rivers) by tools/build_place_shapes.py. Throws geo::Error(MissingData/CorruptData) naming the file that is
    // missing or damaged ("…/cities.tsv.gz: missing", "…/admin1.tsv: line 17: expected 7 fields, found 5").
    // Place ids: "geonames:<id>", "country:<ISO2>", "admin1:<CC>.<code>", "admin2:<CC>.<a1>.<code>",
    // "curated:<slug>", "continent:<slug>", "river:<slug>-<Natural Earth river number>".
    // Outlines and courses of these places: geo/place_shapes.hpp.
    //
    // When gazetteer/gazetteer.idx (written by writeIndex(), at build time by tools/gazetteer_index)
    // exists, is newer than every table and is whole, it is read instead of the tables: one read, no
    // decompression or text parsing. A stale or damaged index is ignored and the tables are parsed.
    static Gazetteer load(const std::string& data_dir);
    // Always parses the tables, never the index (the index tool uses it).
    static Gazetteer loadTables(const std::string& data_dir);
    // Writes the binary index of this gazetteer to `path` (through a temporary file renamed into
    // place, so concurrent builds never leave half a file): the places, the name table as it lies
    // in memory (rebuilt in key order first, so the same gazetteer always gives the same bytes) and
    // the ids. Throws geo::Error naming the path.
    void writeIndex(const std::string& path) const;
    // The index file name inside data_dir/gazetteer/.
    static constexpr const char* kIndexFileName = "gazetteer.idx";
    // An empty gazetteer to which tests add places.
    Gazetteer() = default;

    // Adds a place with its names (the place's own name is not added implicitly).
    std::uint32_t add(Place place, const std::vector<std::pair<std::string, NameKind>>& names);

    // All entries whose normalised name equals normalise(name). Empty if none.
    const std::vector<NameEntry>& lookup(std::string_view name) const;
    // What the index holds under one already normalised key: its entries (empty if it is no name)
    // and whether a longer name starts with these words. One hash probe, no allocation; the
    // recogniser's inner loop uses it instead of lookup() + hasPrefix().
    struct KeyInfo {
        const std::vector<NameEntry>* entries;
        bool prefix;
    };
    KeyInfo probe(std::string_view normalised_key) const;
    // probe() for `count` keys at once, into out[0..count): the table is far larger than the
    // caches, and probing a batch lets the memory reads of all keys overlap instead of queueing.
    void probe(const std::string_view* normalised_keys, std::size_t count, KeyInfo* out) const;
    // Longest number of words of any name (for the recogniser's n-gram window).
    int maxNameWords() const { return max_words_; }
    // True if some name starts with these normalised words (prefix of a multi-word name).
    bool hasPrefix(std::string_view normalised_words) const;

    const std::vector<Place>& places() const { return places_; }
    const Place& place(std::uint32_t index) const { return places_.at(index); }
    // Index of a place by its stable id, or -1.
    std::int64_t findId(const std::string& id) const;

    // Lower-case, strip diacritics of Latin letters (Latin-1, Extended-A/B, Extended Additional;
    // "ß" → "ss", "æ" → "ae"), treat hyphens and dashes as spaces, collapse whitespace, drop a
    // trailing "'s" (or "'" after an s), then drop every other apostrophe (geo/text/unicode's, and
    // ` ´ typed for them): soft and hard signs of transliterations vanish, so "Kup'yans'k" and
    // "Kupyansk" are one key. "Afghanistan’s" → "afghanistan", "U.S." → "u.s.",
    // "Mazar-i-Sharif" → "mazar i sharif", "O'Hare" → "ohare".
    static std::string normalise(std::string_view name);
    // The same, into `out` (its old content replaced), so a loop can reuse one buffer.
    static void normaliseTo(std::string_view name, std::string& out);

private:
    // Reads an index written by writeIndex(); false (leaving *out unspecified) if it is damaged.
    static bool readIndex(const std::string& path, Gazetteer* out);

    // Normalised names and name prefixes in one open-addressing hash table over a character arena:
    // a lookup is a probe into one flat array and one compare, without building a std::string.
    class NameIndex {
    public:
        // The key's slot, inserted if new. `hash` must be hashKey(key).
        std::uint32_t findOrInsert(std::string_view key, std::uint64_t hash);
        // The key's number, or -1.
        std::int64_t find(std::string_view key, std::uint64_t hash) const;
        void reserve(std::size_t keys);
        std::size_t size() const { return keys_.size(); }
        std::string_view key(std::uint32_t k) const {
            return std::string_view(chars_.data() + keys_[k].offset, keys_[k].length);
        }
        // The entries of key k; an empty list for a key that is only a prefix.
        std::vector<NameEntry>& entries(std::uint32_t k) { return entries_[k]; }
        const std::vector<NameEntry>& entries(std::uint32_t k) const { return entries_[k]; }
        bool isPrefix(std::uint32_t k) const { return keys_[k].prefix; }
        void setPrefix(std::uint32_t k) { keys_[k].prefix = true; }
        static std::uint64_t hashKey(std::string_view key);
        // Batch find: keys[i] → out[i] (key number or -1); `hashes` is scratch of `count` values.
        void findAll(const std::string_view* keys, std::size_t count, std::uint64_t* hashes, std::int64_t* out) const;
        // The whole table as bytes of the index file (characters, keys, entry lists, slots), so that
        // loading copies it instead of hashing every key again; readFrom() checks what it reads
        // (offsets in range, entries naming one of `place_count` places, a free slot to end every
        // probe) and returns false for damaged bytes.
        void appendTo(std::string& out) const;
        bool readFrom(std::string_view data, std::size_t& pos, std::uint32_t place_count);

    private:
        struct Key {
            std::uint32_t offset;
            std::uint32_t length;
            bool prefix;
        };
        // hash_tag: the high 32 bits of the hash (0 marks an empty slot, so real tags are never 0).
        struct Slot {
            std::uint32_t hash_tag;
            std::uint32_t key;
        };
        void grow();
        std::string chars_;
        std::vector<Key> keys_;
        std::vector<std::vector<NameEntry>> entries_;
        std::vector<Slot> slots_;  // size a power of two, at most half full
    };

    std::vector<Place> places_;
    NameIndex names_;
    std::unordered_map<std::string, std::uint32_t> ids_;
    int max_words_ = 1;
};

}  // namespace geo
