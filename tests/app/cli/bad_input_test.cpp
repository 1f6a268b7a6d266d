// Bad and awkward input through the real `textatlas` program (issue 7): every case answers with
// one line naming the file and the problem on stderr and exit code 1, or works as documented. Also
// the piece-by-piece extraction (app/cli/text_stream.hpp, extract_stream.hpp) against the
// whole-document pipeline, and the --jsonl line reader.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "app/cli/extract_stream.hpp"
#include "app/cli/json_output.hpp"
#include "app/cli/jsonl_reader.hpp"
#include "app/cli/text_stream.hpp"
#include "geo/data_paths.hpp"
#include "geo/error.hpp"
#include "geo/extraction.hpp"
#include "geo/gazetteer.hpp"
#include "geo/text.hpp"

namespace {

namespace fs = std::filesystem;

const std::string kTextFixtures = std::string(TEXTATLAS_TEST_DATA_DIR) + "/text/";
const std::string kSeed = std::string(TEXTATLAS_TEST_DATA_DIR) + "/../../data/texts/panjshir-valley.txt";

struct CommandRun {
    int exit_code = -1;
    std::string out;
    std::string err;
};

// A folder of this test process, removed at the end of each test.
class BadInput : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() / ("textatlas-bad-input-" + std::to_string(::getpid()) + "-" +
                                            ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::remove_all(dir_);
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }

    std::string path(const std::string& name) const { return (dir_ / name).string(); }
    std::string write(const std::string& name, const std::string& bytes) const {
        std::ofstream(path(name), std::ios::binary) << bytes;
        return path(name);
    }

    // Runs `[BEFORE |] env ENV textatlas ARGS` through the shell (the caller quotes).
    CommandRun textatlas(const std::string& args, const std::string& env = "", const std::string& before = "") const {
        const std::string err_file = path("stderr.txt");
        const std::string command = (before.empty() ? "" : before + " | ") + "env -u DISPLAY -u WAYLAND_DISPLAY " + env +
                                    " '" + TEXTATLAS_BINARY + "' " + args + " 2>'" + err_file + "'";
        CommandRun run;
        std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(command.c_str(), "r"), pclose);
        std::array<char, 65536> buffer{};
        std::size_t n = 0;
        while ((n = fread(buffer.data(), 1, buffer.size(), pipe.get())) > 0) run.out.append(buffer.data(), n);
        const int status = pclose(pipe.release());
        run.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
        std::ifstream err(err_file, std::ios::binary);
        run.err.assign(std::istreambuf_iterator<char>(err), std::istreambuf_iterator<char>());
        return run;
    }

    // `textatlas extract FILE` must fail with exactly "textatlas: MESSAGE\n" and exit code 1.
    void expectExtractFails(const std::string& file, const std::string& message) const {
        const CommandRun run = textatlas("extract '" + file + "'");
        EXPECT_EQ(run.exit_code, 1) << file;
        EXPECT_EQ(run.err, "textatlas: " + message + "\n");
        EXPECT_EQ(run.out, "");  // nothing half-written on stdout
    }

    fs::path dir_;
};

TEST_F(BadInput, MissingFile) {
    expectExtractFails(path("nothing-here.txt"), path("nothing-here.txt") + ": no such file");
}

TEST_F(BadInput, DirectoryInsteadOfFile) {
    expectExtractFails(dir_.string(), dir_.string() + ": is a directory");
}

TEST_F(BadInput, FileWithoutReadPermission) {
    if (::geteuid() == 0) GTEST_SKIP() << "root reads any file";
    const std::string file = write("locked.txt", "Kabul\n");
    fs::permissions(file, fs::perms::none);
    expectExtractFails(file, file + ": permission denied");
}

TEST_F(BadInput, EmptyAndWhitespaceOnlyFiles) {
    expectExtractFails(kTextFixtures + "empty.txt", kTextFixtures + "empty.txt: empty file");
    expectExtractFails(kTextFixtures + "whitespace_only.txt", kTextFixtures + "whitespace_only.txt: empty file");
}

TEST_F(BadInput, BinaryFile) {
    expectExtractFails(kTextFixtures + "binary.bin", kTextFixtures + "binary.bin: binary file, not text");
}

TEST_F(BadInput, EndlessDeviceIsRefusedAsBinaryAtOnce) {
    // /dev/zero never ends: the first NUL byte decides, before memory fills up.
    const auto start = std::chrono::steady_clock::now();
    expectExtractFails("/dev/zero", "/dev/zero: binary file, not text");
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(20));
}

TEST_F(BadInput, InvalidUtf8SaysWhere) {
    // The fixture's README: a Latin-1 é at byte 55, line 2, column 34.
    expectExtractFails(kTextFixtures + "invalid_utf8.txt",
                       kTextFixtures + "invalid_utf8.txt: invalid UTF-8 at byte 55 (line 2, column 34)");
    // A sequence cut by the end of the file, after a BOM: bytes count the BOM, columns do not.
    const std::string cut = write("cut.txt", "\xEF\xBB\xBFKabul\nHerat \xE2\x82");
    expectExtractFails(cut, cut + ": invalid UTF-8 at byte 15 (line 2, column 7)");
}

TEST_F(BadInput, Utf16WithBomIsRefusedWithAHint) {
    expectExtractFails(kTextFixtures + "utf16le_bom.txt",
                       kTextFixtures + "utf16le_bom.txt: UTF-16 text is not supported; save it as UTF-8");
    const std::string big_endian = write("utf16be.txt", std::string("\xFE\xFF\0K\0a\0b\0u\0l", 12));
    expectExtractFails(big_endian, big_endian + ": UTF-16 text is not supported; save it as UTF-8");
}

TEST_F(BadInput, WindowsLineEndingsGiveTheSameJsonAsUnixOnes) {
    const std::string text = "Kabul is in Afghanistan.\n\nHerat is in the west.\nMazar-i-Sharif too.\n";
    std::string crlf;
    for (const char c : text) crlf += c == '\n' ? std::string("\r\n") : std::string(1, c);
    const CommandRun unix_run = textatlas("extract '" + write("unix.txt", text) + "'");
    const CommandRun windows_run = textatlas("extract '" + write("windows.txt", "\xEF\xBB\xBF" + crlf) + "'");
    ASSERT_EQ(unix_run.exit_code, 0) << unix_run.err;
    ASSERT_EQ(windows_run.exit_code, 0) << windows_run.err;
    EXPECT_EQ(windows_run.out, unix_run.out);
    // Two paragraphs; offsets count code points of the LF text.
    const auto doc = nlohmann::json::parse(unix_run.out);
    ASSERT_EQ(doc["passages"].size(), 2u);
    EXPECT_EQ(doc["passages"][1]["start"], 26);
}

TEST_F(BadInput, SingleHundredMegabyteLine) {
    // One line: "Kabul", 50 M no-break spaces (100 MB), " and Herat." Offsets are code points,
    // so Herat starts at 5 + 50 M + 5, not at its byte offset.
    constexpr std::size_t kSpaces = 50u << 20;
    const std::string file = path("long-line.txt");
    {
        std::ofstream out(file, std::ios::binary);
        out << "Kabul";
        std::string block;
        for (int i = 0; i < (1 << 19); ++i) block += "\xC2\xA0";
        for (std::size_t written = 0; written < kSpaces; written += 1u << 19) out << block;
        out << " and Herat.";
    }
    ASSERT_EQ(fs::file_size(file), 5 + 2 * kSpaces + 11);
    const auto start = std::chrono::steady_clock::now();
    const CommandRun run = textatlas("extract '" + file + "'");
    const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    ASSERT_EQ(run.exit_code, 0) << run.err;
    const auto doc = nlohmann::json::parse(run.out);
    ASSERT_EQ(doc["passages"].size(), 1u);
    EXPECT_EQ(doc["passages"][0]["start"], 0);
    EXPECT_EQ(doc["passages"][0]["end"], 5 + kSpaces + 11);
    ASSERT_EQ(doc["mentions"].size(), 2u);
    EXPECT_EQ(doc["mentions"][0]["text"], "Kabul");
    EXPECT_EQ(doc["mentions"][0]["start"], 0);
    EXPECT_EQ(doc["mentions"][1]["text"], "Herat");
    EXPECT_EQ(doc["mentions"][1]["start"], 5 + kSpaces + 5);
    EXPECT_EQ(doc["mentions"][1]["end"], 5 + kSpaces + 10);
    EXPECT_LT(seconds, 120.0);  // linear, not quadratic, in the line's length
}

TEST_F(BadInput, MissingDataFilesAreNamedInOneLine) {
    const fs::path empty = dir_ / "empty-data";
    fs::create_directories(empty);
    const std::string env = "TEXTATLAS_DATA='" + empty.string() + "'";
    const std::string missing = empty.string() + "/gazetteer/cities.tsv.gz: missing";
    const CommandRun extract = textatlas("extract '" + kSeed + "'", env);
    EXPECT_EQ(extract.exit_code, 1);
    EXPECT_EQ(extract.err, "textatlas: " + missing + "\n");
    const CommandRun view = textatlas("view '" + kSeed + "' --headless-out '" + path("map.png") + "'", env);
    EXPECT_EQ(view.exit_code, 1);
    EXPECT_EQ(view.err, "textatlas: " + missing + "\n");
    EXPECT_FALSE(fs::exists(path("map.png")));
}

TEST_F(BadInput, OutputThatCannotBeWrittenFails) {
    const CommandRun run = textatlas("extract '" + kSeed + "' >/dev/full");
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_EQ(run.err, "textatlas: cannot write the output (disk full or closed pipe?)\n");
}

TEST_F(BadInput, EndlessPipeOfTextRunsOutOfMemoryWithOneLine) {
#if defined(__SANITIZE_ADDRESS__)
    GTEST_SKIP() << "AddressSanitizer reserves more address space than the limit allows";
#else
    // A pipe cannot be read twice, so it is read into memory: text without end must end in a
    // message, not in std::terminate. 1 GB of address space, a pipe that never ends.
    const CommandRun run = textatlas("extract /dev/stdin", "", "ulimit -v 1000000; yes 'Kabul and Herat'");
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_EQ(run.err, "textatlas: out of memory\n");
#endif
}

// What a command wrote in `home` (relative paths) besides the program's own cache folder,
// ~/.cache/textatlas, where Mesa keeps the compiled shaders.
std::vector<std::string> writtenBesidesTheShaderCache(const fs::path& home) {
    std::vector<std::string> written;
    for (const auto& entry : fs::recursive_directory_iterator(home)) {
        const std::string relative = fs::relative(entry.path(), home).string();
        if (relative == ".cache" || relative == ".cache/textatlas" || relative.rfind(".cache/textatlas/", 0) == 0)
            continue;
        written.push_back(relative);
    }
    return written;
}

TEST_F(BadInput, RenderWritesItsOutputAndNothingElse) {
    // Only the paths the user chose and the program's own XDG folders may be written: in the home
    // folder, nothing but Mesa's compiled shaders in ~/.cache/textatlas (Mesa's own default would
    // be ~/.cache/mesa_shader_cache).
    const fs::path home = dir_ / "home";
    fs::create_directories(home);
    const std::string png = path("map.png");
    const CommandRun run = textatlas("render '" + kSeed + "' --out '" + png + "' --size 160x100",
                                     "-u XDG_CONFIG_HOME -u XDG_CACHE_HOME -u MESA_SHADER_CACHE_DISABLE "
                                     "-u MESA_SHADER_CACHE_DIR HOME='" + home.string() + "'");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_TRUE(fs::exists(png));
    EXPECT_EQ(writtenBesidesTheShaderCache(home), std::vector<std::string>{});
    EXPECT_TRUE(fs::is_directory(home / ".cache" / "textatlas" / "mesa_shader_cache"));
    for (const auto& entry : fs::directory_iterator(dir_)) {
        const std::string name = entry.path().filename().string();
        EXPECT_TRUE(name == "map.png" || name == "home" || name == "stderr.txt") << name;  // no temporary left
    }
}

TEST_F(BadInput, HtmlReportWritesItsOutputAndNothingElse) {
    // The report's map went through a PNG in the system's temporary folder, outside the paths the
    // user chose; now it is made beside the report and removed.
    const fs::path tmp = dir_ / "tmp";
    const fs::path home = dir_ / "home";
    fs::create_directories(tmp);
    fs::create_directories(home);
    const std::string report = path("report.html");
    const CommandRun run = textatlas("export '" + kSeed + "' --out '" + report + "' --size 300x200",
                                     "-u XDG_CONFIG_HOME -u XDG_CACHE_HOME TMPDIR='" + tmp.string() + "' HOME='" +
                                         home.string() + "'");
    ASSERT_EQ(run.exit_code, 0) << run.err;
    EXPECT_TRUE(fs::exists(report));
    EXPECT_TRUE(fs::is_empty(tmp));
    EXPECT_EQ(writtenBesidesTheShaderCache(home), std::vector<std::string>{});
    for (const auto& entry : fs::directory_iterator(dir_)) {
        const std::string name = entry.path().filename().string();
        EXPECT_TRUE(name == "report.html" || name == "tmp" || name == "home" || name == "stderr.txt") << name;
    }
}

TEST_F(BadInput, PipeGivesTheSameJsonAsTheFile) {
    const CommandRun from_file = textatlas("extract '" + kSeed + "'");
    const CommandRun from_pipe = textatlas("extract /dev/stdin", "", "cat '" + kSeed + "'");
    ASSERT_EQ(from_file.exit_code, 0) << from_file.err;
    ASSERT_EQ(from_pipe.exit_code, 0) << from_pipe.err;
    EXPECT_EQ(from_pipe.out, from_file.out);
}

TEST_F(BadInput, JsonlDirectoryMissingFileAndBadLines) {
    CommandRun run = textatlas("extract --jsonl '" + dir_.string() + "'");
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_EQ(run.err, "textatlas: " + dir_.string() + ": is a directory\n");
    run = textatlas("extract --jsonl '" + path("none.jsonl") + "'");
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_EQ(run.err, "textatlas: " + path("none.jsonl") + ": no such file\n");
    const std::string corpus = write("corpus.jsonl", "{\"id\": 1, \"text\": \"Kabul\"}\r\n\n{\"id\": 2, \"text\": 3}\n");
    run = textatlas("extract --jsonl '" + corpus + "'");
    EXPECT_EQ(run.exit_code, 1);
    EXPECT_EQ(run.err, "textatlas: " + corpus + ":3: expected \"id\" and a string \"text\"\n");
    // The first document was written before the bad line stopped the run.
    EXPECT_EQ(nlohmann::json::parse(run.out.substr(0, run.out.find('\n')))["id"], 1);
}

// ---- the line reader of --jsonl

TEST(JsonlLine, BlankDocumentAndErrors) {
    using Kind = app::cli::JsonlLine::Kind;
    EXPECT_EQ(app::cli::parseJsonlLine(" \t\r", "c.jsonl", 4).kind, Kind::Blank);
    const app::cli::JsonlLine doc = app::cli::parseJsonlLine(R"({"id": [1, "a"], "text": "K\u00e4bul"})" "\r", "c.jsonl", 1);
    ASSERT_EQ(doc.kind, Kind::Document);
    EXPECT_EQ(doc.id, nlohmann::json::parse(R"([1, "a"])"));
    EXPECT_EQ(doc.text, "K\xC3\xA4" "bul");
    EXPECT_EQ(app::cli::parseJsonlLine("[1]", "c.jsonl", 7).error, "c.jsonl:7: not a JSON object");
    EXPECT_EQ(app::cli::parseJsonlLine("{\"id\": 1", "c.jsonl", 8).error, "c.jsonl:8: not a JSON object");
    // Invalid UTF-8 inside a JSON string is not JSON.
    EXPECT_EQ(app::cli::parseJsonlLine("{\"id\": 1, \"text\": \"\xE9\"}", "c.jsonl", 9).error,
              "c.jsonl:9: not a JSON object");
    EXPECT_EQ(app::cli::parseJsonlLine(R"({"text": "Kabul"})", "c.jsonl", 2).error,
              "c.jsonl:2: expected \"id\" and a string \"text\"");
    EXPECT_EQ(app::cli::parseJsonlLine(R"({"id": 1, "text": null})", "c.jsonl", 3).error,
              "c.jsonl:3: expected \"id\" and a string \"text\"");
}

// ---- extraction piece by piece against the whole document

class PiecewiseExtraction : public ::testing::Test {
protected:
    static void SetUpTestSuite() { gazetteer_ = new geo::Gazetteer(geo::Gazetteer::load(geo::findDataDir())); }
    static void TearDownTestSuite() {
        delete gazetteer_;
        gazetteer_ = nullptr;
    }

    static std::string wholeJson(const std::string& bytes) {
        const geo::Document doc = geo::Document::fromString(bytes, "text");
        return app::cli::documentJson(doc, geo::extractPlaces(doc, *gazetteer_)).dump(2) + "\n";
    }
    static std::string piecewiseJson(const std::string& bytes, std::size_t piece_bytes, std::size_t read_bytes,
                                     std::size_t cut_slack_bytes = app::cli::TextStream::kCutSlackBytes) {
        app::cli::TextStream stream =
            app::cli::TextStream::fromString(bytes, "text", piece_bytes, read_bytes, cut_slack_bytes);
        std::ostringstream out;
        app::cli::writeExtractionJson(stream, *gazetteer_, out);
        return out.str();
    }
    static std::string readFile(const std::string& path) {
        std::ifstream in(path, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    }

    static geo::Gazetteer* gazetteer_;
};
geo::Gazetteer* PiecewiseExtraction::gazetteer_ = nullptr;

TEST_F(PiecewiseExtraction, SeedClaimSurvivesPieces) {
    // "about 100 miles north of Kabul" in the seed's first paragraph, one piece per paragraph.
    const auto doc = nlohmann::json::parse(piecewiseJson(readFile(kSeed), 1, 64));
    ASSERT_FALSE(doc["distance_claims"].empty());
    EXPECT_EQ(doc["distance_claims"][0]["text"], "about 100 miles north of Kabul");
    EXPECT_EQ(doc["distance_claims"][0]["reference"], "geonames:1138958");
}

TEST_F(PiecewiseExtraction, OnePieceGivesExactlyTheWholeDocumentJson) {
    const std::string texts[] = {
        readFile(kSeed),
        readFile(kTextFixtures + "crlf_bom.txt"),
        "Mazār-i-Sharīf and Kābul.\n\n\nThe Panjshir Valley, north of Kabul.\n \n\xC2\xA0Herat\r\nis west.",
        "Nothing to find here.",
    };
    for (const std::string& text : texts) {
        const std::string expected = wholeJson(text);
        EXPECT_EQ(piecewiseJson(text, app::cli::TextStream::kDefaultPieceBytes, app::cli::TextStream::kReadBytes),
                  expected);
        // However the input arrives, one piece is one piece.
        EXPECT_EQ(piecewiseJson(text, app::cli::TextStream::kDefaultPieceBytes, 7), expected);
    }
}

TEST_F(PiecewiseExtraction, SmallPiecesKeepPassagesAndOffsetsOfTheWholeText) {
    // Line-per-paragraph and blank-line-separated shapes, with a CR LF split across reads.
    const std::string texts[] = {readFile(kSeed),
                                 "Kabul is big.\r\nHerat is west.\r\n\r\nBamyan has Buddhas.\r\nFaizabad is north."};
    for (const std::string& text : texts) {
        const geo::Document whole = geo::Document::fromString(text, "text");
        const auto doc = nlohmann::json::parse(piecewiseJson(text, 1, 3));
        ASSERT_EQ(doc["passages"].size(), whole.passages().size());
        for (std::size_t i = 0; i < whole.passages().size(); ++i) {
            EXPECT_EQ(doc["passages"][i]["index"], i);
            EXPECT_EQ(doc["passages"][i]["start"], whole.passages()[i].start);
            EXPECT_EQ(doc["passages"][i]["end"], whole.passages()[i].end);
        }
        // Every mention's text is the whole text's at its code-point offsets, inside its passage.
        ASSERT_FALSE(doc["mentions"].empty());
        for (const auto& m : doc["mentions"]) {
            const std::size_t begin = whole.codePointToByte(m["start"].get<std::size_t>());
            const std::size_t end = whole.codePointToByte(m["end"].get<std::size_t>());
            EXPECT_EQ(whole.slice(begin, end), m["text"].get<std::string>());
            EXPECT_EQ(whole.passageAtByte(begin), m["passage"].get<std::size_t>());
        }
        // The same keys as the whole document's JSON, and claims whose text sits at their offsets.
        const auto whole_json = nlohmann::json::parse(wholeJson(text));
        EXPECT_EQ(doc.size(), whole_json.size());
        for (const auto& item : whole_json.items()) EXPECT_TRUE(doc.contains(item.key())) << item.key();
        for (const auto& claim : doc["distance_claims"]) {
            const std::size_t begin = whole.codePointToByte(claim["start"].get<std::size_t>());
            const std::size_t end = whole.codePointToByte(claim["end"].get<std::size_t>());
            EXPECT_EQ(whole.slice(begin, end), claim["text"].get<std::string>());
        }
        // Places are merged by id: each lists its mentions, which point back at it.
        for (const auto& place : doc["places"]) {
            for (const auto& index : place["mentions"]) {
                EXPECT_EQ(doc["mentions"][index.get<std::size_t>()]["place"], place["id"]);
            }
        }
    }
}

TEST_F(PiecewiseExtraction, PiecesEndOnlyAtPassageBoundaries) {
    // Paragraph shape: a paragraph of three lines must stay whole even with one-byte pieces.
    const std::string text = "Kabul\nHerat\nBamyan\n\n\xEF\xBB\xBFKandahar\n\nGhazni";
    app::cli::TextStream stream = app::cli::TextStream::fromString(text, "text", 1, 2);
    EXPECT_EQ(stream.rule(), geo::PassageRule::Paragraphs);
    std::vector<std::string> pieces;
    std::vector<std::size_t> code_point_bases;
    while (auto piece = stream.next()) {
        pieces.push_back(piece->document.text());
        code_point_bases.push_back(piece->code_point_base);
    }
    // The piece would start with U+FEFF, which a Document drops as a BOM: no cut there.
    ASSERT_EQ(pieces.size(), 2u);
    EXPECT_EQ(pieces[0], "Kabul\nHerat\nBamyan\n\n\xEF\xBB\xBFKandahar\n\n");
    EXPECT_EQ(pieces[1], "Ghazni");
    EXPECT_EQ(code_point_bases[1], 31u);
}

// ---- a passage too long for one piece (a text of one long line) is cut inside

// The whole text's passages rebuilt from TextStream's pieces as the writer joins them (a piece that
// continues a passage extends the last one), checking on the way that only whitespace is left out
// between pieces and that the code-point bases add up.
struct JoinedPieces {
    std::vector<geo::Passage> passages;  // index, start, end (code points)
    std::vector<std::string> texts;      // each piece's text
    std::size_t continued = 0;           // pieces that go on with the passage before
};
JoinedPieces joinPieces(const std::string& bytes, const geo::Document& whole, std::size_t piece_bytes,
                        std::size_t read_bytes, std::size_t cut_slack_bytes) {
    JoinedPieces joined;
    app::cli::TextStream stream = app::cli::TextStream::fromString(bytes, "text", piece_bytes, read_bytes, cut_slack_bytes);
    std::size_t code_points = 0;
    while (auto piece = stream.next()) {
        EXPECT_GE(piece->code_point_base, code_points);
        const std::size_t gap_begin = whole.codePointToByte(code_points);
        const std::size_t gap_end = whole.codePointToByte(piece->code_point_base);
        for (std::size_t i = gap_begin; i < gap_end;) {
            const std::size_t length = geo::passageWhitespaceAt(whole.text(), i);
            EXPECT_GT(length, 0u) << "left out between pieces at byte " << i;
            i += std::max<std::size_t>(length, 1);
        }
        // The piece is the whole text's bytes at its place.
        EXPECT_EQ(whole.text().compare(gap_end, piece->document.text().size(), piece->document.text()), 0);
        EXPECT_EQ(piece->passage_base + (piece->continues_passage ? 1 : 0), joined.passages.size());
        joined.continued += piece->continues_passage;
        for (geo::Passage p : piece->document.passages()) {
            p.index += piece->passage_base;
            p.start += piece->code_point_base;
            p.end += piece->code_point_base;
            if (p.index + 1 == joined.passages.size()) {
                joined.passages.back().end = p.end;
                continue;
            }
            joined.passages.push_back(p);
        }
        code_points = piece->code_point_base + piece->document.codePointCount();
        joined.texts.push_back(piece->document.text());
    }
    return joined;
}

void expectPassagesOfTheWholeText(const JoinedPieces& joined, const geo::Document& whole, const std::string& what) {
    ASSERT_EQ(joined.passages.size(), whole.passages().size()) << what;
    for (std::size_t i = 0; i < joined.passages.size(); ++i) {
        EXPECT_EQ(joined.passages[i].index, i) << what;
        EXPECT_EQ(joined.passages[i].start, whole.passages()[i].start) << what << ", passage " << i;
        EXPECT_EQ(joined.passages[i].end, whole.passages()[i].end) << what << ", passage " << i;
    }
}

TEST_F(PiecewiseExtraction, ALongLineIsCutInsideAtSentenceEndsKeepingTheWholeTextsJson) {
    // One line of 60 copies of two sentences, with names of two words ("St. Louis", "New York")
    // and a qualifier ("Alexandria, Va."): a piece's size falls inside the second sentence, and the
    // cut waits for its end (the first sentence end in the slack after it), so each piece is one
    // copy, no name is cut and each piece resolves as the whole; the JSON is the whole text's, its
    // one passage from the first character to the last.
    const std::string copy =
        "Troops left Kabul for Herat and St. Louis, Alexandria, Va. and New York, about 100 miles north of Kabul. "
        "Officials in Kandahar said the Afghan army had left. ";
    std::string text;
    for (int i = 0; i < 60; ++i) text += copy;
    const geo::Document whole = geo::Document::fromString(text, "text");
    ASSERT_EQ(whole.passages().size(), 1u);
    // Pieces end inside the passage, each at the end of a copy: its last sentence.
    const JoinedPieces joined = joinPieces(text, whole, copy.size() - 30, 7, copy.size() / 2);
    expectPassagesOfTheWholeText(joined, whole, "sentences");
    ASSERT_EQ(joined.texts.size(), 60u);
    EXPECT_EQ(joined.continued, 59u);
    for (std::size_t i = 0; i + 1 < joined.texts.size(); ++i) EXPECT_EQ(joined.texts[i], copy.substr(0, copy.size() - 1));
    EXPECT_EQ(joined.texts.back(), copy);  // the rest, its space after the last sentence with it
    // The JSON: the same mentions (offsets, texts, places, passage 0), places with their lists,
    // claims and the one passage as the whole text's.
    const auto pieced = nlohmann::json::parse(piecewiseJson(text, copy.size() - 30, 7, copy.size() / 2));
    const auto expected = nlohmann::json::parse(wholeJson(text));
    ASSERT_EQ(pieced["mentions"].size(), expected["mentions"].size());
    ASSERT_FALSE(expected["mentions"].empty());
    EXPECT_EQ(pieced["mentions"], expected["mentions"]);
    EXPECT_EQ(pieced["passages"], expected["passages"]);
    EXPECT_EQ(pieced["places"], expected["places"]);
    EXPECT_EQ(pieced["distance_claims"], expected["distance_claims"]);
    const auto texts = [](const nlohmann::json& doc) {
        std::set<std::string> out;
        for (const auto& m : doc["mentions"]) out.insert(m["text"].get<std::string>());
        return out;
    };
    EXPECT_TRUE(texts(pieced).count("St. Louis")) << pieced["mentions"].dump();
    EXPECT_TRUE(texts(pieced).count("New York"));
}

TEST_F(PiecewiseExtraction, ALineWithoutSentenceEndsIsCutBetweenWords) {
    // 2,000 times "Kabul " on one line: cut between two words, never inside one, and every mention
    // where the whole text has it.
    std::string text;
    for (int i = 0; i < 2000; ++i) text += "Kabul ";
    const geo::Document whole = geo::Document::fromString(text, "text");
    const JoinedPieces joined = joinPieces(text, whole, 100, 7, 50);
    expectPassagesOfTheWholeText(joined, whole, "Kabul");
    ASSERT_GT(joined.texts.size(), 50u);
    for (std::size_t i = 0; i < joined.texts.size(); ++i) {
        EXPECT_EQ(joined.texts[i].rfind("Kabul", 0), 0u);
        if (i + 1 < joined.texts.size()) EXPECT_EQ(joined.texts[i].substr(joined.texts[i].size() - 5), "Kabul");
    }
    const auto pieced = nlohmann::json::parse(piecewiseJson(text, 100, 7, 50));
    const auto expected = nlohmann::json::parse(wholeJson(text));
    ASSERT_EQ(pieced["mentions"].size(), 2000u);
    ASSERT_EQ(expected["mentions"].size(), 2000u);
    for (std::size_t i = 0; i < 2000; ++i) {
        for (const char* key : {"start", "end", "text", "passage"}) {
            EXPECT_EQ(pieced["mentions"][i][key], expected["mentions"][i][key]) << i << " " << key;
        }
    }
    EXPECT_EQ(pieced["passages"], expected["passages"]);
    for (const auto& place : pieced["places"]) {
        EXPECT_EQ(place["passages"], nlohmann::json::array({0}));
        for (const auto& index : place["mentions"]) {
            EXPECT_EQ(pieced["mentions"][index.get<std::size_t>()]["place"], place["id"]);
        }
    }
}

TEST_F(PiecewiseExtraction, CutsInsideAPassageLeaveOutOnlyWhitespaceAndKeepEveryPassage) {
    // Awkward long passages, cut everywhere a small piece, read and slack size put the cut: long
    // runs of whitespace (which the cut skips: what they hold decides whether the passage goes on),
    // CR LF, U+FEFF after a space (a piece must not start with it), a word longer than the slack,
    // multi-byte letters, one passage per line and paragraphs.
    const std::string nbsp = "\xC2\xA0";
    std::string nbsps;
    for (int i = 0; i < 300; ++i) nbsps += nbsp;
    const auto times = [](const std::string& s, int n) {
        std::string out;
        for (int i = 0; i < n; ++i) out += s;
        return out;
    };
    const std::string texts[] = {
        "Kabul" + nbsps + " and Herat.",
        times("Kabul is big. ", 40) + "\r\nHerat is west.   \r\n   Bamyan " + nbsps,
        times("Kabul is big and old.\r\nHerat is west ", 20) + "\r\n  \r\n" + times("Bamyan" + nbsp + "has Buddhas ", 20),
        times("Kabul \xEF\xBB\xBFHerat ", 50),
        std::string(500, 'x') + " Kabul " + std::string(500, 'y') + "\n" + std::string(300, 'z'),
        "Kabul" + std::string(300, ' ') + "\n" + std::string(300, ' ') + "Herat\n" + times("Ghazni ", 60),
        "Kabul is big.\n\nKabul" + std::string(300, ' ') + "\r\n \r" + std::string(300, ' ') + "Herat\nGhazni " +
            std::string(200, '\t') + "\nGardez\n\nEnd",
        times("K\xC4\x81" "bul Maz\xC4\x81r-i-Shar\xC4\xAB" "f \xDB\x94 ", 40),
        std::string(300, ' ') + times("Kabul Herat ", 30),
        "\xEF\xBB\xBF" + times("Kabul ", 100),
    };
    for (std::size_t t = 0; t < std::size(texts); ++t) {
        const geo::Document whole = geo::Document::fromString(texts[t], "text");
        for (const std::size_t piece : {1, 5, 40}) {
            for (const std::size_t read : {1, 3, 1 << 20}) {
                for (const std::size_t slack : {1, 4, 30}) {
                    const std::string what = "text " + std::to_string(t) + ", piece " + std::to_string(piece) +
                                             ", read " + std::to_string(read) + ", slack " + std::to_string(slack);
                    const JoinedPieces joined = joinPieces(texts[t], whole, piece, read, slack);
                    expectPassagesOfTheWholeText(joined, whole, what);
                    EXPECT_GT(joined.texts.size(), 1u) << what;
                }
            }
        }
    }
}

TEST_F(PiecewiseExtraction, BadTextGivesDocumentsMessageBeforeAnyPiece) {
    const std::pair<std::string, std::string> cases[] = {
        {"", "text: empty file"},
        {" \r\n\t\xC2\xA0\n", "text: empty file"},
        {std::string("Kabul\0Herat", 11), "text: binary file, not text"},
        {std::string("\xFF\xFEK\0", 4), "text: UTF-16 text is not supported; save it as UTF-8"},
        {"Kabul\n\nHer\xC3" "at", "text: invalid UTF-8 at byte 10 (line 3, column 4)"},
        {"\xED\xA0\x80", "text: invalid UTF-8 at byte 0 (line 1, column 1)"},
    };
    for (const auto& [bytes, message] : cases) {
        std::string whole_message, stream_message;
        try {
            geo::Document::fromString(bytes, "text");
        } catch (const geo::Error& e) {
            whole_message = e.what();
        }
        try {
            app::cli::TextStream::fromString(bytes, "text", 1, 1);
        } catch (const geo::Error& e) {
            stream_message = e.what();
        }
        EXPECT_EQ(whole_message, message);
        EXPECT_EQ(stream_message, message);
    }
}

}  // namespace
