// geo/gdal_handles.hpp — unique_ptr owners for GDAL/OGR C handles and a scope guard that keeps
// GDAL's error messages off stderr (they are read back with CPLGetLastErrorMsg instead).
// Used only inside geo/*.cpp; no reading logic lives here.
#pragma once
#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <cpl_vsi.h>
#include <gdal.h>
#include <gdal_alg.h>
#include <gdal_utils.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include <atomic>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <type_traits>

namespace geo::gdal {

struct DatasetCloser {
    void operator()(void* dataset) const { GDALClose(static_cast<GDALDatasetH>(dataset)); }
};
using DatasetPtr = std::unique_ptr<std::remove_pointer_t<GDALDatasetH>, DatasetCloser>;

struct FeatureDestroyer {
    void operator()(void* feature) const { OGR_F_Destroy(static_cast<OGRFeatureH>(feature)); }
};
using FeaturePtr = std::unique_ptr<std::remove_pointer_t<OGRFeatureH>, FeatureDestroyer>;

struct GeometryDestroyer {
    void operator()(void* geometry) const { OGR_G_DestroyGeometry(static_cast<OGRGeometryH>(geometry)); }
};
using GeometryPtr = std::unique_ptr<std::remove_pointer_t<OGRGeometryH>, GeometryDestroyer>;

struct SpatialReferenceReleaser {
    void operator()(void* srs) const { OSRRelease(static_cast<OGRSpatialReferenceH>(srs)); }
};
using SpatialReferencePtr = std::unique_ptr<std::remove_pointer_t<OGRSpatialReferenceH>, SpatialReferenceReleaser>;

struct CoordinateTransformationDestroyer {
    void operator()(void* transform) const {
        OCTDestroyCoordinateTransformation(static_cast<OGRCoordinateTransformationH>(transform));
    }
};
using CoordinateTransformationPtr =
    std::unique_ptr<std::remove_pointer_t<OGRCoordinateTransformationH>, CoordinateTransformationDestroyer>;

struct WarpOptionsFreer {
    void operator()(GDALWarpAppOptions* options) const { GDALWarpAppOptionsFree(options); }
};
using WarpOptionsPtr = std::unique_ptr<GDALWarpAppOptions, WarpOptionsFreer>;

struct TransformerDestroyer {
    void operator()(void* transformer) const { GDALDestroyGenImgProjTransformer(transformer); }
};
using TransformerPtr = std::unique_ptr<void, TransformerDestroyer>;

struct CplFreer {
    void operator()(void* memory) const { CPLFree(memory); }
};
using CplStringPtr = std::unique_ptr<char, CplFreer>;

struct CslDestroyer {
    void operator()(char** list) const { CSLDestroy(list); }
};
using CplStringList = std::unique_ptr<char*, CslDestroyer>;

// While alive, GDAL errors raised on this thread go nowhere (GDAL's handler stack is per thread)
// and the last-error slot starts empty, so CPLGetLastErrorMsg() describes this scope only.
class QuietErrors {
public:
    QuietErrors() {
        CPLPushErrorHandler(CPLQuietErrorHandler);
        CPLErrorReset();
    }
    ~QuietErrors() { CPLPopErrorHandler(); }
    QuietErrors(const QuietErrors&) = delete;
    QuietErrors& operator=(const QuietErrors&) = delete;
};

// A file in GDAL's /vsimem/ (memory) with a name unique in the process, removed (with any
// .aux.xml GDAL wrote beside it) when the owner goes. For writers whose bytes then go through
// geo::AtomicFile, which notices a full disk where GDAL's text and PNG writers do not.
class MemoryFile {
public:
    explicit MemoryFile(const std::string& extension) {
        static std::atomic<unsigned> counter{0};
        path_ = "/vsimem/textatlas-" + std::to_string(counter.fetch_add(1)) + "." + extension;
    }
    ~MemoryFile() {
        VSIUnlink(path_.c_str());
        VSIUnlink((path_ + ".aux.xml").c_str());
    }
    MemoryFile(const MemoryFile&) = delete;
    MemoryFile& operator=(const MemoryFile&) = delete;
    const std::string& path() const { return path_; }
    // The file's bytes, valid until it is written to again or removed.
    std::string_view bytes() const {
        vsi_l_offset size = 0;
        const GByte* data = VSIGetMemFileBuffer(path_.c_str(), &size, FALSE);
        return data == nullptr ? std::string_view() : std::string_view(reinterpret_cast<const char*>(data), size);
    }

private:
    std::string path_;
};

// " (GDAL: <reason>)" for the last error on this thread, or "" if GDAL gave none. Keeps the first
// line only (OGR's SQL errors add a caret diagram) and drops a leading "<path>: " or "<path>, "
// since our messages already start with the path.
inline std::string lastErrorSuffix(const std::string& path) {
    const char* raw = CPLGetLastErrorMsg();
    std::string reason = raw != nullptr ? raw : "";
    reason = reason.substr(0, reason.find('\n'));
    for (const char* separator : {": ", ", "}) {
        if (!path.empty() && reason.rfind(path + separator, 0) == 0) reason.erase(0, path.size() + 2);
    }
    while (!reason.empty() && (reason.back() == ' ' || reason.back() == '\r')) reason.pop_back();
    return reason.empty() ? std::string() : " (GDAL: " + reason + ")";
}

// Turns GDAL's network access (and VRT Python) off for the process (geo/local_gdal_open.cpp, the
// policy on what GDAL may open).
void configureLocalOnly();

// GDALAllRegister is not cheap and must run once per process before any open; GDAL never reaches
// the network after it.
inline std::once_flag drivers_registered;
inline void registerDriversOnce() {
    std::call_once(drivers_registered, [] {
        GDALAllRegister();
        configureLocalOnly();
    });
}

}  // namespace geo::gdal
