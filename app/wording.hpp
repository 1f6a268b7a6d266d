// app/wording.hpp — counts in words for the panels, status line and command output ("1 place",
// "2 places"). English only; does not format numbers with separators or units (see
// ui/measure_overlay.hpp for distances).
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace app {

// "1 passage", "0 passages", "13 passages": `plural` defaults to the noun with an "s".
std::string countOf(std::size_t n, std::string_view noun, std::string_view plural = {});

}  // namespace app
