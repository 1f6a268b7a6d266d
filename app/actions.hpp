// app/actions.hpp — the small set of changes panels and input may ask for. They are queued during
// a frame and applied once, in order, by applyActions(); nothing else mutates AppState's
// selection or view. Applying needs no GL; screenshots are requested here and written by the viewer.
#pragma once
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "app/framing.hpp"
#include "app/state.hpp"

namespace app {

struct SelectPlace { std::size_t place; bool fly = true; };
struct SelectPassage { std::size_t passage; };   // selects its places and flies to them
struct SelectMention { std::size_t mention; };   // selects its place and flies to it
struct ClearSelection {};
struct SetHover { std::optional<std::size_t> place; std::optional<std::size_t> mention; };
struct PanBy { double dx_px; double dy_px; };   // a drag step: pans; on the globe it turns the globe
struct ZoomAbout { double x_px; double y_px; double delta; };
struct GoHome {};                                // Home: the text's focus; pressed again there, every place
struct FitAll {};                                // View → Fit all places
struct OpenCluster { std::vector<std::size_t> places; };  // zooms to fit them, or fans them out if they share a spot
struct GoToPlace { geo::Place place; };          // "Go to a place": any gazetteer place, pinned
struct ResizeView { int width_px; int height_px; };
struct AdvanceTime { double dt_s; };             // steps the fly-to animation
struct StepMention { int direction; };           // N / P: next or previous mention of the selected place
struct StartTour {};
struct StopTour {};
struct StepTour { int direction; };
struct ToggleTourPlaying {};
struct ActivateDocument { std::size_t other_index; };  // make other_docs[i] the active text
struct OpenedDocument { std::shared_ptr<OpenDocument> doc; };  // a text loaded by the viewer becomes active
struct SetShowOtherTexts { bool show; };
struct ToggleMeasure {};                         // M: the measure tool on / off
struct AddMeasurePoint { geo::LonLat point; };   // a third point starts a new measurement
struct Correct { std::vector<geo::Correction> corrections; };  // one reader edit (built with geo/corrections)
struct Undo {};
struct Redo {};
struct ShowCandidates { std::size_t place; };   // open "choose another place" for a place
struct HideCandidates {};
struct BeginAddPlace { std::size_t byte_start; std::size_t byte_end; };
struct SetAddPlaceSpan { std::size_t byte_start; std::size_t byte_end; };
struct SetAddPlaceOptions { bool picking_on_map; bool this_mention_only; };
struct CancelAddPlace {};
struct PickUserPoint { geo::LonLat point; };    // the map click that places a missed name
struct SetProjection { geo::MapProjectionKind kind; };  // re-centred on the view; keeps the ground scale
struct SetMapSettings { MapSettings settings; };       // the layers panel's edits (projection included)
// add_layer / add_elevation: ask for a layer file / a DEM to add.
struct ShowLayersPanel { bool show; bool add_layer = false; bool add_elevation = false; };
// A DEM file or folder the reader added (Map → Add elevation…), opened as `dems` (one per
// coordinate system of a folder's tiles) and already given to the renderer: kept in the map
// settings by path, and used for elevation profiles.
struct AddElevation { std::string path; std::vector<std::shared_ptr<const geo::Dem>> dems; };
// Takes such a DEM off the map settings and the elevation profiles (the renderer's is removed by the caller).
struct RemoveElevation { std::string path; std::vector<std::shared_ptr<const geo::Dem>> dems; };
struct MarkProjectChanged {};  // the map settings of a text with a project changed: save the project
struct ShowClaim { std::optional<std::size_t> claim; };  // draw a distance claim and fly to it
struct ReportError { std::string message; };
struct ShowStatus { std::string message; };  // one line in the status bar
struct DismissError {};

using Action = std::variant<SelectPlace, SelectPassage, SelectMention, ClearSelection, SetHover, PanBy, ZoomAbout,
                            GoHome, FitAll, OpenCluster, GoToPlace, ResizeView, AdvanceTime, StepMention, StartTour, StopTour, StepTour,
                            ToggleTourPlaying, ActivateDocument, OpenedDocument, SetShowOtherTexts, ToggleMeasure,
                            AddMeasurePoint, Correct, Undo, Redo, ShowCandidates, HideCandidates, BeginAddPlace,
                            SetAddPlaceSpan, SetAddPlaceOptions, CancelAddPlace, PickUserPoint, ShowClaim, SetProjection, SetMapSettings, ShowLayersPanel, MarkProjectChanged, ReportError,
                            DismissError, AddElevation, RemoveElevation, ShowStatus>;

class ActionQueue {
public:
    void push(Action action) { pending_.push_back(std::move(action)); }
    bool empty() const { return pending_.empty(); }
    // Applies every queued action in order and clears the queue.
    void applyAll(AppState& state);

private:
    std::vector<Action> pending_;
};

void apply(AppState& state, const Action& action);

// True while the map changes by itself, with no input: a fly-to, the glide after a drag, a playing
// tour. The viewer draws frames only then, or after an event (idle means idle).
bool movesByItself(const AppState& state);
// Passage indices shown by the passages panel: all passages, or those mentioning the selected place.
std::vector<std::size_t> visiblePassages(const AppState& state);
// The tour's stops: mention indices in reading order, consecutive mentions of one place merged.
std::vector<std::size_t> tourStops(const OpenDocument& doc);

}  // namespace app
