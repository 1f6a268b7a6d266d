#include "geo/local_gdal_open.hpp"

#include <cpl_http.h>
#include <cpl_minixml.h>
#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <cstring>
#include <filesystem>
#include <string_view>
#include <vector>

#include "geo/error.hpp"

namespace geo {

namespace gdal {

namespace {

// Every CPLHTTPFetch (WMS, WFS, GML schemas, OAuth…) ends here instead of in libcurl.
CPLHTTPResult* refuseHttp(const char* /*url*/, CSLConstList /*options*/, GDALProgressFunc, void*, CPLHTTPFetchWriteFunc,
                          void*, void*) {
    auto* result = static_cast<CPLHTTPResult*>(CPLCalloc(1, sizeof(CPLHTTPResult)));
    result->nStatus = 1;
    result->pszErrBuf = CPLStrdup("network access is off in Text Atlas");
    return result;
}

}  // namespace

void configureLocalOnly() {
    // /vsicurl/ and the handlers built on it (/vsis3/, /vsigs/, /vsiaz/, /vsiswift/, /vsiwebhdfs/…)
    // open only names ending in one of these extensions: none can.
    CPLSetConfigOption("CPL_VSIL_CURL_ALLOWED_EXTENSIONS", ".textatlas-opens-no-network-file");
    CPLSetConfigOption("CPL_VSIL_CURL_USE_HEAD", "NO");
    // Should a request still reach libcurl, it goes to a proxy that is not there and gives up at once.
    CPLSetConfigOption("GDAL_HTTP_PROXY", "127.0.0.1:1");
    CPLSetConfigOption("GDAL_HTTPS_PROXY", "127.0.0.1:1");
    CPLSetConfigOption("GDAL_HTTP_MAX_RETRY", "0");
    CPLSetConfigOption("GDAL_HTTP_TIMEOUT", "1");
    CPLSetConfigOption("GDAL_HTTP_CONNECTTIMEOUT", "1");
    // SQLite and GeoPackage files may not open other data sources through VirtualOGR.
    CPLSetConfigOption("OGR_SQLITE_ALLOW_EXTERNAL_ACCESS", "NO");
    // GML: no schema download, no remote xlink resolution.
    CPLSetConfigOption("GML_DOWNLOAD_SCHEMA", "NO");
    CPLSetConfigOption("GML_SKIP_RESOLVE_ELEMS", "ALL");
    // VRT pixel functions may not run Python.
    CPLSetConfigOption("GDAL_VRT_ENABLE_PYTHON", "NO");
    CPLHTTPSetFetchCallback(refuseHttp, nullptr);
}

}  // namespace gdal

namespace {

namespace fs = std::filesystem;

// Drivers that exist to read something else: a server, a database, a process (GPSBabel) or a
// catalogue of remote tiles. Never opened for a user's file.
constexpr std::array<const char*, 31> kRemoteDrivers = {
    "DERIVED",  "WCS",         "WMS",        "WMTS",          "KMLSUPEROVERLAY", "PLMOSAIC",     "PLSCENES",
    "PostGISRaster", "EEDAI",  "EEDA",       "DAAS",          "OGCAPI",          "STACTA",       "STACIT",
    "GNMDatabase", "ODBC",     "PGeo",       "MSSQLSpatial",  "OGR_OGDI",        "PostgreSQL",   "MySQL",
    "GPSBabel", "WFS",         "OAPIF",      "Elasticsearch", "Carto",           "AmigoCloud",   "CSW",
    "NGW",      "HTTP",        "GMLAS"};

// Drivers whose file names other files (raster and vector VRT): opened only when every file they
// name is a local file beside them, checked before GDAL follows any.
bool isVrtDriver(const char* name) { return std::strcmp(name, "VRT") == 0 || std::strcmp(name, "OGR_VRT") == 0; }

bool isRemoteDriver(const char* name) {
    return std::any_of(kRemoteDrivers.begin(), kRemoteDrivers.end(),
                       [name](const char* remote) { return std::strcmp(remote, name) == 0; });
}

bool looksVirtualOrRemote(const std::string& path) {
    return path.rfind("/vsi", 0) == 0 || path.find("://") != std::string::npos;
}

// Every registered driver except the remote ones (computed once; GDAL's driver list is fixed
// after registration).
const std::vector<const char*>& localDrivers() {
    static const std::vector<const char*> drivers = [] {
        std::vector<const char*> names;
        for (int i = 0; i < GDALGetDriverCount(); ++i) {
            const char* name = GDALGetDriverShortName(GDALGetDriver(i));
            if (name != nullptr && !isRemoteDriver(name)) names.push_back(name);
        }
        names.push_back(nullptr);
        return names;
    }();
    return drivers;
}

bool isInside(const fs::path& file, const fs::path& folder) {
    if (folder.empty()) return false;
    const auto mismatch = std::mismatch(folder.begin(), folder.end(), file.begin(), file.end());
    return mismatch.first == folder.end();
}

// The folders a dataset opened at `path` may read from: the folder of the path as given and, when
// it is a link, the folder of the file it leads to (a folder path is its own folder).
std::vector<fs::path> allowedFolders(const std::string& path) {
    std::error_code ec;
    std::vector<fs::path> folders;
    const fs::path given = fs::absolute(path, ec);
    const bool is_folder = fs::is_directory(path, ec);
    if (is_folder) {
        folders.push_back(fs::weakly_canonical(given, ec));
    } else {
        folders.push_back(fs::weakly_canonical(given.parent_path(), ec));
        folders.push_back(fs::weakly_canonical(given, ec).parent_path());
    }
    return folders;
}

// Throws unless `name`, a file the dataset at `path` reads or names, is a local regular file (or
// folder) inside one of `folders`.
void checkReference(const std::string& path, const std::string& verb, const std::string& name,
                    const std::vector<fs::path>& folders) {
    if (looksVirtualOrRemote(name)) {
        throw Error(ErrorKind::InvalidInput, path + ": " + verb + " " + name + ", which is not a local file");
    }
    std::error_code ec;
    const fs::file_status status = fs::status(name, ec);
    if (ec || (status.type() != fs::file_type::regular && status.type() != fs::file_type::directory)) {
        throw Error(ErrorKind::InvalidInput, path + ": " + verb + " " + name + ", which is not a regular file");
    }
    // Where it really is: a link beside the file leading elsewhere counts as elsewhere.
    const fs::path resolved = fs::weakly_canonical(fs::absolute(name, ec), ec);
    const bool inside = std::any_of(folders.begin(), folders.end(),
                                    [&](const fs::path& folder) { return isInside(resolved, folder); });
    if (!inside) {
        throw Error(ErrorKind::InvalidInput, path + ": " + verb + " " + name + ", outside the folder of the file");
    }
}

void checkFilesRead(const std::string& path, GDALDatasetH dataset) {
    gdal::CplStringList files(GDALGetFileList(dataset));
    if (!files) return;
    const std::vector<fs::path> folders = allowedFolders(path);
    for (char** file = files.get(); *file != nullptr; ++file) checkReference(path, "reads", *file, folders);
}

struct XmlTreeDestroyer {
    void operator()(CPLXMLNode* node) const { CPLDestroyXMLNode(node); }
};
using XmlTree = std::unique_ptr<CPLXMLNode, XmlTreeDestroyer>;

// The files a VRT names, as GDAL would resolve them: <SourceFilename> (raster VRT: simple,
// complex, raw and overview sources, pansharpening bands) and <SrcDataSource> (OGR VRT), relative
// to the VRT's folder when their relativeToVRT attribute says so.
void collectVrtSources(const CPLXMLNode* node, const fs::path& vrt_folder, std::vector<std::string>& sources) {
    for (; node != nullptr; node = node->psNext) {
        if (node->eType != CXT_Element) continue;
        if (EQUAL(node->pszValue, "SourceFilename") || EQUAL(node->pszValue, "SrcDataSource")) {
            const char* name = CPLGetXMLValue(node, nullptr, "");
            const bool relative = CPLTestBool(CPLGetXMLValue(node, "relativeToVRT", "0")) ||
                                  CPLTestBool(CPLGetXMLValue(node, "relativetoVRT", "0"));
            sources.push_back(relative && !looksVirtualOrRemote(name) ? (vrt_folder / name).string() : std::string(name));
        }
        collectVrtSources(node->psChild, vrt_folder, sources);
    }
}

// A VRT (raster or vector) is opened only when each file it names is a local regular file beside
// it, and a VRT it names is such a VRT too (at most a few levels deep).
void checkVrtSources(const std::string& path, const std::string& vrt, const std::vector<fs::path>& folders, int depth) {
    if (depth > 4) throw Error(ErrorKind::InvalidInput, path + ": VRT files nested too deeply");
    XmlTree tree(CPLParseXMLFile(vrt.c_str()));
    if (!tree) throw Error(ErrorKind::CorruptData, path + ": not a VRT file GDAL can read" + gdal::lastErrorSuffix(path));
    std::vector<std::string> sources;
    collectVrtSources(tree.get(), fs::absolute(vrt).parent_path(), sources);
    for (const std::string& source : sources) {
        checkReference(path, "refers to", source, folders);
        if (GDALDriverH driver = GDALIdentifyDriverEx(source.c_str(), 0, nullptr, nullptr)) {
            const char* name = GDALGetDriverShortName(driver);
            if (isRemoteDriver(name)) {
                throw Error(ErrorKind::InvalidInput, path + ": refers to " + source + ", a GDAL " + name +
                                                         " file that reaches other data; only plain local files are opened");
            }
            if (isVrtDriver(name)) checkVrtSources(path, source, folders, depth + 1);
        }
    }
}

}  // namespace

void requireLocalFile(const std::string& path) {
    if (looksVirtualOrRemote(path)) {
        throw Error(ErrorKind::InvalidInput, path + ": not a local file (GDAL virtual and network paths are not opened)");
    }
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) throw Error(ErrorKind::MissingData, path + ": file not found");
    if (!S_ISREG(info.st_mode) && !S_ISDIR(info.st_mode)) {
        throw Error(ErrorKind::InvalidInput, path + ": not a regular file (a device, FIFO or socket)");
    }
}

gdal::DatasetPtr openLocalGdalFile(const std::string& path, unsigned int flags, const char* const* allowed_drivers) {
    requireLocalFile(path);
    gdal::registerDriversOnce();
    // Identifying reads only the file's first bytes: what a file refers to is judged before GDAL
    // follows it.
    if (GDALDriverH driver = GDALIdentifyDriverEx(path.c_str(), flags, nullptr, nullptr)) {
        const char* name = GDALGetDriverShortName(driver);
        if (isRemoteDriver(name)) {
            throw Error(ErrorKind::InvalidInput, path + ": a GDAL " + name +
                                                     " file reaches other data (a server, database or program); "
                                                     "only plain local files are opened");
        }
        if (isVrtDriver(name)) checkVrtSources(path, path, allowedFolders(path), 0);
    }
    const char* const* drivers = allowed_drivers != nullptr ? allowed_drivers : localDrivers().data();
    gdal::DatasetPtr dataset(GDALOpenEx(path.c_str(), flags | GDAL_OF_READONLY, drivers, nullptr, nullptr));
    if (dataset) checkFilesRead(path, dataset.get());
    return dataset;
}

}  // namespace geo
