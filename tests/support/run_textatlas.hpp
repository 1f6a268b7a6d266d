// tests/support/run_textatlas.hpp — runs the real `textatlas` binary as a user would (no display), for
// the command-line tests: its stdout (and stderr if asked) and its exit code.
#pragma once
#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <memory>
#include <string>

namespace test_support {

struct CommandResult {
    int exit_code = -1;
    std::string out;
};

// `args` are shell-quoted by the caller; stderr is folded into out when `with_stderr`.
inline CommandResult textatlas(const std::string& args, bool with_stderr = false) {
    const std::string command = std::string("env -u DISPLAY -u WAYLAND_DISPLAY '") + TEXTATLAS_BINARY + "' " + args +
                                (with_stderr ? " 2>&1" : " 2>/dev/null");
    CommandResult run;
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    std::array<char, 4096> buffer{};
    std::size_t n = 0;
    while ((n = fread(buffer.data(), 1, buffer.size(), pipe.get())) > 0) run.out.append(buffer.data(), n);
    const int status = pclose(pipe.release());
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
    return run;
}

}  // namespace test_support
