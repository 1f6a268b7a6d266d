// app/user_dirs.hpp — the program's own folders under the XDG base directories, the only places
// it writes outside the paths the user chose: settings in $XDG_CONFIG_HOME/textatlas (else
// ~/.config/textatlas), Mesa's compiled-shader cache in $XDG_CACHE_HOME/textatlas (else
// ~/.cache/textatlas), and the user's own data in $XDG_DATA_HOME/textatlas (else
// ~/.local/share/textatlas: DEMs in its dem/ folder are used as terrain). Resolves paths only;
// creates nothing unless asked (useShaderCache).
#pragma once
#include <string>

namespace app {

// $XDG_CONFIG_HOME/textatlas, else $HOME/.config/textatlas (./.config/textatlas without a HOME).
std::string configDir();
// $XDG_CACHE_HOME/textatlas, else $HOME/.cache/textatlas; empty when neither variable is set.
std::string cacheDir();

// $XDG_DATA_HOME/textatlas, else $HOME/.local/share/textatlas; empty when neither variable is set.
std::string dataDir();
// dataDir()/dem: every file or folder in it is a DEM used as terrain (app/user_dems). Empty when
// dataDir() is.
std::string demDir();

// Keeps Mesa's compiled shaders in cacheDir() (Mesa's own default would be ~/.cache/mesa_shader_cache),
// so that a software-GL start does not compile them again: about 0.2 s of every render.
// Leaves the user's own MESA_SHADER_CACHE_DIR / MESA_SHADER_CACHE_DISABLE alone. Where the folder
// cannot be made, the cache is turned off. Call before the first GL context is created.
void useShaderCache();

}  // namespace app
