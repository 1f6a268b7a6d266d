#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <unistd.h>
#include <algorithm>

#include "app/recent_files.hpp"

namespace {

namespace fs = std::filesystem;

TEST(RecentFiles, NewestFirstWithoutDuplicatesAndBounded) {
    const fs::path dir = fs::temp_directory_path() / ("textatlas-recent-" + std::to_string(::getpid()));
    const fs::path file = dir / "sub" / "recent-files";
    {
        app::RecentFiles recent(file.string());
        EXPECT_TRUE(recent.paths().empty());
        for (int i = 0; i < 14; ++i) ASSERT_TRUE(recent.add("/texts/t" + std::to_string(i) + ".txt"));
        ASSERT_TRUE(recent.add("/texts/t5.txt"));
        EXPECT_EQ(recent.paths().size(), app::RecentFiles::kMaxEntries);
        EXPECT_EQ(recent.paths().front(), "/texts/t5.txt");
        EXPECT_EQ(recent.paths()[1], "/texts/t13.txt");
        EXPECT_EQ(std::count(recent.paths().begin(), recent.paths().end(), "/texts/t5.txt"), 1);
    }
    app::RecentFiles reread(file.string());  // persisted
    EXPECT_EQ(reread.paths().front(), "/texts/t5.txt");
    EXPECT_EQ(reread.paths().size(), app::RecentFiles::kMaxEntries);
    for (const auto& entry : fs::directory_iterator(file.parent_path()))
        EXPECT_EQ(entry.path().filename(), "recent-files");  // no temporary left behind
    fs::remove_all(dir);
}

TEST(RecentFiles, ConfigFolderFollowsXdg) {
    ::setenv("XDG_CONFIG_HOME", "/tmp/xdg-test", 1);
    EXPECT_EQ(app::RecentFiles::defaultPath(), "/tmp/xdg-test/textatlas/recent-files");
    ::unsetenv("XDG_CONFIG_HOME");
}

}  // namespace
