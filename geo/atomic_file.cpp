#include "geo/atomic_file.hpp"

#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <mutex>
#include <vector>

#include "geo/error.hpp"

namespace geo {

namespace {

namespace fs = std::filesystem;

std::string reasonOf(int error_number) {
    std::string reason = std::strerror(error_number);
    if (!reason.empty()) reason[0] = static_cast<char>(std::tolower(static_cast<unsigned char>(reason[0])));
    return reason;
}

// A file as the kernel knows it, and the path it was named by, made absolute with its folder's
// links resolved (a file that does not exist yet is known by path only).
struct FileIdentity {
    bool exists = false;
    dev_t device = 0;
    ino_t inode = 0;
    std::string path;
};

FileIdentity identify(const std::string& path) {
    FileIdentity id;
    struct stat info {};
    if (::stat(path.c_str(), &info) == 0) {
        id.exists = true;
        id.device = info.st_dev;
        id.inode = info.st_ino;
    }
    std::error_code ec;
    const fs::path absolute = fs::absolute(path, ec);
    id.path = (fs::weakly_canonical(absolute.parent_path(), ec) / absolute.filename()).string();
    return id;
}

bool sameFile(const FileIdentity& a, const FileIdentity& b) {
    if (a.exists && b.exists) return a.device == b.device && a.inode == b.inode;
    return a.path == b.path;
}

std::mutex protected_mutex;
std::vector<std::string>& protectedPaths() {
    static std::vector<std::string> paths;
    return paths;
}

bool isProtected(const std::string& target) {
    const FileIdentity id = identify(target);
    std::lock_guard<std::mutex> lock(protected_mutex);
    // Identified now, not when protected: a deleted file's inode number may since name another.
    return std::any_of(protectedPaths().begin(), protectedPaths().end(),
                       [&](const std::string& path) { return sameFile(identify(path), id); });
}

bool endsWith(const std::string& text, const std::string& end) {
    return text.size() >= end.size() && text.compare(text.size() - end.size(), end.size(), end) == 0;
}

// Files a writer may make beside its own: SQLite's journals, GDAL's .aux.xml.
constexpr const char* kSideFileSuffixes[] = {"-journal", "-wal", "-shm", ".aux.xml"};

// ".NAME.tmp-PID-" : the start of every temporary file for NAME made by process PID.
std::string temporaryPrefix(const std::string& name, pid_t pid) { return "." + name + ".tmp-" + std::to_string(pid) + "-"; }

// Removes temporary files for `name` left in `folder` by processes that no longer run (a process
// killed mid-write runs no clean-up).
void removeStaleTemporaries(const std::string& folder, const std::string& name) {
    const std::string prefix = "." + name + ".tmp-";
    std::error_code ec;
    for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string file = it->path().filename().string();
        if (file.rfind(prefix, 0) != 0) continue;
        const std::string rest = file.substr(prefix.size());
        const std::size_t dash = rest.find('-');
        if (dash == 0 || dash == std::string::npos || dash > 9 ||
            !std::all_of(rest.begin(), rest.begin() + static_cast<long>(dash), [](char c) { return c >= '0' && c <= '9'; })) {
            continue;
        }
        const pid_t pid = static_cast<pid_t>(std::stol(rest.substr(0, dash)));
        if (pid == ::getpid()) continue;
        std::error_code ignored;
        if (::kill(pid, 0) == -1 && errno == ESRCH && it->is_regular_file(ignored)) fs::remove(it->path(), ignored);
    }
}

}  // namespace

void protectFromWriting(const std::string& path) {
    std::string absolute = identify(path).path;
    std::lock_guard<std::mutex> lock(protected_mutex);
    if (std::find(protectedPaths().begin(), protectedPaths().end(), absolute) == protectedPaths().end()) {
        protectedPaths().push_back(std::move(absolute));
    }
}

AtomicFile::AtomicFile(std::string target, std::string what, WriteKind kind)
    : target_(std::move(target)), what_(std::move(what)) {
    struct stat info {};
    if (::stat(target_.c_str(), &info) == 0) {
        if (S_ISDIR(info.st_mode)) throw Error(ErrorKind::Io, target_ + ": is a directory");
        if (!S_ISREG(info.st_mode)) {
            throw Error(ErrorKind::InvalidInput,
                        target_ + ": not a regular file (a device, FIFO or socket); only regular files are written");
        }
    }
    if (kind != WriteKind::Project && endsWith(target_, ".atlas.gpkg")) {
        throw Error(ErrorKind::InvalidInput, target_ + ": is a Text Atlas project; choose another output");
    }
    if (isProtected(target_)) throw Error(ErrorKind::InvalidInput, target_ + ": is the text being read; choose another output");

    const fs::path path(target_);
    folder_ = path.has_parent_path() ? path.parent_path().string() : std::string(".");
    const std::string name = path.filename().string();
    // The target's extension stays at the end: some GDAL drivers look at it.
    const std::string extension = path.extension().string();
    std::string pattern = folder_ + "/" + temporaryPrefix(name, ::getpid()) + "XXXXXX" + extension;
    std::vector<char> buffer(pattern.begin(), pattern.end());
    buffer.push_back('\0');
    // mkostemps opens with O_CREAT|O_EXCL (never an existing file or a planted link) and a fresh name.
    fd_ = ::mkostemps(buffer.data(), static_cast<int>(extension.size()), O_CLOEXEC | O_NOFOLLOW);
    if (fd_ < 0) fail(errno == ENOENT ? std::string("directory does not exist") : reasonOf(errno));
    temporary_ = buffer.data();
    // mkostemps makes the file 0600; a written file gets the usual mode (0666 less the umask).
    const mode_t mask = ::umask(0);
    ::umask(mask);
    ::fchmod(fd_, 0666 & ~mask);
    removeStaleTemporaries(folder_, name);
}

AtomicFile::~AtomicFile() {
    if (fd_ >= 0) ::close(fd_);
    if (committed_ || temporary_.empty()) return;
    ::unlink(temporary_.c_str());
    for (const char* suffix : kSideFileSuffixes) ::unlink((temporary_ + suffix).c_str());
}

void AtomicFile::fail(const std::string& reason) const {
    throw Error(ErrorKind::Io, target_ + ": cannot write" + (what_.empty() ? "" : " " + what_) + " (" + reason + ")");
}

void AtomicFile::write(std::string_view bytes) {
    if (fd_ < 0) fail("the file was handed to another writer");
    while (!bytes.empty()) {
        const ssize_t n = ::write(fd_, bytes.data(), bytes.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            fail(reasonOf(errno));
        }
        bytes.remove_prefix(static_cast<std::size_t>(n));
    }
}

std::string AtomicFile::pathForWriter() {
    if (fd_ >= 0) {
        ::close(fd_);
        fd_ = -1;
        ::unlink(temporary_.c_str());
    }
    return temporary_;
}

void AtomicFile::commit() {
    if (fd_ < 0) {
        // A writer made the file at pathForWriter(): it must be a regular file, not a link.
        fd_ = ::open(temporary_.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
        if (fd_ < 0) fail(reasonOf(errno));
        struct stat info {};
        if (::fstat(fd_, &info) != 0 || !S_ISREG(info.st_mode)) fail("the temporary file is not a regular file");
    }
    if (::fsync(fd_) != 0) fail(reasonOf(errno));
    struct stat target_info {};
    if (::stat(target_.c_str(), &target_info) == 0 && !S_ISREG(target_info.st_mode)) {
        fail("it is no longer a regular file");
    }
    const int closed = ::close(fd_);
    fd_ = -1;
    if (closed != 0) fail(reasonOf(errno));
    if (::rename(temporary_.c_str(), target_.c_str()) != 0) fail(reasonOf(errno));
    committed_ = true;
    for (const char* suffix : kSideFileSuffixes) ::unlink((temporary_ + suffix).c_str());
    // The rename reaches the disk only with the folder. Some file systems cannot sync a folder
    // (EINVAL); the file itself is synced already.
    const int folder = ::open(folder_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (folder < 0) return;
    const int synced = ::fsync(folder);
    const int error_number = errno;
    ::close(folder);
    if (synced != 0 && error_number != EINVAL) fail(reasonOf(error_number));
}

void writeFileAtomically(const std::string& target, std::string_view contents, const std::string& what,
                         WriteKind kind) {
    AtomicFile file(target, what, kind);
    file.write(contents);
    file.commit();
}

}  // namespace geo
