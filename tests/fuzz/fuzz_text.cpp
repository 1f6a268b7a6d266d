// Fuzz target: text loading and passage splitting. geo::Document::fromString reads the input as a
// whole; app::cli::TextStream reads it in pieces (piece and read sizes from the first two bytes, so
// cuts fall everywhere). Both must give the same verdict (the same message for bad input) and,
// for good input, the same text, passages and offsets; every offset conversion must round-trip.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/cli/text_stream.hpp"
#include "fuzz_check.hpp"
#include "geo/error.hpp"
#include "geo/text.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 2) return 0;
    const std::size_t piece_bytes = 1 + data[0] % 64;
    const std::size_t read_bytes = 1 + data[1] % 16;
    const std::size_t cut_slack_bytes = 1 + (data[0] / 64) * 8 + data[1] / 16;  // 1..32: passages cut inside too
    const std::string bytes(reinterpret_cast<const char*>(data) + 2, size - 2);

    std::optional<geo::Document> whole;
    std::string whole_error;
    try {
        whole = geo::Document::fromString(bytes, "input");
    } catch (const geo::Error& e) {
        whole_error = e.what();
    }
    if (whole) {
        const geo::Document& doc = *whole;
        std::size_t previous_end = 0;
        for (const geo::Passage& p : doc.passages()) {
            FUZZ_CHECK(p.byte_start < p.byte_end && p.byte_end <= doc.text().size());
            FUZZ_CHECK(p.byte_start >= previous_end);
            previous_end = p.byte_end;
            FUZZ_CHECK(doc.byteToCodePoint(p.byte_start) == p.start);
            FUZZ_CHECK(doc.byteToCodePoint(p.byte_end) == p.end);
            FUZZ_CHECK(doc.codePointToByte(p.start) == p.byte_start);
            FUZZ_CHECK(doc.codePointToByte(p.end) == p.byte_end);
            FUZZ_CHECK(doc.passageAtByte(p.byte_start) == p.index);
            FUZZ_CHECK(doc.passageAtByte(p.byte_end - 1) == p.index);
        }
        FUZZ_CHECK(doc.byteToCodePoint(doc.text().size()) == doc.codePointCount());
        FUZZ_CHECK(geo::firstInvalidUtf8(doc.text()) == geo::Document::npos);
    }

    std::string piece_error;
    std::string joined;
    std::vector<geo::Passage> passages;
    std::size_t code_points = 0;
    bool saw_last = false;
    try {
        app::cli::TextStream stream =
            app::cli::TextStream::fromString(bytes, "input", piece_bytes, read_bytes, cut_slack_bytes);
        while (std::optional<app::cli::TextPiece> piece = stream.next()) {
            // Only whitespace is left out between pieces (the run at a cut inside a passage).
            FUZZ_CHECK(whole && piece->code_point_base >= code_points);
            const std::size_t gap_begin = whole->codePointToByte(code_points);
            const std::size_t gap_end = whole->codePointToByte(piece->code_point_base);
            const std::string gap = whole->text().substr(gap_begin, gap_end - gap_begin);
            for (std::size_t i = 0; i < gap.size();) {
                const std::size_t length = geo::passageWhitespaceAt(gap, i);
                FUZZ_CHECK(length > 0);
                i += length;
            }
            joined += gap;
            code_points = piece->code_point_base;
            FUZZ_CHECK(piece->passage_base + (piece->continues_passage ? 1 : 0) == passages.size());
            FUZZ_CHECK(!piece->continues_passage || !passages.empty());
            FUZZ_CHECK(!saw_last);  // nothing after the piece marked last
            saw_last = piece->last;
            for (geo::Passage p : piece->document.passages()) {
                p.index += piece->passage_base;
                p.start += piece->code_point_base;
                p.end += piece->code_point_base;
                p.byte_start += joined.size();
                p.byte_end += joined.size();
                if (p.index + 1 == passages.size()) {  // the rest of the passage cut before
                    passages.back().end = p.end;
                    passages.back().byte_end = p.byte_end;
                    continue;
                }
                passages.push_back(p);
            }
            code_points += piece->document.codePointCount();
            joined += piece->document.text();
        }
        // Whitespace after the last piece.
        if (whole && code_points < whole->codePointCount()) {
            const std::size_t gap_begin = whole->codePointToByte(code_points);
            joined += whole->text().substr(gap_begin);
            code_points = whole->codePointCount();
        }
    } catch (const geo::Error& e) {
        piece_error = e.what();
    }
    if (whole_error != piece_error) {
        std::fprintf(stderr, "whole: '%s'\npieces: '%s'\n", whole_error.c_str(), piece_error.c_str());
        FUZZ_CHECK(whole_error == piece_error);
    }
    if (!whole) return 0;
    FUZZ_CHECK(joined == whole->text());
    FUZZ_CHECK(code_points == whole->codePointCount());
    FUZZ_CHECK(passages.size() == whole->passages().size());
    for (std::size_t i = 0; i < passages.size(); ++i) {
        const geo::Passage& a = passages[i];
        const geo::Passage& b = whole->passages()[i];
        FUZZ_CHECK(a.index == b.index && a.start == b.start && a.end == b.end && a.byte_start == b.byte_start &&
                   a.byte_end == b.byte_end);
    }
    return 0;
}
