// app/state.hpp — everything the viewer shows, in one value: the open text with its places, the
// selection and hover, the map view and its fly-to animation, messages for the user.
// Panels read AppState and change it only through Actions (actions.hpp), applied once per frame.
// No GL and no ImGui here.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "geo/corrections.hpp"
#include "geo/dem.hpp"
#include "geo/distance_claims.hpp"
#include "geo/elevation_profile.hpp"
#include "geo/extraction.hpp"
#include "geo/gazetteer.hpp"
#include "geo/place_shapes.hpp"
#include "geo/text.hpp"
#include "geo/viewport.hpp"
#include "app/map_settings.hpp"
#include "geo/map_projection.hpp"

namespace app {

// A text with its places, loaded through the same geo pipeline as `textatlas extract`.
struct OpenDocument {
    std::string path;
    geo::Document document;
    geo::Extraction extraction;
    std::vector<geo::XY> place_mercator;  // Web Mercator position of each extraction place
    geo::Extraction recognised;                // what the recogniser found, before the reader's corrections
    std::vector<geo::Correction> corrections;  // the reader's edits in order: the undo history
    std::vector<geo::Correction> redo;         // undone edits, the most recent last
    std::uint64_t next_edit = 1;               // groups the corrections of one reader action
    std::vector<geo::DistanceClaim> claims;    // "about 100 miles north of Kabul", checked against the places
    // (Last, so that positional initialisation of the fields above still works.)
    // Each place's position in the map's projection, as app::placePosition (scene.hpp) last
    // computed it: a cache, refreshed there when the projection or a place's lon/lat changes.
    struct ProjectedPlace {
        geo::LonLat from;
        std::optional<geo::XY> xy;  // none: the projection does not show it (far side of the globe)
    };
    mutable std::uint64_t projected_for = 0;  // geo::MapProjection::id() of the cached positions
    mutable std::vector<ProjectedPlace> projected;

    OpenDocument(std::string text_path, geo::Document text, geo::Extraction places)
        : path(std::move(text_path)), document(std::move(text)), extraction(std::move(places)) {}

    // Reads and extracts; throws geo::Error with a message naming the file.
    // `progress` (may be empty) hears how far the extraction is and may cancel it (geo::Cancelled).
    static OpenDocument load(const std::string& path, const geo::Gazetteer& gazetteer,
                             const geo::ExtractionProgress& progress = {});
    static OpenDocument fromDocument(geo::Document document, const geo::Gazetteer& gazetteer, std::string path,
                                     const geo::ExtractionProgress& progress = {});
    // Re-applies `corrections` to `recognised`; refreshes extraction and place positions.
    void reapplyCorrections(const geo::Gazetteer& gazetteer);
    // Recomputes place_mercator from extraction.places.
    void refreshPositions();
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
    std::optional<geo::ElevationProfile> profile;  // along the geodesic, once there are two points
};

// A cluster opened where its places share one spot (no zoom separates them): its members are
// drawn fanned out round the spot until the view moves or another place is chosen.
struct SpreadCluster {
    std::vector<std::size_t> places;  // places of the active text
    geo::LonLat spot;                 // the leader's position
};

// A gazetteer place found with "Go to a place" (any place, not only the text's).
struct FoundPlace {
    geo::Place place;
};

// "Add a place the program missed": the words chosen in a passage, waiting for a target (a
// gazetteer entry, or a point clicked on the map when `picking_on_map`).
struct AddPlaceDraft {
    std::size_t byte_start = 0;
    std::size_t byte_end = 0;
    bool picking_on_map = false;
    bool this_mention_only = false;
};

// The selected place's outline (an area) or course (a line), from geo::PlaceShapes, in the map's
// plane: what app::selectedShape (scene.hpp) last made, kept while the place and projection stay.
struct ProjectedShape {
    std::string place_id;
    std::uint64_t projected_for = 0;       // geo::MapProjection::id()
    bool area = true;
    std::vector<std::vector<geo::XY>> parts;  // rings or lines, broken where the projection shows nothing
    double west = 0, south = 0, east = 0, north = 0;  // lon/lat bounds
};

// The outlines of area places prepared for point tests (app/framing's areaCovers), by place id.
class PreparedAreas;

struct AppState {
    std::unique_ptr<OpenDocument> doc;                      // the active text; selection refers to it
    std::vector<std::unique_ptr<OpenDocument>> other_docs;  // other open texts, in opening order
    bool show_other_texts = true;        // draw the other texts' places too (muted)
    Selection selection;
    Hover hover;
    geo::Viewport view{1280, 800, geo::XY{0, 0}, 2.0};  // a camera over `projection`'s plane metres
    std::optional<Flight> flight;
    geo::MapProjection projection;       // the map's projection (Web Mercator by default)
    MapSettings map;                     // layers, terrain, furniture: the layers panel edits these
    geo::XY pan_velocity_px_s;           // inertial pan: the drag's last speed, decaying after release
    double since_pan_s = 1e9;            // time since the last PanBy
    bool show_layers_panel = false;      // Map → Layers…
    bool add_layer_requested = false;    // Map → Add layer…: the layers panel opens its file dialog
    bool add_elevation_requested = false;  // Map → Add elevation…: the layers panel opens its DEM dialog
    int panel_width_px = 440;            // the passages panel covers the left of the map (view pixels)
    int map_top_px = 0;                  // the menu bar covers this much of the map's top (view pixels)
    int map_bottom_px = 0;               // and the status bar this much of its bottom
    // HiDPI: the monitor's content scale. `view` is in framebuffer pixels; markers, line widths and
    // the overlay (labels, scale bar…) are drawn this many times their standard size, so they keep
    // their physical size. Dear ImGui's coordinates are window units: ImGuiIO::DisplayFramebufferScale
    // converts them to view pixels.
    float ui_scale = 1.0f;
    bool scroll_passages_to_top = false; // set when the list of shown passages changes
    bool scroll_to_mention = false;      // set when selection.mention changes: the panel scrolls to it
    std::optional<Tour> tour;
    std::optional<Measure> measure;      // set while the measure tool is on
    std::optional<SpreadCluster> spread; // a cluster whose places share a spot, fanned out round it
    std::optional<FoundPlace> found;     // the gazetteer place "Go to a place" flew to, pinned on the map
    const geo::Gazetteer* gazetteer = nullptr;   // for corrections; owned by whoever loaded the texts
    const geo::PlaceShapes* shapes = nullptr;    // outlines of countries, provinces, rivers (may be null)
    mutable std::optional<ProjectedShape> selected_shape;  // a cache: see app::selectedShape
    mutable std::shared_ptr<PreparedAreas> prepared_areas;  // a cache: see app::areaCovers
    // Elevation profiles sample the finest of the user's DEMs (coarsest first) that covers a point,
    // else the world relief (owned with the basemap). The DEMs: --dem, the XDG dem folder and
    // those added with Map → Add elevation… (their paths are in map.dems).
    const geo::Dem* relief = nullptr;
    std::vector<std::shared_ptr<const geo::Dem>> dems;
    std::optional<std::size_t> shown_claim;       // the distance claim drawn on the map
    std::optional<std::size_t> choosing_for;      // "choose another place" is open for this place
    std::vector<geo::CandidateView> candidates;   // its alternatives, drawn on the map while open
    std::optional<AddPlaceDraft> add_place;
    bool project_dirty = false;                   // corrections changed since the project was saved
    std::string status;                  // one line at the bottom of the window
    std::string error;                   // shown in a modal dialog until dismissed
    std::string screenshot_dir = ".";    // where F12 writes
    std::string last_screenshot;         // path of the last screenshot written
    bool quit_requested = false;
};

}  // namespace app
