#include "geo/gazetteer.hpp"

#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <future>
#include <iterator>
#include <memory>
#include <system_error>

#include "geo/atomic_file.hpp"
#include "geo/error.hpp"
#include "geo/text.hpp"
#include "geo/text/unicode.hpp"

namespace geo {
namespace {

const std::vector<NameEntry> kNoEntries;
// Reserved keys in the id index (no real id contains a space).
const std::string kCityBlockStart = "city block start";
const std::string kCityBlockEnd = "city block end";

// Two ASCII letters per code point ('_' pads, ".." keeps the character as it is). Generated from
// Python's unicodedata: NFKD, combining marks dropped, lower-cased; letters without a
// decomposition mapped by hand (ß→ss, æ→ae, œ→oe, ø→o, ł→l, đ→d, ð→d, þ→th, ħ→h, ı→i, ŋ→n, ə→e…).
constexpr const char kFold00C0[] =  // U+00C0–U+024F
        "a_a_a_a_a_a_aec_e_e_e_e_i_i_i_i_d_n_o_o_o_o_o_..o_u_u_u_u_y_thssa_a_a_a_a_a_aec_e_e_e_e_i_i_i_i_"
        "d_n_o_o_o_o_o_..o_u_u_u_u_y_thy_a_a_a_a_a_a_c_c_c_c_c_c_c_c_d_d_d_d_e_e_e_e_e_e_e_e_e_e_g_g_g_g_"
        "g_g_g_g_h_h_h_h_i_i_i_i_i_i_i_i_i_i_ijijj_j_k_k_k_l_l_l_l_l_l_l_l_l_l_n_n_n_n_n_n_n_n_n_o_o_o_o_"
        "o_o_oeoer_r_r_r_r_r_s_s_s_s_s_s_s_s_t_t_t_t_t_t_u_u_u_u_u_u_u_u_u_u_u_u_w_w_y_y_y_z_z_z_z_z_z_s_"
        "b_b_b_b_......c_c_d_d_d_d_..e_e_..f_f_g_......i_k_k_l_....n_..o_o_o_....p_p_..........t_t_t_t_u_"
        "u_....y_y_z_z_..........................dzdzdzljljljnjnjnja_a_i_i_o_o_u_u_u_u_u_u_u_u_u_u_e_a_a_"
        "a_a_....g_g_g_g_k_k_o_o_o_o_....j_dzdzdzg_g_....n_n_a_a_........a_a_a_a_e_e_e_e_i_i_i_i_o_o_o_o_"
        "r_r_r_r_u_u_u_u_s_s_t_t_....h_h_........z_z_a_a_e_e_o_o_o_o_o_o_o_o_y_y_..............c_c_....s_"
        "z_......u_..e_e_j_j_....r_r_y_y_";
constexpr const char kFold1E00[] =  // U+1E00–U+1EFF
        "a_a_b_b_b_b_b_b_c_c_d_d_d_d_d_d_d_d_d_d_e_e_e_e_e_e_e_e_e_e_f_f_g_g_h_h_h_h_h_h_h_h_h_h_i_i_i_i_"
        "k_k_k_k_k_k_l_l_l_l_l_l_l_l_m_m_m_m_m_m_n_n_n_n_n_n_n_n_o_o_o_o_o_o_o_o_p_p_p_p_r_r_r_r_r_r_r_r_"
        "s_s_s_s_s_s_s_s_s_s_t_t_t_t_t_t_t_t_u_u_u_u_u_u_u_u_u_u_v_v_v_v_w_w_w_w_w_w_w_w_w_w_x_x_x_x_y_y_"
        "z_z_z_z_z_z_h_t_w_y_..s_....ss..a_a_a_a_a_a_a_a_a_a_a_a_a_a_a_a_a_a_a_a_a_a_a_a_e_e_e_e_e_e_e_e_"
        "e_e_e_e_e_e_e_e_i_i_i_i_o_o_o_o_o_o_o_o_o_o_o_o_o_o_o_o_o_o_o_o_o_o_o_o_u_u_u_u_u_u_u_u_u_u_u_u_"
        "u_u_y_y_y_y_y_y_y_y_............";

// Appends the folded form of a Latin letter, or returns false if the table has none.
bool appendLatinFold(char32_t cp, std::string& out) {
    const char* slot = nullptr;
    if (cp >= 0xC0 && cp < 0x250) slot = kFold00C0 + 2 * (cp - 0xC0);
    else if (cp >= 0x1E00 && cp < 0x1F00) slot = kFold1E00 + 2 * (cp - 0x1E00);
    if (slot == nullptr || slot[0] == '.') return false;
    out += slot[0];
    if (slot[1] != '_') out += slot[1];
    return true;
}

void appendUtf8(char32_t cp, std::string& out) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

// Apostrophes as geo/text/unicode defines them, and the grave and acute accents typed in their
// place ("Ma`arrat"): all fold to "'".
bool isApostrophe(char32_t cp) { return text::isApostrophe(cp) || cp == '`' || cp == 0x00B4; }

// White space, hyphens and dashes separate the words of a name.
bool isSpaceLike(char32_t cp) { return text::isSpace(cp) || text::isDash(cp); }

// ---- reading the shipped files

// Reads a whole file, through zlib when the name ends in ".gz".
std::string readWhole(const std::string& path) {
    namespace fs = std::filesystem;
    std::error_code ec;
    if (!fs::exists(path, ec)) throw Error(ErrorKind::MissingData, path + ": missing");
    const bool gz = path.size() > 3 && path.compare(path.size() - 3, 3, ".gz") == 0;
    if (!gz) {
        std::ifstream in(path, std::ios::binary | std::ios::ate);
        if (!in) throw Error(ErrorKind::MissingData, path + ": cannot be read");
        std::string out(static_cast<std::size_t>(in.tellg()), '\0');
        in.seekg(0);
        in.read(out.data(), static_cast<std::streamsize>(out.size()));
        if (!in) throw Error(ErrorKind::MissingData, path + ": cannot be read");
        return out;
    }
    std::unique_ptr<gzFile_s, decltype(&gzclose)> file(gzopen(path.c_str(), "rb"), &gzclose);
    if (!file) throw Error(ErrorKind::MissingData, path + ": cannot be read");
    gzbuffer(file.get(), 1 << 17);
    std::string out;
    out.reserve(static_cast<std::size_t>(fs::file_size(path, ec)) * 3);
    char buffer[1 << 16];
    for (;;) {
        const int n = gzread(file.get(), buffer, sizeof buffer);
        if (n < 0) {
            int code = 0;
            const char* message = gzerror(file.get(), &code);
            throw Error(ErrorKind::CorruptData, path + ": damaged gzip data (" + message + ")");
        }
        if (n == 0) break;
        out.append(buffer, static_cast<std::size_t>(n));
    }
    return out;
}

// Splits a tab-separated table; calls row(fields, line_number) for each data line.
template <typename RowFn>
void forEachRow(const std::string& path, const std::string& content, std::size_t field_count, RowFn&& row) {
    if (firstInvalidUtf8(content) != Document::npos) throw Error(ErrorKind::CorruptData, path + ": not UTF-8 text");
    std::vector<std::string_view> fields;
    fields.reserve(field_count + 1);
    std::size_t line_number = 0;
    std::size_t rows = 0;
    for (std::size_t begin = 0; begin < content.size();) {
        std::size_t end = content.find('\n', begin);
        if (end == std::string::npos) end = content.size();
        ++line_number;
        std::string_view line(content.data() + begin, end - begin);
        begin = end + 1;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.empty() || line.front() == '#') continue;
        fields.clear();
        for (std::size_t start = 0;;) {
            const std::size_t tab = line.find('\t', start);
            fields.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
            if (tab == std::string_view::npos) break;
            start = tab + 1;
        }
        if (fields.size() != field_count) {
            throw Error(ErrorKind::CorruptData, path + ": line " + std::to_string(line_number) + ": expected " +
                                                    std::to_string(field_count) + " fields, found " +
                                                    std::to_string(fields.size()));
        }
        row(fields, line_number);
        ++rows;
    }
    if (rows == 0) throw Error(ErrorKind::CorruptData, path + ": no entries");
}

[[noreturn]] void badField(const std::string& path, std::size_t line, const char* what, std::string_view value) {
    throw Error(ErrorKind::CorruptData, path + ": line " + std::to_string(line) + ": bad " + what + " '" +
                                            std::string(value) + "'");
}

std::int64_t parseInt(const std::string& path, std::size_t line, const char* what, std::string_view value) {
    std::int64_t out = 0;
    const auto [ptr, ec] = std::from_chars(value.data(), value.data() + value.size(), out);
    if (ec != std::errc() || ptr != value.data() + value.size()) badField(path, line, what, value);
    return out;
}

LonLat parsePosition(const std::string& path, std::size_t line, std::string_view lat_text, std::string_view lon_text) {
    double lat = 0.0, lon = 0.0;
    const auto a = std::from_chars(lat_text.data(), lat_text.data() + lat_text.size(), lat);
    if (a.ec != std::errc() || a.ptr != lat_text.data() + lat_text.size() || !(lat >= -90.0 && lat <= 90.0)) {
        badField(path, line, "latitude", lat_text);
    }
    const auto b = std::from_chars(lon_text.data(), lon_text.data() + lon_text.size(), lon);
    if (b.ec != std::errc() || b.ptr != lon_text.data() + lon_text.size() || !(lon >= -180.0 && lon <= 180.0)) {
        badField(path, line, "longitude", lon_text);
    }
    return LonLat(lon, lat);
}

// Calls fn(item) for each '|'-separated non-empty item.
template <typename Fn>
void forEachListItem(std::string_view list, Fn&& fn) {
    for (std::size_t start = 0; start <= list.size();) {
        std::size_t bar = list.find('|', start);
        if (bar == std::string_view::npos) bar = list.size();
        if (bar > start) fn(list.substr(start, bar - start));
        start = bar + 1;
    }
}

PlaceKind parseKind(const std::string& path, std::size_t line, std::string_view text) {
    if (text == "Region") return PlaceKind::Region;
    if (text == "Physical") return PlaceKind::Physical;
    if (text == "Continent") return PlaceKind::Continent;
    if (text == "City") return PlaceKind::City;
    badField(path, line, "kind", text);
}

}  // namespace

namespace {

// Gazetteer::normalise, writing into a reused buffer.
void normaliseInto(std::string_view name, std::string& out) {
    out.clear();
    bool pending_space = false;
    for (std::size_t pos = 0; pos < name.size();) {
        const auto byte = static_cast<unsigned char>(name[pos]);
        char32_t cp;
        // ASCII fast path.
        if (byte < 0x80) {
            cp = byte;
            ++pos;
        } else {
            cp = nextCodePoint(name, pos);
        }
        if (isSpaceLike(cp)) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) {
            out += ' ';
            pending_space = false;
        }
        if (cp < 0x80) {
            out += (cp >= 'A' && cp <= 'Z') ? static_cast<char>(cp - 'A' + 'a') : static_cast<char>(cp);
        } else if (isApostrophe(cp)) {
            out += '\'';
        } else if (!appendLatinFold(cp, out)) {
            appendUtf8(cp, out);
        }
    }
    // Possessives: "afghanistan's" → "afghanistan", "the philippines'" → "the philippines".
    if (out.size() > 2 && out.compare(out.size() - 2, 2, "'s") == 0) {
        out.resize(out.size() - 2);
    } else if (out.size() > 2 && out.back() == '\'' && out[out.size() - 2] == 's') {
        out.pop_back();
    }
    // Transliteration: apostrophes, soft and hard signs inside a name are dropped, so the spellings
    // "Kup'yans'k", "Kupʼyansʼk" and "Kupyansk" are one key (as "O'Hare" and "OHare").
    if (out.find('\'') != std::string::npos) out.erase(std::remove(out.begin(), out.end(), '\''), out.end());
}

}  // namespace

void Gazetteer::normaliseTo(std::string_view name, std::string& out) { normaliseInto(name, out); }

std::string Gazetteer::normalise(std::string_view name) {
    std::string out;
    out.reserve(name.size());
    normaliseInto(name, out);
    return out;
}

std::uint64_t Gazetteer::NameIndex::hashKey(std::string_view key) {
    // 8 bytes at a time, multiply-xorshift mixing (names are short; this is several times faster
    // than std::hash and spreads well enough for linear probing).
    constexpr std::uint64_t kMul = 0x9E3779B97F4A7C15ull;
    std::uint64_t h = 0x2545F4914F6CDD1Dull ^ (key.size() * kMul);
    std::size_t i = 0;
    for (; i + 8 <= key.size(); i += 8) {
        std::uint64_t word;
        std::memcpy(&word, key.data() + i, 8);
        h = (h ^ word) * kMul;
        h ^= h >> 29;
    }
    if (i < key.size()) {
        std::uint64_t word = 0;
        std::memcpy(&word, key.data() + i, key.size() - i);
        h = (h ^ word) * kMul;
        h ^= h >> 29;
    }
    h *= kMul;
    return h ^ (h >> 32);
}

void Gazetteer::NameIndex::reserve(std::size_t keys) {
    keys_.reserve(keys);
    entries_.reserve(keys);
    chars_.reserve(keys * 12);
    std::size_t wanted = 16;
    while (wanted < 2 * keys) wanted *= 2;
    if (wanted > slots_.size()) {
        slots_.assign(wanted, Slot{0, 0});
        for (std::uint32_t k = 0; k < keys_.size(); ++k) {
            const std::uint64_t h = hashKey(key(k));
            const std::uint32_t tag = static_cast<std::uint32_t>(h >> 32) | 1u;
            std::size_t at = static_cast<std::size_t>(h) & (slots_.size() - 1);
            while (slots_[at].hash_tag != 0) at = (at + 1) & (slots_.size() - 1);
            slots_[at] = {tag, k};
        }
    }
}

void Gazetteer::NameIndex::grow() { reserve(std::max<std::size_t>(16, keys_.size() * 2)); }

namespace {
template <typename T>
void appendValue(std::string& out, T v) {
    out.append(reinterpret_cast<const char*>(&v), sizeof v);
}
template <typename T>
bool readValue(std::string_view data, std::size_t& pos, T& v) {
    if (data.size() - pos < sizeof v) return false;
    std::memcpy(&v, data.data() + pos, sizeof v);
    pos += sizeof v;
    return true;
}
}  // namespace

void Gazetteer::NameIndex::appendTo(std::string& out) const {
    appendValue(out, static_cast<std::uint32_t>(chars_.size()));
    out.append(chars_);
    appendValue(out, static_cast<std::uint32_t>(keys_.size()));
    for (std::size_t k = 0; k < keys_.size(); ++k) {
        appendValue(out, keys_[k].offset);
        appendValue(out, keys_[k].length);
        appendValue(out, static_cast<std::uint8_t>(keys_[k].prefix));
        appendValue(out, static_cast<std::uint32_t>(entries_[k].size()));
        for (const NameEntry& e : entries_[k]) {
            appendValue(out, e.place);
            appendValue(out, static_cast<std::uint8_t>(e.kind));
        }
    }
    appendValue(out, static_cast<std::uint32_t>(slots_.size()));
    for (const Slot& slot : slots_) {
        appendValue(out, slot.hash_tag);
        appendValue(out, slot.key);
    }
}

bool Gazetteer::NameIndex::readFrom(std::string_view data, std::size_t& pos, std::uint32_t place_count) {
    std::uint32_t char_count = 0, key_count = 0, slot_count = 0;
    if (!readValue(data, pos, char_count) || data.size() - pos < char_count) return false;
    chars_.assign(data.data() + pos, char_count);
    pos += char_count;
    // Each key takes at least 13 bytes: a damaged count must not allocate for billions.
    if (!readValue(data, pos, key_count) || static_cast<std::uint64_t>(key_count) * 13 > data.size() - pos) return false;
    keys_.resize(key_count);
    entries_.resize(key_count);
    for (std::uint32_t k = 0; k < key_count; ++k) {
        Key& key = keys_[k];
        std::uint8_t prefix = 0;
        std::uint32_t entries = 0;
        if (!readValue(data, pos, key.offset) || !readValue(data, pos, key.length) || !readValue(data, pos, prefix) ||
            prefix > 1 || static_cast<std::uint64_t>(key.offset) + key.length > chars_.size() ||
            !readValue(data, pos, entries) || static_cast<std::uint64_t>(entries) * 5 > data.size() - pos) {
            return false;
        }
        key.prefix = prefix != 0;
        std::vector<NameEntry>& list = entries_[k];
        list.resize(entries);
        for (NameEntry& e : list) {
            std::uint8_t kind = 0;
            if (!readValue(data, pos, e.place) || !readValue(data, pos, kind) || e.place >= place_count ||
                kind > static_cast<std::uint8_t>(NameKind::Demonym)) {
                return false;
            }
            e.kind = static_cast<NameKind>(kind);
        }
    }
    // A power of two with more slots than keys, so that every probe meets a free slot.
    if (!readValue(data, pos, slot_count) || slot_count <= key_count || (slot_count & (slot_count - 1)) != 0 ||
        static_cast<std::uint64_t>(slot_count) * 8 > data.size() - pos) {
        return false;
    }
    slots_.resize(slot_count);
    std::memcpy(slots_.data(), data.data() + pos, static_cast<std::size_t>(slot_count) * 8);
    pos += static_cast<std::size_t>(slot_count) * 8;
    std::uint32_t used = 0;
    for (const Slot& slot : slots_) {
        if (slot.hash_tag == 0) continue;
        if (slot.key >= key_count) return false;
        ++used;
    }
    return used == key_count;
}

std::int64_t Gazetteer::NameIndex::find(std::string_view wanted, std::uint64_t hash) const {
    if (slots_.empty()) return -1;
    // The low bit is forced on so that a tag is never 0 (the empty mark).
    const std::uint32_t tag = static_cast<std::uint32_t>(hash >> 32) | 1u;
    const std::size_t mask = slots_.size() - 1;
    for (std::size_t at = static_cast<std::size_t>(hash) & mask;; at = (at + 1) & mask) {
        const Slot& slot = slots_[at];
        if (slot.hash_tag == 0) return -1;
        if (slot.hash_tag == tag && key(slot.key) == wanted) return slot.key;
    }
}

void Gazetteer::NameIndex::findAll(const std::string_view* keys, std::size_t count, std::uint64_t* hashes,
                                   std::int64_t* out) const {
    if (slots_.empty()) {
        std::fill(out, out + count, -1);
        return;
    }
    const std::size_t mask = slots_.size() - 1;
    // Three passes, each starting the memory reads that the next one needs: the home slot, then
    // the key's record, then its characters and entry list.
    for (std::size_t i = 0; i < count; ++i) {
        hashes[i] = hashKey(keys[i]);
        __builtin_prefetch(&slots_[static_cast<std::size_t>(hashes[i]) & mask]);
    }
    for (std::size_t i = 0; i < count; ++i) {
        const Slot& slot = slots_[static_cast<std::size_t>(hashes[i]) & mask];
        if (slot.hash_tag != 0) __builtin_prefetch(&keys_[slot.key]);
    }
    for (std::size_t i = 0; i < count; ++i) {
        const Slot& slot = slots_[static_cast<std::size_t>(hashes[i]) & mask];
        if (slot.hash_tag == (static_cast<std::uint32_t>(hashes[i] >> 32) | 1u)) {
            __builtin_prefetch(chars_.data() + keys_[slot.key].offset);
            __builtin_prefetch(&entries_[slot.key]);
        }
    }
    for (std::size_t i = 0; i < count; ++i) out[i] = find(keys[i], hashes[i]);
}

std::uint32_t Gazetteer::NameIndex::findOrInsert(std::string_view wanted, std::uint64_t hash) {
    if (const std::int64_t k = find(wanted, hash); k >= 0) return static_cast<std::uint32_t>(k);
    if (2 * (keys_.size() + 1) > slots_.size()) grow();
    const auto k = static_cast<std::uint32_t>(keys_.size());
    keys_.push_back({static_cast<std::uint32_t>(chars_.size()), static_cast<std::uint32_t>(wanted.size()), false});
    chars_.append(wanted);
    entries_.emplace_back();
    const std::uint32_t tag = static_cast<std::uint32_t>(hash >> 32) | 1u;
    const std::size_t mask = slots_.size() - 1;
    std::size_t at = static_cast<std::size_t>(hash) & mask;
    while (slots_[at].hash_tag != 0) at = (at + 1) & mask;
    slots_[at] = {tag, k};
    return k;
}

namespace {

// Records one name of place `index`: the key, its word prefixes, and the entry (once per place
// and kind: "Afghanistan" as common and official name counts once). `key` is normalised, non-empty.
template <typename NameIndexT>
void addNameKey(NameIndexT& names, int& max_words, const std::string& key, std::uint32_t index, NameKind kind) {
    int words = 1;
    for (std::size_t space = key.find(' '); space != std::string::npos; space = key.find(' ', space + 1)) {
        ++words;
        const std::string_view prefix(key.data(), space);
        names.setPrefix(names.findOrInsert(prefix, NameIndexT::hashKey(prefix)));
    }
    max_words = std::max(max_words, words);
    auto& entries = names.entries(names.findOrInsert(key, NameIndexT::hashKey(key)));
    for (const NameEntry& e : entries) {
        if (e.place == index && e.kind == kind) return;
    }
    entries.push_back({index, kind});
}

}  // namespace

std::uint32_t Gazetteer::add(Place place, const std::vector<std::pair<std::string, NameKind>>& names) {
    const auto index = static_cast<std::uint32_t>(places_.size());
    if (!place.id.empty()) ids_.emplace(place.id, index);
    places_.push_back(std::move(place));
    std::string key;
    for (const auto& item : names) {
        normaliseInto(item.first, key);
        if (!key.empty()) addNameKey(names_, max_words_, key, index, item.second);
    }
    return index;
}

const std::vector<NameEntry>& Gazetteer::lookup(std::string_view name) const {
    return *probe(normalise(name)).entries;
}

Gazetteer::KeyInfo Gazetteer::probe(std::string_view normalised_key) const {
    const std::int64_t k = names_.find(normalised_key, NameIndex::hashKey(normalised_key));
    if (k < 0) return {&kNoEntries, false};
    const auto key = static_cast<std::uint32_t>(k);
    return {&names_.entries(key), names_.isPrefix(key)};
}

void Gazetteer::probe(const std::string_view* normalised_keys, std::size_t count, KeyInfo* out) const {
    std::vector<std::uint64_t> hashes(count);
    std::vector<std::int64_t> found(count);
    names_.findAll(normalised_keys, count, hashes.data(), found.data());
    for (std::size_t i = 0; i < count; ++i) {
        if (found[i] < 0) {
            out[i] = {&kNoEntries, false};
        } else {
            const auto key = static_cast<std::uint32_t>(found[i]);
            out[i] = {&names_.entries(key), names_.isPrefix(key)};
        }
    }
}

bool Gazetteer::hasPrefix(std::string_view normalised_words) const { return probe(normalised_words).prefix; }

std::int64_t Gazetteer::findId(const std::string& id) const {
    if (const auto it = ids_.find(id); it != ids_.end()) return static_cast<std::int64_t>(it->second);
    // Loaded cities: a sorted block [start, end) recorded under two reserved keys by load().
    const auto start = ids_.find(kCityBlockStart);
    const auto end = ids_.find(kCityBlockEnd);
    if (start == ids_.end() || end == ids_.end() || id.compare(0, 9, "geonames:") != 0) return -1;
    std::int64_t wanted = 0;
    const auto [ptr, ec] = std::from_chars(id.data() + 9, id.data() + id.size(), wanted);
    if (ec != std::errc() || ptr != id.data() + id.size()) return -1;
    const auto geonameid = [this](std::uint32_t index) {
        std::int64_t value = 0;
        const std::string& text = places_[index].id;
        std::from_chars(text.data() + 9, text.data() + text.size(), value);
        return value;
    };
    std::uint32_t lo = start->second, hi = end->second;
    while (lo < hi) {
        const std::uint32_t mid = lo + (hi - lo) / 2;
        if (geonameid(mid) < wanted) lo = mid + 1;
        else hi = mid;
    }
    return lo < end->second && geonameid(lo) == wanted ? static_cast<std::int64_t>(lo) : -1;
}

namespace {

constexpr char kIndexMagic[8] = {'T', 'A', 'G', 'A', 'Z', 'I', 'X', '3'};
constexpr char kIndexEnd[8] = {'T', 'A', 'G', 'A', 'Z', 'E', 'N', 'D'};
constexpr std::uint32_t kByteOrderMark = 0x01020304u;

// Little helpers for the index: fixed-size values in the machine's byte order (the index is a
// build product for this machine; a foreign byte order fails the byte-order check and is ignored).
class IndexWriter {
public:
    template <typename T>
    void value(T v) {
        out_.append(reinterpret_cast<const char*>(&v), sizeof v);
    }
    void text(const std::string& s) {
        value(static_cast<std::uint32_t>(s.size()));
        out_.append(s);
    }
    void raw(const char* data, std::size_t n) { out_.append(data, n); }
    const std::string& bytes() const { return out_; }

private:
    std::string out_;
};

class IndexReader {
public:
    explicit IndexReader(std::string_view data) : data_(data) {}
    template <typename T>
    bool value(T& v) {
        if (data_.size() - pos_ < sizeof v) return false;
        std::memcpy(&v, data_.data() + pos_, sizeof v);
        pos_ += sizeof v;
        return true;
    }
    bool text(std::string& s) {
        std::string_view view;
        if (!text(view)) return false;
        s.assign(view.data(), view.size());
        return true;
    }
    // A view into the data read (valid while the data lives).
    bool text(std::string_view& s) {
        std::uint32_t n = 0;
        if (!value(n) || data_.size() - pos_ < n) return false;
        s = data_.substr(pos_, n);
        pos_ += n;
        return true;
    }
    bool expect(const char* bytes, std::size_t n) {
        if (data_.size() - pos_ < n || std::memcmp(data_.data() + pos_, bytes, n) != 0) return false;
        pos_ += n;
        return true;
    }
    bool atEnd() const { return pos_ == data_.size(); }
    // The name table (Gazetteer::NameIndex::readFrom).
    template <typename Names>
    bool names(Names& table, std::uint32_t place_count) {
        return table.readFrom(data_, pos_, place_count);
    }
    // False if `count` records of at least `min_bytes` each cannot fit in what is left: a damaged
    // count must not make the reader allocate for billions of records.
    bool fits(std::uint32_t count, std::size_t min_bytes) const {
        return static_cast<std::uint64_t>(count) * min_bytes <= data_.size() - pos_;
    }

private:
    std::string_view data_;
    std::size_t pos_ = 0;
};

const char* const kTableNames[] = {"cities.tsv.gz", "admin1.tsv", "admin2.tsv", "countries.tsv", "curated.tsv", "physical.tsv"};

}  // namespace

void Gazetteer::writeIndex(const std::string& path) const {
    IndexWriter w;
    w.raw(kIndexMagic, sizeof kIndexMagic);
    w.value(kByteOrderMark);
    w.value(static_cast<std::int32_t>(max_words_));
    w.value(static_cast<std::uint32_t>(places_.size()));
    for (const Place& p : places_) {
        w.text(p.id);
        w.text(p.name);
        w.text(p.country);
        w.text(p.admin1);
        w.text(p.feature_code);
        w.text(p.source);
        w.value(p.position.lon);
        w.value(p.position.lat);
        w.value(static_cast<std::int64_t>(p.population));
        w.value(static_cast<std::uint8_t>(p.kind));
    }
    // The name table rebuilt with its keys in sorted order, so the same gazetteer always gives the
    // same bytes whatever order the names were added in.
    std::vector<std::uint32_t> order(names_.size());
    for (std::uint32_t k = 0; k < order.size(); ++k) order[k] = k;
    std::sort(order.begin(), order.end(), [this](std::uint32_t a, std::uint32_t b) { return names_.key(a) < names_.key(b); });
    NameIndex canonical;
    canonical.reserve(order.size());
    for (const std::uint32_t k : order) {
        const std::string_view key = names_.key(k);
        const std::uint32_t c = canonical.findOrInsert(key, NameIndex::hashKey(key));
        canonical.entries(c) = names_.entries(k);
        if (names_.isPrefix(k)) canonical.setPrefix(c);
    }
    std::string table;
    canonical.appendTo(table);
    w.raw(table.data(), table.size());
    std::vector<std::pair<std::string, std::uint32_t>> ids(ids_.begin(), ids_.end());
    std::sort(ids.begin(), ids.end());
    w.value(static_cast<std::uint32_t>(ids.size()));
    for (const auto& [id, index] : ids) {
        w.text(id);
        w.value(index);
    }
    w.raw(kIndexEnd, sizeof kIndexEnd);

    writeFileAtomically(path, std::string_view(w.bytes().data(), w.bytes().size()), "the gazetteer index");
}

bool Gazetteer::readIndex(const std::string& path, Gazetteer* out) {
    std::string data;
    try {
        data = readWhole(path);
    } catch (const Error&) {
        return false;
    }
    IndexReader r(data);
    Gazetteer& g = *out;
    std::uint32_t bom = 0, count = 0;
    std::int32_t max_words = 0;
    if (!r.expect(kIndexMagic, sizeof kIndexMagic) || !r.value(bom) || bom != kByteOrderMark || !r.value(max_words) ||
        !r.value(count) || !r.fits(count, 6 * 4 + 3 * 8 + 1) || max_words < 1) {
        return false;
    }
    g.max_words_ = max_words;
    g.places_.resize(count);
    for (Place& p : g.places_) {
        std::int64_t population = 0;
        std::uint8_t kind = 0;
        if (!r.text(p.id) || !r.text(p.name) || !r.text(p.country) || !r.text(p.admin1) || !r.text(p.feature_code) ||
            !r.text(p.source) || !r.value(p.position.lon) || !r.value(p.position.lat) || !r.value(population) ||
            !r.value(kind) || kind > static_cast<std::uint8_t>(PlaceKind::Physical)) {
            return false;
        }
        p.population = population;
        p.kind = static_cast<PlaceKind>(kind);
    }
    if (!r.names(g.names_, static_cast<std::uint32_t>(g.places_.size()))) return false;
    std::string key;
    if (!r.value(count) || !r.fits(count, 4 + 4)) return false;
    g.ids_.reserve(count);
    for (std::uint32_t i = 0; i < count; ++i) {
        std::uint32_t index = 0;
        // Only the end of the city block may point one past the last place.
        if (!r.text(key) || !r.value(index) || index > g.places_.size() ||
            (index == g.places_.size() && key != kCityBlockEnd)) {
            return false;
        }
        g.ids_.emplace(key, index);
    }
    return r.expect(kIndexEnd, sizeof kIndexEnd) && r.atEnd();
}

Gazetteer Gazetteer::load(const std::string& data_dir) {
    namespace fs = std::filesystem;
    const std::string dir = data_dir + "/gazetteer/";
    std::error_code ec;
    fs::file_time_type newest_table = fs::file_time_type::min();
    for (const char* table : kTableNames) {
        const std::string path = dir + table;
        if (!fs::exists(path, ec)) throw Error(ErrorKind::MissingData, path + ": missing");
        newest_table = std::max(newest_table, fs::last_write_time(path, ec));
    }
    const std::string index = dir + kIndexFileName;
    if (fs::exists(index, ec) && fs::last_write_time(index, ec) >= newest_table && !ec) {
        Gazetteer g;
        if (readIndex(index, &g)) return g;
    }
    return loadTables(data_dir);
}

Gazetteer Gazetteer::loadTables(const std::string& data_dir) {
    const std::string dir = data_dir + "/gazetteer/";
    const std::string cities_path = dir + "cities.tsv.gz";
    const std::string admin1_path = dir + "admin1.tsv";
    const std::string admin2_path = dir + "admin2.tsv";
    const std::string countries_path = dir + "countries.tsv";
    const std::string curated_path = dir + "curated.tsv";
    const std::string physical_path = dir + "physical.tsv";
    // A missing file is reported before any work starts.
    for (const std::string* path : {&cities_path, &admin1_path, &admin2_path, &countries_path, &curated_path, &physical_path}) {
        std::error_code ec;
        if (!std::filesystem::exists(*path, ec)) throw Error(ErrorKind::MissingData, *path + ": missing");
    }
    // Decompressing the cities (~7 MB) overlaps with parsing the smaller tables.
    std::future<std::string> cities_text = std::async(std::launch::async, [&cities_path] { return readWhole(cities_path); });
    const std::string admin1 = readWhole(admin1_path);
    const std::string admin2 = readWhole(admin2_path);
    const std::string countries = readWhole(countries_path);
    const std::string curated = readWhole(curated_path);
    const std::string physical = readWhole(physical_path);

    Gazetteer g;
    g.places_.reserve(170000);
    g.names_.reserve(340000);
    g.ids_.reserve(170000);
    // Same as add(), without building a name list per row (load time matters: ~160k places).
    std::string key;
    std::uint32_t current = 0;
    const auto addPlace = [&g, &current](Place&& p, bool index_id = true) {
        current = static_cast<std::uint32_t>(g.places_.size());
        if (index_id) g.ids_.emplace(p.id, current);
        g.places_.push_back(std::move(p));
    };
    const auto addName = [&g, &key, &current](std::string_view name, NameKind kind) {
        normaliseInto(name, key);
        if (!key.empty()) addNameKey(g.names_, g.max_words_, key, current, kind);
    };
    const auto addNames = [&addName](std::string_view list, NameKind kind) {
        forEachListItem(list, [&](std::string_view item) { addName(item, kind); });
    };

    forEachRow(countries_path, countries, 10, [&](const std::vector<std::string_view>& f, std::size_t line) {
        // iso2 iso3 name official alt_names abbreviations demonyms population lat lon
        Place p;
        p.id = "country:" + std::string(f[0]);
        p.name = std::string(f[2]);
        p.position = parsePosition(countries_path, line, f[8], f[9]);
        p.kind = PlaceKind::Country;
        p.country = std::string(f[0]);
        p.feature_code = "PCLI";
        p.population = parseInt(countries_path, line, "population", f[7]);
        p.source = "world-countries";
        addPlace(std::move(p));
        addName(f[2], NameKind::Name);
        addName(f[3], NameKind::Name);
        addNames(f[4], NameKind::Name);
        addNames(f[5], NameKind::Abbreviation);
        addNames(f[6], NameKind::Demonym);
    });
    forEachRow(admin1_path, admin1, 7, [&](const std::vector<std::string_view>& f, std::size_t line) {
        // code name alt_names abbreviations population lat lon
        const std::string_view code = f[0];
        const std::size_t dot = code.find('.');
        if (dot != 2) badField(admin1_path, line, "admin1 code", code);
        Place p;
        p.id = "admin1:" + std::string(code);
        p.name = std::string(f[1]);
        p.position = parsePosition(admin1_path, line, f[5], f[6]);
        p.kind = PlaceKind::Admin1;
        p.country = std::string(code.substr(0, 2));
        p.admin1 = std::string(code.substr(3));
        p.feature_code = "ADM1";
        p.population = parseInt(admin1_path, line, "population", f[4]);
        p.source = "GeoNames";
        addPlace(std::move(p));
        addName(f[1], NameKind::Name);
        addNames(f[2], NameKind::Name);
        addNames(f[3], NameKind::Abbreviation);
    });
    forEachRow(admin2_path, admin2, 4, [&](const std::vector<std::string_view>& f, std::size_t line) {
        // code name lat lon
        const std::string_view code = f[0];
        const std::size_t dot1 = code.find('.');
        const std::size_t dot2 = code.find('.', dot1 == std::string_view::npos ? 0 : dot1 + 1);
        if (dot1 != 2 || dot2 == std::string_view::npos) badField(admin2_path, line, "admin2 code", code);
        Place p;
        p.id = "admin2:" + std::string(code);
        p.name = std::string(f[1]);
        p.position = parsePosition(admin2_path, line, f[2], f[3]);
        p.kind = PlaceKind::Admin2;
        p.country = std::string(code.substr(0, 2));
        p.admin1 = std::string(code.substr(3, dot2 - 3));
        p.feature_code = "ADM2";
        p.source = "GeoNames";
        addPlace(std::move(p));
        addName(f[1], NameKind::Name);
    });
    forEachRow(curated_path, curated, 9, [&](const std::vector<std::string_view>& f, std::size_t line) {
        // slug name alt_names kind feature_code country lat lon source
        Place p;
        p.kind = parseKind(curated_path, line, f[3]);
        p.id = (p.kind == PlaceKind::Continent ? "continent:" : "curated:") + std::string(f[0]);
        p.name = std::string(f[1]);
        p.position = parsePosition(curated_path, line, f[6], f[7]);
        p.country = std::string(f[5]);
        p.feature_code = std::string(f[4]);
        p.source = std::string(f[8]);
        addPlace(std::move(p));
        addName(f[1], NameKind::Name);
        addNames(f[2], NameKind::Name);
    });
    forEachRow(physical_path, physical, 9, [&](const std::vector<std::string_view>& f, std::size_t line) {
        // id name alt_names kind feature_code country lat lon source (tools/build_place_shapes.py)
        Place p;
        p.id = std::string(f[0]);
        if (p.id.find(':') == std::string::npos) badField(physical_path, line, "id", f[0]);
        p.kind = parseKind(physical_path, line, f[3]);
        p.name = std::string(f[1]);
        p.position = parsePosition(physical_path, line, f[6], f[7]);
        p.country = std::string(f[5]);
        p.feature_code = std::string(f[4]);
        p.source = std::string(f[8]);
        addPlace(std::move(p));
        addName(f[1], NameKind::Name);
        addNames(f[2], NameKind::Name);
    });
    // Cities come sorted by geonameid and form the last block of places_, so findId() finds them by
    // binary search; only an out-of-order row goes into the id hash (saves ~140k hash inserts).
    const std::string cities = cities_text.get();  // rethrows a read error
    const auto city_block_start = static_cast<std::uint32_t>(g.places_.size());
    std::int64_t previous_geonameid = -1;
    bool cities_sorted = true;
    forEachRow(cities_path, cities, 9, [&](const std::vector<std::string_view>& f, std::size_t line) {
        // geonameid name alt_names country admin1 feature_code population lat lon
        const std::int64_t geonameid = parseInt(cities_path, line, "geonameid", f[0]);
        if (geonameid <= previous_geonameid) cities_sorted = false;
        previous_geonameid = geonameid;
        Place p;
        p.id.reserve(9 + f[0].size());
        p.id.append("geonames:").append(f[0]);
        p.name = std::string(f[1]);
        p.position = parsePosition(cities_path, line, f[7], f[8]);
        p.kind = PlaceKind::City;
        p.country = std::string(f[3]);
        p.admin1 = std::string(f[4]);
        p.feature_code = std::string(f[5]);
        p.population = parseInt(cities_path, line, "population", f[6]);
        p.source = "GeoNames";
        addPlace(std::move(p), !cities_sorted);
        addName(f[1], NameKind::Name);
        addNames(f[2], NameKind::Name);
    });
    g.ids_.emplace(kCityBlockStart, city_block_start);
    g.ids_.emplace(kCityBlockEnd, cities_sorted ? static_cast<std::uint32_t>(g.places_.size()) : city_block_start);
    return g;
}

}  // namespace geo
