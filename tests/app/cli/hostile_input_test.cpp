// Hostile input through the real `textatlas` program (issue 15): what an adversarial pass broke.
// Each case answers with one line on stderr and a non-zero exit code, or works within bounded time
// and memory, and leaves the user's files as they were.
#include <gtest/gtest.h>
#include <sys/stat.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>

#include <nlohmann/json.hpp>
#include <sstream>

#include "app/cli/jsonl_reader.hpp"
#include "support/run_textatlas.hpp"
#include "support/tcp_listener.hpp"
#include "support/temp_dir.hpp"

namespace {

namespace fs = std::filesystem;

const std::string kSeed = std::string(TEXTATLAS_TEST_DATA_DIR) + "/../../data/texts/panjshir-valley.txt";

std::string shellQuoted(const std::string& path) { return "'" + path + "'"; }

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// One line on stderr, "textatlas: MESSAGE".
void expectOneLine(const test_support::CommandResult& run, const std::string& message) {
    EXPECT_EQ(run.err, "textatlas: " + message + "\n");
}

class Hostile : public ::testing::Test {
protected:
    test_support::TempDir dir_;
    std::string text_ = dir_.write("kabul.txt", "Kabul is the capital of Afghanistan.\n");

    test_support::CommandResult renderWithLayerWithin(const std::string& layer, const test_support::RunLimits& limits) const {
        return test_support::runTextatlas("render " + shellQuoted(text_) + " --size 64x48 --out " +
                                              shellQuoted(dir_ / "map.png") + " --layer " + shellQuoted(layer),
                                          limits);
    }
    test_support::CommandResult renderWithLayer(const std::string& layer) const { return renderWithLayerWithin(layer, {}); }
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

TEST_F(Hostile, ATangledPolygonLayerIsOutlinedInBoundedTime) {
    // 1,000 random vertices: GEOS's repair ran for minutes (100,000 reached 21 GB).
    std::string ring;
    unsigned seed = 7;
    auto next = [&seed] {
        seed = seed * 1103515245u + 12345u;
        return double((seed >> 8) % 100000) / 100000.0;
    };
    std::string first;
    for (int i = 0; i < 1000; ++i) {
        const std::string point = "[" + std::to_string(69.0 + next()) + ", " + std::to_string(34.0 + next()) + "]";
        if (i == 0) first = point;
        ring += point + ", ";
    }
    const std::string layer = dir_.write(
        "tangle.geojson", R"({"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {}, )"
                          R"("geometry": {"type": "Polygon", "coordinates": [[)" + ring + first + "]]}}]}\n");
    test_support::RunLimits limits;
    limits.seconds = 120;
    const auto run = renderWithLayerWithin(layer, limits);
    EXPECT_EQ(run.exit_code, 0);
    expectOneLine(run, "warning: " + layer + ": 1 polygon crosses itself more than 64 times and is drawn as outlines only");
    EXPECT_TRUE(fs::exists(dir_ / "map.png"));
}

// Outputs never replace the program's inputs.

TEST_F(Hostile, AnExportOntoTheTextItReadsIsRefused) {
    const std::string before = readFile(text_);
    const auto run = test_support::runTextatlas("export " + shellQuoted(text_) + " --format geojson --out " + shellQuoted(text_));
    EXPECT_EQ(run.exit_code, 1);
    expectOneLine(run, text_ + ": is the text being read; choose another output");
    EXPECT_EQ(readFile(text_), before);
    // By another name for the same file, too.
    fs::create_symlink(text_, dir_ / "alias.geojson");
    const auto alias = test_support::runTextatlas("export " + shellQuoted(text_) + " --out " + shellQuoted(dir_ / "alias.geojson"));
    EXPECT_EQ(alias.exit_code, 1);
    expectOneLine(alias, (dir_ / "alias.geojson") + ": is the text being read; choose another output");
    EXPECT_EQ(readFile(text_), before);
}

TEST_F(Hostile, LayoutJsonOntoTheTextIsRefused) {
    const std::string before = readFile(text_);
    const auto run = test_support::runTextatlas("render " + shellQuoted(text_) + " --size 64x48 --out " +
                                                shellQuoted(dir_ / "map.png") + " --layout-json " + shellQuoted(text_));
    EXPECT_EQ(run.exit_code, 1);
    expectOneLine(run, text_ + ": is the text being read; choose another output");
    EXPECT_EQ(readFile(text_), before);
}

TEST_F(Hostile, AnExportOntoTheTextsProjectIsRefused) {
    const std::string project = text_ + ".atlas.gpkg";
    const auto run = test_support::runTextatlas("export " + shellQuoted(text_) + " --format gpkg --out " + shellQuoted(project));
    EXPECT_EQ(run.exit_code, 1);
    expectOneLine(run, project + ": is a Text Atlas project; choose another output");
    EXPECT_FALSE(fs::exists(project));
}

TEST_F(Hostile, DeviceNodesAreNotReplaced) {
    const auto run = test_support::runTextatlas("export " + shellQuoted(text_) + " --format geojson --out /dev/null");
    EXPECT_EQ(run.exit_code, 1);
    expectOneLine(run, "/dev/null: not a regular file (a device, FIFO or socket); only regular files are written");
    struct stat info {};
    ASSERT_EQ(::stat("/dev/null", &info), 0);
    EXPECT_TRUE(S_ISCHR(info.st_mode));
}

// A full disk: the child may not make files larger than 1 KiB (ulimit -f), so writes fail as they
// do with ENOSPC. The previous file stays whole and nothing else is left.
TEST_F(Hostile, AFullDiskLeavesThePreviousExportAndSaysSo) {
    for (const std::string format : {"geojson", "kml"}) {
        const std::string out = dir_.write("places." + format, "the previous export");
        test_support::RunLimits limits;
        limits.file_size_blocks = 2;
        const auto run = test_support::runTextatlas("export " + shellQuoted(kSeed) + " --out " + shellQuoted(out), limits);
        EXPECT_EQ(run.exit_code, 1) << format;
        expectOneLine(run, out + ": cannot write places as " + (format == "kml" ? "KML" : "GeoJSON") + " (file too large)");
        EXPECT_EQ(readFile(out), "the previous export");
        fs::remove(out);
    }
    std::size_t left = 0;
    for (const auto& entry : fs::directory_iterator(dir_.path())) left += entry.path().filename() != "kabul.txt";
    EXPECT_EQ(left, 0u);
}

TEST_F(Hostile, APlantedLinkAtTheOldTemporaryNameIsNotFollowed) {
    const std::string victim = dir_.write("victim.txt", "keep me");
    const std::string layout = dir_ / "layout.json";
    fs::create_symlink(victim, layout + ".tmp");
    const auto run = test_support::runTextatlas("render " + shellQuoted(text_) + " --size 64x48 --out " +
                                                shellQuoted(dir_ / "map.png") + " --layout-json " + shellQuoted(layout));
    EXPECT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(readFile(victim), "keep me");
    EXPECT_EQ(readFile(layout).rfind("{", 0), 0u);
    EXPECT_TRUE(fs::is_symlink(layout + ".tmp"));
}

TEST_F(Hostile, AFifoAsTheTextsProjectIsReportedNotWaitedFor) {
    const std::string project = text_ + ".atlas.gpkg";
    ASSERT_EQ(::mkfifo(project.c_str(), 0600), 0);
    test_support::RunLimits limits;
    limits.seconds = 60;
    const auto run = test_support::runTextatlas(
        "export " + shellQuoted(text_) + " --out " + shellQuoted(dir_ / "places.geojson"), limits);
    EXPECT_EQ(run.exit_code, 0);
    EXPECT_EQ(run.err, "textatlas: warning: " + project +
                           ": not a regular file (a device, FIFO or socket) (its corrections are not applied)\n");
    EXPECT_TRUE(fs::exists(dir_ / "places.geojson"));
}

TEST_F(Hostile, AMillionMentionsOnOneLineFitInBoundedMemory) {
#if defined(__SANITIZE_ADDRESS__)
    GTEST_SKIP() << "AddressSanitizer reserves more address space than the limit allows";
#else
    // 1,000,000 times "Kabul " (6 MB, one line): `extract` took 1.6 GB of memory (and more than
    // 2 GB of address space), 1.35 GB of it the JSON of the mentions built as one tree before it
    // was written, and a copy of every recognised mention. Now it takes about 1.1 GB of address
    // space (0.5 GB resident) and must finish within 1.4 GB, writing every mention.
    std::string text;
    text.reserve(6'000'000);
    for (int i = 0; i < 1'000'000; ++i) text += "Kabul ";
    const std::string file = dir_.write("kabul-million.txt", text);
    const std::string out = dir_ / "out.json";
    test_support::RunLimits limits;
    limits.virtual_memory_kib = 1'400'000;
    const auto run = test_support::runTextatlas("extract " + shellQuoted(file) + " > " + shellQuoted(out), limits);
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_EQ(run.err, "");
    // Every mention written, the JSON whole (its end), without parsing 170 MB here.
    const std::string json = readFile(out);
    std::size_t mentions = 0;
    for (std::size_t at = json.find("\"text\": \"Kabul\""); at != std::string::npos; at = json.find("\"text\": \"Kabul\"", at + 1)) {
        ++mentions;
    }
    EXPECT_EQ(mentions, 1'000'000u);
    ASSERT_GE(json.size(), 2u);
    EXPECT_EQ(json.substr(json.size() - 2), "}\n");
#endif
}

// The --jsonl corpus reader.

TEST_F(Hostile, DeeplyNestedJsonIsRefusedAndEarlierLinesStayWhole) {
    std::string nested = R"({"id": )";
    nested += std::string(60000, '[') + "1" + std::string(60000, ']') + R"(, "text": "Kabul"})";
    const std::string corpus = dir_.write("corpus.jsonl", R"({"id": 1, "text": "Kabul is far from Herat."})" "\n"
                                                          R"({"id": [2, {"a": [3]}], "text": "Kandahar"})" "\n" +
                                                              nested + "\n" R"({"id": 4, "text": "Kabul"})" "\n");
    const auto run = test_support::runTextatlas("extract --jsonl " + shellQuoted(corpus));
    EXPECT_EQ(run.exit_code, 1);
    expectOneLine(run, corpus + ":3: JSON nested deeper than 100 levels");
    // The two documents before it were written whole, one JSON object a line.
    std::istringstream lines(run.out);
    std::string line;
    int whole = 0;
    while (std::getline(lines, line)) {
        const nlohmann::json written = nlohmann::json::parse(line);
        EXPECT_TRUE(written.contains("mentions"));
        ++whole;
    }
    EXPECT_EQ(whole, 2);
}

TEST_F(Hostile, AnEndlessLineIsRefusedAtTheLimitWithItsNumber) {
    test_support::RunLimits limits;
    limits.seconds = 60;
    const auto run = test_support::runTextatlas("extract --jsonl /dev/zero", limits);
    EXPECT_EQ(run.exit_code, 1);
    expectOneLine(run, "/dev/zero:1: line longer than 16 MiB (a longer text belongs in a file of its own: textatlas "
                       "extract FILE)");
}

TEST(JsonlLineReader, LinesAreCutAtTheLimitAndNumbered) {
    std::istringstream in("short\r\n\n0123456789\nlast without newline");
    app::cli::JsonlLineReader reader(in, 10);
    std::string line;
    ASSERT_EQ(reader.next(line), app::cli::JsonlLineReader::Result::Line);
    EXPECT_EQ(line, "short\r");
    ASSERT_EQ(reader.next(line), app::cli::JsonlLineReader::Result::Line);
    EXPECT_EQ(line, "");
    ASSERT_EQ(reader.next(line), app::cli::JsonlLineReader::Result::Line);
    EXPECT_EQ(line, "0123456789");  // exactly the limit
    EXPECT_EQ(reader.lineNumber(), 3u);
    EXPECT_EQ(reader.next(line), app::cli::JsonlLineReader::Result::TooLong);
    EXPECT_EQ(reader.lineNumber(), 4u);

    // An endless line costs the limit, not the stream: the reader stops there.
    std::istringstream endless(std::string(1 << 20, 'x'));
    app::cli::JsonlLineReader bounded(endless, 1000);
    EXPECT_EQ(bounded.next(line), app::cli::JsonlLineReader::Result::TooLong);
    EXPECT_LE(line.capacity(), 1u << 16);
}

TEST(JsonlLine, NestingIsLimitedOutsideStringsOnly) {
    const std::string hundred = std::string(99, '[') + "1" + std::string(99, ']');
    EXPECT_EQ(app::cli::parseJsonlLine(R"({"id": )" + hundred + R"(, "text": "x"})", "c.jsonl", 1).kind,
              app::cli::JsonlLine::Kind::Document);
    EXPECT_EQ(app::cli::parseJsonlLine(R"({"id": [)" + hundred + R"(], "text": "x"})", "c.jsonl", 2).error,
              "c.jsonl:2: JSON nested deeper than 100 levels");
    // Brackets inside strings (escaped quotes too) are text.
    const std::string brackets = R"({"id": "\"[[[[", "text": ")" + std::string(500, '[') + R"("})";
    EXPECT_EQ(app::cli::parseJsonlLine(brackets, "c.jsonl", 3).kind, app::cli::JsonlLine::Kind::Document);
}

}  // namespace
