// geo/atomic_file.hpp — the one way Text Atlas writes a file: the new contents go to a temporary
// file beside the target (a unique name, created with O_EXCL|O_NOFOLLOW so nothing planted there is
// followed or reused), are synced to disk, and replace the target by rename, after which the folder
// is synced; any failure (disk full, a write error, an exception in the writer) removes the
// temporary file and leaves the target as it was. Before anything is written it refuses targets
// that must not be replaced: anything but a regular file (a device such as /dev/null, a FIFO, a
// folder), a file this process reads as its text (protectFromWriting), and a project file
// ("….atlas.gpkg") unless the writer is the project store.
//
// Every writer uses it: bytes through write(), or a GDAL/OGR driver that creates the file itself
// through pathForWriter() and then commit(). It does not decide where files go or what they hold.
#pragma once
#include <string>
#include <string_view>

namespace geo {

// What a write is: any output the user asked for, or the project kept beside a text (only the
// project store writes "….atlas.gpkg" files).
enum class WriteKind { Output, Project };

// Marks a file this process reads (the text being opened): no AtomicFile in this process replaces
// it afterwards, whatever name or link leads to it. Thread-safe. Missing files are remembered by
// path.
void protectFromWriting(const std::string& path);

class AtomicFile {
public:
    // Checks that `target` may be replaced and creates a new temporary file in its folder. `what`
    // names the contents in messages ("PNG", "report"; may be empty). Throws geo::Error naming the
    // target: "TARGET: is a directory" (Io); "TARGET: not a regular file (a device, FIFO or
    // socket); only regular files are written", "TARGET: is the text being read; choose another
    // output", "TARGET: is a Text Atlas project; choose another output" (InvalidInput); "TARGET:
    // cannot write WHAT (REASON)" (Io: "directory does not exist", "permission denied"…).
    AtomicFile(std::string target, std::string what, WriteKind kind = WriteKind::Output);
    // Unless committed, removes the temporary file (and SQLite's side files of that name).
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    const std::string& target() const { return target_; }

    // Appends bytes to the temporary file. Throws geo::Error(Io) "TARGET: cannot write WHAT
    // (REASON)", e.g. "no space left on device".
    void write(std::string_view bytes);

    // For a writer that creates the file itself (GDAL and OGR drivers): the temporary path, now
    // free for it to create (GDAL's GeoPackage driver refuses an existing file). The name stays
    // unique to this AtomicFile; commit() checks that what is there is a regular file.
    std::string pathForWriter();

    // Syncs the temporary file, renames it over the target and syncs the folder. Throws
    // geo::Error(Io) "TARGET: cannot write WHAT (REASON)"; the target is then unchanged.
    void commit();

private:
    void fail(const std::string& reason) const;

    std::string target_;
    std::string what_;
    std::string temporary_;
    std::string folder_;
    int fd_ = -1;
    bool committed_ = false;
};

// Writes `contents` to `target` through an AtomicFile.
void writeFileAtomically(const std::string& target, std::string_view contents, const std::string& what,
                         WriteKind kind = WriteKind::Output);

}  // namespace geo
