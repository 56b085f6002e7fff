#include <ppid/warc_format.hpp>

#include <ppid/error.hpp>
#include <ppid/util/ascii.hpp>
#include <ppid/util/http_date.hpp>

#include <openssl/evp.h>
#include <zlib.h>

#include <cstdio>
#include <random>

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
    z_stream stream{};
};

GzipMember::GzipMember() : state_(std::make_unique<State>()) {
    // 15 + 16: a gzip header and trailer around the deflate stream. The fastest level: an archive
    // of a night's crawl must not slow the crawl (issue 19: at most 10%), and most of its bytes
    // are PDFs that compress little at any level.
    if (deflateInit2(&state_->stream, Z_BEST_SPEED, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY) != Z_OK)
        throw Error("cannot start gzip compression (zlib)");
}

GzipMember::~GzipMember() { deflateEnd(&state_->stream); }

namespace {

void deflate_into(z_stream& stream, std::string_view bytes, int flush, std::string& out) {
    stream.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    stream.avail_in = static_cast<uInt>(bytes.size());
    char buffer[65536];
    do {
        stream.next_out = reinterpret_cast<Bytef*>(buffer);
        stream.avail_out = sizeof buffer;
        deflate(&stream, flush);
        out.append(buffer, sizeof buffer - stream.avail_out);
    } while (stream.avail_out == 0 || stream.avail_in > 0);
}

}  // namespace

void GzipMember::add(std::string_view bytes, std::string& out) {
    // zlib counts in 32 bits: a large body goes in slices.
    constexpr std::size_t slice = std::size_t{1} << 30;
    for (std::size_t at = 0; at < bytes.size(); at += slice)
        deflate_into(state_->stream, bytes.substr(at, slice), Z_NO_FLUSH, out);
}

void GzipMember::finish(std::string& out) {
    deflate_into(state_->stream, "\r\n\r\n", Z_FINISH, out);
    deflateReset(&state_->stream);
}

}  // namespace ppid::warc
