#include "app/state.hpp"

#include "geo/map_projection.hpp"

namespace app {

OpenDocument OpenDocument::fromDocument(geo::Document document, const geo::Gazetteer& gazetteer,
                                        std::string path, const geo::ExtractionProgress& progress) {
    geo::Extraction extraction = geo::extractPlaces(document, gazetteer, progress);
    OpenDocument doc(std::move(path), std::move(document), std::move(extraction));
    doc.recognised = doc.extraction;
    doc.refreshPositions();
    doc.claims = geo::findDistanceClaims(doc.document, doc.extraction);
    return doc;
}

void OpenDocument::refreshPositions() {
    // Web Mercator clamped at ±85.05°: a polar place (Antarctica, the North Pole) sits at the clamp.
    const geo::MapProjection mercator;
    place_mercator.clear();
    place_mercator.reserve(extraction.places.size());
    for (const auto& place : extraction.places) {
        place_mercator.push_back(*mercator.forward(place.place.position.lon, place.place.position.lat));
    }
}

void OpenDocument::reapplyCorrections(const geo::Gazetteer& gazetteer) {
    extraction = geo::applyCorrections(document, gazetteer, recognised, corrections);
    refreshPositions();
    claims = geo::findDistanceClaims(document, extraction);
}

OpenDocument OpenDocument::load(const std::string& path, const geo::Gazetteer& gazetteer,
                                const geo::ExtractionProgress& progress) {
    return fromDocument(geo::Document::fromFile(path), gazetteer, path, progress);
}

}  // namespace app
