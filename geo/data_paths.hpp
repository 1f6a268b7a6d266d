// geo/data_paths.hpp — where the shipped data/ folder is: $TEXTATLAS_DATA if set, else
// ../share/textatlas/data beside the binary, else the source tree's data/ compiled in.
#pragma once
#include <string>

namespace geo {

// Returns the first existing candidate. Throws geo::Error(MissingData) listing what was tried.
std::string findDataDir(const std::string& argv0 = "");

}  // namespace geo
