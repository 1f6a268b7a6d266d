#include "geo/project_store.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>

#include "geo/atomic_file.hpp"
#include "geo/error.hpp"
#include "geo/gdal_handles.hpp"
#include "geo/local_gdal_open.hpp"

namespace geo {

TextFingerprint fingerprintText(std::string_view text) {
    std::uint64_t hash = 14695981039346656037ULL;  // FNV-1a 64 offset basis
    for (unsigned char byte : text) {
        hash ^= byte;
        hash *= 1099511628211ULL;  // FNV-1a 64 prime
    }
    return {hash, static_cast<std::uint64_t>(text.size())};
}

std::string projectPathFor(const std::string& text_path) { return text_path + ".atlas.gpkg"; }

bool textChanged(const ProjectMeta& meta, const Document& doc) { return meta.text != fingerprintText(doc.text()); }

ProjectData makeProjectData(const Document& doc, const Extraction& corrected, std::vector<Correction> corrections,
                            ProjectMeta meta) {
    ProjectData data;
    data.meta = std::move(meta);
    data.meta.text = fingerprintText(doc.text());
    for (const Passage& p : doc.passages()) {
        data.passages.push_back({p.index, p.start, p.end, p.byte_start, p.byte_end, doc.slice(p.byte_start, p.byte_end)});
    }
    for (const ResolvedPlace& rp : corrected.places) {
        data.places.push_back({rp.place.id, rp.place.name, rp.place.kind, rp.place.country, rp.place.position,
                               rp.confidence, rp.mentions.size()});
    }
    for (const Mention& m : corrected.mentions) {
        data.mentions.push_back({m.start, m.end, m.byte_start, m.byte_end, m.text, m.kind,
                                 corrected.places.at(m.place).place.id, m.passage});
    }
    data.corrections = std::move(corrections);
    return data;
}

namespace {

constexpr const char* kPassages = "passages";
constexpr const char* kPlaces = "places";
constexpr const char* kMentions = "mentions";
constexpr const char* kCorrections = "corrections";
constexpr const char* kMeta = "project_meta";
constexpr const char* kMapSettings = "map_settings";

std::string systemReason(int error_number) {
    std::string reason = std::strerror(error_number);
    if (!reason.empty()) reason[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(reason[0])));
    return reason;
}

std::optional<PlaceKind> placeKindFromString(const std::string& text) {
    for (PlaceKind kind : {PlaceKind::Continent, PlaceKind::Country, PlaceKind::Admin1, PlaceKind::Admin2, PlaceKind::City,
                           PlaceKind::Region, PlaceKind::Physical}) {
        if (text == toString(kind)) return kind;
    }
    return std::nullopt;
}

std::optional<MentionKind> mentionKindFromString(const std::string& text) {
    for (MentionKind kind : {MentionKind::Toponym, MentionKind::Demonym}) {
        if (text == toString(kind)) return kind;
    }
    return std::nullopt;
}

std::string hex64(std::uint64_t value) {
    char buffer[17];
    std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(value));
    return buffer;
}

// ------------------------------------------------------------------------------------------------
// Saving

class GpkgWriter {
public:
    GpkgWriter(const std::string& final_path, const std::string& temp_path, const SaveProgress& progress)
        : final_path_(final_path), progress_(progress) {
        GDALDriverH driver = GDALGetDriverByName("GPKG");
        if (driver == nullptr) fail("GDAL has no GPKG driver");
        dataset_.reset(GDALCreate(driver, temp_path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        if (!dataset_) fail("");
        if (GDALDatasetStartTransaction(dataset_.get(), FALSE) != OGRERR_NONE) fail("");
    }

    OGRLayerH createLayer(const char* name, OGRwkbGeometryType type, OGRSpatialReferenceH srs, const char* description) {
        const std::string description_option = std::string("DESCRIPTION=") + description;
        const char* options[] = {"FID=fid", "GEOMETRY_NAME=geom", description_option.c_str(), nullptr};
        OGRLayerH layer = GDALDatasetCreateLayer(dataset_.get(), name, srs, type, const_cast<char**>(options));
        if (layer == nullptr) fail("");
        return layer;
    }

    void addField(OGRLayerH layer, const char* name, OGRFieldType type) {
        OGRFieldDefnH field = OGR_Fld_Create(name, type);
        const OGRErr err = OGR_L_CreateField(layer, field, TRUE);
        OGR_Fld_Destroy(field);
        if (err != OGRERR_NONE) fail("");
    }

    void write(OGRLayerH layer, OGRFeatureH feature) {
        if (OGR_L_CreateFeature(layer, feature) != OGRERR_NONE) fail("");
        ++rows_;
        if (progress_) progress_(rows_);
    }

    void finish() {
        if (GDALDatasetCommitTransaction(dataset_.get()) != OGRERR_NONE) fail("");
        CPLErrorReset();
        dataset_.reset();  // closes the database: everything is in the file now
        if (CPLGetLastErrorType() == CE_Failure) fail("");
    }

    [[noreturn]] void fail(const std::string& reason) const {
        const std::string suffix = reason.empty() ? gdal::lastErrorSuffix(final_path_) : " (" + reason + ")";
        throw Error(ErrorKind::Io, final_path_ + ": cannot write project" + suffix);
    }

private:
    std::string final_path_;
    const SaveProgress& progress_;
    gdal::DatasetPtr dataset_;
    std::size_t rows_ = 0;
};

gdal::FeaturePtr newFeature(OGRLayerH layer) { return gdal::FeaturePtr(OGR_F_Create(OGR_L_GetLayerDefn(layer))); }

void setInt(OGRFeatureH f, const char* field, std::int64_t value) {
    OGR_F_SetFieldInteger64(f, OGR_F_GetFieldIndex(f, field), static_cast<GIntBig>(value));
}
void setText(OGRFeatureH f, const char* field, const std::string& value) {
    OGR_F_SetFieldString(f, OGR_F_GetFieldIndex(f, field), value.c_str());
}
void setReal(OGRFeatureH f, const char* field, double value) {
    OGR_F_SetFieldDouble(f, OGR_F_GetFieldIndex(f, field), value);
}

void writeProject(GpkgWriter& w, const ProjectData& data) {
    // project_meta first: a loader that finds it knows the format before reading anything else.
    OGRLayerH meta = w.createLayer(kMeta, wkbNone, nullptr, "Text Atlas project: format, text, view");
    w.addField(meta, "format_version", OFTInteger);
    w.addField(meta, "text_path", OFTString);
    w.addField(meta, "text_hash", OFTString);
    w.addField(meta, "text_length", OFTInteger64);
    w.addField(meta, "view_lon", OFTReal);
    w.addField(meta, "view_lat", OFTReal);
    w.addField(meta, "view_zoom", OFTReal);
    w.addField(meta, "visible_layers", OFTString);
    w.addField(meta, "app_version", OFTString);
    {
        gdal::FeaturePtr f = newFeature(meta);
        setInt(f.get(), "format_version", kProjectFormatVersion);
        setText(f.get(), "text_path", data.meta.text_path);
        setText(f.get(), "text_hash", hex64(data.meta.text.hash));
        setInt(f.get(), "text_length", static_cast<std::int64_t>(data.meta.text.length));
        setReal(f.get(), "view_lon", data.meta.view_lon);
        setReal(f.get(), "view_lat", data.meta.view_lat);
        setReal(f.get(), "view_zoom", data.meta.view_zoom);
        setText(f.get(), "visible_layers", data.meta.visible_layers);
        setText(f.get(), "app_version", data.meta.app_version);
        w.write(meta, f.get());
    }

    OGRLayerH passages = w.createLayer(kPassages, wkbNone, nullptr, "Passages (paragraphs) of the text");
    for (const char* name : {"index", "start", "end", "byte_start", "byte_end"}) w.addField(passages, name, OFTInteger64);
    w.addField(passages, "text", OFTString);
    for (const StoredPassage& p : data.passages) {
        gdal::FeaturePtr f = newFeature(passages);
        setInt(f.get(), "index", static_cast<std::int64_t>(p.index));
        setInt(f.get(), "start", static_cast<std::int64_t>(p.start));
        setInt(f.get(), "end", static_cast<std::int64_t>(p.end));
        setInt(f.get(), "byte_start", static_cast<std::int64_t>(p.byte_start));
        setInt(f.get(), "byte_end", static_cast<std::int64_t>(p.byte_end));
        setText(f.get(), "text", p.text);
        w.write(passages, f.get());
    }

    gdal::SpatialReferencePtr wgs84(OSRNewSpatialReference(nullptr));
    if (!wgs84 || OSRImportFromEPSG(wgs84.get(), 4326) != OGRERR_NONE) w.fail("EPSG:4326 unknown to PROJ");
    OSRSetAxisMappingStrategy(wgs84.get(), OAMS_TRADITIONAL_GIS_ORDER);
    OGRLayerH places = w.createLayer(kPlaces, wkbPoint, wgs84.get(), "Places the text names");
    w.addField(places, "id", OFTString);
    w.addField(places, "name", OFTString);
    w.addField(places, "kind", OFTString);
    w.addField(places, "country", OFTString);
    w.addField(places, "confidence", OFTReal);
    w.addField(places, "mention_count", OFTInteger64);
    for (const StoredPlace& p : data.places) {
        gdal::FeaturePtr f = newFeature(places);
        setText(f.get(), "id", p.id);
        setText(f.get(), "name", p.name);
        setText(f.get(), "kind", toString(p.kind));
        setText(f.get(), "country", p.country);
        setReal(f.get(), "confidence", p.confidence);
        setInt(f.get(), "mention_count", static_cast<std::int64_t>(p.mention_count));
        gdal::GeometryPtr point(OGR_G_CreateGeometry(wkbPoint));
        OGR_G_SetPoint_2D(point.get(), 0, p.position.lon, p.position.lat);
        OGR_F_SetGeometry(f.get(), point.get());
        w.write(places, f.get());
    }

    OGRLayerH mentions = w.createLayer(kMentions, wkbNone, nullptr, "Mentions of places in the text");
    for (const char* name : {"start", "end", "byte_start", "byte_end"}) w.addField(mentions, name, OFTInteger64);
    w.addField(mentions, "text", OFTString);
    w.addField(mentions, "kind", OFTString);
    w.addField(mentions, "place_id", OFTString);
    w.addField(mentions, "passage", OFTInteger64);
    for (const StoredMention& m : data.mentions) {
        gdal::FeaturePtr f = newFeature(mentions);
        setInt(f.get(), "start", static_cast<std::int64_t>(m.start));
        setInt(f.get(), "end", static_cast<std::int64_t>(m.end));
        setInt(f.get(), "byte_start", static_cast<std::int64_t>(m.byte_start));
        setInt(f.get(), "byte_end", static_cast<std::int64_t>(m.byte_end));
        setText(f.get(), "text", m.text);
        setText(f.get(), "kind", toString(m.kind));
        setText(f.get(), "place_id", m.place_id);
        setInt(f.get(), "passage", static_cast<std::int64_t>(m.passage));
        w.write(mentions, f.get());
    }

    OGRLayerH corrections = w.createLayer(kCorrections, wkbNone, nullptr, "The reader's corrections, in order");
    w.addField(corrections, "seq", OFTInteger64);
    w.addField(corrections, "edit", OFTInteger64);
    w.addField(corrections, "kind", OFTString);
    w.addField(corrections, "name", OFTString);
    w.addField(corrections, "scoped", OFTInteger);
    w.addField(corrections, "byte_start", OFTInteger64);
    w.addField(corrections, "byte_end", OFTInteger64);
    for (const char* name : {"anchor_text", "context_before", "context_after", "place_id", "user_name"}) {
        w.addField(corrections, name, OFTString);
    }
    w.addField(corrections, "user_lon", OFTReal);
    w.addField(corrections, "user_lat", OFTReal);
    w.addField(corrections, "user_kind", OFTString);
    for (std::size_t i = 0; i < data.corrections.size(); ++i) {
        const Correction& c = data.corrections[i];
        gdal::FeaturePtr f = newFeature(corrections);
        setInt(f.get(), "seq", static_cast<std::int64_t>(i));
        setInt(f.get(), "edit", static_cast<std::int64_t>(c.edit));
        setText(f.get(), "kind", toString(c.kind));
        setText(f.get(), "name", c.name);
        setInt(f.get(), "scoped", c.anchor ? 1 : 0);
        if (c.anchor) {
            setInt(f.get(), "byte_start", static_cast<std::int64_t>(c.anchor->byte_start));
            setInt(f.get(), "byte_end", static_cast<std::int64_t>(c.anchor->byte_end));
            setText(f.get(), "anchor_text", c.anchor->text);
            setText(f.get(), "context_before", c.anchor->context_before);
            setText(f.get(), "context_after", c.anchor->context_after);
        }
        if (!c.place_id.empty()) setText(f.get(), "place_id", c.place_id);
        if (c.user_point) {
            setText(f.get(), "user_name", c.user_point->name);
            setReal(f.get(), "user_lon", c.user_point->position.lon);
            setReal(f.get(), "user_lat", c.user_point->position.lat);
            setText(f.get(), "user_kind", toString(c.user_point->kind));
        }
        w.write(corrections, f.get());
    }

    if (!data.map_settings.empty()) {
        OGRLayerH map = w.createLayer(kMapSettings, wkbNone, nullptr, "The map's layers and projection (JSON)");
        w.addField(map, "json", OFTString);
        gdal::FeaturePtr f = newFeature(map);
        setText(f.get(), "json", data.map_settings);
        w.write(map, f.get());
    }
    w.finish();
}

// ------------------------------------------------------------------------------------------------
// Loading

std::uint32_t bigEndian32(const unsigned char* p) {
    return (std::uint32_t{p[0]} << 24) | (std::uint32_t{p[1]} << 16) | (std::uint32_t{p[2]} << 8) | std::uint32_t{p[3]};
}

// "GDAL: reason" for the last GDAL error, or `fallback` when GDAL gave none.
std::string gdalReason(const std::string& path, const std::string& fallback) {
    const std::string suffix = gdal::lastErrorSuffix(path);  // " (GDAL: reason)" or ""
    return suffix.size() > 3 ? suffix.substr(2, suffix.size() - 3) : fallback;
}

[[noreturn]] void notAProject(const std::string& path, const std::string& why) {
    throw Error(ErrorKind::InvalidInput, path + ": not a Text Atlas project (" + why + ")");
}
[[noreturn]] void damaged(const std::string& path, const std::string& why) {
    throw Error(ErrorKind::CorruptData, path + ": damaged project (" + why + ")");
}

// The checks SQLite's file header allows before anything opens it.
void checkHeader(const std::string& path) {
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (ec || !std::filesystem::exists(status)) throw Error(ErrorKind::InvalidInput, path + ": no such file");
    if (std::filesystem::is_directory(status)) throw Error(ErrorKind::InvalidInput, path + ": is a directory");
    // A FIFO would block the read below until a writer came, a device never end.
    requireLocalFile(path);
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(ErrorKind::InvalidInput, path + ": cannot open (" + systemReason(errno) + ")");
    const std::uintmax_t size = std::filesystem::file_size(path, ec);
    if (ec) throw Error(ErrorKind::InvalidInput, path + ": cannot open (" + ec.message() + ")");
    if (size == 0) notAProject(path, "empty file");
    unsigned char header[100] = {};
    in.read(reinterpret_cast<char*>(header), sizeof header);
    const std::size_t got = static_cast<std::size_t>(in.gcount());
    static const char kMagic[16] = {'S', 'Q', 'L', 'i', 't', 'e', ' ', 'f', 'o', 'r', 'm', 'a', 't', ' ', '3', '\0'};
    if (got < sizeof kMagic || std::memcmp(header, kMagic, sizeof kMagic) != 0) notAProject(path, "not an SQLite database");
    if (got < sizeof header) {
        throw Error(ErrorKind::CorruptData, path + ": truncated project (" + std::to_string(size) + " of at least 100 bytes)");
    }
    const std::uint32_t page_field = (std::uint32_t{header[16]} << 8) | header[17];
    const std::uint64_t page_size = page_field == 1 ? 65536 : page_field;
    const std::uint32_t pages = bigEndian32(header + 28);
    // The page count in the header is valid when its "version-valid-for" matches the change counter.
    if (page_size >= 512 && pages > 0 && bigEndian32(header + 24) == bigEndian32(header + 92)) {
        const std::uint64_t expected = page_size * pages;
        if (size < expected) {
            throw Error(ErrorKind::CorruptData, path + ": truncated project (" + std::to_string(size) + " of " +
                                                    std::to_string(expected) + " bytes)");
        }
    }
    const std::uint32_t application_id = bigEndian32(header + 68);
    // "GPKG" (GeoPackage 1.2+), "GP10"/"GP11" (1.0, 1.1).
    if (application_id != 0x47504B47u && application_id != 0x47503130u && application_id != 0x47503131u) {
        notAProject(path, "an SQLite database, not a GeoPackage");
    }
}

struct Reader {
    const std::string& path;
    GDALDatasetH dataset;

    OGRLayerH layer(const char* name) const {
        OGRLayerH l = GDALDatasetGetLayerByName(dataset, name);
        if (l == nullptr) damaged(path, std::string("missing table '") + name + "'");
        return l;
    }
    static int column(const std::string& path, OGRLayerH l, const char* name) {
        const int index = OGR_FD_GetFieldIndex(OGR_L_GetLayerDefn(l), name);
        if (index < 0) damaged(path, std::string("table '") + OGR_L_GetName(l) + "' has no column '" + name + "'");
        return index;
    }
};

// Reads one table row by row, with typed access that names the table, row and column on failure.
class RowReader {
public:
    RowReader(const std::string& path, OGRLayerH layer) : path_(path), layer_(layer) { OGR_L_ResetReading(layer_); }

    bool next() {
        CPLErrorReset();
        feature_.reset(OGR_L_GetNextFeature(layer_));
        if (!feature_ && CPLGetLastErrorType() == CE_Failure) {
            damaged(path_, std::string("table '") + OGR_L_GetName(layer_) + "': " + gdalReason(path_, "unreadable row"));
        }
        if (feature_) ++row_;
        return feature_ != nullptr;
    }
    bool isNull(const char* name) const { return !OGR_F_IsFieldSetAndNotNull(feature_.get(), index(name)); }
    std::string text(const char* name) const {
        return isNull(name) ? std::string() : std::string(OGR_F_GetFieldAsString(feature_.get(), index(name)));
    }
    std::int64_t integer(const char* name) const {
        if (isNull(name)) bad(std::string("no ") + name);
        return OGR_F_GetFieldAsInteger64(feature_.get(), index(name));
    }
    std::size_t count(const char* name) const {
        const std::int64_t value = integer(name);
        if (value < 0) bad(std::string("negative ") + name);
        return static_cast<std::size_t>(value);
    }
    double real(const char* name) const {
        if (isNull(name)) bad(std::string("no ") + name);
        const double value = OGR_F_GetFieldAsDouble(feature_.get(), index(name));
        if (!std::isfinite(value)) bad(std::string("non-finite ") + name);
        return value;
    }
    LonLat lonLat(double lon, double lat) const {
        if (!std::isfinite(lon) || !std::isfinite(lat) || lon < -180 || lon > 180 || lat < -90 || lat > 90) {
            bad("coordinate out of range");
        }
        return LonLat(lon, lat);
    }
    LonLat point() const {
        OGRGeometryH g = OGR_F_GetGeometryRef(feature_.get());
        if (g == nullptr || OGR_GT_Flatten(OGR_G_GetGeometryType(g)) != wkbPoint || OGR_G_IsEmpty(g)) bad("no point geometry");
        return lonLat(OGR_G_GetX(g, 0), OGR_G_GetY(g, 0));
    }
    [[noreturn]] void bad(const std::string& what) const {
        damaged(path_, std::string("table '") + OGR_L_GetName(layer_) + "', row " + std::to_string(row_) + ": " + what);
    }

private:
    int index(const char* name) const { return Reader::column(path_, layer_, name); }
    const std::string& path_;
    OGRLayerH layer_;
    gdal::FeaturePtr feature_;
    std::size_t row_ = 0;
};

void readMeta(const std::string& path, OGRLayerH layer, ProjectMeta& meta) {
    RowReader row(path, layer);
    if (!row.next()) damaged(path, "table 'project_meta' is empty");
    const std::int64_t version = row.integer("format_version");
    if (version > kProjectFormatVersion) {
        throw Error(ErrorKind::InvalidInput, path + ": made by a newer Text Atlas (format " + std::to_string(version) +
                                                 "; this one reads up to " + std::to_string(kProjectFormatVersion) + ")");
    }
    if (version < 1) row.bad("format_version " + std::to_string(version));
    meta.format_version = static_cast<int>(version);
    meta.text_path = row.text("text_path");
    const std::string hash = row.text("text_hash");
    char* end = nullptr;
    errno = 0;
    const unsigned long long parsed = std::strtoull(hash.c_str(), &end, 16);
    if (hash.size() != 16 || end != hash.c_str() + hash.size() || errno != 0) row.bad("text_hash '" + hash + "'");
    meta.text.hash = parsed;
    meta.text.length = row.count("text_length");
    meta.view_lon = row.real("view_lon");
    meta.view_lat = row.real("view_lat");
    meta.view_zoom = row.real("view_zoom");
    meta.visible_layers = row.text("visible_layers");
    meta.app_version = row.text("app_version");
}

}  // namespace

void saveProject(const std::string& path, const ProjectData& data) { saveProject(path, data, SaveProgress()); }

void saveProject(const std::string& path, const ProjectData& data, const SaveProgress& progress) {
    // The new project goes to a temporary file beside the old one and replaces it only once whole:
    // a failed or killed save leaves the previous project.
    AtomicFile file(path, "project", WriteKind::Project);
    gdal::registerDriversOnce();
    {
        gdal::QuietErrors quiet;
        GpkgWriter writer(path, file.pathForWriter(), progress);
        writeProject(writer, data);
    }
    file.commit();
}

ProjectData loadProject(const std::string& path) {
    checkHeader(path);
    gdal::registerDriversOnce();
    gdal::QuietErrors quiet;
    const char* drivers[] = {"GPKG", nullptr};
    gdal::DatasetPtr dataset = openLocalGdalFile(path, GDAL_OF_VECTOR, drivers);
    if (!dataset) damaged(path, gdalReason(path, "GDAL cannot open it"));

    // Each of the project's tables must be a table: a view can compute rows without end (a
    // recursive one never stops) or read other databases.
    {
        const std::string query = std::string("SELECT name, type FROM sqlite_master WHERE name IN ('") + kPassages +
                                  "', '" + kPlaces + "', '" + kMentions + "', '" + kCorrections + "', '" + kMeta +
                                  "', '" + kMapSettings + "') AND type <> 'table'";
        OGRLayerH odd = GDALDatasetExecuteSQL(dataset.get(), query.c_str(), nullptr, "SQLITE");
        if (odd != nullptr) {
            gdal::FeaturePtr first(OGR_L_GetNextFeature(odd));
            const std::string name = first ? OGR_F_GetFieldAsString(first.get(), 0) : "";
            const std::string type = first ? OGR_F_GetFieldAsString(first.get(), 1) : "";
            first.reset();
            GDALDatasetReleaseResultSet(dataset.get(), odd);
            if (!name.empty()) damaged(path, name + " is a " + type + ", not a table");
        }
    }

    // SQLite's own consistency check: catches damage the header cannot show.
    {
        OGRLayerH check = GDALDatasetExecuteSQL(dataset.get(), "PRAGMA quick_check", nullptr, nullptr);
        if (check == nullptr) damaged(path, gdalReason(path, "SQLite cannot check it"));
        gdal::FeaturePtr first(OGR_L_GetNextFeature(check));
        const std::string verdict = first ? OGR_F_GetFieldAsString(first.get(), 0) : "no answer";
        first.reset();
        GDALDatasetReleaseResultSet(dataset.get(), check);
        if (verdict != "ok") damaged(path, "SQLite: " + verdict.substr(0, verdict.find('\n')));
    }

    ProjectData data;
    const Reader reader{path, dataset.get()};
    OGRLayerH meta = GDALDatasetGetLayerByName(dataset.get(), kMeta);
    if (meta == nullptr) notAProject(path, "a GeoPackage without the project_meta table");
    readMeta(path, meta, data.meta);

    {
        RowReader row(path, reader.layer(kPassages));
        while (row.next()) {
            data.passages.push_back({row.count("index"), row.count("start"), row.count("end"), row.count("byte_start"),
                                     row.count("byte_end"), row.text("text")});
        }
        std::stable_sort(data.passages.begin(), data.passages.end(),
                         [](const StoredPassage& a, const StoredPassage& b) { return a.index < b.index; });
    }
    {
        RowReader row(path, reader.layer(kPlaces));
        while (row.next()) {
            StoredPlace p;
            p.id = row.text("id");
            if (p.id.empty()) row.bad("no id");
            p.name = row.text("name");
            const std::optional<PlaceKind> kind = placeKindFromString(row.text("kind"));
            if (!kind) row.bad("unknown kind '" + row.text("kind") + "'");
            p.kind = *kind;
            p.country = row.text("country");
            p.confidence = row.real("confidence");
            p.mention_count = row.count("mention_count");
            p.position = row.point();
            data.places.push_back(std::move(p));
        }
    }
    {
        RowReader row(path, reader.layer(kMentions));
        while (row.next()) {
            StoredMention m;
            m.start = row.count("start");
            m.end = row.count("end");
            m.byte_start = row.count("byte_start");
            m.byte_end = row.count("byte_end");
            m.text = row.text("text");
            const std::optional<MentionKind> kind = mentionKindFromString(row.text("kind"));
            if (!kind) row.bad("unknown kind '" + row.text("kind") + "'");
            m.kind = *kind;
            m.place_id = row.text("place_id");
            m.passage = row.count("passage");
            data.mentions.push_back(std::move(m));
        }
        std::stable_sort(data.mentions.begin(), data.mentions.end(),
                         [](const StoredMention& a, const StoredMention& b) { return a.byte_start < b.byte_start; });
    }
    {
        RowReader row(path, reader.layer(kCorrections));
        std::vector<std::pair<std::int64_t, Correction>> ordered;
        while (row.next()) {
            Correction c;
            const std::optional<CorrectionKind> kind = correctionKindFromString(row.text("kind"));
            if (!kind) row.bad("unknown kind '" + row.text("kind") + "'");
            c.kind = *kind;
            c.name = row.text("name");
            c.edit = static_cast<std::uint64_t>(row.count("edit"));
            if (row.integer("scoped") != 0) {
                SpanAnchor a;
                a.byte_start = row.count("byte_start");
                a.byte_end = row.count("byte_end");
                if (a.byte_end <= a.byte_start) row.bad("empty anchor span");
                a.text = row.text("anchor_text");
                a.context_before = row.text("context_before");
                a.context_after = row.text("context_after");
                c.anchor = std::move(a);
            }
            c.place_id = row.text("place_id");
            if (!row.isNull("user_lon") || !row.isNull("user_lat")) {
                UserPoint point;
                point.name = row.text("user_name");
                point.position = row.lonLat(row.real("user_lon"), row.real("user_lat"));
                const std::optional<PlaceKind> user_kind = placeKindFromString(row.text("user_kind"));
                if (!user_kind) row.bad("unknown user_kind '" + row.text("user_kind") + "'");
                point.kind = *user_kind;
                c.user_point = std::move(point);
            }
            if (c.kind != CorrectionKind::NotAPlace && c.place_id.empty() && !c.user_point) {
                row.bad("a " + std::string(toString(c.kind)) + " correction without a place");
            }
            ordered.emplace_back(row.integer("seq"), std::move(c));
        }
        std::stable_sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        for (auto& [seq, c] : ordered) data.corrections.push_back(std::move(c));
    }
    // Optional: projects saved before map settings were kept in them have no such table.
    if (OGRLayerH map = GDALDatasetGetLayerByName(dataset.get(), kMapSettings)) {
        RowReader row(path, map);
        if (row.next()) data.map_settings = row.text("json");
    }
    return data;
}

}  // namespace geo
