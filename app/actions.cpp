#include "app/actions.hpp"

#include <algorithm>
#include <cmath>
#include <type_traits>

#include "app/framing.hpp"
#include "app/scene.hpp"

namespace app {
namespace {

constexpr double kFlightSeconds = 0.8;
// Web Mercator's world, one copy wide, in plane metres.
constexpr double kWorldWidth = 2.0 * geo::kWebMercatorHalfWorld;

void flyTo(AppState& state, const geo::Viewport& target) {
    state.flight = Flight{state.view, target, 0.0, kFlightSeconds};
    state.spread.reset();
}

// Where the view is going: the flight's end, or the view itself.
const geo::Viewport& viewHeadedFor(const AppState& state) { return state.flight ? state.flight->to : state.view; }

// The pixel distance below which two markers of these places overlap (and would be clustered).
bool markersOverlap(const AppState& state, const geo::Viewport& view, std::size_t a, std::size_t b) {
    const auto pa = placePosition(state, *state.doc, a), pb = placePosition(state, *state.doc, b);
    if (!pa || !pb) return false;
    const geo::XY qa = view.toPixel(*pa), qb = view.toPixel(*pb);
    const auto& places = state.doc->extraction.places;
    const double reach = (markerRadiusPx(places[a].mentions.size()) + markerRadiusPx(places[b].mentions.size())) *
                         double(state.ui_scale);
    return std::hypot(qa.x - qb.x, qa.y - qb.y) < reach;
}

// A cluster clicked: fly to the view that fits its places if that separates them (or at least
// zooms in); where they share a spot no zoom the data allows separates, fan them out instead.
void openCluster(AppState& state, const std::vector<std::size_t>& members) {
    std::vector<std::size_t> places;
    for (std::size_t p : members)
        if (p < state.doc->extraction.places.size()) places.push_back(p);
    if (places.empty()) return;
    if (places.size() == 1) {
        flyTo(state, fitPlaces(state, places));
        return;
    }
    const geo::Viewport target = fitPlaces(state, places);
    bool separate = true;
    for (std::size_t i = 0; i < places.size() && separate; ++i)
        for (std::size_t j = i + 1; j < places.size() && separate; ++j)
            separate = !markersOverlap(state, target, places[i], places[j]);
    if (separate || target.zoom() > state.view.zoom() + 0.5) {
        flyTo(state, target);
        return;
    }
    state.flight.reset();
    state.spread = SpreadCluster{places, state.doc->extraction.places[places.front()].place.position};
}

std::vector<std::size_t> placesOfPassage(const OpenDocument& doc, std::size_t passage) {
    std::vector<std::size_t> places;
    for (const auto& mention : doc.extraction.mentions)
        if (mention.passage == passage && std::find(places.begin(), places.end(), mention.place) == places.end())
            places.push_back(mention.place);
    return places;
}

// Selects a mention: its place, its passage; scrolls the panel to it and flies the map there.
void selectMention(AppState& state, std::size_t mention_index) {
    const auto& mention = state.doc->extraction.mentions[mention_index];
    const bool same_place = state.selection.place == mention.place;
    state.selection = Selection{mention.place, mention.passage, mention_index};
    state.scroll_to_mention = true;
    if (!same_place) state.scroll_passages_to_top = true;
    flyTo(state, fitPlaces(state, {mention.place}));
}

void stepTour(AppState& state, int direction) {
    if (!state.doc || !state.tour) return;
    const auto stops = tourStops(*state.doc);
    if (stops.empty()) return;
    const long next = long(state.tour->stop) + direction;
    if (next < 0 || next >= long(stops.size())) {
        state.tour->playing = false;  // the end (or start) of the text
        return;
    }
    state.tour->stop = std::size_t(next);
    state.tour->since_step_s = 0.0;
    selectMention(state, stops[state.tour->stop]);
}

void makeActive(AppState& state, std::unique_ptr<OpenDocument> doc) {
    if (state.doc) state.other_docs.push_back(std::move(state.doc));
    state.doc = std::move(doc);
    state.selection = Selection{};
    state.hover = Hover{};
    state.tour.reset();
    state.shown_claim.reset();
    state.choosing_for.reset();
    state.candidates.clear();
    state.add_place.reset();
    state.spread.reset();
    state.scroll_passages_to_top = true;
}

// After the places were rebuilt, keeps the selection on the place with the same id if it survived.
void refreshAfterCorrection(AppState& state, const std::optional<std::string>& selected_id) {
    state.doc->reapplyCorrections(*state.gazetteer);
    state.selection = Selection{};
    state.hover = Hover{};
    state.tour.reset();
    state.choosing_for.reset();
    state.candidates.clear();
    state.shown_claim.reset();
    state.spread.reset();
    state.scroll_passages_to_top = true;
    state.project_dirty = true;
    if (selected_id)
        for (std::size_t i = 0; i < state.doc->extraction.places.size(); ++i)
            if (state.doc->extraction.places[i].place.id == *selected_id) state.selection.place = i;
}

std::optional<std::string> selectedId(const AppState& state) {
    if (!state.doc || !state.selection.place) return std::nullopt;
    return state.doc->extraction.places[*state.selection.place].place.id;
}

// Drags report a move every frame; a gap longer than this means the drag ended (or paused).
constexpr double kPanContinuesSeconds = 0.1;
// The glide after a drag slows by e every this many seconds and stops below kGlideStopPxS.
constexpr double kGlideDecaySeconds = 0.3;
constexpr double kGlideStopPxS = 20.0;

// The view zoomed by `delta` keeping the point under pixel (x, y) there. In Web Mercator that
// point may lie past ±180° on the plane (the world copy beside), and so may the new centre: it is
// brought back by a world rather than stopped at the antimeridian (which would slide the map).
geo::Viewport zoomedAboutPixel(const AppState& state, double x_px, double y_px, double delta) {
    if (!state.projection.isWebMercator()) return state.view.zoomedAbout(geo::XY{x_px, y_px}, delta);
    const geo::Viewport& view = state.view;
    const double zoom = std::clamp(view.zoom() + delta, geo::kMinZoom, geo::kMaxZoom);
    const geo::XY anchor = view.toMercator(geo::XY{x_px, y_px});
    const double mpp = geo::Viewport(view.width(), view.height(), view.center(), zoom).metresPerPixel();
    const geo::XY centre{std::remainder(anchor.x - (x_px - view.width() / 2.0) * mpp, kWorldWidth),
                         anchor.y + (y_px - view.height() / 2.0) * mpp};
    return geo::Viewport(view.width(), view.height(), centre, zoom);
}

// A drag of (dx, dy) pixels. The map's plane moves with the cursor, except on the orthographic
// globe, which turns instead: its centre moves so the ground under the disc's centre follows the
// cursor (dragging right brings the west into view), and the view stays on the disc's centre, so
// the disc never slides off the window. A drag that starts off the centre first re-centres the
// globe on the view's centre.
void dragMap(AppState& state, double dx_px, double dy_px) {
    if (state.projection.isWebMercator()) {
        // Its plane repeats east and west: past ±180° the centre comes back from the other side
        // (Viewport would stop it at the antimeridian, a wall in the middle of the Bering Sea).
        const double mpp = state.view.metresPerPixel();
        const geo::XY c{std::remainder(state.view.center().x - dx_px * mpp, kWorldWidth), state.view.center().y + dy_px * mpp};
        state.view = geo::Viewport(state.view.width(), state.view.height(), c, state.view.zoom());
        return;
    }
    if (state.projection.kind() != geo::MapProjectionKind::Globe) {
        state.view = state.view.panned(dx_px, dy_px);
        return;
    }
    constexpr double kPi = 3.14159265358979323846;
    constexpr double kGlobeRadius = 6378137.0;   // the sphere geo::MapProjection's globe is drawn on
    constexpr double kMaxCentreLatitude = 89.0;  // the centre stays off the poles (lon stays defined)
    geo::LonLat centre = state.projection.centre();
    if (const auto at_view = state.projection.inverse(state.view.center())) centre = *at_view;
    const double degrees_per_px = state.view.metresPerPixel() / kGlobeRadius * 180.0 / kPi;
    const double lat = std::clamp(centre.lat + dy_px * degrees_per_px, -kMaxCentreLatitude, kMaxCentreLatitude);
    double lon = centre.lon - dx_px * degrees_per_px / std::max(std::cos(centre.lat * kPi / 180.0), 0.05);
    lon = std::remainder(lon, 360.0);  // (-180, 180]
    if (lon <= -180.0) lon += 360.0;
    try {
        geo::MapProjection turned = geo::MapProjection::make(geo::MapProjectionKind::Globe, geo::LonLat(lon, lat));
        const std::optional<geo::XY> disc_centre = turned.forward(lon, lat);
        state.projection = std::move(turned);
        state.view = geo::Viewport(state.view.width(), state.view.height(), disc_centre ? *disc_centre : geo::XY{0, 0},
                                   state.view.zoom());
    } catch (const geo::Error&) {
        state.view = state.view.panned(dx_px, dy_px);  // PROJ refused the centre: pan as other projections do
    }
}

// Inertial pan: once a frame passes without a drag step, the map keeps the drag's speed, decaying.
void glide(AppState& state, double dt) {
    state.since_pan_s += dt;
    const double speed = std::hypot(state.pan_velocity_px_s.x, state.pan_velocity_px_s.y);
    if (state.flight) state.pan_velocity_px_s = geo::XY{};
    if (state.since_pan_s <= dt || speed < kGlideStopPxS || state.flight) return;
    dragMap(state, state.pan_velocity_px_s.x * dt, state.pan_velocity_px_s.y * dt);
    const double keep = std::exp(-dt / kGlideDecaySeconds);
    state.pan_velocity_px_s = geo::XY{state.pan_velocity_px_s.x * keep, state.pan_velocity_px_s.y * keep};
}

double easeInOut(double t) { return t < 0.5 ? 2 * t * t : 1 - std::pow(-2 * t + 2, 2) / 2; }

// Interpolates centre and zoom; the centre moves in screen-space at the mean scale so the
// motion looks even whether zooming in or out.
// Web Mercator's plane repeats every world width: the flight goes the short way round, across the
// antimeridian when that is shorter.
geo::Viewport interpolate(const Flight& f, double t, bool web_mercator) {
    const double k = easeInOut(std::clamp(t, 0.0, 1.0));
    const double zoom = f.from.zoom() + (f.to.zoom() - f.from.zoom()) * k;
    double dx = f.to.center().x - f.from.center().x;
    if (web_mercator) dx = std::remainder(dx, kWorldWidth);
    geo::XY c{f.from.center().x + dx * k, f.from.center().y + (f.to.center().y - f.from.center().y) * k};
    if (web_mercator) c.x = std::remainder(c.x, kWorldWidth);
    return geo::Viewport(f.from.width(), f.from.height(), c, zoom);
}

// The measured line's elevation profile from the DEMs now in use (none until two points are set).
void refreshMeasureProfile(AppState& state) {
    if (!state.measure) return;
    state.measure->profile.reset();
    if (state.measure->points.size() == 2 && (state.relief != nullptr || !state.dems.empty())) {
        const auto elevation = [&state](double lon, double lat) { return geo::elevationAt(state.dems, state.relief, lon, lat); };
        state.measure->profile = geo::elevationProfile(elevation, state.measure->points[0], state.measure->points[1], 256);
    }
}

}  // namespace

bool movesByItself(const AppState& state) {
    const bool gliding = std::hypot(state.pan_velocity_px_s.x, state.pan_velocity_px_s.y) >= kGlideStopPxS;
    return state.flight.has_value() || gliding || (state.tour && state.tour->playing);
}

std::vector<std::size_t> tourStops(const OpenDocument& doc) {
    std::vector<std::size_t> stops;
    const auto& mentions = doc.extraction.mentions;
    for (std::size_t i = 0; i < mentions.size(); ++i)
        if (stops.empty() || mentions[stops.back()].place != mentions[i].place) stops.push_back(i);
    return stops;
}

std::vector<std::size_t> visiblePassages(const AppState& state) {
    std::vector<std::size_t> shown;
    if (!state.doc) return shown;
    if (state.selection.place) return state.doc->extraction.places.at(*state.selection.place).passages;
    shown.resize(state.doc->document.passages().size());
    for (std::size_t i = 0; i < shown.size(); ++i) shown[i] = i;
    return shown;
}

// False for every type, but only when instantiated: the static_assert in apply's last branch.
template <typename T>
constexpr bool kNoBranchFor = false;

void apply(AppState& state, const Action& action) {
    std::visit(
        [&state](const auto& a) {
            using T = std::decay_t<decltype(a)>;
            if constexpr (std::is_same_v<T, SelectPlace>) {
                if (!state.doc || a.place >= state.doc->extraction.places.size()) return;
                state.selection = Selection{a.place, std::nullopt, std::nullopt};
                state.scroll_passages_to_top = true;
                if (a.fly) flyTo(state, fitPlaces(state, {a.place}));
            } else if constexpr (std::is_same_v<T, SelectPassage>) {
                if (!state.doc || a.passage >= state.doc->document.passages().size()) return;
                const auto places = placesOfPassage(*state.doc, a.passage);
                state.selection.passage = a.passage;
                if (places.size() == 1) state.selection.place = places.front();
                if (!places.empty()) flyTo(state, fitPlaces(state, places));
            } else if constexpr (std::is_same_v<T, SelectMention>) {
                if (!state.doc || a.mention >= state.doc->extraction.mentions.size()) return;
                selectMention(state, a.mention);
            } else if constexpr (std::is_same_v<T, StepMention>) {
                if (!state.doc || !state.selection.place) return;
                const auto& mentions = state.doc->extraction.places[*state.selection.place].mentions;
                if (mentions.empty()) return;
                // Position of the current mention among the place's mentions; none yet → before the first.
                const auto current = state.selection.mention
                                         ? std::find(mentions.begin(), mentions.end(), *state.selection.mention)
                                         : mentions.end();
                long at = current == mentions.end() ? (a.direction > 0 ? -1 : long(mentions.size()))
                                                    : long(current - mentions.begin());
                at = (at + a.direction + long(mentions.size())) % long(mentions.size());  // wraps around
                selectMention(state, mentions[std::size_t(at)]);
            } else if constexpr (std::is_same_v<T, StartTour>) {
                if (!state.doc || tourStops(*state.doc).empty()) return;
                state.tour = Tour{};
                state.tour->playing = true;
                selectMention(state, tourStops(*state.doc).front());
            } else if constexpr (std::is_same_v<T, StopTour>) {
                state.tour.reset();
            } else if constexpr (std::is_same_v<T, StepTour>) {
                stepTour(state, a.direction);
            } else if constexpr (std::is_same_v<T, ToggleTourPlaying>) {
                if (state.tour) state.tour->playing = !state.tour->playing;
            } else if constexpr (std::is_same_v<T, ActivateDocument>) {
                if (a.other_index >= state.other_docs.size()) return;
                auto doc = std::move(state.other_docs[a.other_index]);
                state.other_docs.erase(state.other_docs.begin() + long(a.other_index));
                makeActive(state, std::move(doc));
            } else if constexpr (std::is_same_v<T, OpenedDocument>) {
                if (!a.doc) return;
                // The action holds the only reference: move the loaded document into the state.
                makeActive(state, std::make_unique<OpenDocument>(std::move(*a.doc)));
                flyTo(state, focusView(state));
            } else if constexpr (std::is_same_v<T, SetShowOtherTexts>) {
                state.show_other_texts = a.show;
            } else if constexpr (std::is_same_v<T, ToggleMeasure>) {
                if (state.measure) state.measure.reset();
                else state.measure = Measure{};
            } else if constexpr (std::is_same_v<T, AddMeasurePoint>) {
                if (!state.measure) return;
                if (state.measure->points.size() >= 2) state.measure->points.clear();
                state.measure->points.push_back(a.point);
                refreshMeasureProfile(state);
            } else if constexpr (std::is_same_v<T, ClearSelection>) {
                state.selection = Selection{};
                state.tour.reset();
                state.spread.reset();
                state.found.reset();
                state.scroll_passages_to_top = true;
            } else if constexpr (std::is_same_v<T, SetHover>) {
                state.hover = Hover{a.place, a.mention};
            } else if constexpr (std::is_same_v<T, PanBy>) {
                state.flight.reset();
                dragMap(state, a.dx_px, a.dy_px);  // the globe turns instead
                // The drag's speed, for the glide after release (a fresh drag starts from rest).
                if (state.since_pan_s > 0.0 && state.since_pan_s < kPanContinuesSeconds)
                    state.pan_velocity_px_s = geo::XY{a.dx_px / state.since_pan_s, a.dy_px / state.since_pan_s};
                else
                    state.pan_velocity_px_s = geo::XY{};
                state.since_pan_s = 0.0;
            } else if constexpr (std::is_same_v<T, ZoomAbout>) {
                state.flight.reset();
                state.spread.reset();  // its fan is laid out for the zoom it was opened at
                state.pan_velocity_px_s = geo::XY{};
                // Out no further than the whole world filling the map, centred there (a view
                // already wider, as a fit may make, stays as it is).
                const double floor_zoom = wholeWorldZoom(state);
                if (a.delta >= 0 || state.view.zoom() + a.delta > floor_zoom) {
                    state.view = zoomedAboutPixel(state, a.x_px, a.y_px, a.delta);
                } else if (state.view.zoom() >= floor_zoom - 1e-9) {
                    state.view = wholeWorldView(state);
                }
            } else if constexpr (std::is_same_v<T, GoHome>) {
                if (!state.doc) return;
                // Home shows the text's focus; pressed again once there, every place.
                const geo::Viewport focus = focusView(state);
                flyTo(state, sameView(viewHeadedFor(state), focus) ? allPlacesView(state) : focus);
            } else if constexpr (std::is_same_v<T, FitAll>) {
                if (!state.doc) return;
                flyTo(state, allPlacesView(state));
            } else if constexpr (std::is_same_v<T, OpenCluster>) {
                if (!state.doc) return;
                openCluster(state, a.places);
            } else if constexpr (std::is_same_v<T, GoToPlace>) {
                state.found = FoundPlace{a.place};
                flyTo(state, viewOfPoint(state, a.place.position, flyToZoom(state, a.place)));
            } else if constexpr (std::is_same_v<T, ResizeView>) {
                if (a.width_px <= 0 || a.height_px <= 0) return;  // minimised window
                state.view = state.view.withSize(a.width_px, a.height_px);
                if (state.flight) {
                    state.flight->from = state.flight->from.withSize(a.width_px, a.height_px);
                    state.flight->to = state.flight->to.withSize(a.width_px, a.height_px);
                }
            } else if constexpr (std::is_same_v<T, AdvanceTime>) {
                if (state.tour && state.tour->playing && !state.flight) {
                    state.tour->since_step_s += a.dt_s;
                    if (state.tour->since_step_s >= state.tour->seconds_per_stop) stepTour(state, +1);
                }
                glide(state, a.dt_s);
                if (!state.flight) return;
                state.flight->elapsed_s += a.dt_s;
                const double t = state.flight->elapsed_s / state.flight->duration_s;
                state.view = interpolate(*state.flight, t, state.projection.isWebMercator());
                if (t >= 1.0) state.flight.reset();
            } else if constexpr (std::is_same_v<T, Correct>) {
                if (!state.doc || !state.gazetteer || a.corrections.empty()) return;
                const auto selected = selectedId(state);
                for (auto correction : a.corrections) {
                    correction.edit = state.doc->next_edit;
                    state.doc->corrections.push_back(std::move(correction));
                }
                ++state.doc->next_edit;
                state.doc->redo.clear();
                state.add_place.reset();
                refreshAfterCorrection(state, selected);
            } else if constexpr (std::is_same_v<T, Undo>) {
                if (!state.doc || !state.gazetteer || state.doc->corrections.empty()) return;
                const auto selected = selectedId(state);
                auto undone = geo::popLastEdit(state.doc->corrections);
                // The redo stack keeps whole edits; the last edit pushed is redone first.
                state.doc->redo.insert(state.doc->redo.end(), undone.begin(), undone.end());
                refreshAfterCorrection(state, selected);
            } else if constexpr (std::is_same_v<T, Redo>) {
                if (!state.doc || !state.gazetteer || state.doc->redo.empty()) return;
                const auto selected = selectedId(state);
                auto edit = geo::popLastEdit(state.doc->redo);
                state.doc->corrections.insert(state.doc->corrections.end(), edit.begin(), edit.end());
                refreshAfterCorrection(state, selected);
            } else if constexpr (std::is_same_v<T, ShowCandidates>) {
                if (!state.doc || !state.gazetteer || a.place >= state.doc->extraction.places.size()) return;
                state.choosing_for = a.place;
                state.candidates = geo::candidatesFor(*state.gazetteer, state.doc->extraction, a.place);
            } else if constexpr (std::is_same_v<T, HideCandidates>) {
                state.choosing_for.reset();
                state.candidates.clear();
            } else if constexpr (std::is_same_v<T, BeginAddPlace>) {
                if (!state.doc || a.byte_start >= a.byte_end || a.byte_end > state.doc->document.text().size()) return;
                state.add_place = AddPlaceDraft{a.byte_start, a.byte_end, false, false};
            } else if constexpr (std::is_same_v<T, SetAddPlaceSpan>) {
                if (!state.add_place || a.byte_start >= a.byte_end || a.byte_end > state.doc->document.text().size()) return;
                state.add_place->byte_start = a.byte_start;
                state.add_place->byte_end = a.byte_end;
            } else if constexpr (std::is_same_v<T, SetAddPlaceOptions>) {
                if (!state.add_place) return;
                state.add_place->picking_on_map = a.picking_on_map;
                state.add_place->this_mention_only = a.this_mention_only;
            } else if constexpr (std::is_same_v<T, CancelAddPlace>) {
                state.add_place.reset();
            } else if constexpr (std::is_same_v<T, PickUserPoint>) {
                if (!state.doc || !state.add_place || !state.add_place->picking_on_map) return;
                const auto draft = *state.add_place;
                geo::UserPoint point{state.doc->document.slice(draft.byte_start, draft.byte_end), a.point,
                                     geo::PlaceKind::City};
                try {
                    auto correction = geo::addPlace(state.doc->document, draft.byte_start, draft.byte_end,
                                                    geo::PlaceTarget{"", point},
                                                    draft.this_mention_only ? geo::CorrectionScope::ThisMention
                                                                            : geo::CorrectionScope::AllWithName,
                                                    0);
                    apply(state, Correct{{std::move(correction)}});
                } catch (const geo::Error& e) {
                    state.error = e.what();
                }
            } else if constexpr (std::is_same_v<T, SetProjection>) {
                try {
                    setMapProjection(state, a.kind);
                } catch (const geo::Error& e) {
                    state.error = e.what();
                }
            } else if constexpr (std::is_same_v<T, SetMapSettings>) {
                const bool projection_changed = a.settings.projection != state.map.projection;
                state.map = a.settings;
                if (projection_changed) {
                    try {
                        setMapProjection(state, a.settings.projection);
                    } catch (const geo::Error& e) {
                        state.error = e.what();
                    }
                }
            } else if constexpr (std::is_same_v<T, MarkProjectChanged>) {
                state.project_dirty = true;
            } else if constexpr (std::is_same_v<T, ShowLayersPanel>) {
                state.show_layers_panel = a.show || a.add_layer || a.add_elevation;
                state.add_layer_requested = a.add_layer;
                state.add_elevation_requested = a.add_elevation;
            } else if constexpr (std::is_same_v<T, AddElevation>) {
                if (std::find(state.map.dems.begin(), state.map.dems.end(), a.path) == state.map.dems.end())
                    state.map.dems.push_back(a.path);
                for (const auto& dem : a.dems)
                    if (dem && std::find(state.dems.begin(), state.dems.end(), dem) == state.dems.end()) state.dems.push_back(dem);
                geo::sortCoarsestFirst(state.dems);
                refreshMeasureProfile(state);
            } else if constexpr (std::is_same_v<T, RemoveElevation>) {
                state.map.dems.erase(std::remove(state.map.dems.begin(), state.map.dems.end(), a.path), state.map.dems.end());
                for (const auto& dem : a.dems) state.dems.erase(std::remove(state.dems.begin(), state.dems.end(), dem), state.dems.end());
                refreshMeasureProfile(state);
            } else if constexpr (std::is_same_v<T, ShowStatus>) {
                state.status = a.message;
            } else if constexpr (std::is_same_v<T, ShowClaim>) {
                state.shown_claim.reset();
                if (!state.doc || !a.claim || *a.claim >= state.doc->claims.size()) return;
                state.shown_claim = a.claim;
                const geo::DistanceClaim& claim = state.doc->claims[*a.claim];
                std::vector<std::size_t> places;
                if (claim.subject) places.push_back(*claim.subject);
                if (claim.reference) places.push_back(*claim.reference);
                if (!places.empty()) flyTo(state, fitPlaces(state, places));
            } else if constexpr (std::is_same_v<T, ReportError>) {
                state.error = a.message;
            } else if constexpr (std::is_same_v<T, DismissError>) {
                state.error.clear();
            } else {
                // Every Action has its branch above: a new one without it does not compile.
                static_assert(kNoBranchFor<T>, "apply(): an Action alternative has no branch");
            }
        },
        action);
}

void ActionQueue::applyAll(AppState& state) {
    // Actions may be pushed while applying (none do today); swap first so the loop is stable.
    std::vector<Action> batch;
    batch.swap(pending_);
    for (const auto& action : batch) apply(state, action);
}

}  // namespace app
