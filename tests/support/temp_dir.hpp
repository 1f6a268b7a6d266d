// tests/support/temp_dir.hpp — a fresh folder in the system's temporary folder for one test, named
// after the test and the process (so parallel ctest runs never share one), removed with its
// contents when the test ends.
#pragma once
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace test_support {

class TempDir {
public:
    // `suffix` tells apart two folders of one test.
    explicit TempDir(const std::string& suffix = "") {
        const ::testing::TestInfo* test = ::testing::UnitTest::GetInstance()->current_test_info();
        std::string name = test != nullptr ? std::string(test->test_suite_name()) + "-" + test->name() : "test";
        for (char& c : name)
            if (c == '/') c = '_';
        path_ = std::filesystem::temp_directory_path() / ("textatlas-" + name + "-" + std::to_string(::getpid()) + suffix);
        std::filesystem::remove_all(path_);
        std::filesystem::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path_, ignored);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::filesystem::path& path() const { return path_; }
    // The path of `name` inside the folder.
    std::string operator/(const std::string& name) const { return (path_ / name).string(); }
    // Writes `contents` to `name` inside the folder and returns its path.
    std::string write(const std::string& name, const std::string& contents) const {
        const std::string file = *this / name;
        std::ofstream(file, std::ios::binary) << contents;
        return file;
    }

private:
    std::filesystem::path path_;
};

}  // namespace test_support
