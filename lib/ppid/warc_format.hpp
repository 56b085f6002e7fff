// The pieces of a WARC 1.1 file (ISO 28500:2017) that do not depend on a crawl: digests as the
// archiving tools write them, record ids, dates, the header block of a record, an archived HTTP
// head, and the gzip member every record is compressed into.
#pragma once

#include <chrono>
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ppid::warc {

// Returns `bytes` in RFC 4648 base32 (A-Z, 2-7), padded with '=' to a multiple of 8 characters
// (a SHA-1 of 20 bytes gives exactly 32 characters, no padding).
std::string base32(std::string_view bytes);

// A SHA-1 computed piece by piece, written as WARC digests are: "sha1:" + base32.
class Sha1 {
public:
    Sha1();  // throws Error when libcrypto cannot make a digest
    ~Sha1();
    Sha1(const Sha1&) = delete;
    Sha1& operator=(const Sha1&) = delete;

    void update(std::string_view bytes);
    // Returns "sha1:" + base32 of everything given to update(); call once.
    std::string finish();

private:
    struct State;
    std::unique_ptr<State> state_;
};

// Returns a fresh random record id: "<urn:uuid:xxxxxxxx-xxxx-4xxx-yxxx-xxxxxxxxxxxx>".
std::string new_record_id();

// Returns `moment` as WARC-Date writes it: "2025-03-12T09:00:00Z" (UTC, whole seconds).
std::string warc_date(std::chrono::system_clock::time_point moment);

// Returns the HTTP head `head` (status line, headers, blank line, as received) as it is archived
// in front of a body of `body_size` bytes that libcurl already decoded: Content-Encoding,
// Transfer-Encoding and, when either was there, Content-Length are kept renamed with the prefix
// "X-Archive-Orig-" (as pywb names headers it rewrote) and a true Content-Length is added, so a
// replay tool does not decode the body a second time. Line ends become CRLF; a head without its
// blank line gets one.
std::string archived_http_head(std::string_view head, std::size_t body_size);

// The named header lines of one WARC record, in order; Content-Length is added by the writer.
using Fields = std::vector<std::pair<std::string, std::string>>;

// Returns the record's header block: "WARC/1.1", each field, Content-Length: `block_size`, and the
// blank line.
std::string record_head(const Fields& fields, std::size_t block_size);

// Compresses a record into one gzip member, piece by piece: its head, its block, and the two
// CRLFs that end it (finish()); then the next record into the next member, reusing igzip's state
// (it costs more to make than to fill for a small record).
class GzipMember {
public:
    GzipMember();
    ~GzipMember();
    GzipMember(const GzipMember&) = delete;
    GzipMember& operator=(const GzipMember&) = delete;

    // Appends the compressed form of `bytes` to `out`.
    void add(std::string_view bytes, std::string& out);
    // Appends the end of the record and of the member to `out`; the next add() starts a new member.
    void finish(std::string& out);

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace ppid::warc
