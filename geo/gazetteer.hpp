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
    // tools/build_gazetteer.py. Throws geo::Error(MissingData/CorruptData) naming the file that is
    // missing or damaged ("…/cities.tsv.gz: missing", "…/admin1.tsv: line 17: expected 7 fields, found 5").
    // Place ids: "geonames:<id>", "country:<ISO2>", "admin1:<CC>.<code>", "admin2:<CC>.<a1>.<code>",
    // "curated:<slug>", "continent:<slug>".
    //
    // When gazetteer/gazetteer.idx (written by writeIndex(), at build time by tools/gazetteer_index)
    // exists, is newer than every table and is whole, it is read instead of the tables: one read, no
    // decompression or text parsing. A stale or damaged index is ignored and the tables are parsed.
    static Gazetteer load(const std::string& data_dir);
    // Always parses the tables, never the index (the index tool uses it).
    static Gazetteer loadTables(const std::string& data_dir);
    // Writes the binary index of this gazetteer to `path` (through a temporary file renamed into
    // place, so concurrent builds never leave half a file). Throws geo::Error naming the path.
    void writeIndex(const std::string& path) const;
    // The index file name inside data_dir/gazetteer/.
    static constexpr const char* kIndexFileName = "gazetteer.idx";
    // An empty gazetteer to which tests add places.
    Gazetteer() = default;

    // Adds a place with its names (the place's own name is not added implicitly).
    std::uint32_t add(Place place, const std::vector<std::pair<std::string, NameKind>>& names);

    // All entries whose normalised name equals normalise(name). Empty if none.
    const std::vector<NameEntry>& lookup(std::string_view name) const;
    // Longest number of words of any name (for the recogniser's n-gram window).
    int maxNameWords() const { return max_words_; }
    // True if some name starts with these normalised words (prefix of a multi-word name).
    bool hasPrefix(std::string_view normalised_words) const;

    const std::vector<Place>& places() const { return places_; }
    const Place& place(std::uint32_t index) const { return places_.at(index); }
    // Index of a place by its stable id, or -1.
    std::int64_t findId(const std::string& id) const;

    // Lower-case, strip diacritics of Latin letters (Latin-1, Extended-A/B, Extended Additional;
    // "ß" → "ss", "æ" → "ae"), fold typographic apostrophes and ʻ ʼ ‘ ’ to "'", treat hyphens and
    // dashes as spaces, collapse whitespace, drop a trailing "'s" (or "'" after an s).
    // "Afghanistan’s" → "afghanistan", "U.S." → "u.s.", "Mazar-i-Sharif" → "mazar i sharif"..
    static std::string normalise(std::string_view name);

private:
    // Reads an index written by writeIndex(); false (leaving *out unspecified) if it is damaged.
    static bool readIndex(const std::string& path, Gazetteer* out);

    std::vector<Place> places_;
    std::unordered_map<std::string, std::vector<NameEntry>> names_;
    std::unordered_map<std::string, bool> prefixes_;
    std::unordered_map<std::string, std::uint32_t> ids_;
    int max_words_ = 1;
};

}  // namespace geo
