#include "geo/html_report.hpp"

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

#include "geo/atomic_file.hpp"
#include "geo/error.hpp"

namespace geo {

namespace {

constexpr const char* kStyle = R"(
body{font-family:"DejaVu Sans",Helvetica,Arial,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#1a1a1a;line-height:1.5}
h1{font-size:1.7rem;margin-bottom:.2rem}
.meta{color:#555;margin-top:0}
figure{margin:1rem 0}
figure img{max-width:100%;height:auto;border:1px solid #bbb}
table{border-collapse:collapse;width:100%;font-size:.92rem}
th,td{text-align:left;padding:.25rem .5rem;border-bottom:1px solid #ddd}
td.n{text-align:right}
section.place{margin-top:1.6rem}
section.place h3{margin-bottom:.1rem}
.facts{color:#555;margin-top:0;font-size:.9rem}
blockquote{margin:.6rem 0;padding:.4rem .8rem;border-left:4px solid #d7301f;background:#faf7f2}
mark{background:#ffd60a;padding:0 .1em}
mark.other{background:#e8e4da}
footer{margin-top:2.5rem;border-top:1px solid #ccc;color:#555;font-size:.85rem}
)";

std::string formatNumber(const char* format, double value) {
    char text[64];
    std::snprintf(text, sizeof text, format, value);
    return text;
}

std::string formatPosition(const LonLat& p) {
    return formatNumber("%.4f", std::abs(p.lat)) + "\u00b0 " + (p.lat >= 0 ? "N" : "S") + ", " +
           formatNumber("%.4f", std::abs(p.lon)) + "\u00b0 " + (p.lon >= 0 ? "E" : "W");
}

std::string plural(std::size_t n, const char* one, const char* many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

std::string placeAnchor(std::size_t place) { return "place-" + std::to_string(place + 1); }

}  // namespace

std::string htmlEscape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (const char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string base64Encode(std::string_view bytes) {
    static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 3 <= bytes.size(); i += 3) {
        const unsigned v = (static_cast<unsigned char>(bytes[i]) << 16) |
                           (static_cast<unsigned char>(bytes[i + 1]) << 8) | static_cast<unsigned char>(bytes[i + 2]);
        out += kAlphabet[(v >> 18) & 63];
        out += kAlphabet[(v >> 12) & 63];
        out += kAlphabet[(v >> 6) & 63];
        out += kAlphabet[v & 63];
    }
    const std::size_t rest = bytes.size() - i;
    if (rest > 0) {
        unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
        if (rest == 2) v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
        out += kAlphabet[(v >> 18) & 63];
        out += kAlphabet[(v >> 12) & 63];
        out += rest == 2 ? kAlphabet[(v >> 6) & 63] : '=';
        out += '=';
    }
    return out;
}

std::string highlightedPassageHtml(const Document& doc, const Extraction& extraction, std::size_t passage_index,
                                   std::size_t place) {
    if (passage_index >= doc.passages().size()) return std::string();
    const Passage& passage = doc.passages()[passage_index];
    // Mentions are in text order, so the passage's mentions are one run found by binary search.
    const auto first = std::lower_bound(extraction.mentions.begin(), extraction.mentions.end(), passage.byte_start,
                                        [](const Mention& m, std::size_t byte) { return m.byte_start < byte; });
    std::string html;
    std::size_t cursor = passage.byte_start;
    for (auto it = first; it != extraction.mentions.end() && it->byte_start < passage.byte_end; ++it) {
        // A mention overlapping the previous one, or running past the passage, is left unmarked.
        if (it->byte_start < cursor || it->byte_end > passage.byte_end || it->byte_end <= it->byte_start) continue;
        html += htmlEscape(doc.slice(cursor, it->byte_start));
        html += it->place == place ? "<mark>" : "<mark class=\"other\">";
        html += htmlEscape(doc.slice(it->byte_start, it->byte_end));
        html += "</mark>";
        cursor = it->byte_end;
    }
    html += htmlEscape(doc.slice(cursor, passage.byte_end));
    return html;
}

std::string buildHtmlReport(const Document& doc, const Extraction& extraction, const HtmlReportOptions& options) {
    const std::string document_name = std::filesystem::path(doc.name()).filename().string();
    const std::string title = options.title.empty() ? "Places in " + document_name : options.title;

    std::string html;
    html += "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    html += "<meta name=\"generator\" content=\"Text Atlas " TEXTATLAS_VERSION "\">\n";
    html += "<title>" + htmlEscape(title) + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n";
    html += "<h1>" + htmlEscape(title) + "</h1>\n";
    html += "<p class=\"meta\">Source: " + htmlEscape(document_name) + " \u00b7 " +
            plural(extraction.places.size(), "place", "places") + " \u00b7 " +
            plural(extraction.mentions.size(), "mention", "mentions") + " \u00b7 " +
            plural(doc.passages().size(), "passage", "passages") + "</p>\n";

    if (!options.map_png.empty()) {
        html += "<figure><img alt=\"Map of the places named in " + htmlEscape(document_name) + "\"";
        if (options.map_width > 0 && options.map_height > 0) {
            html += " width=\"" + std::to_string(options.map_width) + "\" height=\"" +
                    std::to_string(options.map_height) + "\"";
        }
        html += " src=\"data:image/png;base64," + base64Encode(options.map_png) + "\"></figure>\n";
    }

    html += "<h2>Places</h2>\n<table>\n<thead><tr><th>Place</th><th>Kind</th><th>Country</th><th>Position</th>"
            "<th class=\"n\">Mentions</th><th class=\"n\">Confidence</th></tr></thead>\n<tbody>\n";
    for (std::size_t i = 0; i < extraction.places.size(); ++i) {
        const ResolvedPlace& resolved = extraction.places[i];
        html += "<tr><td><a href=\"#" + placeAnchor(i) + "\">" + htmlEscape(resolved.place.name) + "</a></td><td>" +
                htmlEscape(toString(resolved.place.kind)) + "</td><td>" + htmlEscape(resolved.place.country) +
                "</td><td>" + formatPosition(resolved.place.position) + "</td><td class=\"n\">" +
                std::to_string(resolved.mentions.size()) + "</td><td class=\"n\">" +
                formatNumber("%.2f", resolved.confidence) + "</td></tr>\n";
    }
    html += "</tbody>\n</table>\n";

    for (std::size_t i = 0; i < extraction.places.size(); ++i) {
        const ResolvedPlace& resolved = extraction.places[i];
        html += "<section class=\"place\" id=\"" + placeAnchor(i) + "\">\n<h3>" + htmlEscape(resolved.place.name) +
                "</h3>\n";
        html += "<p class=\"facts\">" + htmlEscape(toString(resolved.place.kind)) +
                (resolved.place.country.empty() ? "" : " \u00b7 " + htmlEscape(resolved.place.country)) + " \u00b7 " +
                formatPosition(resolved.place.position) + " \u00b7 " +
                plural(resolved.mentions.size(), "mention", "mentions") + " in " +
                plural(resolved.passages.size(), "passage", "passages") + " \u00b7 confidence " +
                formatNumber("%.2f", resolved.confidence) + " \u00b7 " + htmlEscape(resolved.place.id) + "</p>\n";
        for (std::size_t passage : resolved.passages) {
            html += "<blockquote><p>" + highlightedPassageHtml(doc, extraction, passage, i) + "</p></blockquote>\n";
        }
        html += "</section>\n";
    }

    html += "<footer>\n<p>Made with Text Atlas " TEXTATLAS_VERSION ".</p>\n";
    for (const std::string& line : options.attribution) html += "<p>" + htmlEscape(line) + "</p>\n";
    html += "</footer>\n</body>\n</html>\n";
    return html;
}

void writeReportFile(const std::string& path, const std::string& contents) {
    writeFileAtomically(path, contents, "report");
}

}  // namespace geo
