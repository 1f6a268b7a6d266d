#include "geo/place.hpp"

namespace geo {

const char* toString(PlaceKind kind) {
    switch (kind) {
        case PlaceKind::Continent: return "continent";
        case PlaceKind::Country: return "country";
        case PlaceKind::Admin1: return "admin1";
        case PlaceKind::Admin2: return "admin2";
        case PlaceKind::City: return "city";
        case PlaceKind::Region: return "region";
        case PlaceKind::Physical: return "physical";
    }
    return "unknown";
}

}  // namespace geo
