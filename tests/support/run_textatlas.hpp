// tests/support/run_textatlas.hpp — runs the real `textatlas` binary as a user would (no display), for
// the command-line tests: its stdout, its stderr and its exit code, optionally under a memory limit
// (setrlimit in the child, through the shell's ulimit) and a time limit.
#pragma once
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <iterator>
#include <memory>
#include <string>

namespace test_support {

struct CommandResult {
    int exit_code = -1;
    std::string out;
    std::string err;  // empty when stderr was folded into out or thrown away
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

struct RunLimits {
    std::string env;                   // "NAME=VALUE …" set for the program
    std::string before;                // a shell command whose output is piped into the program
    long virtual_memory_kib = 0;       // ulimit -v; 0: none
    // ulimit -f in 512-byte blocks, with SIGXFSZ ignored: a write past it fails (EFBIG) as on a
    // full disk. 0: none.
    long file_size_blocks = 0;
    int seconds = 0;                   // killed after this long (exit code 124 or 137); 0: none
};

// Runs `[BEFORE |] env ENV textatlas ARGS` through the shell with stdout and stderr kept apart.
// A program killed by a signal reports 128 + the signal, as the shell does.
inline CommandResult runTextatlas(const std::string& args, const RunLimits& limits = {}) {
    char err_name[] = "/tmp/textatlas-test-stderr-XXXXXX";
    const int err_fd = ::mkstemp(err_name);
    if (err_fd >= 0) ::close(err_fd);
    std::string program = "env -u DISPLAY -u WAYLAND_DISPLAY " + limits.env + " ";
    if (limits.seconds > 0) program += "timeout -s KILL " + std::to_string(limits.seconds) + " ";
    program += std::string("'") + TEXTATLAS_BINARY + "' " + args + " 2>'" + err_name + "'";
    std::string command = (limits.before.empty() ? "" : limits.before + " | ") + program;
    if (limits.virtual_memory_kib > 0) command = "ulimit -v " + std::to_string(limits.virtual_memory_kib) + "; " + command;
    if (limits.file_size_blocks > 0) {
        command = "trap '' XFSZ; ulimit -f " + std::to_string(limits.file_size_blocks) + "; " + command;
    }
    command = "sh -c '" + [&] {
        std::string quoted;
        for (char c : command) quoted += c == '\'' ? std::string("'\\''") : std::string(1, c);
        return quoted;
    }() + "'";
    CommandResult run;
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
    std::array<char, 65536> buffer{};
    std::size_t n = 0;
    while ((n = fread(buffer.data(), 1, buffer.size(), pipe.get())) > 0) run.out.append(buffer.data(), n);
    const int status = pclose(pipe.release());
    run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : WIFSIGNALED(status) ? 128 + WTERMSIG(status) : -1;
    std::ifstream err(err_name, std::ios::binary);
    run.err.assign(std::istreambuf_iterator<char>(err), std::istreambuf_iterator<char>());
    std::remove(err_name);
    return run;
}

}  // namespace test_support
