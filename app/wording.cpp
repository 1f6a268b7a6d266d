#include "app/wording.hpp"

namespace app {

std::string countOf(std::size_t n, std::string_view noun, std::string_view plural) {
    std::string out = std::to_string(n) + " ";
    if (n == 1) out += noun;
    else if (!plural.empty()) out += plural;
    else (out += noun) += "s";
    return out;
}

}  // namespace app
