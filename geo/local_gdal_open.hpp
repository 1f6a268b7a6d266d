// geo/local_gdal_open.hpp — the one policy for what GDAL may open on a user's behalf: local files
// only. Every file a user names as a layer, raster or DEM (and the project file) is opened through
// openLocalGdalFile, which refuses
//   - GDAL's virtual and network paths (/vsicurl/, /vsis3/, /vsizip/…), URLs and connection strings
//     ("PG:…", "WMS:…"), anything that is not an existing local file or folder;
//   - devices, FIFOs and sockets (a FIFO would block the open forever, /dev/zero never ends);
//   - formats that reach a server, a database or a program (WMS, WFS, STAC, PostgreSQL,
//     GPSBabel…), named by the driver GDAL identifies from the file's first bytes;
//   - a VRT (raster or OGR) that names a file that is not a local regular file in the VRT's folder
//     (or below it): checked in the VRT's XML before GDAL follows any of it;
//   - after opening, a dataset that read any file outside the folder of the path given (or of the
//     file it links to), or anything that is not a regular file or folder.
// GDAL's own network access (libcurl behind /vsicurl/ and CPLHTTPFetch) is turned off for the
// whole process when the drivers are registered (gdal::registerDriversOnce), as a second wall.
// It does not read the dataset or judge its contents; the loaders (raster, vector_layer,
// project_store) do that.
#pragma once
#include <string>

#include "geo/gdal_handles.hpp"

namespace geo {

// Throws geo::Error naming the path unless it is an existing local regular file or folder
// (symbolic links followed): "PATH: file not found" (MissingData), "PATH: not a local file (GDAL
// virtual and network paths are not opened)", "PATH: not a regular file (a device, FIFO or
// socket)" (InvalidInput).
void requireLocalFile(const std::string& path);

// GDALOpenEx(path, flags, allowed_drivers) under the policy above (flags: GDAL_OF_VECTOR,
// GDAL_OF_RASTER…; GDAL_OF_READONLY is added; allowed_drivers a NULL-ended list, or nullptr for any
// driver except the referring ones). Returns nullptr when GDAL cannot open it (its reason is in
// CPLGetLastErrorMsg, for the caller's message); throws geo::Error (InvalidInput) naming the path
// for what the policy refuses: "PATH: a GDAL DRIVER file reaches other data (a server, database
// or program); only plain local files are opened", "PATH: refers to OTHER, outside the folder of
// the file" (a VRT), "PATH: reads OTHER, which is not a regular file" (after opening), "… which
// is not a local file". Call inside a gdal::QuietErrors.
gdal::DatasetPtr openLocalGdalFile(const std::string& path, unsigned int flags,
                                   const char* const* allowed_drivers = nullptr);

}  // namespace geo
