// Fuzz target: the project file reader (geo::loadProject). The input is written to a file of this
// process in the temporary folder (the reader takes a path, and SQLite reads files) and loaded;
// anything but a project or a geo::Error with one line is a failure (an uncaught exception aborts).
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "fuzz_check.hpp"
#include "geo/error.hpp"
#include "geo/project_store.hpp"

namespace {
std::string project_path;  // one file per fuzzing process, rewritten for each input

void removeProjectFile() { std::remove(project_path.c_str()); }
}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    project_path = (std::filesystem::temp_directory_path() /
                    ("textatlas-fuzz-project-" + std::to_string(::getpid()) + ".atlas.gpkg"))
                       .string();
    std::atexit(removeProjectFile);  // libFuzzer ends with exit() when its time is up
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    {
        std::ofstream out(project_path, std::ios::binary | std::ios::trunc);
        out.write(reinterpret_cast<const char*>(data), static_cast<std::streamsize>(size));
        FUZZ_CHECK(out.good());
    }
    try {
        geo::loadProject(project_path);
    } catch (const geo::Error& e) {
        const std::string message = e.what();
        FUZZ_CHECK(message.rfind(project_path + ": ", 0) == 0);  // names the file
        FUZZ_CHECK(message.find('\n') == std::string::npos);
    }
    return 0;
}
