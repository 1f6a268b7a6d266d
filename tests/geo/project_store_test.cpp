// Tests of geo/project_store: a project survives a save/load round trip field by field, is a
// GeoPackage GDAL reads as such, survives a process killed mid-save, and every damaged or foreign
// file is refused with its one-line message.
#include "geo/project_store.hpp"

#include <gdal.h>
#include <gtest/gtest.h>
#include <ogr_api.h>
#include <ogr_srs_api.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <functional>
#include <fstream>
#include <string>
#include <vector>

#include "geo/error.hpp"

namespace {

namespace fs = std::filesystem;

const std::string kFixtures = std::string(TEXTATLAS_TEST_DATA_DIR) + "/project/";

// A fresh directory under the system temp directory, removed with everything in it.
class TempDir {
public:
    TempDir() {
        static std::atomic<int> counter{0};
        path_ = fs::temp_directory_path() /
                ("textatlas-store-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
        fs::remove_all(path_);
        fs::create_directories(path_);
    }
    ~TempDir() {
        std::error_code ec;
        fs::permissions(path_, fs::perms::owner_all, fs::perm_options::add, ec);
        fs::remove_all(path_, ec);
    }
    std::string file(const std::string& name) const { return (path_ / name).string(); }
    std::vector<std::string> entries() const {
        std::vector<std::string> names;
        for (const auto& e : fs::directory_iterator(path_)) names.push_back(e.path().filename().string());
        std::sort(names.begin(), names.end());
        return names;
    }
    const fs::path& path() const { return path_; }

private:
    fs::path path_;
};

geo::ProjectData sampleProject(std::size_t extra_mentions = 0) {
    geo::ProjectData d;
    d.meta.text_path = "/texts/Kābul report.txt";
    d.meta.text = geo::fingerprintText("The text.");
    d.meta.view_lon = 69.1723;
    d.meta.view_lat = 34.5281;
    d.meta.view_zoom = 7.25;
    d.meta.visible_layers = "terrain,rivers,places";
    d.meta.app_version = "0.1.0";
    d.passages = {{0, 0, 40, 0, 42, "Staking his claim in the Panjshir Valley…"},
                  {1, 42, 60, 44, 64, "“Kabul” was quiet."}};
    d.places = {{"curated:panjshir-valley", "Panjshir Valley", geo::PlaceKind::Region, "AF", geo::LonLat(69.52, 35.31), 1.0, 1},
                {"geonames:1138958", "Kabul", geo::PlaceKind::City, "AF", geo::LonLat(69.1723, 34.5281), 0.755741, 1},
                {"user:35.420000,69.610000", "Zarkhan fort", geo::PlaceKind::Physical, "", geo::LonLat(69.61, 35.42), 1.0, 0}};
    d.mentions = {{25, 40, 25, 40, "Panjshir Valley", geo::MentionKind::Toponym, "curated:panjshir-valley", 0},
                  {43, 48, 47, 52, "Kabul", geo::MentionKind::Toponym, "geonames:1138958", 1}};
    for (std::size_t i = 0; i < extra_mentions; ++i) {
        d.mentions.push_back({100 + i, 105 + i, 100 + i, 105 + i, "Kabul", geo::MentionKind::Demonym, "geonames:1138958", 1});
    }
    geo::Correction choose;
    choose.kind = geo::CorrectionKind::ChoosePlace;
    choose.name = "Kabul";
    choose.place_id = "admin1:AF.13";
    choose.edit = 1;
    geo::Correction narrowed;
    narrowed.kind = geo::CorrectionKind::NotAPlace;
    narrowed.name = "Panjshir Valley";
    narrowed.anchor = geo::SpanAnchor{25, 40, "Panjshir Valley", "Staking his claim in the ", "…"};
    narrowed.edit = 2;
    geo::Correction added;
    added.kind = geo::CorrectionKind::AddPlace;
    added.name = "Zarkhan";
    added.anchor = geo::SpanAnchor{10, 17, "Zarkhan", "", " fort"};
    added.user_point = geo::UserPoint{"Zarkhan fort", geo::LonLat(69.61, 35.42), geo::PlaceKind::Physical};
    added.edit = 3;
    geo::Correction same_edit = choose;
    same_edit.name = "Kābul";
    same_edit.edit = 3;
    d.corrections = {choose, narrowed, added, same_edit};
    d.map_settings = R"({"version": 1, "layers": [{"id": "/maps/Kābul relief.tif", "opacity": 0.5}]})";
    return d;
}

void expectSameProject(const geo::ProjectData& a, const geo::ProjectData& b) {
    // Sizes first, for a readable failure; then every field of every row (ProjectData's ==).
    EXPECT_EQ(a.passages.size(), b.passages.size());
    EXPECT_EQ(a.places.size(), b.places.size());
    EXPECT_EQ(a.mentions.size(), b.mentions.size());
    EXPECT_EQ(a.corrections.size(), b.corrections.size());
    EXPECT_TRUE(a == b);
}

geo::Error loadError(const std::string& path) {
    try {
        geo::loadProject(path);
    } catch (const geo::Error& e) {
        return e;
    }
    return geo::Error(geo::ErrorKind::InvalidInput, "no error");
}

geo::Error saveError(const std::string& path) {
    try {
        geo::saveProject(path, sampleProject());
    } catch (const geo::Error& e) {
        return e;
    }
    return geo::Error(geo::ErrorKind::InvalidInput, "no error");
}

// Opens a saved project with GDAL for update, to damage it on purpose.
struct GdalUpdate {
    explicit GdalUpdate(const std::string& path) {
        GDALAllRegister();
        const char* drivers[] = {"GPKG", nullptr};
        dataset = GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, drivers, nullptr, nullptr);
    }
    ~GdalUpdate() {
        if (dataset != nullptr) GDALClose(dataset);
    }
    void sql(const std::string& statement) const {
        OGRLayerH result = GDALDatasetExecuteSQL(dataset, statement.c_str(), nullptr, nullptr);
        if (result != nullptr) GDALDatasetReleaseResultSet(dataset, result);
    }
    GDALDatasetH dataset = nullptr;
};

TEST(ProjectStore, FingerprintIsFnv1a64AndLength) {
    // Published FNV-1a 64 test vectors.
    EXPECT_EQ(geo::fingerprintText("").hash, 0xcbf29ce484222325ULL);
    EXPECT_EQ(geo::fingerprintText("a").hash, 0xaf63dc4c8601ec8cULL);
    EXPECT_EQ(geo::fingerprintText("foobar").hash, 0x85944171f73967e8ULL);
    EXPECT_EQ(geo::fingerprintText("foobar").length, 6u);
    EXPECT_EQ(geo::projectPathFor("/a/b.txt"), "/a/b.txt.atlas.gpkg");
}

TEST(ProjectStore, RoundTripKeepsEveryField) {
    TempDir dir;
    const std::string path = dir.file("report.txt.atlas.gpkg");
    const geo::ProjectData saved = sampleProject();
    geo::saveProject(path, saved);
    expectSameProject(geo::loadProject(path), saved);
    EXPECT_EQ(dir.entries(), std::vector<std::string>{"report.txt.atlas.gpkg"});
}

TEST(ProjectStore, EqualityNoticesEveryField) {
    // The round trip above is only as good as ProjectData's ==: a field it forgot would pass unseen.
    const geo::ProjectData base = sampleProject();
    ASSERT_TRUE(base == base);
    ASSERT_FALSE(base.passages.empty() || base.places.empty() || base.mentions.empty() || base.corrections.empty());
    const std::vector<std::function<void(geo::ProjectData&)>> changes = {
        [](geo::ProjectData& d) { d.meta.format_version += 1; },
        [](geo::ProjectData& d) { d.meta.text_path += "x"; },
        [](geo::ProjectData& d) { d.meta.text.hash += 1; },
        [](geo::ProjectData& d) { d.meta.text.length += 1; },
        [](geo::ProjectData& d) { d.meta.view_lon += 1e-9; },
        [](geo::ProjectData& d) { d.meta.view_lat += 1e-9; },
        [](geo::ProjectData& d) { d.meta.view_zoom += 1e-9; },
        [](geo::ProjectData& d) { d.meta.visible_layers += "x"; },
        [](geo::ProjectData& d) { d.meta.app_version += "x"; },
        [](geo::ProjectData& d) { d.passages[0].index += 1; },
        [](geo::ProjectData& d) { d.passages[0].start += 1; },
        [](geo::ProjectData& d) { d.passages[0].end += 1; },
        [](geo::ProjectData& d) { d.passages[0].byte_start += 1; },
        [](geo::ProjectData& d) { d.passages[0].byte_end += 1; },
        [](geo::ProjectData& d) { d.passages[0].text += "x"; },
        [](geo::ProjectData& d) { d.places[0].id += "x"; },
        [](geo::ProjectData& d) { d.places[0].name += "x"; },
        [](geo::ProjectData& d) { d.places[0].kind = d.places[0].kind == geo::PlaceKind::City ? geo::PlaceKind::Region : geo::PlaceKind::City; },
        [](geo::ProjectData& d) { d.places[0].country += "x"; },
        [](geo::ProjectData& d) { d.places[0].position = geo::LonLat(d.places[0].position.lon + 1e-9, d.places[0].position.lat); },
        [](geo::ProjectData& d) { d.places[0].position = geo::LonLat(d.places[0].position.lon, d.places[0].position.lat + 1e-9); },
        [](geo::ProjectData& d) { d.places[0].confidence += 1e-9; },
        [](geo::ProjectData& d) { d.places[0].mention_count += 1; },
        [](geo::ProjectData& d) { d.mentions[0].start += 1; },
        [](geo::ProjectData& d) { d.mentions[0].end += 1; },
        [](geo::ProjectData& d) { d.mentions[0].byte_start += 1; },
        [](geo::ProjectData& d) { d.mentions[0].byte_end += 1; },
        [](geo::ProjectData& d) { d.mentions[0].text += "x"; },
        [](geo::ProjectData& d) { d.mentions[0].kind = d.mentions[0].kind == geo::MentionKind::Toponym ? geo::MentionKind::Demonym : geo::MentionKind::Toponym; },
        [](geo::ProjectData& d) { d.mentions[0].place_id += "x"; },
        [](geo::ProjectData& d) { d.mentions[0].passage += 1; },
        [](geo::ProjectData& d) { d.corrections[0].name += "x"; },
        [](geo::ProjectData& d) { d.corrections[0].place_id += "x"; },
        [](geo::ProjectData& d) { d.corrections[0].edit += 1; },
        [](geo::ProjectData& d) { d.corrections[0].anchor = d.corrections[0].anchor ? std::nullopt : std::optional<geo::SpanAnchor>(geo::SpanAnchor{}); },
        [](geo::ProjectData& d) { d.corrections[0].user_point = d.corrections[0].user_point ? std::nullopt : std::optional<geo::UserPoint>(geo::UserPoint{}); },
        [](geo::ProjectData& d) { d.map_settings += "x"; },
    };
    for (std::size_t i = 0; i < changes.size(); ++i) {
        geo::ProjectData changed = base;
        changes[i](changed);
        EXPECT_FALSE(changed == base) << "change " << i << " went unnoticed";
    }
    // Inside an anchor and a user point too.
    for (std::size_t i = 0; i < base.corrections.size(); ++i) {
        if (base.corrections[i].anchor) {
            geo::ProjectData changed = base;
            changed.corrections[i].anchor->context_after += "x";
            EXPECT_FALSE(changed == base);
        }
        if (base.corrections[i].user_point) {
            geo::ProjectData changed = base;
            changed.corrections[i].user_point->name += "x";
            EXPECT_FALSE(changed == base);
        }
    }
}

TEST(ProjectStore, MapSettingsAreATableOnlyWhenThereAreSomeAndOlderProjectsOpenWithout) {
    TempDir dir;
    const std::string with = dir.file("with.gpkg");
    const std::string without = dir.file("without.gpkg");
    geo::ProjectData data = sampleProject();
    geo::saveProject(with, data);
    data.map_settings.clear();  // as projects were saved before the table existed
    geo::saveProject(without, data);
    auto hasTable = [](const std::string& path) {
        GDALDatasetH ds = GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, nullptr, nullptr, nullptr);
        EXPECT_NE(ds, nullptr);
        const bool found = ds != nullptr && GDALDatasetGetLayerByName(ds, "map_settings") != nullptr;
        if (ds != nullptr) GDALClose(ds);
        return found;
    };
    EXPECT_TRUE(hasTable(with));
    EXPECT_FALSE(hasTable(without));
    EXPECT_EQ(geo::loadProject(with).map_settings, sampleProject().map_settings);
    const geo::ProjectData old = geo::loadProject(without);
    EXPECT_EQ(old.map_settings, "");
    EXPECT_EQ(old.corrections.size(), data.corrections.size());
}

TEST(ProjectStore, MakeProjectDataSnapshotsTheDocument) {
    const geo::Document doc = geo::Document::fromString("Kabul is high.\n\nKabul again.", "t");
    geo::Extraction ex;
    geo::ResolvedPlace kabul;
    kabul.place.id = "geonames:1138958";
    kabul.place.name = "Kabul";
    kabul.place.position = geo::LonLat(69.1723, 34.5281);
    kabul.confidence = 0.5;
    kabul.mentions = {0, 1};
    kabul.passages = {0, 1};
    ex.places.push_back(kabul);
    geo::Mention first;
    first.byte_end = first.end = 5;
    first.text = "Kabul";
    geo::Mention second = first;
    second.byte_start = second.start = 16;
    second.byte_end = second.end = 21;
    second.passage = 1;
    ex.mentions = {first, second};
    geo::ProjectMeta meta;
    meta.view_zoom = 3.0;
    const geo::ProjectData data = geo::makeProjectData(doc, ex, {}, meta);
    EXPECT_EQ(data.meta.text, geo::fingerprintText(doc.text()));
    EXPECT_EQ(data.meta.view_zoom, 3.0);
    ASSERT_EQ(data.passages.size(), 2u);
    EXPECT_EQ(data.passages[1].text, "Kabul again.");
    ASSERT_EQ(data.places.size(), 1u);
    EXPECT_EQ(data.places[0].mention_count, 2u);
    ASSERT_EQ(data.mentions.size(), 2u);
    EXPECT_EQ(data.mentions[1].place_id, "geonames:1138958");
    EXPECT_EQ(data.mentions[1].passage, 1u);
    EXPECT_FALSE(geo::textChanged(data.meta, doc));
    EXPECT_TRUE(geo::textChanged(data.meta, geo::Document::fromString("Kabul is high.\n\nKabul again!", "t")));
}

TEST(ProjectStore, IsAGeoPackageWithPlacesAsWgs84Points) {
    TempDir dir;
    const std::string path = dir.file("p.atlas.gpkg");
    geo::saveProject(path, sampleProject());
    GDALAllRegister();
    const char* drivers[] = {"GPKG", nullptr};
    GDALDatasetH ds = GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY, drivers, nullptr, nullptr);
    ASSERT_NE(ds, nullptr);
    OGRLayerH places = GDALDatasetGetLayerByName(ds, "places");
    ASSERT_NE(places, nullptr);
    EXPECT_EQ(OGR_GT_Flatten(OGR_L_GetGeomType(places)), wkbPoint);
    OGRSpatialReferenceH srs = OGR_L_GetSpatialRef(places);
    ASSERT_NE(srs, nullptr);
    EXPECT_STREQ(OSRGetAuthorityCode(srs, nullptr), "4326");
    EXPECT_EQ(OGR_L_GetFeatureCount(places, TRUE), 3);
    // x is longitude: the first place's point is the Panjshir Valley's.
    OGRFeatureH f = OGR_L_GetNextFeature(places);
    ASSERT_NE(f, nullptr);
    EXPECT_EQ(OGR_G_GetX(OGR_F_GetGeometryRef(f), 0), 69.52);
    EXPECT_EQ(OGR_G_GetY(OGR_F_GetGeometryRef(f), 0), 35.31);
    OGR_F_Destroy(f);
    // Every table is registered in gpkg_contents, the non-spatial ones as attributes.
    OGRLayerH contents = GDALDatasetExecuteSQL(ds, "SELECT table_name, data_type FROM gpkg_contents ORDER BY table_name",
                                               nullptr, nullptr);
    ASSERT_NE(contents, nullptr);
    std::vector<std::string> rows;
    while (OGRFeatureH row = OGR_L_GetNextFeature(contents)) {
        rows.push_back(std::string(OGR_F_GetFieldAsString(row, 0)) + "=" + OGR_F_GetFieldAsString(row, 1));
        OGR_F_Destroy(row);
    }
    GDALDatasetReleaseResultSet(ds, contents);
    GDALClose(ds);
    EXPECT_EQ(rows, (std::vector<std::string>{"corrections=attributes", "map_settings=attributes", "mentions=attributes",
                                              "passages=attributes", "places=features", "project_meta=attributes"}));
}

TEST(ProjectStore, SavingOverAProjectReplacesItWhole) {
    TempDir dir;
    const std::string path = dir.file("p.atlas.gpkg");
    geo::saveProject(path, sampleProject());
    geo::ProjectData second = sampleProject(3);
    second.corrections.pop_back();
    second.meta.view_zoom = 2.0;
    geo::saveProject(path, second);
    expectSameProject(geo::loadProject(path), second);
    EXPECT_EQ(dir.entries(), std::vector<std::string>{"p.atlas.gpkg"});
}

TEST(ProjectStore, AProcessKilledMidSaveLeavesThePreviousProject) {
    TempDir dir;
    const std::string path = dir.file("p.atlas.gpkg");
    const geo::ProjectData before = sampleProject();
    geo::saveProject(path, before);

    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
        // The child writes a big project and dies by SIGKILL partway: no cleanup runs at all.
        try {
            geo::saveProject(path, sampleProject(20000), [](std::size_t rows) {
                if (rows == 5000) ::raise(SIGKILL);
            });
        } catch (...) {
        }
        ::_exit(3);  // only reached if the kill did not happen
    }
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    ASSERT_TRUE(WIFSIGNALED(status));
    EXPECT_EQ(WTERMSIG(status), SIGKILL);

    // The half-written temporary file (and SQLite's journal) is there, beside the untouched project.
    const std::vector<std::string> left = dir.entries();
    ASSERT_GE(left.size(), 2u);
    EXPECT_EQ(left.back(), "p.atlas.gpkg");
    EXPECT_EQ(left[0].rfind(".p.atlas.gpkg.tmp-" + std::to_string(child) + "-", 0), 0u) << left[0];
    EXPECT_GT(fs::file_size(dir.file(left[0])), 0u);
    expectSameProject(geo::loadProject(path), before);

    // The next save finishes and clears the dead process's leftovers.
    geo::ProjectData after = sampleProject(1);
    geo::saveProject(path, after);
    expectSameProject(geo::loadProject(path), after);
    EXPECT_EQ(dir.entries(), std::vector<std::string>{"p.atlas.gpkg"});
}

TEST(ProjectStore, AFailedSaveLeavesNoTempFileAndTheOldProject) {
    TempDir dir;
    const std::string path = dir.file("p.atlas.gpkg");
    const geo::ProjectData before = sampleProject();
    geo::saveProject(path, before);
    EXPECT_THROW(geo::saveProject(path, sampleProject(100),
                                  [](std::size_t rows) {
                                      if (rows == 50) throw std::runtime_error("disk on fire");
                                  }),
                 std::runtime_error);
    EXPECT_EQ(dir.entries(), std::vector<std::string>{"p.atlas.gpkg"});
    expectSameProject(geo::loadProject(path), before);
}

TEST(ProjectStore, SaveNamesTheDirectoryItCannotWrite) {
    TempDir dir;
    std::ofstream(dir.file("plain-file")) << "x";
    const geo::Error under_file = saveError(dir.file("plain-file") + "/p.atlas.gpkg");
    EXPECT_EQ(under_file.kind(), geo::ErrorKind::Io);
    EXPECT_EQ(std::string(under_file.what()), dir.file("plain-file/p.atlas.gpkg") + ": cannot write project (not a directory)");
    EXPECT_EQ(std::string(saveError(dir.file("missing") + "/p.atlas.gpkg").what()),
              dir.file("missing/p.atlas.gpkg") + ": cannot write project (directory does not exist)");
    fs::create_directory(dir.file("p.atlas.gpkg"));
    EXPECT_EQ(std::string(saveError(dir.file("p.atlas.gpkg")).what()), dir.file("p.atlas.gpkg") + ": is a directory");
}

TEST(ProjectStore, SaveNamesAReadOnlyDirectory) {
    if (::geteuid() == 0) GTEST_SKIP() << "root writes into read-only directories";
    TempDir dir;
    const std::string locked = dir.file("locked");
    fs::create_directory(locked);
    fs::permissions(locked, fs::perms::owner_read | fs::perms::owner_exec);
    EXPECT_EQ(std::string(saveError(locked + "/p.atlas.gpkg").what()), locked + "/p.atlas.gpkg: cannot write project (permission denied)");
}

TEST(ProjectStore, AProjectWhoseTableIsAnEndlessViewIsRefusedAtOnce) {
    // A hostile project: "corrections" is a recursive SQL view that yields rows forever.
    TempDir dir;
    const std::string path = dir.file("p.atlas.gpkg");
    const geo::ProjectData saved = sampleProject();
    ASSERT_FALSE(saved.corrections.empty());
    geo::saveProject(path, saved);
    {
        GdalUpdate update(path);
        ASSERT_NE(update.dataset, nullptr);
        update.sql("ALTER TABLE corrections RENAME TO corrections_rows");
        update.sql("CREATE VIEW corrections AS WITH RECURSIVE forever(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM "
                   "forever) SELECT c.* FROM forever, corrections_rows AS c");
        update.sql("INSERT INTO gpkg_contents (table_name, data_type, identifier) VALUES ('corrections', 'attributes', "
                   "'corrections')");
    }
    const geo::Error error = loadError(path);
    EXPECT_EQ(error.kind(), geo::ErrorKind::CorruptData);
    EXPECT_EQ(std::string(error.what()), path + ": damaged project (corrections is a view, not a table)");
}

TEST(ProjectStore, AFifoOrDeviceAsTheProjectIsRefusedWithoutWaiting) {
    TempDir dir;
    const std::string fifo = dir.file("p.atlas.gpkg");
    ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
    EXPECT_EQ(std::string(loadError(fifo).what()), fifo + ": not a regular file (a device, FIFO or socket)");
    EXPECT_EQ(std::string(loadError("/dev/zero").what()), "/dev/zero: not a regular file (a device, FIFO or socket)");
}

TEST(ProjectStore, RefusesFilesThatAreNotProjects) {
    TempDir dir;
    EXPECT_EQ(std::string(loadError(dir.file("none.atlas.gpkg")).what()), dir.file("none.atlas.gpkg") + ": no such file");
    EXPECT_EQ(std::string(loadError(dir.path().string()).what()), dir.path().string() + ": is a directory");
    std::ofstream(dir.file("empty.atlas.gpkg")).flush();
    EXPECT_EQ(std::string(loadError(dir.file("empty.atlas.gpkg")).what()),
              dir.file("empty.atlas.gpkg") + ": not a Text Atlas project (empty file)");
    const std::string text = kFixtures + "not_sqlite.gpkg";
    const geo::Error not_sqlite = loadError(text);
    EXPECT_EQ(not_sqlite.kind(), geo::ErrorKind::InvalidInput);
    EXPECT_EQ(std::string(not_sqlite.what()), text + ": not a Text Atlas project (not an SQLite database)");
    const std::string plain = kFixtures + "plain_sqlite.gpkg";
    EXPECT_EQ(std::string(loadError(plain).what()), plain + ": not a Text Atlas project (an SQLite database, not a GeoPackage)");

    // A GeoPackage of someone else's roads.
    const std::string roads = dir.file("roads.gpkg");
    GDALAllRegister();
    GDALDatasetH ds = GDALCreate(GDALGetDriverByName("GPKG"), roads.c_str(), 0, 0, 0, GDT_Unknown, nullptr);
    ASSERT_NE(ds, nullptr);
    ASSERT_NE(GDALDatasetCreateLayer(ds, "roads", nullptr, wkbLineString, nullptr), nullptr);
    GDALClose(ds);
    EXPECT_EQ(std::string(loadError(roads).what()),
              roads + ": not a Text Atlas project (a GeoPackage without the project_meta table)");
}

TEST(ProjectStore, RefusesATruncatedProject) {
    TempDir dir;
    const std::string path = dir.file("p.atlas.gpkg");
    geo::saveProject(path, sampleProject(2000));
    const std::uintmax_t size = fs::file_size(path);
    const std::string cut = dir.file("cut.atlas.gpkg");
    {
        std::ifstream in(path, std::ios::binary);
        std::string bytes(size / 2, '\0');
        in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        std::ofstream(cut, std::ios::binary) << bytes;
    }
    const geo::Error e = loadError(cut);
    EXPECT_EQ(e.kind(), geo::ErrorKind::CorruptData);
    // An SQLite file is a whole number of pages, so the header's page count gives the full size.
    EXPECT_EQ(std::string(e.what()),
              cut + ": truncated project (" + std::to_string(size / 2) + " of " + std::to_string(size) + " bytes)");
}

TEST(ProjectStore, RefusesAProjectWithGarbageInside) {
    TempDir dir;
    const std::string path = dir.file("p.atlas.gpkg");
    geo::saveProject(path, sampleProject(2000));
    const std::uintmax_t size = fs::file_size(path);
    {
        // Same size, every byte of the second half overwritten.
        std::fstream f(path, std::ios::binary | std::ios::in | std::ios::out);
        f.seekp(static_cast<std::streamoff>(size / 2));
        f << std::string(size - size / 2, '\x5a');
    }
    ASSERT_EQ(fs::file_size(path), size);
    const geo::Error e = loadError(path);
    EXPECT_EQ(e.kind(), geo::ErrorKind::CorruptData) << e.what();
    EXPECT_EQ(std::string(e.what()).rfind(path + ": damaged project (", 0), 0u) << e.what();
}

TEST(ProjectStore, RefusesANewerFormatNamingBoth) {
    TempDir dir;
    const std::string path = dir.file("p.atlas.gpkg");
    geo::saveProject(path, sampleProject());
    {
        GdalUpdate update(path);
        ASSERT_NE(update.dataset, nullptr);
        update.sql("UPDATE project_meta SET format_version = 3");
    }
    const geo::Error e = loadError(path);
    EXPECT_EQ(e.kind(), geo::ErrorKind::InvalidInput);
    EXPECT_EQ(std::string(e.what()), path + ": made by a newer Text Atlas (format 3; this one reads up to 1)");
}

TEST(ProjectStore, RefusesAMissingTableOrABadRow) {
    TempDir dir;
    const std::string path = dir.file("p.atlas.gpkg");
    geo::saveProject(path, sampleProject());
    {
        GdalUpdate update(path);
        ASSERT_NE(update.dataset, nullptr);
        update.sql("UPDATE mentions SET kind = 'river' WHERE fid = 2");
    }
    EXPECT_EQ(std::string(loadError(path).what()),
              path + ": damaged project (table 'mentions', row 2: unknown kind 'river')");
    {
        GdalUpdate update(path);
        ASSERT_NE(update.dataset, nullptr);
        for (int i = 0; i < GDALDatasetGetLayerCount(update.dataset); ++i) {
            if (std::string(OGR_L_GetName(GDALDatasetGetLayer(update.dataset, i))) == "mentions") {
                ASSERT_EQ(GDALDatasetDeleteLayer(update.dataset, i), OGRERR_NONE);
            }
        }
    }
    const geo::Error e = loadError(path);
    EXPECT_EQ(e.kind(), geo::ErrorKind::CorruptData);
    EXPECT_EQ(std::string(e.what()), path + ": damaged project (missing table 'mentions')");
}

}  // namespace
