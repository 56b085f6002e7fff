#include <ppid/warc_format.hpp>

#include <ppid/error.hpp>
#include <ppid/util/ascii.hpp>
#include <ppid/util/http_date.hpp>

#include <openssl/evp.h>
#include <isa-l/igzip_lib.h>

#include <cstdint>
#include <cstdio>
#include <random>
#include <vector>

namespace ppid::warc {

std::string base32(std::string_view bytes) {
    static constexpr char alphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    std::string out;
    unsigned buffer = 0;
    int bits = 0;
    for (const char c : bytes) {
        buffer = (buffer << 8) | static_cast<unsigned char>(c);
        bits += 8;
        while (bits >= 5) {
            out += alphabet[(buffer >> (bits - 5)) & 31];
            bits -= 5;
        }
    }
    if (bits > 0) out += alphabet[(buffer << (5 - bits)) & 31];
    while (out.size() % 8) out += '=';
    return out;
}

struct Sha1::State {
    EVP_MD_CTX* context = nullptr;
};

Sha1::Sha1() : state_(std::make_unique<State>()) {
    state_->context = EVP_MD_CTX_new();
    if (!state_->context || EVP_DigestInit_ex(state_->context, EVP_sha1(), nullptr) != 1)
        throw Error("cannot compute SHA-1 digests (libcrypto)");
}

Sha1::~Sha1() { EVP_MD_CTX_free(state_->context); }

void Sha1::update(std::string_view bytes) { EVP_DigestUpdate(state_->context, bytes.data(), bytes.size()); }

std::string Sha1::finish() {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_DigestFinal_ex(state_->context, digest, &length);
    return "sha1:" + base32(std::string_view(reinterpret_cast<const char*>(digest), length));
}

std::string new_record_id() {
    // Ids must be unique across every night's archive, not secret: a seeded generator per thread will do.
    thread_local std::mt19937_64 random{std::random_device{}() ^
                                        static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count())};
    const std::uint64_t high = (random() & 0xFFFFFFFFFFFF0FFFull) | 0x4000ull;               // version 4
    const std::uint64_t low = (random() & 0x3FFFFFFFFFFFFFFFull) | 0x8000000000000000ull;  // RFC 4122 variant
    char text[64];
    std::snprintf(text, sizeof text, "<urn:uuid:%08x-%04x-%04x-%04x-%012llx>", static_cast<unsigned>(high >> 32),
                  static_cast<unsigned>((high >> 16) & 0xFFFF), static_cast<unsigned>(high & 0xFFFF),
                  static_cast<unsigned>(low >> 48), static_cast<unsigned long long>(low & 0xFFFFFFFFFFFFull));
    return text;
}

std::string warc_date(std::chrono::system_clock::time_point moment) {
    return util::format_utc_timestamp(std::chrono::time_point_cast<std::chrono::seconds>(moment));
}

std::string archived_http_head(std::string_view head, std::size_t body_size) {
    std::vector<std::string> lines;
    bool decoded = false;
    for (std::size_t start = 0; start < head.size();) {
        std::size_t end = head.find('\n', start);
        if (end == std::string_view::npos) end = head.size();
        std::string line(head.substr(start, end - start));
        start = end + 1;
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (line.empty()) break;
        const std::string name = util::ascii_lowercase(line.substr(0, line.find(':')));
        if (name == "content-encoding" || name == "transfer-encoding") {
            decoded = true;
            line = "X-Archive-Orig-" + line;
        }
        lines.push_back(std::move(line));
    }
    std::string out;
    for (auto& line : lines) {
        if (decoded && util::ascii_lowercase(line.substr(0, line.find(':'))) == "content-length")
            line = "X-Archive-Orig-" + line;
        out += line;
        out += "\r\n";
    }
    if (decoded) out += "Content-Length: " + std::to_string(body_size) + "\r\n";
    out += "\r\n";
    return out;
}

std::string record_head(const Fields& fields, std::size_t block_size) {
    std::string out = "WARC/1.1\r\n";
    for (const auto& [name, value] : fields) out += name + ": " + value + "\r\n";
    out += "Content-Length: " + std::to_string(block_size) + "\r\n\r\n";
    return out;
}

struct GzipMember::State {
    isal_zstream stream{};
    std::vector<std::uint8_t> level_buffer = std::vector<std::uint8_t>(ISAL_DEF_LVL1_DEFAULT);
    std::uint8_t room[65536];  // compressed bytes on their way to `out`
};

GzipMember::GzipMember() : state_(std::make_unique<State>()) {
    // ISA-L's igzip at its fastest level (1), with a gzip header and trailer around each member:
    // an archive of a night's crawl must not slow the crawl (issue 19: at most 10%). zlib's
    // fastest level costs ten times the CPU (0.57 s against 0.05 s on bench/crawl's 166 MB of
    // documents), as much as the rest of the archive together.
    isal_deflate_init(&state_->stream);
    state_->stream.level = 1;
    state_->stream.level_buf = state_->level_buffer.data();
    state_->stream.level_buf_size = static_cast<std::uint32_t>(state_->level_buffer.size());
    state_->stream.gzip_flag = IGZIP_GZIP;
}

GzipMember::~GzipMember() = default;

namespace {

// Compresses `bytes` into `out`; with `last`, ends the member (ISA-L counts in 32 bits: the
// caller slices).
template <std::size_t room_size>
void deflate_into(isal_zstream& stream, std::uint8_t (&room)[room_size], std::string_view bytes, bool last,
                  std::string& out) {
    stream.next_in = reinterpret_cast<std::uint8_t*>(const_cast<char*>(bytes.data()));
    stream.avail_in = static_cast<std::uint32_t>(bytes.size());
    stream.end_of_stream = last ? 1 : 0;
    do {
        stream.next_out = room;
        stream.avail_out = room_size;
        if (isal_deflate(&stream) != COMP_OK) throw Error("cannot compress the web archive (ISA-L igzip)");
        out.append(reinterpret_cast<const char*>(room), room_size - stream.avail_out);
    } while (stream.avail_in > 0 || stream.avail_out == 0 ||
             (last && stream.internal_state.state != ZSTATE_END));
}

}  // namespace

void GzipMember::add(std::string_view bytes, std::string& out) {
    constexpr std::size_t slice = std::size_t{1} << 30;
    for (std::size_t at = 0; at < bytes.size(); at += slice) deflate_into(state_->stream, state_->room, bytes.substr(at, slice), false, out);
}

void GzipMember::finish(std::string& out) {
    deflate_into(state_->stream, state_->room, "\r\n\r\n", true, out);
    isal_deflate_reset(&state_->stream);  // keeps the level and its buffer
    // ISA-L notes a written gzip header by turning IGZIP_GZIP into IGZIP_GZIP_NO_HDR, which
    // reset keeps: the next member needs its own header.
    state_->stream.gzip_flag = IGZIP_GZIP;
}

}  // namespace ppid::warc
