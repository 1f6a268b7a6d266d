// The text's focus and the views made from it (app/framing): which places carry a text, the first
// view and Home, fly-to zooms per kind and data detail, clusters that open.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <set>

#include <gdal.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>

#include "app/actions.hpp"
#include "app/framing.hpp"
#include "app/scene.hpp"
#include "app/ui/edge_indicators.hpp"
#include "geo/data_paths.hpp"
#include "geo/dem.hpp"
#include "geo/map_projection.hpp"
#include "geo/raster.hpp"
#include "support/geotiff_writer.hpp"
#include "support/test_places.hpp"

#include <unistd.h>
#include <filesystem>

namespace {

using namespace app;

geo::Place makePlace(const std::string& name, geo::PlaceKind kind, double lon, double lat, std::int64_t population = 0,
                     const std::string& country = "AF") {
    return test_support::testPlace("t:" + name, name, lon, lat, population, kind, country);
}

class Framing : public ::testing::Test {
protected:
    void SetUp() override {
        add("Afghanistan", geo::PlaceKind::Country, 65.82, 33.64);
        add("Kabul", geo::PlaceKind::City, 69.17233, 34.52813, 3'000'000);
        add("Charikar", geo::PlaceKind::City, 69.17, 35.01, 50'000);
        add("Bagram", geo::PlaceKind::City, 69.27, 34.97, 20'000);
        add("Kandahar", geo::PlaceKind::City, 65.71, 31.61, 400'000);
        add("London", geo::PlaceKind::City, -0.1257, 51.5085, 8'000'000, "GB");
        add("France", geo::PlaceKind::Country, 2.0, 46.0, 0, "FR");
        add("Germany", geo::PlaceKind::Country, 10.5, 51.5, 0, "DE");
        add("Panjshir Valley", geo::PlaceKind::Region, 69.52, 35.31);
        add("Parwan", geo::PlaceKind::Admin1, 69.0, 35.0);
        add("Qalacha", geo::PlaceKind::City, 69.17233, 34.52813, 10'000);  // Kabul's spot exactly
        add("Panjshir", geo::PlaceKind::Physical, 69.6, 35.3);  // the river
    }
    void add(const std::string& name, geo::PlaceKind kind, double lon, double lat, std::int64_t population = 0,
             const std::string& country = "AF") {
        gazetteer.add(makePlace(name, kind, lon, lat, population, country), {{name, geo::NameKind::Name}});
    }
    void open(const std::string& text) {
        state = AppState{};
        state.doc = std::make_unique<OpenDocument>(
            OpenDocument::fromDocument(geo::Document::fromString(text, "test"), gazetteer, "test.txt"));
        state.view = geo::Viewport(1200, 800, geo::XY{0, 0}, 3.0);
        state.panel_width_px = 400;
        state.map_top_px = 20;
        state.map_bottom_px = 24;
        state.map.cluster_markers = true;
    }
    std::set<std::string> focusNames() const {
        std::set<std::string> names;
        for (std::size_t i : textFocus(*state.doc).places) names.insert(state.doc->extraction.places[i].place.name);
        return names;
    }
    std::size_t placeNamed(const std::string& name) const {
        for (std::size_t i = 0; i < state.doc->extraction.places.size(); ++i)
            if (state.doc->extraction.places[i].place.name == name) return i;
        ADD_FAILURE() << name << " was not found";
        return 0;
    }
    geo::XY pixelOfPlace(const geo::Viewport& view, std::size_t place) const {
        return view.toPixel(*placePosition(state, *state.doc, place));
    }
    void finishFlight() {
        for (int i = 0; i < 100 && state.flight; ++i) apply(state, AdvanceTime{0.05});
    }

    geo::Gazetteer gazetteer;
    AppState state;
};

TEST_F(Framing, CountriesSetTheSceneWhileTheTextsTownsCarryIt) {
    // Afghanistan is named most, but the story happens in Kabul and Charikar; London is named once.
    open("Afghanistan is in turmoil. Afghanistan again.\n\nIn Kabul, crowds gathered. Afghanistan.\n\n"
         "Charikar was quiet. Kabul too.\n\nA statement came from London.\n\nAfghanistan, Kabul, Charikar.\n");
    EXPECT_EQ(focusNames(), (std::set<std::string>{"Kabul", "Charikar"}));
    const TextFocus focus = textFocus(*state.doc);
    EXPECT_EQ(state.doc->extraction.places[focus.places.front()].place.name, "Kabul");  // heaviest first
    EXPECT_TRUE(focus.weights[placeNamed("Afghanistan")].broad);
    // Mentions (3) plus passages (3).
    EXPECT_DOUBLE_EQ(focus.weights[placeNamed("Kabul")].weight, 6.0);
}

TEST_F(Framing, ATextAboutCountriesIsFramedByItsCountries) {
    open("France and Germany signed the treaty.\n\nGermany said France would host the next meeting.\n");
    EXPECT_EQ(focusNames(), (std::set<std::string>{"France", "Germany"}));
}

TEST_F(Framing, APlaceFarFromTheWeightOfTheTextIsLeftOutside) {
    // Kandahar is 450 km from the others and carries less than the 30 % left outside the circle.
    open("Kabul. Kabul.\n\nCharikar and Bagram.\n\nKabul, Bagram, Charikar.\n\nKandahar.\n");
    EXPECT_EQ(focusNames(), (std::set<std::string>{"Kabul", "Charikar", "Bagram"}));
    // Named as much as the rest together, it joins them.
    open("Kabul and Kandahar.\n\nKandahar.\n\nKandahar and Kabul.\n");
    EXPECT_EQ(focusNames(), (std::set<std::string>{"Kabul", "Kandahar"}));
}

TEST_F(Framing, TheFirstViewFitsTheFocusInsideTheVisibleMapWithMarginsAndFarPlacesOutside) {
    open("Kabul. Kabul.\n\nCharikar and Bagram.\n\nKabul, Bagram, Charikar.\n\nLondon.\n");
    const geo::Viewport view = focusView(state);
    state.view = view;
    const MapArea area = visibleMapArea(state);
    EXPECT_EQ(area.x0, 400);
    EXPECT_EQ(area.y0, 20);
    EXPECT_EQ(area.y1, 800 - 24);
    for (const std::string& name : {"Kabul", "Charikar", "Bagram"}) {
        const std::size_t place = placeNamed(name);
        const geo::XY p = pixelOfPlace(view, place);
        const double margin = markerRadiusPx(state.doc->extraction.places[place].mentions.size()) + 20.0;
        EXPECT_GT(p.x, area.x0 + margin) << name;
        EXPECT_LT(p.x, area.x1 - margin) << name;
        EXPECT_GT(p.y, area.y0 + margin) << name;
        EXPECT_LT(p.y, area.y1 - margin) << name;
    }
    EXPECT_FALSE(area.contains(pixelOfPlace(view, placeNamed("London")).x, pixelOfPlace(view, placeNamed("London")).y));
    // Charikar and Bagram (9 km apart) are separate markers, not one cluster.
    const MarkerScene scene = drawnMarkers(state);
    for (const std::string& name : {"Kabul", "Charikar", "Bagram"}) {
        const auto k = markerOfPlace(scene, placeNamed(name));
        ASSERT_TRUE(k.has_value());
        EXPECT_EQ(scene.cluster_size[*k], 1u) << name;
    }
}

TEST_F(Framing, HomeFramesTheFocusAndASecondHomeEveryPlace) {
    open("Kabul. Kabul.\n\nCharikar and Bagram.\n\nKabul, Bagram, Charikar.\n\nLondon.\n");
    apply(state, GoHome{});
    finishFlight();
    EXPECT_TRUE(sameView(state.view, focusView(state)));
    apply(state, GoHome{});
    finishFlight();
    EXPECT_TRUE(sameView(state.view, allPlacesView(state)));
    const geo::XY london = pixelOfPlace(state.view, placeNamed("London"));
    EXPECT_TRUE(visibleMapArea(state).contains(london.x, london.y));
    apply(state, GoHome{});  // and back to the focus
    finishFlight();
    EXPECT_TRUE(sameView(state.view, focusView(state)));
}

TEST_F(Framing, FlyToZoomIsSetByTheKindAndStopsWhereTheDataEnds) {
    open("Afghanistan, Parwan, the Panjshir Valley, Kabul and Charikar.\n");
    auto zoomOf = [&](const std::string& name) { return flyToZoom(state, state.doc->extraction.places[placeNamed(name)].place); };
    // No regional elevation grid: the world relief and the vector layers end at zoom 8.
    EXPECT_DOUBLE_EQ(zoomOf("Afghanistan"), 5.0);
    EXPECT_DOUBLE_EQ(zoomOf("Parwan"), 7.0);
    EXPECT_DOUBLE_EQ(zoomOf("Panjshir Valley"), 8.0);
    EXPECT_DOUBLE_EQ(zoomOf("Kabul"), 8.0);
    EXPECT_DOUBLE_EQ(zoomOf("Charikar"), 8.0);
    // Over a 30″ DEM of the user's a city goes to 9 and a town as deep as the grid allows.
    const std::string path = (std::filesystem::temp_directory_path() / ("framing-dem-" + std::to_string(::getpid()) + ".tif")).string();
    test_support::writeLonLatDem(path, 68.5, 35.5, 120, 120, 1.0 / 120.0, [](int, int) { return 1800.0; });
    state.dems = geo::openDems(path);
    EXPECT_DOUBLE_EQ(zoomOf("Kabul"), 9.0);
    const double town = zoomOf("Charikar");
    EXPECT_GT(town, 9.0);
    EXPECT_LT(town, 10.0);
    EXPECT_NEAR(town, std::log2(360.0 * 4.0 * 120.0 / 256.0), 1e-6);
    EXPECT_DOUBLE_EQ(zoomOf("Panjshir Valley"), 8.0);  // a region is not brought closer
    std::filesystem::remove(path);
    EXPECT_DOUBLE_EQ(zoomOf("Afghanistan"), 5.0);  // the grid does not bring a country closer
    // HiDPI: the same ground, one zoom level up per doubling.
    state.ui_scale = 2.0f;
    EXPECT_DOUBLE_EQ(zoomOf("Kabul"), 10.0);
}

TEST_F(Framing, PlacesEitherSideOfTheAntimeridianAreFramedAcrossIt) {
    // The Bering Sea: Kamchatka and Chukotka east of 158°E, Alaska west of 150°W.
    add("Petropavlovsk", geo::PlaceKind::City, 158.65, 53.04, 180'000, "RU");
    add("Anadyr", geo::PlaceKind::City, 177.5, 64.73, 200'000, "RU");
    add("Nome", geo::PlaceKind::City, -165.41, 64.50, 200'000, "US");
    add("Anchorage", geo::PlaceKind::City, -149.90, 61.22, 290'000, "US");
    const std::string text = "Petropavlovsk, Anadyr, Nome and Anchorage.\n\nAnadyr and Nome.\n\nAnchorage.\n";
    open(text);
    const geo::Viewport view = focusView(state);
    // The four span 52° of longitude the short way round, not the 308° between them on the plane:
    // a view of the Bering Sea, not of the whole world.
    EXPECT_GT(view.zoom(), 3.5);
    // Every place, fitted the same way, lies inside the visible map.
    state.view = allPlacesView(state);
    EXPECT_GT(state.view.zoom(), 3.0);
    const MapArea area = visibleMapArea(state);
    const MarkerScene scene = drawnMarkers(state);
    for (const std::string& name : {std::string("Petropavlovsk"), std::string("Anadyr"), std::string("Nome"),
                                    std::string("Anchorage")}) {
        const auto k = markerOfPlace(scene, placeNamed(name));
        ASSERT_TRUE(k.has_value()) << name;
        const geo::XY p = state.view.toPixel(scene.markers[*k].position);
        EXPECT_TRUE(area.contains(p.x, p.y)) << name << " at " << p.x << ", " << p.y;
    }
    // The centre is over the sea near the antimeridian, and the other projections are made there:
    // UTM in zone 1 or 60 with north up (Anadyr north of Petropavlovsk), not zone 31 upside down.
    const auto centre = state.projection.inverse(view.center());
    ASSERT_TRUE(centre.has_value());
    EXPECT_GT(std::abs(centre->lon), 165.0);
    for (geo::MapProjectionKind kind : {geo::MapProjectionKind::Utm, geo::MapProjectionKind::Laea, geo::MapProjectionKind::Globe}) {
        open(text);
        state.view = focusView(state);
        setMapProjection(state, kind);
        if (kind == geo::MapProjectionKind::Utm) {
            const int zone = geo::utmZone(state.projection.centre().lon);
            EXPECT_TRUE(zone == 1 || zone == 60) << zone;
        }
        const geo::XY anadyr = pixelOfPlace(state.view, placeNamed("Anadyr"));
        const geo::XY petropavlovsk = pixelOfPlace(state.view, placeNamed("Petropavlovsk"));
        const geo::XY nome = pixelOfPlace(state.view, placeNamed("Nome"));
        EXPECT_LT(anadyr.y, petropavlovsk.y) << geo::projectionName(kind) << ": north is up";
        EXPECT_LT(anadyr.x, nome.x) << geo::projectionName(kind) << ": Asia is west of America";
    }
}

TEST_F(Framing, OtherProjectionsFlyAsCloseToTheGroundAsWebMercatorAtHighLatitudes) {
    // Web Mercator's zoom z shows cos φ of the equator's metres a pixel; UTM, LAEA and the globe are
    // true to scale at their centre, so the same ground is log2(1/cos φ) zoom levels further in.
    add("Akureyri", geo::PlaceKind::City, -18.09, 65.68, 19'000, "IS");
    open("Akureyri and Kabul.\n");
    const geo::Place akureyri = state.doc->extraction.places[placeNamed("Akureyri")].place;
    const geo::Place kabul = state.doc->extraction.places[placeNamed("Kabul")].place;
    ASSERT_DOUBLE_EQ(flyToZoom(state, akureyri), 8.0);  // Web Mercator: the data's detail
    state.projection = geo::MapProjection::make(geo::MapProjectionKind::Utm, akureyri.position);
    const double shift = -std::log2(std::cos(65.68 * 3.14159265358979323846 / 180.0));
    EXPECT_NEAR(flyToZoom(state, akureyri), 8.0 + shift, 1e-9);
    EXPECT_NEAR(shift, 1.27, 0.01);
    // The same ground a pixel as Web Mercator's zoom 8 there, within a per cent.
    const double web_mercator_ground_mpp = geo::Viewport(800, 600, geo::XY{}, 8.0).metresPerPixel() *
                                           std::cos(65.68 * 3.14159265358979323846 / 180.0);
    EXPECT_NEAR(geo::Viewport(800, 600, geo::XY{}, flyToZoom(state, akureyri)).metresPerPixel() / web_mercator_ground_mpp,
                1.0, 0.01);
    // Near the equator it hardly matters; Kabul (34.5°N) is 0.28 levels closer.
    EXPECT_NEAR(flyToZoom(state, kabul) - 8.0, -std::log2(std::cos(34.52813 * 3.14159265358979323846 / 180.0)), 1e-9);
}

TEST_F(Framing, ClickingAClusterOfPlacesApartZoomsInUntilTheyAreSeparate) {
    open("Kabul. Charikar. Bagram.\n");
    state.view = geo::Viewport(1200, 800, *placePosition(state, *state.doc, placeNamed("Kabul")), 4.0);
    const MarkerScene before = drawnMarkers(state);
    ASSERT_EQ(before.markers.size(), 1u) << "at zoom 4 the three are one cluster";
    ASSERT_EQ(before.members[0].size(), 3u);
    apply(state, OpenCluster{before.members[0]});
    ASSERT_TRUE(state.flight.has_value());
    finishFlight();
    EXPECT_GT(state.view.zoom(), 7.0);
    EXPECT_FALSE(state.spread.has_value());
    const MarkerScene after = drawnMarkers(state);
    EXPECT_EQ(after.markers.size(), 3u);
}

TEST_F(Framing, ClickingAClusterOfPlacesOnOneSpotFansThemOut) {
    open("Kabul and Qalacha.\n");
    state.view = geo::Viewport(1200, 800, *placePosition(state, *state.doc, placeNamed("Kabul")), 8.0);
    const MarkerScene before = drawnMarkers(state);
    ASSERT_EQ(before.markers.size(), 1u);
    apply(state, OpenCluster{before.members[0]});
    ASSERT_TRUE(state.spread.has_value());
    EXPECT_DOUBLE_EQ(state.view.zoom(), 8.0);
    const MarkerScene after = drawnMarkers(state);
    ASSERT_EQ(after.markers.size(), 2u);
    const geo::XY a = state.view.toPixel(after.markers[0].position), b = state.view.toPixel(after.markers[1].position);
    EXPECT_GT(std::hypot(a.x - b.x, a.y - b.y), after.markers[0].radius_px + after.markers[1].radius_px);
    // Each fanned marker is picked as its own place.
    EXPECT_EQ(pickPlace(state, a.x, a.y), after.place_of_marker[0]);
    EXPECT_EQ(pickPlace(state, b.x, b.y), after.place_of_marker[1]);
    apply(state, ZoomAbout{600, 400, 1.0});  // closes when the view zooms
    EXPECT_FALSE(state.spread.has_value());
}

TEST_F(Framing, OnlyAFlightAGlideOrAPlayingTourMovesTheMapByItself) {
    open("Kabul. Charikar.\n");
    EXPECT_FALSE(movesByItself(state));
    apply(state, GoHome{});
    EXPECT_TRUE(movesByItself(state));
    finishFlight();
    EXPECT_FALSE(movesByItself(state));
    apply(state, StartTour{});
    finishFlight();
    EXPECT_TRUE(movesByItself(state));  // playing: the next stop comes by itself
    apply(state, ToggleTourPlaying{});
    EXPECT_FALSE(movesByItself(state));
}

// A shapes file as tools/build_place_shapes.py writes it: layer place_shapes, place_id, kind, geometry.
void writeShapes(const std::string& path) {
    GDALAllRegister();
    GDALDriverH driver = GDALGetDriverByName("GPKG");
    GDALDatasetH dataset = GDALCreate(driver, path.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
    ASSERT_NE(dataset, nullptr);
    OGRSpatialReferenceH wgs84 = OSRNewSpatialReference(nullptr);
    OSRImportFromEPSG(wgs84, 4326);
    OSRSetAxisMappingStrategy(wgs84, OAMS_TRADITIONAL_GIS_ORDER);
    OGRLayerH layer = GDALDatasetCreateLayer(dataset, "place_shapes", wgs84, wkbUnknown, nullptr);
    for (const char* name : {"place_id", "kind"}) {
        OGRFieldDefnH field = OGR_Fld_Create(name, OFTString);
        OGR_L_CreateField(layer, field, TRUE);
        OGR_Fld_Destroy(field);
    }
    const std::pair<const char*, const char*> rows[] = {
        {"t:Afghanistan", "POLYGON ((60.5 29.4, 74.9 37.0, 71.0 38.4, 61.0 35.6, 60.5 29.4))"},
        {"t:Panjshir", "LINESTRING (70.4 35.9, 69.9 35.5, 69.5 35.2, 69.3 35.0)"}};
    for (const auto& [id, wkt] : rows) {
        OGRFeatureH feature = OGR_F_Create(OGR_L_GetLayerDefn(layer));
        OGR_F_SetFieldString(feature, 0, id);
        OGR_F_SetFieldString(feature, 1, std::string(id) == "t:Panjshir" ? "line" : "area");
        OGRGeometryH geometry = nullptr;
        char* text = const_cast<char*>(wkt);
        OGR_G_CreateFromWkt(&text, wgs84, &geometry);
        OGR_F_SetGeometryDirectly(feature, geometry);
        OGR_L_CreateFeature(layer, feature);
        OGR_F_Destroy(feature);
    }
    OSRDestroySpatialReference(wgs84);
    GDALClose(dataset);
}

TEST_F(Framing, ACountryOrRiverIsOutlinedWhenSelectedAndFittedWhole) {
    const std::filesystem::path data =
        std::filesystem::temp_directory_path() / ("framing-shapes-" + std::to_string(::getpid()));
    std::filesystem::create_directories(data / "gazetteer");
    ASSERT_NO_FATAL_FAILURE(writeShapes(geo::PlaceShapes::pathIn(data.string())));
    const geo::PlaceShapes shapes(data.string());
    open("Afghanistan. Kabul. The Panjshir flows south.\n");
    state.shapes = &shapes;
    EXPECT_EQ(selectedShape(state), nullptr);  // nothing selected
    apply(state, SelectPlace{placeNamed("Afghanistan"), true});
    const ProjectedShape* country = selectedShape(state);
    ASSERT_NE(country, nullptr);
    EXPECT_TRUE(country->area);
    ASSERT_EQ(country->parts.size(), 1u);
    EXPECT_EQ(country->parts[0].size(), 5u);
    finishFlight();
    // The whole outline is in view (not the kind's fixed zoom 5 about its centroid).
    const MapArea area = visibleMapArea(state);
    for (const geo::XY& corner : country->parts[0]) {
        const geo::XY p = state.view.toPixel(corner);
        EXPECT_TRUE(area.contains(p.x, p.y)) << p.x << "," << p.y;
    }
    apply(state, SelectPlace{placeNamed("Panjshir"), true});
    const ProjectedShape* river = selectedShape(state);
    ASSERT_NE(river, nullptr);
    EXPECT_FALSE(river->area);
    finishFlight();
    for (const geo::XY& point : river->parts[0]) {
        const geo::XY p = state.view.toPixel(point);
        EXPECT_TRUE(area.contains(p.x, p.y));
    }
    apply(state, SelectPlace{placeNamed("Kabul"), true});
    EXPECT_EQ(selectedShape(state), nullptr);  // a city is a dot
    finishFlight();
    EXPECT_DOUBLE_EQ(state.view.zoom(), 8.0);
    std::filesystem::remove_all(data);
}

// Looking at Kabul, the reader is in Afghanistan: its marker (a centroid, off to the west) is not
// pointed to from the map's edge as if it were elsewhere; a place outside its outline still is.
TEST_F(Framing, ACountryRoundTheMapsCentreIsNotPointedToFromTheEdge) {
    const std::filesystem::path data =
        std::filesystem::temp_directory_path() / ("framing-areas-" + std::to_string(::getpid()));
    std::filesystem::create_directories(data / "gazetteer");
    ASSERT_NO_FATAL_FAILURE(writeShapes(geo::PlaceShapes::pathIn(data.string())));
    const geo::PlaceShapes shapes(data.string());
    open("Afghanistan. Kabul. Kabul. Kandahar.\n");
    const std::size_t afghanistan = placeNamed("Afghanistan"), kabul = placeNamed("Kabul");
    const std::size_t kandahar = placeNamed("Kandahar");
    const geo::LonLat at_kabul = state.doc->extraction.places[kabul].place.position;
    state.view = viewOfPoint(state, at_kabul, 8.0);
    const MapArea area = visibleMapArea(state);
    const geo::XY country = pixelOfPlace(state.view, afghanistan);
    ASSERT_FALSE(area.contains(country.x, country.y)) << "the country's marker should be outside the view";
    const auto measure = [](const std::string& text) { return std::pair<float, float>{7.0f * float(text.size()), 14.0f}; };
    const auto pointedTo = [&](std::size_t place) {
        const auto indicators = ui::layoutEdgeIndicators(state, measure);
        return std::any_of(indicators.begin(), indicators.end(), [&](const ui::EdgeIndicator& e) { return e.place == place; });
    };
    // Without outlines the country is pointed to, as any place outside.
    EXPECT_TRUE(pointedTo(afghanistan));
    EXPECT_TRUE(pointedTo(kandahar));
    state.shapes = &shapes;
    EXPECT_TRUE(areaCovers(state, afghanistan, at_kabul));
    EXPECT_FALSE(areaCovers(state, afghanistan, state.doc->extraction.places[kandahar].place.position));
    EXPECT_FALSE(areaCovers(state, kabul, at_kabul));  // a city has no area
    EXPECT_FALSE(pointedTo(afghanistan));
    EXPECT_TRUE(pointedTo(kandahar));
    // Over Kandahar, outside the (test's) outline, the country is pointed to again.
    state.view = viewOfPoint(state, state.doc->extraction.places[kandahar].place.position, 8.0);
    EXPECT_TRUE(pointedTo(afghanistan));
    state.shapes = nullptr;
    std::filesystem::remove_all(data);
}

// A river whose course crosses the view is seen: its marker (a point on the course, off the view)
// is not pointed to; from a view the course does not reach, it is.
TEST_F(Framing, ARiverWhoseCourseCrossesTheViewIsNotPointedToFromTheEdge) {
    const std::filesystem::path data =
        std::filesystem::temp_directory_path() / ("framing-courses-" + std::to_string(::getpid()));
    std::filesystem::create_directories(data / "gazetteer");
    ASSERT_NO_FATAL_FAILURE(writeShapes(geo::PlaceShapes::pathIn(data.string())));
    const geo::PlaceShapes shapes(data.string());
    open("The Panjshir. Kabul.\n");
    const std::size_t river = placeNamed("Panjshir");
    // On the course's upper reach (70.4 35.9 → 69.9 35.5), 0.6° east of the river's marker.
    state.view = viewOfPoint(state, geo::LonLat(70.2, 35.74), 10.0);
    const MapArea area = visibleMapArea(state);
    const geo::XY marker = pixelOfPlace(state.view, river);
    ASSERT_FALSE(area.contains(marker.x, marker.y)) << "the river's marker should be outside the view";
    const auto measure = [](const std::string& text) { return std::pair<float, float>{7.0f * float(text.size()), 14.0f}; };
    const auto pointedTo = [&](std::size_t place) {
        const auto indicators = ui::layoutEdgeIndicators(state, measure);
        return std::any_of(indicators.begin(), indicators.end(), [&](const ui::EdgeIndicator& e) { return e.place == place; });
    };
    EXPECT_TRUE(pointedTo(river));  // without courses, as any place outside
    state.shapes = &shapes;
    EXPECT_TRUE(courseCrossesView(state, river));
    EXPECT_FALSE(courseCrossesView(state, placeNamed("Kabul")));  // a city has no course
    EXPECT_FALSE(pointedTo(river));
    // East of the course's source: the river is off the view and pointed to.
    state.view = viewOfPoint(state, geo::LonLat(71.5, 35.9), 10.0);
    EXPECT_FALSE(courseCrossesView(state, river));
    EXPECT_TRUE(pointedTo(river));
    state.shapes = nullptr;
    std::filesystem::remove_all(data);
}

TEST(FramingSeed, TheSeedsFocusIsKabulAndThePanjshirValley) {
    const geo::Gazetteer gazetteer = geo::Gazetteer::load(geo::findDataDir());
    const OpenDocument doc = OpenDocument::load(geo::findDataDir() + "/texts/panjshir-valley.txt", gazetteer);
    std::set<std::string> names;
    for (std::size_t i : textFocus(doc).places) names.insert(doc.extraction.places[i].place.name);
    EXPECT_EQ(names, (std::set<std::string>{"Kabul", "Panjshir Valley"}));
}

}  // namespace
