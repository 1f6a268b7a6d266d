#include "geo/atomic_file.hpp"

#include <gtest/gtest.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

#include "geo/error.hpp"
#include "support/temp_dir.hpp"

namespace {

namespace fs = std::filesystem;

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

std::vector<std::string> entries(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir)) names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

template <typename Write>
std::string errorOf(Write write) {
    try {
        write();
    } catch (const geo::Error& e) {
        return e.what();
    }
    return "no error";
}

TEST(AtomicFile, ReplacesTheTargetAndLeavesNothingElse) {
    test_support::TempDir dir;
    const std::string target = dir.write("out.json", "old");
    geo::writeFileAtomically(target, "new contents", "JSON");
    EXPECT_EQ(readFile(target), "new contents");
    EXPECT_EQ(entries(dir.path()), std::vector<std::string>{"out.json"});
    geo::writeFileAtomically(dir / "fresh.json", "", "JSON");
    EXPECT_EQ(entries(dir.path()), (std::vector<std::string>{"fresh.json", "out.json"}));
    // The usual mode for a new file (0666 less the umask), not the temporary file's 0600.
    const mode_t mask = ::umask(0);
    ::umask(mask);
    EXPECT_EQ(fs::status(dir / "fresh.json").permissions(), static_cast<fs::perms>(0666 & ~mask));
}

TEST(AtomicFile, AWriterThatFailsLeavesThePreviousFileAndNoTemporary) {
    test_support::TempDir dir;
    const std::string target = dir.write("out.geojson", "previous");
    EXPECT_THROW(
        {
            geo::AtomicFile file(target, "GeoJSON");
            file.write("half of it");
            throw std::runtime_error("the writer failed");
        },
        std::runtime_error);
    EXPECT_EQ(readFile(target), "previous");
    EXPECT_EQ(entries(dir.path()), std::vector<std::string>{"out.geojson"});
}

TEST(AtomicFile, ADiskThatFillsUpLeavesThePreviousFileAndSaysWhy) {
    test_support::TempDir dir;
    const std::string target = dir.write("out.kml", "previous");
    // A child process whose files may not grow past 4 KiB stands for a full disk: write() fails
    // (EFBIG) at the limit as it does with ENOSPC when the disk is full.
    int report[2];
    ASSERT_EQ(::pipe(report), 0);
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        ::close(report[0]);
        ::signal(SIGXFSZ, SIG_IGN);
        const rlimit limit{4096, 4096};
        ::setrlimit(RLIMIT_FSIZE, &limit);
        const std::string message = errorOf([&] { geo::writeFileAtomically(target, std::string(1 << 20, 'x'), "KML"); });
        (void)!::write(report[1], message.data(), message.size());
        ::_exit(0);
    }
    ::close(report[1]);
    std::string message;
    char buffer[512];
    for (ssize_t n; (n = ::read(report[0], buffer, sizeof buffer)) > 0;) message.append(buffer, static_cast<std::size_t>(n));
    ::close(report[0]);
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    EXPECT_EQ(message, target + ": cannot write KML (file too large)");
    EXPECT_EQ(readFile(target), "previous");
    EXPECT_EQ(entries(dir.path()), std::vector<std::string>{"out.kml"});
}

TEST(AtomicFile, APlantedLinkAtATemporaryNameIsNeverFollowed) {
    test_support::TempDir dir;
    const std::string victim = dir.write("victim.txt", "keep me");
    // The names the writers used before (a fixed ".tmp" suffix, or the process id).
    fs::create_symlink(victim, dir / "out.json.tmp");
    fs::create_symlink(victim, dir / ("out.json.tmp-" + std::to_string(::getpid())));
    fs::create_symlink(victim, dir / (".out.json.tmp-" + std::to_string(::getpid()) + "-XXXXXX"));
    geo::writeFileAtomically(dir / "out.json", "{}", "JSON");
    EXPECT_EQ(readFile(victim), "keep me");
    EXPECT_EQ(readFile(dir / "out.json"), "{}");
    EXPECT_TRUE(fs::is_symlink(dir / "out.json.tmp"));
}

TEST(AtomicFile, DevicesFifosAndFoldersAreNeverReplaced) {
    test_support::TempDir dir;
    EXPECT_EQ(errorOf([] { geo::writeFileAtomically("/dev/null", "x", "JSON"); }),
              "/dev/null: not a regular file (a device, FIFO or socket); only regular files are written");
    struct stat info {};
    ASSERT_EQ(::stat("/dev/null", &info), 0);
    EXPECT_TRUE(S_ISCHR(info.st_mode));
    const std::string fifo = dir / "pipe";
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    EXPECT_EQ(errorOf([&] { geo::writeFileAtomically(fifo, "x", "JSON"); }),
              fifo + ": not a regular file (a device, FIFO or socket); only regular files are written");
    fs::create_directory(dir / "folder");
    EXPECT_EQ(errorOf([&] { geo::writeFileAtomically(dir / "folder", "x", "JSON"); }), (dir / "folder") + ": is a directory");
    EXPECT_EQ(errorOf([&] { geo::writeFileAtomically(dir / "missing/out.json", "x", "JSON"); }),
              (dir / "missing/out.json") + ": cannot write JSON (directory does not exist)");
}

TEST(AtomicFile, TheTextBeingReadIsNeverReplacedWhateverItIsCalled) {
    test_support::TempDir dir;
    const std::string text = dir.write("article.txt", "Kabul");
    geo::protectFromWriting(text);
    const std::string refusal = ": is the text being read; choose another output";
    EXPECT_EQ(errorOf([&] { geo::writeFileAtomically(text, "x", "JSON"); }), text + refusal);
    fs::create_symlink(text, dir / "link.txt");
    EXPECT_EQ(errorOf([&] { geo::writeFileAtomically(dir / "link.txt", "x", "JSON"); }), (dir / "link.txt") + refusal);
    fs::create_hard_link(text, dir / "hard.txt");
    EXPECT_EQ(errorOf([&] { geo::writeFileAtomically(dir / "hard.txt", "x", "JSON"); }), (dir / "hard.txt") + refusal);
    const std::string dotted = (dir.path() / "." / "article.txt").string();
    EXPECT_EQ(errorOf([&] { geo::writeFileAtomically(dotted, "x", "JSON"); }), dotted + refusal);
    EXPECT_EQ(readFile(text), "Kabul");
}

TEST(AtomicFile, OnlyTheProjectStoreWritesProjects) {
    test_support::TempDir dir;
    const std::string project = dir / "article.txt.atlas.gpkg";
    EXPECT_EQ(errorOf([&] { geo::writeFileAtomically(project, "x", "JSON"); }),
              project + ": is a Text Atlas project; choose another output");
    EXPECT_FALSE(fs::exists(project));
    geo::writeFileAtomically(project, "x", "project", geo::WriteKind::Project);
    EXPECT_EQ(readFile(project), "x");
}

TEST(AtomicFile, AWriterThatCreatesTheFileItselfIsCommittedLikeBytes) {
    test_support::TempDir dir;
    const std::string target = dir.write("map.tif", "previous");
    {
        geo::AtomicFile file(target, "GeoJSON");
        const std::string path = file.pathForWriter();
        EXPECT_EQ(fs::path(path).parent_path(), dir.path());
        EXPECT_EQ(fs::path(path).extension(), ".tif");
        EXPECT_FALSE(fs::exists(path));  // free for a driver that refuses an existing file
        std::ofstream(path) << "made by GDAL";
        file.commit();
    }
    EXPECT_EQ(readFile(target), "made by GDAL");
    {
        geo::AtomicFile file(target, "GeoJSON");
        const std::string path = file.pathForWriter();
        std::ofstream(path) << "never committed";
        std::ofstream(path + "-journal") << "side file";
    }
    EXPECT_EQ(readFile(target), "made by GDAL");
    EXPECT_EQ(entries(dir.path()), std::vector<std::string>{"map.tif"});
}

TEST(AtomicFile, TemporariesOfProcessesThatDiedAreRemoved) {
    test_support::TempDir dir;
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        geo::AtomicFile file(dir / "out.json", "JSON");
        file.write("half");
        ::raise(SIGKILL);  // no destructor, no clean-up
    }
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    ASSERT_EQ(entries(dir.path()).size(), 1u);
    EXPECT_EQ(entries(dir.path())[0].rfind(".out.json.tmp-" + std::to_string(child) + "-", 0), 0u);
    geo::writeFileAtomically(dir / "out.json", "whole", "JSON");
    EXPECT_EQ(entries(dir.path()), std::vector<std::string>{"out.json"});
}

}  // namespace
