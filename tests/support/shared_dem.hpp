// tests/support/shared_dem.hpp — a real user's DEM for tests: the DTED Level 0 GeoTIFF of
// Afghanistan (30″, 60–75 E, 29–39 N) in the shared reference data ($TEXTATLAS_SHARED_DATA, else
// the TEXTATLAS_SHARED_DATA_DIR CMake cache variable, /work/shared/data by default). It is read
// where it lies, as a user's file, never copied into the project; tests skip when it is absent:
//   const std::string dem = test_support::sharedDemPath();
//   if (dem.empty()) GTEST_SKIP() << test_support::kNoSharedDem;
#pragma once
#include <cstdlib>
#include <filesystem>
#include <string>

namespace test_support {

constexpr const char* kNoSharedDem =
    "the shared DEM (afghanistan_dem_dted0_30arcsec.tif) is absent: set TEXTATLAS_SHARED_DATA to its folder";

inline std::string sharedDataDir() {
    const char* from_environment = std::getenv("TEXTATLAS_SHARED_DATA");
    if (from_environment != nullptr && *from_environment != '\0') return from_environment;
#ifdef TEXTATLAS_SHARED_DATA_DIR
    return TEXTATLAS_SHARED_DATA_DIR;
#else
    return "/work/shared/data";
#endif
}

// The DEM's path, or "" when it is not there.
inline std::string sharedDemPath() {
    const std::string path = sharedDataDir() + "/afghanistan_dem_dted0_30arcsec.tif";
    std::error_code ec;
    return std::filesystem::is_regular_file(path, ec) ? path : std::string();
}

}  // namespace test_support
