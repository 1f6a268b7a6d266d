// app/cli/extract_stream.hpp — `textatlas extract FILE` for texts of any size: finds the places of
// a TextStream piece by piece and writes the JSON of documentJson() (json_output.hpp).
// A text that is one piece (up to TextStream::kDefaultPieceBytes) gives exactly
// documentJson(Document::fromFile(FILE), extractPlaces(…)).dump(2), written element by element
// (never as one JSON tree: a million mentions would take 1.3 GB). A longer one gives the same keys
// and shapes, written as it goes: "mentions" first (as they are found), then "distance_claims",
// "passages" and "places"; only the current piece, one entry per distinct place with its mention
// and passage lists, the passage offsets and the claims are kept in memory. Each piece is resolved
// on its own ("one sense per name" and the support between names hold within a piece); places are
// merged by id, and a place's confidence is the one of the first piece that mentions it. A passage
// cut between pieces is one passage, as in the whole text.
// Does not read --jsonl corpora (jsonl_reader.hpp).
#pragma once
#include <ostream>

#include "app/cli/text_stream.hpp"
#include "geo/gazetteer.hpp"

namespace app::cli {

// Writes the JSON document and a final newline. Throws geo::Error from the stream (a file that
// changed while it was read); the caller checks `out` for write errors.
void writeExtractionJson(TextStream& text, const geo::Gazetteer& gazetteer, std::ostream& out);

}  // namespace app::cli
