#include "geo/local_gdal_open.hpp"

#include <cpl_http.h>
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <string>

#include "geo/error.hpp"
#include "geo/raster.hpp"
#include "geo/vector_layer.hpp"
#include "support/geotiff_writer.hpp"
#include "support/tcp_listener.hpp"
#include "support/temp_dir.hpp"

namespace {

namespace fs = std::filesystem;

const std::string kRasterFixtures = std::string(TEXTATLAS_TEST_DATA_DIR) + "/raster/";

template <typename Load>
std::string errorOf(Load load) {
    try {
        load();
    } catch (const geo::Error& e) {
        return e.what();
    }
    return "no error";
}

std::string rasterError(const std::string& path) {
    return errorOf([&] { geo::loadRaster(path); });
}
std::string vectorError(const std::string& path) {
    return errorOf([&] { geo::loadVectorLayer(path); });
}
std::string layerKindError(const std::string& path) {
    return errorOf([&] { geo::layerFileKind(path); });
}

// A raster VRT of one band whose pixels come from `source` (a GeoTIFF or any file read raw).
std::string vrtReading(const std::string& source, bool raw) {
    const std::string band =
        raw ? "<VRTRasterBand dataType=\"Byte\" band=\"1\" subClass=\"VRTRawRasterBand\"><SourceFilename "
              "relativeToVRT=\"0\">" + source + "</SourceFilename><ImageOffset>0</ImageOffset><PixelOffset>1</"
              "PixelOffset><LineOffset>8</LineOffset></VRTRasterBand>"
            : "<VRTRasterBand dataType=\"Byte\" band=\"1\"><SimpleSource><SourceFilename relativeToVRT=\"1\">" + source +
                  "</SourceFilename><SourceBand>1</SourceBand></SimpleSource></VRTRasterBand>";
    return "<VRTDataset rasterXSize=\"8\" rasterYSize=\"8\"><SRS>EPSG:4326</SRS><GeoTransform>60, 0.1, 0, 35, 0, "
           "-0.1</GeoTransform>" + band + "</VRTDataset>\n";
}

TEST(LocalGdalOpen, NetworkAndVirtualPathsAreRefusedWithoutAConnection) {
    test_support::TcpListener server;
    for (const std::string& path : {"/vsicurl/" + server.url("dem.tif"), server.url("dem.tif"), std::string(
                                    "/vsis3/bucket/dem.tif"), "/vsizip//vsicurl/" + server.url("a.zip") + "/a.shp"}) {
        EXPECT_EQ(rasterError(path), path + ": not a local file (GDAL virtual and network paths are not opened)");
        EXPECT_EQ(vectorError(path), path + ": not a local file (GDAL virtual and network paths are not opened)");
        EXPECT_EQ(layerKindError(path), path + ": not a local file (GDAL virtual and network paths are not opened)");
    }
    EXPECT_FALSE(server.wasContacted());
}

TEST(LocalGdalOpen, GdalItselfMakesNoNetworkRequestOnceRegistered) {
    // The second wall: even code that calls GDAL directly, bypassing the path check, reaches nothing.
    geo::gdal::registerDriversOnce();
    test_support::TcpListener server;
    {
        geo::gdal::QuietErrors quiet;
        geo::gdal::DatasetPtr dataset(GDALOpenEx(("/vsicurl/" + server.url("dem.tif")).c_str(), GDAL_OF_RASTER,
                                                 nullptr, nullptr, nullptr));
        EXPECT_EQ(dataset, nullptr);
        CPLHTTPResult* result = CPLHTTPFetch(server.url("capabilities.xml").c_str(), nullptr);
        ASSERT_NE(result, nullptr);
        EXPECT_NE(result->nStatus, 0);
        CPLHTTPDestroyResult(result);
    }
    EXPECT_FALSE(server.wasContacted());
}

TEST(LocalGdalOpen, VrtReadingAFileOutsideItsFolderIsRefusedBeforeItIsRead) {
    test_support::TempDir dir;
    const std::string passwd = dir.write("passwd.vrt", vrtReading("/etc/passwd", true));
    EXPECT_EQ(rasterError(passwd), passwd + ": refers to /etc/passwd, outside the folder of the file");
    EXPECT_EQ(layerKindError(passwd), passwd + ": refers to /etc/passwd, outside the folder of the file");
    // The name does not matter: GDAL knows a VRT by its content.
    const std::string disguised = dir.write("dem.tif", vrtReading("/etc/passwd", true));
    EXPECT_EQ(rasterError(disguised), disguised + ": refers to /etc/passwd, outside the folder of the file");
}

TEST(LocalGdalOpen, VrtReachingADeviceTheNetworkOrAnotherVrtOutsideIsRefused) {
    test_support::TempDir dir;
    test_support::TcpListener server;
    const std::string device = dir.write("zero.vrt", vrtReading("/dev/zero", true));
    EXPECT_EQ(rasterError(device), device + ": refers to /dev/zero, which is not a regular file");
    const std::string url = "/vsicurl/" + server.url("dem.tif");
    const std::string remote = dir.write("remote.vrt", vrtReading(url, true));
    EXPECT_EQ(rasterError(remote), remote + ": refers to " + url + ", which is not a local file");
    // A VRT naming a VRT beside it is followed to what that one names.
    const std::string nested = dir.write("nested.vrt", vrtReading("remote.vrt", false));
    EXPECT_EQ(rasterError(nested), nested + ": refers to " + url + ", which is not a local file");
    ASSERT_EQ(::mkfifo((dir / "pipe.tif").c_str(), 0600), 0);
    const std::string fifo_source = dir.write("fifo.vrt", vrtReading("pipe.tif", false));
    EXPECT_EQ(rasterError(fifo_source), fifo_source + ": refers to " + (dir.path() / "pipe.tif").string() +
                                            ", which is not a regular file");
    // An OGR VRT is held to the same rule.
    const std::string ogr = dir.write(
        "layer.vrt", "<OGRVRTDataSource><OGRVRTLayer name=\"x\"><SrcDataSource>/etc/passwd</SrcDataSource>"
                     "</OGRVRTLayer></OGRVRTDataSource>\n");
    EXPECT_EQ(vectorError(ogr), ogr + ": refers to /etc/passwd, outside the folder of the file");
    EXPECT_FALSE(server.wasContacted());
}

TEST(LocalGdalOpen, VrtOfAGeoTiffBesideItIsRead) {
    test_support::TempDir dir;
    test_support::GeoTiffSpec spec;
    spec.geotransform[0] = 60.0;
    spec.geotransform[1] = 0.1;
    spec.geotransform[3] = 35.0;
    spec.geotransform[5] = -0.1;
    spec.value = [](int, int col, int row) { return col + 8 * row; };
    test_support::writeGeoTiff(dir / "dem.tif", spec);
    const std::string vrt = dir.write("dem.vrt", vrtReading("dem.tif", false));
    const geo::Raster raster = geo::loadRaster(vrt);
    EXPECT_EQ(raster.width, 8);
    EXPECT_EQ(raster.values[9], 9.0f);
    // The fixtures' VRTs name the GeoTIFF beside them and still give their own message.
    EXPECT_EQ(rasterError(kRasterFixtures + "rotated.vrt"),
              kRasterFixtures + "rotated.vrt: raster is rotated or not north-up (geotransform not supported)");
}

TEST(LocalGdalOpen, DevicesAndFifosAreRefusedWithoutBlocking) {
    test_support::TempDir dir;
    ASSERT_EQ(::mkfifo((dir / "layer.geojson").c_str(), 0600), 0);
    const std::string fifo = dir / "layer.geojson";
    // Opening a FIFO for reading would wait for a writer forever.
    EXPECT_EQ(vectorError(fifo), fifo + ": not a regular file (a device, FIFO or socket)");
    EXPECT_EQ(rasterError(fifo), fifo + ": not a regular file (a device, FIFO or socket)");
    EXPECT_EQ(layerKindError("/dev/zero"), "/dev/zero: not a regular file (a device, FIFO or socket)");
}

TEST(LocalGdalOpen, ServerAndDatabaseFormatsAreRefusedByTheirDriver) {
    test_support::TempDir dir;
    test_support::TcpListener server;
    // A WMS service description is a local XML file that makes GDAL fetch tiles from a server.
    const std::string wms = dir.write(
        "tiles.xml", "<GDAL_WMS><Service name=\"TMS\"><ServerUrl>" + server.url("${z}/${x}/${y}.png") +
                         "</ServerUrl></Service><DataWindow><UpperLeftX>-180</UpperLeftX><UpperLeftY>90</UpperLeftY>"
                         "<LowerRightX>180</LowerRightX><LowerRightY>-90</LowerRightY><TileLevel>1</TileLevel>"
                         "</DataWindow></GDAL_WMS>\n");
    EXPECT_EQ(rasterError(wms), wms + ": a GDAL WMS file reaches other data (a server, database or program); only "
                                      "plain local files are opened");
    EXPECT_FALSE(server.wasContacted());
}

TEST(LocalGdalOpen, ASidecarLinkedFromOutsideTheFolderIsRefusedAfterOpening) {
    test_support::TempDir dir;
    test_support::TempDir elsewhere_root("-elsewhere");
    test_support::GeoTiffSpec spec;
    spec.geotransform[0] = 60.0;
    spec.geotransform[3] = 35.0;
    test_support::writeGeoTiff(dir / "dem.tif", spec);
    // GDAL reads dem.tif.aux.xml beside the raster (its statistics, metadata); here it lies elsewhere.
    const std::string outside = elsewhere_root.write("aux.xml", "<PAMDataset></PAMDataset>\n");
    fs::create_symlink(outside, dir / "dem.tif.aux.xml");
    const std::string path = dir / "dem.tif";
    EXPECT_EQ(rasterError(path), path + ": reads " + path + ".aux.xml, outside the folder of the file");
    fs::remove(dir / "dem.tif.aux.xml");
    EXPECT_EQ(geo::loadRaster(path).width, 8);
}

}  // namespace
