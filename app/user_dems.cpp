#include "app/user_dems.hpp"

#include <algorithm>
#include <filesystem>

#include "app/render/dem_window.hpp"
#include "app/user_dirs.hpp"
#include "geo/error.hpp"

namespace app {

std::string demOverviewsDir() { return (std::filesystem::path(cacheDir()) / "dem-overviews").string(); }

bool wantsAveragedOverviews(const geo::Dem& dem) {
    return double(dem.columns()) * double(dem.rows()) > render::kMaxAveragedCells;
}

std::vector<std::string> demDirEntries(const std::string& folder) {
    std::vector<std::string> entries;
    std::error_code ec;
    if (folder.empty() || !std::filesystem::is_directory(folder, ec)) return entries;
    for (std::filesystem::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        if (name.empty() || name[0] == '.') continue;
        // Side files of a DEM (GDAL's .aux.xml, world files, projections, notes) are not DEMs.
        const auto ends_with = [&](const char* suffix) {
            const std::string s(suffix);
            return name.size() >= s.size() && name.compare(name.size() - s.size(), s.size(), s) == 0;
        };
        if (ends_with(".aux.xml") || ends_with(".prj") || ends_with(".tfw") || ends_with(".ovr") || ends_with(".txt") ||
            ends_with(".md") || ends_with(".xml")) {
            continue;
        }
        entries.push_back(it->path().string());
    }
    std::sort(entries.begin(), entries.end());
    return entries;
}

UserDems openUserDems(const std::vector<std::string>& paths, bool with_dem_dir) {
    UserDems result;
    for (const std::string& path : paths) {
        for (auto& dem : geo::openDems(path)) result.dems.push_back(std::move(dem));
    }
    if (with_dem_dir) {
        for (const std::string& entry : demDirEntries(demDir())) {
            try {
                for (auto& dem : geo::openDems(entry)) result.dems.push_back(std::move(dem));
            } catch (const geo::Error& e) {
                result.problems.push_back(e.what());
            }
        }
    }
    geo::sortCoarsestFirst(result.dems);
    return result;
}

}  // namespace app
