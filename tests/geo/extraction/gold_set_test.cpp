// The geoparsing gold set (tests/data/geoparse_gold): texts about a dozen regions written for this
// project, places marked as [name](lat,lon). Recognition and resolution are scored as the published
// corpora are (a span matches when the text is the same and the midpoints are less than 10
// characters apart; a resolved place counts within 161 km of its point, or of its course or inside
// its outline where geo::PlaceShapes has one), and a change that breaks geoparsing
// anywhere on Earth fails here. Every miss, false alarm and misplaced place is printed.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "geo/data_paths.hpp"
#include "geo/extraction.hpp"
#include "geo/place_shapes.hpp"

namespace fs = std::filesystem;

namespace {

struct GoldPlace {
    std::size_t start = 0, end = 0;  // bytes into the plain text
    std::string name;
    double lat = 0.0, lon = 0.0;
};

struct GoldText {
    std::string file;
    std::string text;  // without the markup
    std::vector<GoldPlace> places;
};

// "[Kyiv](50.45,30.52)" → the text "Kyiv" with a gold place over it.
GoldText parseGold(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream buffer;
    buffer << in.rdbuf();
    const std::string marked = buffer.str();
    GoldText out;
    out.file = path.filename().string();
    static const std::regex place(R"(\[([^\]]+)\]\((-?[0-9.]+),(-?[0-9.]+)\))");
    std::size_t copied = 0;
    for (auto it = std::sregex_iterator(marked.begin(), marked.end(), place); it != std::sregex_iterator(); ++it) {
        const std::smatch& m = *it;
        out.text += marked.substr(copied, static_cast<std::size_t>(m.position(0)) - copied);
        GoldPlace g;
        g.name = m[1].str();
        g.start = out.text.size();
        out.text += g.name;
        g.end = out.text.size();
        g.lat = std::stod(m[2].str());
        g.lon = std::stod(m[3].str());
        out.places.push_back(g);
        copied = static_cast<std::size_t>(m.position(0) + m.length(0));
    }
    out.text += marked.substr(copied);
    return out;
}

double greatCircleKm(double lat1, double lon1, double lat2, double lon2) {
    constexpr double kRad = 3.14159265358979323846 / 180.0;
    const double dp = (lat2 - lat1) * kRad, dl = (lon2 - lon1) * kRad;
    const double a = std::sin(dp / 2) * std::sin(dp / 2) +
                     std::cos(lat1 * kRad) * std::cos(lat2 * kRad) * std::sin(dl / 2) * std::sin(dl / 2);
    return 2 * 6371.0088 * std::asin(std::min(1.0, std::sqrt(a)));
}

// 0 inside an area; else the distance to the nearest vertex of the outline or course.
double distanceToShapeKm(const geo::PlaceShape& shape, double lat, double lon) {
    double best = 1e9;
    for (const auto& polygon : shape.polygons) {
        bool inside = false;
        const auto& ring = polygon.front();
        for (std::size_t i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
            if ((ring[i].lat > lat) != (ring[j].lat > lat) &&
                lon < ring[i].lon + (lat - ring[i].lat) * (ring[j].lon - ring[i].lon) / (ring[j].lat - ring[i].lat)) {
                inside = !inside;
            }
        }
        if (inside) return 0.0;
        for (const geo::LonLat& p : ring) best = std::min(best, greatCircleKm(lat, lon, p.lat, p.lon));
    }
    for (const auto& line : shape.lines) {
        for (const geo::LonLat& p : line) best = std::min(best, greatCircleKm(lat, lon, p.lat, p.lon));
    }
    return best;
}

TEST(GoldSet, EveryRegionIsReadAndPlaced) {
    const fs::path dir = fs::path(TEXTATLAS_TEST_DATA_DIR) / "geoparse_gold";
    std::vector<fs::path> files;
    for (const auto& entry : fs::directory_iterator(dir)) {
        if (entry.path().extension() == ".txt") files.push_back(entry.path());
    }
    std::sort(files.begin(), files.end());
    ASSERT_GE(files.size(), 10u);
    const geo::Gazetteer gazetteer = geo::Gazetteer::load(geo::findDataDir());
    const geo::PlaceShapes shapes(geo::findDataDir());  // built at setup; without it, points only

    std::size_t gold_total = 0, predicted_total = 0, matched = 0, within = 0;
    std::ostringstream report;
    for (const fs::path& file : files) {
        const GoldText gold = parseGold(file);
        ASSERT_FALSE(gold.places.empty()) << file;
        const geo::Extraction ex = geo::extractPlaces(geo::Document::fromString(gold.text, gold.file), gazetteer);
        std::vector<const geo::Mention*> predicted;
        for (const geo::Mention& m : ex.mentions) {
            if (m.kind == geo::MentionKind::Toponym) predicted.push_back(&m);
        }
        gold_total += gold.places.size();
        predicted_total += predicted.size();
        std::vector<bool> used(predicted.size(), false);
        for (const GoldPlace& g : gold.places) {
            const double gold_mid = (g.start + g.end) / 2.0;
            std::size_t hit = predicted.size();
            for (std::size_t k = 0; k < predicted.size() && hit == predicted.size(); ++k) {
                const geo::Mention& m = *predicted[k];
                const double mid = (m.byte_start + m.byte_end) / 2.0;
                if (!used[k] && m.text == g.name && std::abs(mid - gold_mid) < 10) hit = k;
            }
            if (hit == predicted.size()) {
                report << gold.file << ": missed " << g.name << "\n";
                continue;
            }
            used[hit] = true;
            ++matched;
            const geo::Place& p = ex.places[predicted[hit]->place].place;
            double km = greatCircleKm(g.lat, g.lon, p.position.lat, p.position.lon);
            // A river is placed wherever along its course, a region anywhere inside its outline.
            if (const auto shape = shapes.find(p.id)) km = std::min(km, distanceToShapeKm(*shape, g.lat, g.lon));
            if (km <= 161.0) {
                ++within;
            } else {
                report << gold.file << ": " << g.name << " placed at " << p.name << " (" << p.id << ", "
                       << static_cast<int>(km) << " km off)\n";
            }
        }
        for (std::size_t k = 0; k < predicted.size(); ++k) {
            if (!used[k]) report << gold.file << ": false alarm " << predicted[k]->text << " ("
                                 << ex.places[predicted[k]->place].place.id << ")\n";
        }
    }
    const double precision = predicted_total ? double(matched) / predicted_total : 0.0;
    const double recall = gold_total ? double(matched) / gold_total : 0.0;
    const double f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0.0;
    const double acc161 = matched ? double(within) / matched : 0.0;
    std::printf("gold set: %zu places in %zu texts; P %.3f R %.3f F1 %.3f acc@161 %.3f\n%s", gold_total, files.size(),
                precision, recall, f1, acc161, report.str().c_str());
    RecordProperty("f1", std::to_string(f1));
    RecordProperty("acc161", std::to_string(acc161));
    // Floors a little under what the method reaches today (docs/geoparsing.md): room for a
    // deliberate trade, none for a regression.
    EXPECT_GE(f1, 0.95) << report.str();
    EXPECT_GE(acc161, 0.95) << report.str();
}

}  // namespace
