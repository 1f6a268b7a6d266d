#include "geo/place_export.hpp"

#include <cpl_string.h>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <string_view>

#include "geo/atomic_file.hpp"
#include "geo/error.hpp"
#include "geo/gdal_handles.hpp"

namespace geo {

namespace {

std::string lowerCase(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

struct StringListDestroyer {
    void operator()(char** list) const { CSLDestroy(list); }
};
using StringListPtr = std::unique_ptr<char*, StringListDestroyer>;

struct FieldDefnDestroyer {
    void operator()(void* field) const { OGR_Fld_Destroy(static_cast<OGRFieldDefnH>(field)); }
};
using FieldDefnPtr = std::unique_ptr<std::remove_pointer_t<OGRFieldDefnH>, FieldDefnDestroyer>;

StringListPtr stringList(std::initializer_list<const char*> items) {
    char** list = nullptr;
    for (const char* item : items) list = CSLAddString(list, item);
    return StringListPtr(list);
}

const char* driverName(PlaceFormat format) {
    switch (format) {
        case PlaceFormat::GeoJson: return "GeoJSON";
        case PlaceFormat::Kml: return "KML";
        case PlaceFormat::GeoPackage: return "GPKG";
    }
    return "";
}

class PlaceWriter {
public:
    PlaceWriter(std::string path, PlaceFormat format) : path_(std::move(path)), format_(format) {}

    [[noreturn]] void fail(const std::string& reason) const {
        throw Error(ErrorKind::Io,
                    path_ + ": cannot export places as " + toString(format_) + " (" + reason + ")");
    }
    [[noreturn]] void failGdal(const std::string& what, const std::string& temp_path) const {
        // lastErrorSuffix gives " (GDAL: reason)" or "": keep "GDAL: reason".
        const std::string suffix = gdal::lastErrorSuffix(temp_path);
        fail(suffix.empty() ? what : what + "; " + suffix.substr(2, suffix.size() - 3));
    }

    void write(const std::vector<PlaceRecord>& records) {
        AtomicFile file(path_, std::string("places as ") + toString(format_));
        gdal::registerDriversOnce();
        const gdal::QuietErrors quiet;
        GDALDriverH driver = GDALGetDriverByName(driverName(format_));
        if (driver == nullptr) fail(std::string("GDAL has no ") + driverName(format_) + " driver");

        // GeoJSON and KML are made in memory and written through the AtomicFile, whose writes
        // report a full disk (OGR's text writers do not check theirs); GeoPackage, a database,
        // is made by SQLite at the AtomicFile's temporary path and reports its own write errors.
        const bool in_memory = format_ != PlaceFormat::GeoPackage;
        const gdal::MemoryFile memory(extensionOf(format_));
        const std::string gdal_path = in_memory ? memory.path() : file.pathForWriter();
        {
            // KML: the name is the placemark's title and the passages its description (the balloon).
            const StringListPtr dataset_options = format_ == PlaceFormat::Kml
                                                      ? stringList({"NameField=name", "DescriptionField=passages"})
                                                      : StringListPtr();
            gdal::DatasetPtr dataset(GDALCreate(driver, gdal_path.c_str(), 0, 0, 0, GDT_Unknown, dataset_options.get()));
            if (!dataset) failGdal("GDAL could not create the file", gdal_path);

            gdal::SpatialReferencePtr wgs84(OSRNewSpatialReference(nullptr));
            if (!wgs84 || OSRImportFromEPSG(wgs84.get(), 4326) != OGRERR_NONE) fail("PROJ has no EPSG:4326");
            // Longitude first, as GeoJSON, KML and GeoPackage store points.
            OSRSetAxisMappingStrategy(wgs84.get(), OAMS_TRADITIONAL_GIS_ORDER);

            const StringListPtr layer_options =
                format_ == PlaceFormat::GeoJson ? stringList({"RFC7946=YES"}) : StringListPtr();
            OGRLayerH layer = GDALDatasetCreateLayer(dataset.get(), "places", wgs84.get(), wkbPoint, layer_options.get());
            if (layer == nullptr) failGdal("GDAL could not create the layer", gdal_path);
            addField(layer, "name", OFTString);
            addField(layer, "id", OFTString);
            addField(layer, "kind", OFTString);
            addField(layer, "country", OFTString);
            addField(layer, "confidence", OFTReal);
            addField(layer, "mention_count", OFTInteger);
            addField(layer, "passage_count", OFTInteger);
            addField(layer, "passages", OFTString);

            // One transaction: GeoPackage would otherwise commit (and sync) every feature.
            const bool in_transaction = GDALDatasetStartTransaction(dataset.get(), FALSE) == OGRERR_NONE;
            for (const PlaceRecord& record : records) addFeature(layer, record, gdal_path);
            if (in_transaction && GDALDatasetCommitTransaction(dataset.get()) != OGRERR_NONE) {
                failGdal("GDAL could not commit the features", gdal_path);
            }
        }  // closing the dataset writes the rest of the file
        if (CPLGetLastErrorType() >= CE_Failure) failGdal("GDAL failed while writing", gdal_path);
        if (in_memory) file.write(memory.bytes());
        file.commit();
    }

private:
    void addField(OGRLayerH layer, const char* name, OGRFieldType type) const {
        FieldDefnPtr field(OGR_Fld_Create(name, type));
        if (OGR_L_CreateField(layer, field.get(), TRUE) != OGRERR_NONE) {
            fail(std::string("GDAL could not create the field ") + name);
        }
    }

    void setString(OGRFeatureH feature, const char* field, const std::string& value) const {
        const int index = OGR_F_GetFieldIndex(feature, field);
        if (index >= 0) OGR_F_SetFieldString(feature, index, value.c_str());
    }

    void addFeature(OGRLayerH layer, const PlaceRecord& record, const std::string& temp_path) const {
        gdal::FeaturePtr feature(OGR_F_Create(OGR_L_GetLayerDefn(layer)));
        setString(feature.get(), "name", record.name);
        setString(feature.get(), "id", record.id);
        setString(feature.get(), "kind", record.kind);
        setString(feature.get(), "country", record.country);
        setString(feature.get(), "passages", record.passages);
        if (const int i = OGR_F_GetFieldIndex(feature.get(), "confidence"); i >= 0)
            OGR_F_SetFieldDouble(feature.get(), i, record.confidence);
        if (const int i = OGR_F_GetFieldIndex(feature.get(), "mention_count"); i >= 0)
            OGR_F_SetFieldInteger(feature.get(), i, record.mention_count);
        if (const int i = OGR_F_GetFieldIndex(feature.get(), "passage_count"); i >= 0)
            OGR_F_SetFieldInteger(feature.get(), i, record.passage_count);
        gdal::GeometryPtr point(OGR_G_CreateGeometry(wkbPoint));
        OGR_G_SetPoint_2D(point.get(), 0, record.lon, record.lat);
        OGR_F_SetGeometry(feature.get(), point.get());  // copies the geometry
        if (OGR_L_CreateFeature(layer, feature.get()) != OGRERR_NONE) {
            failGdal("GDAL could not write the place " + record.name, temp_path);
        }
    }

    std::string path_;
    PlaceFormat format_;
};

}  // namespace

std::optional<PlaceFormat> placeFormatFromName(const std::string& name) {
    const std::string lower = lowerCase(name);
    if (lower == "geojson") return PlaceFormat::GeoJson;
    if (lower == "kml") return PlaceFormat::Kml;
    if (lower == "gpkg") return PlaceFormat::GeoPackage;
    return std::nullopt;
}

std::optional<PlaceFormat> placeFormatFromPath(const std::string& path) {
    const std::string extension = lowerCase(std::filesystem::path(path).extension().string());
    if (extension == ".geojson" || extension == ".json") return PlaceFormat::GeoJson;
    if (extension == ".kml") return PlaceFormat::Kml;
    if (extension == ".gpkg") return PlaceFormat::GeoPackage;
    return std::nullopt;
}

const char* toString(PlaceFormat format) {
    switch (format) {
        case PlaceFormat::GeoJson: return "GeoJSON";
        case PlaceFormat::Kml: return "KML";
        case PlaceFormat::GeoPackage: return "GeoPackage";
    }
    return "";
}

const char* extensionOf(PlaceFormat format) {
    switch (format) {
        case PlaceFormat::GeoJson: return "geojson";
        case PlaceFormat::Kml: return "kml";
        case PlaceFormat::GeoPackage: return "gpkg";
    }
    return "";
}

std::vector<PlaceRecord> placeRecords(const Document& doc, const Extraction& extraction) {
    std::vector<PlaceRecord> records;
    records.reserve(extraction.places.size());
    for (const ResolvedPlace& resolved : extraction.places) {
        PlaceRecord record;
        record.name = resolved.place.name;
        record.id = resolved.place.id;
        record.kind = toString(resolved.place.kind);
        record.country = resolved.place.country;
        record.confidence = resolved.confidence;
        record.mention_count = static_cast<int>(resolved.mentions.size());
        record.passage_count = static_cast<int>(resolved.passages.size());
        for (std::size_t index : resolved.passages) {
            if (index >= doc.passages().size()) continue;
            const Passage& passage = doc.passages()[index];
            if (!record.passages.empty()) record.passages += kPassageSeparator;
            record.passages += doc.slice(passage.byte_start, passage.byte_end);
        }
        record.lon = resolved.place.position.lon;
        record.lat = resolved.place.position.lat;
        records.push_back(std::move(record));
    }
    return records;
}

void exportPlaces(const Document& doc, const Extraction& extraction, const std::string& path, PlaceFormat format) {
    PlaceWriter(path, format).write(placeRecords(doc, extraction));
}

}  // namespace geo
