// Hostile input through the real `textatlas` program (issue 15): what an adversarial pass broke.
// Each case answers with one line on stderr and a non-zero exit code, or works within bounded time
// and memory, and leaves the user's files as they were.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "support/run_textatlas.hpp"
#include "support/tcp_listener.hpp"
#include "support/temp_dir.hpp"

namespace {

namespace fs = std::filesystem;

const std::string kSeed = std::string(TEXTATLAS_TEST_DATA_DIR) + "/../../data/texts/panjshir-valley.txt";

std::string shellQuoted(const std::string& path) { return "'" + path + "'"; }

// One line on stderr, "textatlas: MESSAGE".
void expectOneLine(const test_support::CommandResult& run, const std::string& message) {
    EXPECT_EQ(run.err, "textatlas: " + message + "\n");
}

class Hostile : public ::testing::Test {
protected:
    test_support::TempDir dir_;
    std::string text_ = dir_.write("kabul.txt", "Kabul is the capital of Afghanistan.\n");

    test_support::CommandResult renderWithLayer(const std::string& layer) const {
        return test_support::runTextatlas("render " + shellQuoted(text_) + " --size 64x48 --out " + shellQuoted(dir_ / "map.png") +
                                          " --layer " + shellQuoted(layer));
    }
};

TEST_F(Hostile, VrtLayerReadingEtcPasswdIsRefused) {
    const std::string vrt = dir_.write(
        "passwd.vrt",
        "<VRTDataset rasterXSize=\"16\" rasterYSize=\"16\"><SRS>EPSG:4326</SRS><GeoTransform>60, 0.1, 0, 35, 0, "
        "-0.1</GeoTransform><VRTRasterBand dataType=\"Byte\" band=\"1\" subClass=\"VRTRawRasterBand\"><SourceFilename "
        "relativeToVRT=\"0\">/etc/passwd</SourceFilename><ImageOffset>0</ImageOffset><PixelOffset>1</PixelOffset>"
        "<LineOffset>16</LineOffset></VRTRasterBand></VRTDataset>\n");
    const auto run = renderWithLayer(vrt);
    EXPECT_EQ(run.exit_code, 1);
    expectOneLine(run, vrt + ": refers to /etc/passwd, outside the folder of the file");
    EXPECT_FALSE(fs::exists(dir_ / "map.png"));
}

TEST_F(Hostile, NetworkLayersMakeNoRequest) {
    test_support::TcpListener server;
    const std::string url = "/vsicurl/" + server.url("dem.tif");
    auto run = renderWithLayer(url);
    EXPECT_EQ(run.exit_code, 1);
    expectOneLine(run, url + ": not a local file (GDAL virtual and network paths are not opened)");
    // The same URL wrapped in a VRT, a local file.
    const std::string vrt = dir_.write(
        "remote.vrt", "<VRTDataset rasterXSize=\"16\" rasterYSize=\"16\"><SRS>EPSG:4326</SRS><VRTRasterBand "
                      "dataType=\"Byte\" band=\"1\"><SimpleSource><SourceFilename>" + url +
                          "</SourceFilename><SourceBand>1</SourceBand></SimpleSource></VRTRasterBand></VRTDataset>\n");
    run = renderWithLayer(vrt);
    EXPECT_EQ(run.exit_code, 1);
    expectOneLine(run, vrt + ": refers to " + url + ", which is not a local file");
    EXPECT_FALSE(server.wasContacted());
}

TEST_F(Hostile, FifoAsALayerDoesNotHang) {
    const std::string fifo = dir_ / "layer.geojson";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    test_support::RunLimits limits;
    limits.seconds = 60;
    const auto run = test_support::runTextatlas(
        "render " + shellQuoted(text_) + " --size 64x48 --out " + shellQuoted(dir_ / "map.png") + " --layer " + shellQuoted(fifo), limits);
    EXPECT_EQ(run.exit_code, 1);
    expectOneLine(run, fifo + ": not a regular file (a device, FIFO or socket)");
}

}  // namespace
