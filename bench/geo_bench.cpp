// Benchmarks of the geoparser: loading the shipped gazetteer, and extraction throughput on the
// seed article and on news corpora (JSON Lines with a "text" field per line). The corpora are read
// at run time from $TEXTATLAS_EVAL_DIR (default /work/shared/eval: lgl.jsonl, geovirus.jsonl);
// a corpus that is not there is skipped. Run: build/bench/geo_bench --benchmark_min_time=2
#include <benchmark/benchmark.h>

#include <cstdlib>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "geo/data_paths.hpp"
#include "geo/error.hpp"
#include "geo/extraction.hpp"
#include "geo/gazetteer.hpp"
#include "geo/text.hpp"

namespace {

const geo::Gazetteer& sharedGazetteer() {
    // Loaded once for all extraction benchmarks (a benchmark binary, not application state).
    static const geo::Gazetteer gazetteer = geo::Gazetteer::load(geo::findDataDir());
    return gazetteer;
}

std::string evalDir() {
    const char* env = std::getenv("TEXTATLAS_EVAL_DIR");
    return env != nullptr && *env != '\0' ? env : "/work/shared/eval";
}

// The documents of one corpus, or empty if the file is missing.
std::vector<geo::Document> readCorpus(const std::string& path) {
    std::vector<geo::Document> docs;
    std::ifstream in(path);
    std::string line;
    while (std::getline(in, line)) {
        const nlohmann::json row = nlohmann::json::parse(line, nullptr, false);
        if (row.is_discarded() || !row.contains("text") || !row["text"].is_string()) continue;
        try {
            docs.push_back(geo::Document::fromString(row["text"].get<std::string>(), path));
        } catch (const geo::Error&) {
            // An empty or invalid text is not part of the measurement.
        }
    }
    return docs;
}

void BM_GazetteerLoad(benchmark::State& state) {
    const std::string dir = geo::findDataDir();
    for (auto _ : state) {
        geo::Gazetteer g = geo::Gazetteer::load(dir);
        benchmark::DoNotOptimize(g.places().size());
    }
}
BENCHMARK(BM_GazetteerLoad)->Unit(benchmark::kMillisecond)->MinTime(2.0);

void extractAll(benchmark::State& state, const std::vector<geo::Document>& docs) {
    const geo::Gazetteer& gazetteer = sharedGazetteer();
    std::size_t bytes = 0;
    for (const geo::Document& d : docs) bytes += d.text().size();
    std::size_t mentions = 0;
    for (auto _ : state) {
        for (const geo::Document& d : docs) mentions += geo::extractPlaces(d, gazetteer).mentions.size();
    }
    benchmark::DoNotOptimize(mentions);
    state.SetBytesProcessed(static_cast<std::int64_t>(state.iterations() * bytes));
    state.counters["documents"] = static_cast<double>(docs.size());
}

void BM_ExtractSeed(benchmark::State& state) {
    std::vector<geo::Document> docs;
    docs.push_back(geo::Document::fromFile(geo::findDataDir() + "/texts/panjshir-valley.txt"));
    extractAll(state, docs);
}
BENCHMARK(BM_ExtractSeed)->Unit(benchmark::kMillisecond);

void BM_ExtractCorpus(benchmark::State& state, const std::string& file) {
    const std::vector<geo::Document> docs = readCorpus(evalDir() + "/" + file);
    if (docs.empty()) {
        state.SkipWithError((evalDir() + "/" + file + ": missing; set TEXTATLAS_EVAL_DIR").c_str());
        return;
    }
    extractAll(state, docs);
}
BENCHMARK_CAPTURE(BM_ExtractCorpus, lgl, std::string("lgl.jsonl"))->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_ExtractCorpus, geovirus, std::string("geovirus.jsonl"))->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
