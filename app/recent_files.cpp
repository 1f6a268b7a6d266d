#include "app/recent_files.hpp"
#include "app/user_dirs.hpp"

#include <unistd.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "geo/atomic_file.hpp"
#include "geo/error.hpp"

namespace app {

std::string RecentFiles::defaultPath() {
    return (std::filesystem::path(configDir()) / "recent-files").string();
}

RecentFiles::RecentFiles(std::string file) : file_(std::move(file)) {
    std::ifstream in(file_);
    std::string line;
    while (paths_.size() < kMaxEntries && std::getline(in, line))
        if (!line.empty()) paths_.push_back(line);
}

bool RecentFiles::add(const std::string& path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const std::string absolute = fs::absolute(path, ec).lexically_normal().string();
    paths_.erase(std::remove(paths_.begin(), paths_.end(), absolute), paths_.end());
    paths_.insert(paths_.begin(), absolute);
    if (paths_.size() > kMaxEntries) paths_.resize(kMaxEntries);

    fs::create_directories(fs::path(file_).parent_path(), ec);
    std::string contents;
    for (const auto& p : paths_) contents += p + "\n";
    try {
        geo::writeFileAtomically(file_, contents, "the recent files");
    } catch (const geo::Error&) {
        return false;
    }
    return true;
}

}  // namespace app
