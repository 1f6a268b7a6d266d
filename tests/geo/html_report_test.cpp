// The HTML report: text is escaped, every place has a section with its passages, every mention is
// highlighted (the place's own in <mark>, others in <mark class="other">), the map is embedded as a
// base64 data URI that decodes to the bytes given, and nothing outside the file is referenced.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

#include "geo/error.hpp"
#include "geo/html_report.hpp"

namespace {

namespace fs = std::filesystem;

const std::string kText =
    "Kabul lies below the Hindu Kush. From Kabul the road climbs north.\n"
    "\n"
    "The Panjshir Valley <b>\"opens\"</b> & narrows near Bazarak.\n"
    "\n"
    "Nothing here.\n";

geo::Mention mentionOf(const geo::Document& doc, const std::string& word, std::size_t occurrence, std::size_t place,
                       std::size_t passage) {
    std::size_t at = doc.text().find(word);
    for (std::size_t i = 0; i < occurrence; ++i) at = doc.text().find(word, at + 1);
    geo::Mention m;
    m.byte_start = at;
    m.byte_end = at + word.size();
    m.start = doc.byteToCodePoint(m.byte_start);
    m.end = doc.byteToCodePoint(m.byte_end);
    m.text = word;
    m.place = place;
    m.passage = passage;
    return m;
}

struct Sample {
    geo::Document doc = geo::Document::fromString(kText, "notes/sample<1>.txt");
    geo::Extraction extraction;

    Sample() {
        const char* names[] = {"Kabul", "Panjshir Valley", "Bazarak"};
        for (const char* name : names) {
            geo::ResolvedPlace r;
            r.place.name = name;
            r.place.id = std::string("test:") + name;
            r.place.position = geo::LonLat(69.2, 34.5);
            r.place.country = "AF";
            r.confidence = 0.9;
            extraction.places.push_back(r);
        }
        extraction.mentions = {mentionOf(doc, "Kabul", 0, 0, 0), mentionOf(doc, "Kabul", 1, 0, 0),
                               mentionOf(doc, "Panjshir Valley", 0, 1, 1), mentionOf(doc, "Bazarak", 0, 2, 1)};
        extraction.places[0].mentions = {0, 1};
        extraction.places[0].passages = {0};
        extraction.places[1].mentions = {2};
        extraction.places[1].passages = {1};
        extraction.places[2].mentions = {3};
        extraction.places[2].passages = {1};
    }
};

std::size_t countOf(const std::string& haystack, const std::string& needle) {
    std::size_t n = 0;
    for (std::size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
    return n;
}

// An independent decoder, to check that the embedded map is the bytes that were given.
std::string base64Decode(const std::string& text) {
    const std::string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    unsigned buffer = 0;
    int bits = 0;
    for (char c : text) {
        if (c == '=') break;
        buffer = (buffer << 6) | static_cast<unsigned>(alphabet.find(c));
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((buffer >> bits) & 0xff);
        }
    }
    return out;
}

TEST(HtmlReport, Base64MatchesRfc4648TestVectors) {
    EXPECT_EQ(geo::base64Encode(""), "");
    EXPECT_EQ(geo::base64Encode("f"), "Zg==");
    EXPECT_EQ(geo::base64Encode("fo"), "Zm8=");
    EXPECT_EQ(geo::base64Encode("foo"), "Zm9v");
    EXPECT_EQ(geo::base64Encode("foob"), "Zm9vYg==");
    EXPECT_EQ(geo::base64Encode("fooba"), "Zm9vYmE=");
    EXPECT_EQ(geo::base64Encode("foobar"), "Zm9vYmFy");
    EXPECT_EQ(geo::base64Encode(std::string("\xff\x00\xfe", 3)), "/wD+");
}

TEST(HtmlReport, EscapesMarkupCharacters) {
    EXPECT_EQ(geo::htmlEscape("<a href=\"x\">Tom & Jerry's</a>"),
              "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
    EXPECT_EQ(geo::htmlEscape("Mazār-i-Sharīf"), "Mazār-i-Sharīf");
}

TEST(HtmlReport, PassageMarksThePlacesOwnMentionsAndOthersApart) {
    const Sample s;
    EXPECT_EQ(geo::highlightedPassageHtml(s.doc, s.extraction, 0, 0),
              "<mark>Kabul</mark> lies below the Hindu Kush. From <mark>Kabul</mark> the road climbs north.");
    EXPECT_EQ(geo::highlightedPassageHtml(s.doc, s.extraction, 1, 2),
              "The <mark class=\"other\">Panjshir Valley</mark> &lt;b&gt;&quot;opens&quot;&lt;/b&gt; &amp; narrows "
              "near <mark>Bazarak</mark>.");
    EXPECT_EQ(geo::highlightedPassageHtml(s.doc, s.extraction, 2, 0), "Nothing here.");
    EXPECT_EQ(geo::highlightedPassageHtml(s.doc, s.extraction, 99, 0), "");
}

TEST(HtmlReport, EveryPlaceHasItsPassagesWithEveryMentionHighlighted) {
    const Sample s;
    geo::HtmlReportOptions options;
    options.title = "Panjshir <draft>";
    options.map_png = std::string("\x89PNG\r\n\x1a\n\x00\x01\x02 fake", 16);
    options.map_width = 640;
    options.map_height = 480;
    options.attribution = {"Places: GeoNames (CC BY 4.0)", "Elevation & borders: NE"};
    const std::string html = geo::buildHtmlReport(s.doc, s.extraction, options);

    EXPECT_EQ(html.rfind("<!DOCTYPE html>", 0), 0u);
    EXPECT_NE(html.find("<title>Panjshir &lt;draft&gt;</title>"), std::string::npos);
    EXPECT_NE(html.find("Source: sample&lt;1&gt;.txt"), std::string::npos);
    EXPECT_EQ(countOf(html, "<section class=\"place\""), s.extraction.places.size());
    // Each mention lies in a passage of its place, so each is marked once as its place's own.
    EXPECT_EQ(countOf(html, "<mark>"), s.extraction.mentions.size());
    // The shared second paragraph appears under the valley and under Bazarak, each marking the other.
    EXPECT_EQ(countOf(html, "<mark class=\"other\">"), 2u);
    EXPECT_EQ(countOf(html, "<blockquote>"), 3u);
    // The text's own markup never reaches the page as markup.
    EXPECT_EQ(html.find("<b>"), std::string::npos);
    EXPECT_NE(html.find("Elevation &amp; borders: NE"), std::string::npos);

    const std::string prefix = "src=\"data:image/png;base64,";
    const std::size_t at = html.find(prefix);
    ASSERT_NE(at, std::string::npos);
    const std::size_t start = at + prefix.size();
    EXPECT_EQ(base64Decode(html.substr(start, html.find('"', start) - start)), options.map_png);
    EXPECT_NE(html.find("width=\"640\" height=\"480\""), std::string::npos);

    // Self-contained: the only src is the data URI; no scripts, stylesheets or remote links.
    EXPECT_EQ(countOf(html, "src="), 1u);
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_EQ(html.find("<link"), std::string::npos);
    EXPECT_EQ(html.find("http"), std::string::npos);
}

TEST(HtmlReport, WithoutAMapThereIsNoImage) {
    const Sample s;
    const std::string html = geo::buildHtmlReport(s.doc, s.extraction, {});
    EXPECT_EQ(html.find("<img"), std::string::npos);
    EXPECT_NE(html.find("<title>Places in sample&lt;1&gt;.txt</title>"), std::string::npos);
}

TEST(HtmlReport, WritesAtomicallyAndNamesAMissingFolder) {
    const fs::path dir = fs::temp_directory_path() / ("textatlas-report-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    const fs::path path = dir / "report.html";
    geo::writeReportFile(path.string(), "<p>one</p>");
    geo::writeReportFile(path.string(), "<p>two</p>");
    std::ifstream in(path);
    const std::string back((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    EXPECT_EQ(back, "<p>two</p>");
    EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 1);

    const std::string missing = (dir / "nope" / "report.html").string();
    try {
        geo::writeReportFile(missing, "x");
        FAIL() << "expected geo::Error";
    } catch (const geo::Error& e) {
        EXPECT_EQ(e.kind(), geo::ErrorKind::Io);
        EXPECT_EQ(std::string(e.what()), missing + ": cannot write report (directory does not exist)");
    }
    fs::remove_all(dir);
}

}  // namespace
