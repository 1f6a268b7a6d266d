#include "geo/data_paths.hpp"

#include <cstdlib>
#include <filesystem>
#include <vector>

#include "geo/error.hpp"

namespace geo {

std::string findDataDir(const std::string& argv0) {
    namespace fs = std::filesystem;
    std::vector<fs::path> tried;
    // A folder the user names is used as it is, even without the data: the loaders then name the
    // missing file, instead of the program quietly reading data from somewhere else.
    if (const char* env = std::getenv("TEXTATLAS_DATA"); env && *env) return env;
    if (!argv0.empty()) {
        std::error_code ec;
        fs::path exe = fs::weakly_canonical(fs::path(argv0), ec);
        if (!ec) tried.push_back(exe.parent_path().parent_path() / "share" / "textatlas" / "data");
    }
    tried.emplace_back(TEXTATLAS_SOURCE_DATA_DIR);
    for (const auto& dir : tried) {
        std::error_code ec;
        if (fs::is_directory(dir / "gazetteer", ec)) return dir.string();
    }
    std::string list;
    for (const auto& dir : tried) list += (list.empty() ? "" : ", ") + dir.string();
    throw Error(ErrorKind::MissingData, "data folder not found (tried " + list +
                                            "); set TEXTATLAS_DATA to the project's data/ folder");
}

}  // namespace geo
