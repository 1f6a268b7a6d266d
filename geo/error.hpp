// geo/error.hpp — the typed errors every geo module throws.
// Each error names the file (or input) and the problem in one line, so the command line can print
// it and the viewer can show it in a dialog. It does not print or log anything itself.
#pragma once
#include <stdexcept>
#include <string>

namespace geo {

enum class ErrorKind {
    InvalidInput,  // the user's file or argument is wrong (bad UTF-8, binary, empty, …)
    MissingData,   // a shipped data file is missing or unreadable
    CorruptData,   // a data or project file exists but its content is damaged
    Projection,    // PROJ refused a transformation
    Io,            // the operating system refused (permission, disk full, …)
};

class Error : public std::runtime_error {
public:
    Error(ErrorKind kind, const std::string& message) : std::runtime_error(message), kind_(kind) {}
    ErrorKind kind() const noexcept { return kind_; }

private:
    ErrorKind kind_;
};

// Thrown when the user cancelled a long operation (a progress callback returned false). Not an
// Error: there is nothing to report.
class Cancelled : public std::exception {
public:
    const char* what() const noexcept override { return "cancelled"; }
};

}  // namespace geo
