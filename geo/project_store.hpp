// geo/project_store.hpp — the project file kept next to a text, "<text>.atlas.gpkg": a GeoPackage
// (an SQLite database that QGIS and GDAL open) holding the text's passages, places (points in
// EPSG:4326), mentions, the reader's corrections and the view, saved atomically.
//
// Tables (column names as QGIS shows them):
//   passages      index, start, end, byte_start, byte_end, text            (attributes)
//   places        geom POINT EPSG:4326, id, name, kind, country, confidence, mention_count (features)
//   mentions      start, end, byte_start, byte_end, text, kind, place_id, passage           (attributes)
//   corrections   seq, edit, kind, name, scoped, byte_start, byte_end, anchor_text,
//                 context_before, context_after, place_id, user_name, user_lon, user_lat, user_kind
//   project_meta  one row: format_version, text_path, text_hash (16 hex digits, FNV-1a 64 of the
//                 text as Document holds it), text_length (bytes), view_lon, view_lat, view_zoom,
//                 visible_layers, app_version
//   map_settings  optional, one row: json — the viewer's map settings (projection, layers with their
//                 visibility, order, opacity, style and the paths of added files) as app/map_settings
//                 writes them; projects saved before it was added have no such table and still open
// Offsets: start/end in code points, byte_* in UTF-8 bytes, as geo::Document gives them.
//
// Why GDAL's GPKG driver rather than raw sqlite3: it writes a GeoPackage QGIS accepts without
// surprises (gpkg_contents, gpkg_geometry_columns, the SRS table, an R-tree spatial index, the
// attribute-table registration), the geo library already links GDAL, and no second SQLite binding
// is needed. Loading checks the SQLite file header itself first (magic, page count against the file
// size, GeoPackage application id), so a text file, a truncated copy and a plain SQLite database get
// distinct one-line messages instead of GDAL's generic "unable to open", then asks SQLite for a
// quick_check through GDAL before reading rows.
//
// Atomic save: the whole project is written to "<path>.tmp-<pid>" in the same directory, the file is
// fsync'ed, renamed over <path>, and the directory fsync'ed. A crash or power cut at any point leaves
// either the old file or the new one at <path>, never a mix; the loader never looks at temp files,
// and the next save removes temp files of processes that no longer run (same host assumed).
//
// Does not: decide what the places are (extraction.hpp, corrections.hpp) or re-anchor corrections
// (the caller compares the text fingerprint and runs geo::reanchor()). Typical reopen:
//   doc = Document::fromFile(text); data = loadProject(projectPathFor(text));
//   corrections = data.corrections;
//   if (textChanged(data.meta, doc)) { r = reanchor(doc, corrections); corrections = r.corrections;
//                                      tell the reader about r.unplaced; }
//   extraction = applyCorrections(doc, gazetteer, extractPlaces(doc, gazetteer), corrections);
#pragma once
#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>
#include <tuple>

#include "geo/corrections.hpp"
#include "geo/extraction.hpp"
#include "geo/lonlat.hpp"
#include "geo/place.hpp"
#include "geo/text.hpp"

namespace geo {

// The newest project format this build writes and reads.
constexpr int kProjectFormatVersion = 1;

// Identifies a text's content: FNV-1a 64-bit hash of its bytes and their count.
struct TextFingerprint {
    std::uint64_t hash = 0;
    std::uint64_t length = 0;
    bool operator==(const TextFingerprint& o) const { return hash == o.hash && length == o.length; }
    bool operator!=(const TextFingerprint& o) const { return !(*this == o); }
};
TextFingerprint fingerprintText(std::string_view text);

struct ProjectMeta {
    int format_version = kProjectFormatVersion;
    std::string text_path;
    TextFingerprint text;       // of Document::text() (UTF-8, BOM dropped, line ends normalised)
    double view_lon = 0.0;      // map view centre and zoom level
    double view_lat = 0.0;
    double view_zoom = 0.0;
    std::string visible_layers;  // the viewer's own encoding, stored as is
    std::string app_version = TEXTATLAS_VERSION;
};

struct StoredPassage {
    std::size_t index = 0;
    std::size_t start = 0;
    std::size_t end = 0;
    std::size_t byte_start = 0;
    std::size_t byte_end = 0;
    std::string text;
};

struct StoredPlace {
    std::string id;
    std::string name;
    PlaceKind kind = PlaceKind::City;
    std::string country;
    LonLat position;
    double confidence = 0.0;
    std::size_t mention_count = 0;
};

struct StoredMention {
    std::size_t start = 0;
    std::size_t end = 0;
    std::size_t byte_start = 0;
    std::size_t byte_end = 0;
    std::string text;
    MentionKind kind = MentionKind::Toponym;
    std::string place_id;
    std::size_t passage = 0;
};

struct ProjectData {
    ProjectMeta meta;
    std::vector<StoredPassage> passages;  // by index
    std::vector<StoredPlace> places;      // in order of first mention
    std::vector<StoredMention> mentions;  // in text order
    std::vector<Correction> corrections;  // in the order they were made (the edit history)
    std::string map_settings;             // JSON kept as is (table map_settings); empty: none saved
};

// Every field equal (a saved project reads back ==).
inline bool operator==(const ProjectMeta& a, const ProjectMeta& b) {
    return std::tie(a.format_version, a.text_path, a.text, a.view_lon, a.view_lat, a.view_zoom, a.visible_layers,
                    a.app_version) == std::tie(b.format_version, b.text_path, b.text, b.view_lon, b.view_lat,
                                               b.view_zoom, b.visible_layers, b.app_version);
}
inline bool operator==(const StoredPassage& a, const StoredPassage& b) {
    return std::tie(a.index, a.start, a.end, a.byte_start, a.byte_end, a.text) ==
           std::tie(b.index, b.start, b.end, b.byte_start, b.byte_end, b.text);
}
inline bool operator==(const StoredPlace& a, const StoredPlace& b) {
    return std::tie(a.id, a.name, a.kind, a.country, a.position, a.confidence, a.mention_count) ==
           std::tie(b.id, b.name, b.kind, b.country, b.position, b.confidence, b.mention_count);
}
inline bool operator==(const StoredMention& a, const StoredMention& b) {
    return std::tie(a.start, a.end, a.byte_start, a.byte_end, a.text, a.kind, a.place_id, a.passage) ==
           std::tie(b.start, b.end, b.byte_start, b.byte_end, b.text, b.kind, b.place_id, b.passage);
}
inline bool operator==(const ProjectData& a, const ProjectData& b) {
    return std::tie(a.meta, a.passages, a.places, a.mentions, a.corrections, a.map_settings) ==
           std::tie(b.meta, b.passages, b.places, b.mentions, b.corrections, b.map_settings);
}
inline bool operator!=(const ProjectData& a, const ProjectData& b) { return !(a == b); }

// "<text_path>.atlas.gpkg".
std::string projectPathFor(const std::string& text_path);

// A snapshot of a document, its corrected extraction and its corrections; meta.text is set to the
// document's fingerprint, the rest of `meta` is kept.
ProjectData makeProjectData(const Document& doc, const Extraction& corrected, std::vector<Correction> corrections,
                            ProjectMeta meta);

// True if the text is not the one the project was saved with.
bool textChanged(const ProjectMeta& meta, const Document& doc);

// Called with the number of rows written so far, after each row (a progress display; tests use it to
// kill the process mid-save).
using SaveProgress = std::function<void(std::size_t rows_written)>;

// Writes the project atomically (see above). Throws geo::Error(Io) with one line:
//   "DIR: cannot write project (permission denied)" — the temp file cannot be created in DIR (the
//       reason is the system's: "not a directory", "no such file or directory", "read-only file system"…);
//   "FILE: is a directory";
//   "FILE: cannot write project (GDAL: …)" / "(…)" — writing, syncing or renaming failed.
// The old file at `path`, if any, is untouched when it throws.
void saveProject(const std::string& path, const ProjectData& data);
void saveProject(const std::string& path, const ProjectData& data, const SaveProgress& progress);

// Reads a project. Throws geo::Error with one line, FILE being `path`:
//   "FILE: no such file", "FILE: is a directory"                                   (InvalidInput)
//   "FILE: not a Text Atlas project (empty file)" / "(not an SQLite database)" /
//   "(an SQLite database, not a GeoPackage)" / "(a GeoPackage without the project_meta table)"
//                                                                                   (InvalidInput)
//   "FILE: made by a newer Text Atlas (format 3; this one reads up to 1)"           (InvalidInput)
//   "FILE: truncated project (B of E bytes)"                                        (CorruptData)
//   "FILE: damaged project (missing table 'mentions')", "(table 'places' has no column 'name')",
//   "(table 'mentions', row 3: …)", "(SQLite: …)", "(GDAL: …)"                      (CorruptData)
ProjectData loadProject(const std::string& path);

}  // namespace geo
