// geo/place_export.hpp — the places of an extraction as GIS data, written through OGR: GeoJSON
// (RFC 7946), KML (opens in Google Earth) or GeoPackage. One point feature per place, lon/lat in
// EPSG:4326, with its name, id, kind, country, confidence, mention count, passage count and the
// text of the passages that mention it (joined by a blank line; in KML they are the placemark's
// description, which Google Earth shows in its balloon). The file is written under a temporary
// name and renamed, so a failed export never leaves a half-written file at the path.
// Does not render maps or read GIS files back.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "geo/extraction.hpp"
#include "geo/text.hpp"

namespace geo {

enum class PlaceFormat { GeoJson, Kml, GeoPackage };

// "geojson", "kml", "gpkg" (any case), as the command line spells them.
std::optional<PlaceFormat> placeFormatFromName(const std::string& name);
// From a path's extension: .geojson/.json, .kml, .gpkg (any case).
std::optional<PlaceFormat> placeFormatFromPath(const std::string& path);
// "GeoJSON", "KML", "GeoPackage": for messages.
const char* toString(PlaceFormat format);
// The usual extension without the dot: "geojson", "kml", "gpkg".
const char* extensionOf(PlaceFormat format);

// Between the passages of one place in the `passages` attribute.
constexpr const char* kPassageSeparator = "\n\n";

// One feature's attributes, as written.
struct PlaceRecord {
    std::string name;
    std::string id;
    std::string kind;     // geo::toString(PlaceKind)
    std::string country;  // ISO 3166-1 alpha-2, may be empty
    double confidence = 0.0;
    int mention_count = 0;
    int passage_count = 0;
    std::string passages;  // the passages' text, in text order, joined by kPassageSeparator
    double lon = 0.0;
    double lat = 0.0;
};

// One record per extraction place, in the extraction's order.
std::vector<PlaceRecord> placeRecords(const Document& doc, const Extraction& extraction);

// Writes the layer "places" to `path`, replacing any file there. Throws geo::Error naming the path:
// "PATH: cannot export places as FORMAT (directory does not exist)" and the like (ErrorKind::Io).
void exportPlaces(const Document& doc, const Extraction& extraction, const std::string& path, PlaceFormat format);

}  // namespace geo
