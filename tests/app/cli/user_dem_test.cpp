// The user's own DEMs on the command line (--dem) and in $XDG_DATA_HOME/textatlas/dem, through the
// real binary: bad files are named in one line with exit code 1; the folder's DEMs are drawn.
#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "app/render/image.hpp"
#include "support/geotiff_writer.hpp"
#include "support/run_textatlas.hpp"
#include "support/temp_dir.hpp"

namespace {

using test_support::CommandResult;
using test_support::runTextatlas;
using test_support::RunLimits;
using test_support::TempDir;

const std::string kSeed = std::string(TEXTATLAS_TEST_DATA_DIR) + "/../../data/texts/panjshir-valley.txt";

// Only the DEMs of this data home (none from the machine's own XDG folder).
RunLimits withDataHome(const std::string& data_home) {
    RunLimits limits;
    limits.env = "XDG_DATA_HOME='" + data_home + "'";
    return limits;
}

TEST(UserDemCli, AMissingOrCorruptDemIsNamedInOneLineWithExitCode1) {
    const TempDir dir;
    const std::string missing = dir / "N34E069.hgt";
    const std::string corrupt = dir.write("survey.tif", "II*\nthis is not a TIFF");
    const RunLimits limits = withDataHome(dir / "data");
    const std::string png = dir / "map.png";

    const CommandResult no_file = runTextatlas("render '" + kSeed + "' --out '" + png + "' --dem '" + missing + "'", limits);
    EXPECT_EQ(no_file.exit_code, 1);
    EXPECT_EQ(no_file.err, "textatlas: " + missing + ": file not found\n");

    const CommandResult bad = runTextatlas("render '" + kSeed + "' --out '" + png + "' --dem '" + corrupt + "'", limits);
    EXPECT_EQ(bad.exit_code, 1);
    EXPECT_EQ(bad.err.rfind("textatlas: " + corrupt + ": not a raster GDAL can read", 0), 0u) << bad.err;
    EXPECT_EQ(std::count(bad.err.begin(), bad.err.end(), '\n'), 1) << bad.err;
    EXPECT_FALSE(std::filesystem::exists(png));

    // export checks its DEMs too, even for a format without a map.
    const CommandResult exported =
        runTextatlas("export '" + kSeed + "' --format geojson --out '" + (dir / "p.geojson") + "' --dem '" + missing + "'", limits);
    EXPECT_EQ(exported.exit_code, 1);
    EXPECT_EQ(exported.err, "textatlas: " + missing + ": file not found\n");
    const CommandResult no_value = runTextatlas("render '" + kSeed + "' --out '" + png + "' --dem", limits);
    EXPECT_EQ(no_value.exit_code, 2);
    EXPECT_EQ(no_value.err, "textatlas render: --dem needs a value\n");
}

TEST(UserDemCli, TheXdgDemFolderIsUsedAndItsBadFilesAreLeftOutWithAWarning) {
    // A 4000 m plateau over 69–70°E, 34–35°N (the plains of the world relief are far lower there).
    const TempDir dir;
    std::filesystem::create_directories(dir / "with/textatlas/dem");
    test_support::writeLonLatDem(dir / "with/textatlas/dem/plateau.tif", 69.0, 35.0, 120, 120, 1.0 / 120,
                                 [](int, int) { return 4000.0; });
    const std::string junk = dir.write("with/textatlas/dem/junk.dt1", "not a DTED file");
    const std::string with_png = dir / "with.png", without_png = dir / "without.png";
    const std::string args = " --size 200x200 --center 34.5,69.5 --zoom 9 --no-north-arrow";

    const CommandResult with = runTextatlas("render '" + kSeed + "' --out '" + with_png + "'" + args, withDataHome(dir / "with"));
    ASSERT_EQ(with.exit_code, 0) << with.err;
    EXPECT_NE(with.err.find("textatlas: warning: " + junk + ": not a raster GDAL can read"), std::string::npos) << with.err;
    EXPECT_NE(with.err.find("(left out of the terrain)"), std::string::npos) << with.err;
    const CommandResult without =
        runTextatlas("render '" + kSeed + "' --out '" + without_png + "'" + args, withDataHome(dir / "without"));
    ASSERT_EQ(without.exit_code, 0) << without.err;
    EXPECT_EQ(without.err, "");

    // The plateau's tint (4000 m: brown-grey rock) where the relief alone is lowland.
    const app::render::Image a = app::render::readImage(with_png), b = app::render::readImage(without_png);
    int differ = 0;
    for (int y = 80; y < 120; ++y) {
        for (int x = 80; x < 120; ++x) {
            const std::uint8_t* p = a.pixel(x, y);
            const std::uint8_t* q = b.pixel(x, y);
            if (std::abs(p[0] - q[0]) + std::abs(p[1] - q[1]) + std::abs(p[2] - q[2]) > 30) ++differ;
        }
    }
    EXPECT_GT(differ, 1500) << "of 1600 pixels at the view's centre, inside the plateau";
}

}  // namespace
