#include "app/user_dirs.hpp"

#include <cstdlib>
#include <filesystem>
#include <system_error>

namespace app {
namespace {

namespace fs = std::filesystem;

// $variable, else $HOME/fallback; empty when neither is set.
fs::path xdgBase(const char* variable, const char* fallback) {
    const char* xdg = std::getenv(variable);
    if (xdg != nullptr && *xdg != '\0') return fs::path(xdg);
    const char* home = std::getenv("HOME");
    if (home != nullptr && *home != '\0') return fs::path(home) / fallback;
    return {};
}

}  // namespace

std::string configDir() {
    fs::path base = xdgBase("XDG_CONFIG_HOME", ".config");
    if (base.empty()) base = fs::path(".") / ".config";
    return (base / "textatlas").string();
}

std::string cacheDir() {
    const fs::path base = xdgBase("XDG_CACHE_HOME", ".cache");
    return base.empty() ? std::string() : (base / "textatlas").string();
}

std::string dataDir() {
    const fs::path base = xdgBase("XDG_DATA_HOME", ".local/share");
    return base.empty() ? std::string() : (base / "textatlas").string();
}

std::string demDir() {
    const std::string data = dataDir();
    return data.empty() ? std::string() : (fs::path(data) / "dem").string();
}

void useShaderCache() {
    if (std::getenv("MESA_SHADER_CACHE_DIR") != nullptr || std::getenv("MESA_SHADER_CACHE_DISABLE") != nullptr) return;
    const std::string dir = cacheDir();
    std::error_code error;
    if (!dir.empty()) fs::create_directories(dir, error);
    if (dir.empty() || error || !fs::is_directory(dir, error)) {
        ::setenv("MESA_SHADER_CACHE_DISABLE", "true", /*overwrite=*/0);
        return;
    }
    // Mesa adds its own "mesa_shader_cache" folder inside.
    ::setenv("MESA_SHADER_CACHE_DIR", dir.c_str(), /*overwrite=*/0);
}

}  // namespace app
