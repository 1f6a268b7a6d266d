// app/state.hpp — everything the viewer shows, in one value: the open text with its places, the
// selection and hover, the map view and its fly-to animation, messages for the user.
// Panels read AppState and change it only through Actions (actions.hpp), applied once per frame.
// No GL and no ImGui here.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "geo/extraction.hpp"
#include "geo/gazetteer.hpp"
#include "geo/text.hpp"
#include "geo/viewport.hpp"

namespace app {

// A text with its places, loaded through the same geo pipeline as `textatlas extract`.
struct OpenDocument {
    std::string path;
    geo::Document document;
    geo::Extraction extraction;
    std::vector<geo::XY> place_mercator;  // Web Mercator position of each extraction place

    // Reads and extracts; throws geo::Error with a message naming the file.
    static OpenDocument load(const std::string& path, const geo::Gazetteer& gazetteer);
    static OpenDocument fromDocument(geo::Document document, const geo::Gazetteer& gazetteer, std::string path);
};

struct Selection {
    std::optional<std::size_t> place;    // index into extraction.places
    std::optional<std::size_t> passage;  // the passage the user clicked, if any
    std::optional<std::size_t> mention;  // the mention stepped to (N / P, tour, click), if any
};

// Walking the text in reading order: each stop is a mention (consecutive mentions of the same
// place are one stop); the map flies to each stop's place and draws the route so far.
struct Tour {
    std::size_t stop = 0;
    bool playing = false;          // advance by itself every `seconds_per_stop`
    double since_step_s = 0.0;
    double seconds_per_stop = 2.5;
};

struct Hover {
    std::optional<std::size_t> place;    // marker under the mouse, or the place of the hovered mention
    std::optional<std::size_t> mention;  // mention under the mouse in the passages panel
};

// An animated move of the view between two Viewports (ease in-out over `duration_s`).
struct Flight {
    geo::Viewport from;
    geo::Viewport to;
    double elapsed_s = 0.0;
    double duration_s = 0.8;
};

// The measure tool: up to two points; the map shows the geodesic between them with its length.
struct Measure {
    std::vector<geo::LonLat> points;  // 0, 1 or 2 points
};

struct AppState {
    std::unique_ptr<OpenDocument> doc;                      // the active text; selection refers to it
    std::vector<std::unique_ptr<OpenDocument>> other_docs;  // other open texts, in opening order
    bool show_other_texts = true;        // draw the other texts' places too (muted)
    Selection selection;
    Hover hover;
    geo::Viewport view{1280, 800, geo::XY{0, 0}, 2.0};
    std::optional<Flight> flight;
    int panel_width_px = 440;            // the passages panel covers the left of the map
    bool scroll_passages_to_top = false; // set when the list of shown passages changes
    bool scroll_to_mention = false;      // set when selection.mention changes: the panel scrolls to it
    std::optional<Tour> tour;
    std::optional<Measure> measure;      // set while the measure tool is on
    std::string status;                  // one line at the bottom of the window
    std::string error;                   // shown in a modal dialog until dismissed
    std::string screenshot_dir = ".";    // where F12 writes
    std::string last_screenshot;         // path of the last screenshot written
    bool quit_requested = false;
};

}  // namespace app
