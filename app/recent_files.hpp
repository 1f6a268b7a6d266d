// app/recent_files.hpp — the list of recently opened texts, kept in the program's own config
// folder ($XDG_CONFIG_HOME/textatlas/recent-files, else ~/.config/textatlas/recent-files), written
// atomically (temporary file, then rename). Nothing else is written outside the user's chosen paths.
#pragma once
#include <string>
#include <vector>

namespace app {

class RecentFiles {
public:
    static constexpr std::size_t kMaxEntries = 10;

    // Reads the list from `file` (missing or unreadable: empty list).
    explicit RecentFiles(std::string file = defaultPath());
    const std::vector<std::string>& paths() const { return paths_; }
    // Moves `path` (made absolute) to the front and saves. Returns false if saving failed.
    bool add(const std::string& path);

    static std::string defaultPath();

private:
    std::string file_;
    std::vector<std::string> paths_;
};

}  // namespace app
