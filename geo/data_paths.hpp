// geo/data_paths.hpp — where the shipped data/ folder is: $TEXTATLAS_DATA if set, else
// ../share/textatlas/data beside the binary, else the source tree's data/ compiled in.
#pragma once
#include <string>

namespace geo {

// Returns $TEXTATLAS_DATA as it is when set (a folder without the data makes the loaders name the
// missing file), else the first candidate holding gazetteer/. Throws geo::Error(MissingData)
// listing what was tried.
std::string findDataDir(const std::string& argv0 = "");

}  // namespace geo
