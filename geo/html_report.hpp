// geo/html_report.hpp — a self-contained HTML report of a text's places, to attach to an e-mail:
// a title, the map as a PNG embedded in a base64 data URI, a table of the places, and for every
// place its facts and the passages that mention it with the mentions highlighted (<mark> for this
// place, <mark class="other"> for other places), then the data attribution. All text is HTML-escaped;
// the file needs nothing beside itself (no scripts, fonts or links to load).
// Does not render the map: the caller passes the PNG bytes (app/render draws them).
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "geo/extraction.hpp"
#include "geo/text.hpp"

namespace geo {

struct HtmlReportOptions {
    std::string title;                     // empty: "Places in <document name>"
    std::string map_png;                   // PNG bytes of the map; empty: the report has no map
    int map_width = 0;                     // the PNG's size in pixels, for the <img> tag
    int map_height = 0;
    std::vector<std::string> attribution;  // one line per data source
};

// The whole HTML document (UTF-8).
std::string buildHtmlReport(const Document& doc, const Extraction& extraction, const HtmlReportOptions& options);

// One passage as HTML: its text escaped, each mention in it wrapped in <mark> when it names
// `place` and in <mark class="other"> when it names another place.
std::string highlightedPassageHtml(const Document& doc, const Extraction& extraction, std::size_t passage,
                                   std::size_t place);

// & < > " ' replaced by their character references.
std::string htmlEscape(std::string_view text);
// RFC 4648 base64 with padding.
std::string base64Encode(std::string_view bytes);

// Writes `contents` to `path` through a temporary file and a rename. Throws geo::Error(Io):
// "PATH: cannot write report (REASON)".
void writeReportFile(const std::string& path, const std::string& contents);

}  // namespace geo
