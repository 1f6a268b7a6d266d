#include "app/state.hpp"

#include "geo/projection.hpp"

namespace app {

OpenDocument OpenDocument::fromDocument(geo::Document document, const geo::Gazetteer& gazetteer,
                                        std::string path) {
    geo::Extraction extraction = geo::extractPlaces(document, gazetteer);
    const geo::Projection mercator = geo::Projection::webMercator();
    std::vector<geo::XY> positions;
    positions.reserve(extraction.places.size());
    for (const auto& place : extraction.places) positions.push_back(mercator.forward(place.place.position));
    return OpenDocument{std::move(path), std::move(document), std::move(extraction), std::move(positions)};
}

OpenDocument OpenDocument::load(const std::string& path, const geo::Gazetteer& gazetteer) {
    return fromDocument(geo::Document::fromFile(path), gazetteer, path);
}

}  // namespace app
