// PNG writing and reading (GDAL): exact round trips, atomic replacement, and the
// errors a user sees for a missing directory, a malformed image or an unreadable file.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "app/render/image.hpp"
#include "geo/error.hpp"

namespace {

namespace fs = std::filesystem;
using app::render::Image;

class ImageTest : public ::testing::Test {
protected:
    void SetUp() override {
        const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
        dir_ = fs::temp_directory_path() /
               ("textatlas-image-test-" + std::to_string(::getpid()) + "-" + info->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }

    fs::path dir_;
};

// Every pixel different, alpha included, so a channel swap or row flip cannot go unnoticed.
Image gradient(int width, int height, std::uint8_t seed) {
    Image image;
    image.width = width;
    image.height = height;
    image.rgba.resize(static_cast<size_t>(width) * height * 4);
    for (int y = 0; y < height; ++y) {
        for (int x = 0; x < width; ++x) {
            std::uint8_t* p = &image.rgba[(static_cast<size_t>(y) * width + x) * 4];
            p[0] = static_cast<std::uint8_t>(x * 31 + seed);
            p[1] = static_cast<std::uint8_t>(y * 17 + seed);
            p[2] = static_cast<std::uint8_t>(x * y + 3);
            p[3] = static_cast<std::uint8_t>(255 - x - y * 7);
        }
    }
    return image;
}

TEST_F(ImageTest, PngRoundTripIsExact) {
    const Image original = gradient(7, 5, 11);
    const std::string path = (dir_ / "round.png").string();
    app::render::writePng(original, path);
    const Image back = app::render::readImage(path);
    EXPECT_EQ(back.width, 7);
    EXPECT_EQ(back.height, 5);
    EXPECT_EQ(back.rgba, original.rgba);
    // Only the PNG is left: no temporary file, no GDAL side file.
    int files = 0;
    for (const auto& entry : fs::directory_iterator(dir_)) {
        ++files;
        EXPECT_EQ(entry.path().filename(), "round.png");
    }
    EXPECT_EQ(files, 1);
}

TEST_F(ImageTest, OpaqueImageIsWrittenAsRgbAndReadBackExactly) {
    Image original = gradient(300, 200, 5);
    for (std::size_t i = 3; i < original.rgba.size(); i += 4) original.rgba[i] = 255;
    const std::string path = (dir_ / "opaque.png").string();
    app::render::writePng(original, path);
    // IHDR's colour type (byte 25 of the file): 2 is RGB, 6 would be RGBA.
    std::ifstream in(path, std::ios::binary);
    char head[26] = {};
    ASSERT_TRUE(in.read(head, sizeof head));
    EXPECT_EQ(std::string(head + 1, 3), "PNG");
    EXPECT_EQ(head[25], 2);
    const Image back = app::render::readImage(path);
    EXPECT_EQ(back.width, 300);
    EXPECT_EQ(back.height, 200);
    EXPECT_EQ(back.rgba, original.rgba);
}

TEST_F(ImageTest, LargeImageSpansSeveralDataChunksAndReadsBackExactly) {
    // Noise does not compress: a file of several megabytes must still read back byte for byte.
    Image noise;
    noise.width = 800;
    noise.height = 600;
    noise.rgba.resize(static_cast<size_t>(noise.width) * noise.height * 4);
    std::uint32_t state = 12345;
    for (std::uint8_t& byte : noise.rgba) {
        state = state * 1664525u + 1013904223u;
        byte = static_cast<std::uint8_t>(state >> 24);
    }
    const std::string path = (dir_ / "noise.png").string();
    app::render::writePng(noise, path);
    EXPECT_GT(fs::file_size(path), std::uintmax_t{1} << 20);
    const Image back = app::render::readImage(path);
    EXPECT_EQ(back.rgba, noise.rgba);
}

TEST_F(ImageTest, WritingAgainReplacesTheFile) {
    const std::string path = (dir_ / "twice.png").string();
    app::render::writePng(gradient(4, 4, 1), path);
    const Image second = gradient(3, 6, 99);
    app::render::writePng(second, path);
    const Image back = app::render::readImage(path);
    EXPECT_EQ(back.width, 3);
    EXPECT_EQ(back.height, 6);
    EXPECT_EQ(back.rgba, second.rgba);
}

TEST_F(ImageTest, MissingDirectoryIsAnIoErrorNamingThePath) {
    const std::string path = (dir_ / "no-such-dir" / "map.png").string();
    try {
        app::render::writePng(gradient(2, 2, 0), path);
        FAIL() << "expected geo::Error";
    } catch (const geo::Error& e) {
        EXPECT_EQ(e.kind(), geo::ErrorKind::Io);
        EXPECT_EQ(std::string(e.what()), path + ": cannot write PNG (directory does not exist)");
    }
    EXPECT_FALSE(fs::exists(dir_ / "no-such-dir"));
}

TEST_F(ImageTest, UnwritableDirectoryIsAnIoErrorAndLeavesNothing) {
    if (::geteuid() == 0) GTEST_SKIP() << "root may write into a read-only directory";
    const fs::path locked = dir_ / "locked";
    fs::create_directories(locked);
    fs::permissions(locked, fs::perms::owner_read | fs::perms::owner_exec);
    const std::string path = (locked / "map.png").string();
    try {
        app::render::writePng(gradient(2, 2, 0), path);
        ADD_FAILURE() << "expected geo::Error";
    } catch (const geo::Error& e) {
        EXPECT_EQ(e.kind(), geo::ErrorKind::Io);
        EXPECT_EQ(std::string(e.what()).rfind(path + ": cannot write PNG (", 0), 0u) << e.what();
    }
    EXPECT_TRUE(fs::is_empty(locked));
    fs::permissions(locked, fs::perms::owner_all);
}

TEST_F(ImageTest, MalformedImageIsRefusedBeforeWriting) {
    Image bad = gradient(4, 4, 0);
    bad.rgba.pop_back();
    const std::string path = (dir_ / "bad.png").string();
    try {
        app::render::writePng(bad, path);
        FAIL() << "expected geo::Error";
    } catch (const geo::Error& e) {
        EXPECT_EQ(e.kind(), geo::ErrorKind::InvalidInput);
        EXPECT_EQ(std::string(e.what()),
                  path + ": cannot write PNG (image is empty or its pixel buffer does not match its size)");
    }
    EXPECT_FALSE(fs::exists(path));
    EXPECT_THROW(app::render::writePng(Image{}, path), geo::Error);
}

TEST_F(ImageTest, ReadingGarbageOrNothingNamesTheFile) {
    const std::string missing = (dir_ / "missing.png").string();
    try {
        app::render::readImage(missing);
        FAIL() << "expected geo::Error";
    } catch (const geo::Error& e) {
        EXPECT_EQ(e.kind(), geo::ErrorKind::Io);
        EXPECT_EQ(std::string(e.what()).rfind(missing + ": cannot read image (", 0), 0u) << e.what();
    }
    const std::string garbage = (dir_ / "garbage.png").string();
    std::ofstream(garbage) << "this is not a PNG";
    EXPECT_THROW(app::render::readImage(garbage), geo::Error);
}

}  // namespace
