// Fetching URLs for ppid-crawl, many at once: the network as an interface, so that the crawler's
// rules (scope, politeness, retries, redirects) can be tested against a fake and run against
// libcurl's multi interface, and so that file:// URLs (a site exported to disk) read the same way.
// Redirects are not followed here: the crawler decides about every hop.
#pragma once

#include <chrono>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ppid {

// Why a URL could not be fetched, as records name it.
enum class FailureClass { none, http_4xx, http_5xx, timeout, dns, tls, connection, too_large, robots, redirect_loop };

// Returns the class's name in records: "http_4xx", "timeout", ...; "" for none.
std::string_view to_string(FailureClass failure);

enum class FetchMethod {
    get,    // the whole body
    head,   // headers only: an external link's check
    probe,  // a GET for the first byte only (Range: bytes=0-0), for servers that refuse HEAD
};

struct FetchRequest {
    std::uint64_t id = 0;  // the caller's tag, given back in the response
    std::string url;       // absolute, normalised
    FetchMethod method = FetchMethod::get;
    std::string if_none_match;       // an ETag from the cache, "" for none
    std::string if_modified_since;   // a Last-Modified from the cache, "" for none
    std::uint64_t max_bytes = 25ull << 20;  // body bytes after decompression; beyond: too_large
    std::chrono::milliseconds timeout{30000};  // to connect, and the window of min_speed
    std::uint64_t min_speed = 256;             // bytes a second over `timeout`, else cut as timeout
    std::chrono::milliseconds max_time{600000};  // the whole transfer; 0 for no limit
    std::string user_agent;
    std::string file_root;  // for a file: URL, the export folder it may not leave through a symbolic
                            // link (decoded path); "" for no such bound
    std::string body_dir;  // where a body that is not HTML is written (a fresh file per response)
    bool fresh_connection = false;  // a retry: not over a connection that may be the one that failed
    bool html_only = false;         // a body that is not HTML is not wanted: stop at its first bytes
    std::string ca_file;            // trusted certificates (PEM) instead of the system's; "" for those
    bool verify_tls = true;         // false: read an https site whose certificate fails verification
    bool keep_exchange = false;     // --warc: keep the heads as sent and received (FetchExchange)
};

// What a web archive keeps of a transfer besides its body (FetchRequest::keep_exchange).
struct FetchExchange {
    std::string request_head;   // the request as sent, its blank line included; "" for a file: URL
    std::string response_head;  // the last response's status line and headers as received, blank line included
    std::string error_body;     // the body of a response that is not 2xx (those are not kept otherwise)
    bool whole = true;          // false: the body was cut (too large, a probe, not HTML under html_only)
    std::string ip;             // the server's address, when known
    std::chrono::system_clock::time_point at{};  // when the response was complete
};

struct FetchResponse {
    std::uint64_t id = 0;
    long status = 0;  // the HTTP status; 0 when no response came
    std::string content_type, etag, last_modified, location, date;
    std::optional<std::uint64_t> content_length;  // as announced in the headers
    std::optional<double> retry_after_seconds;    // Retry-After, in seconds from now
    // An HTML body (text/html, application/xhtml+xml) is kept in memory, any other in body_path
    // (a file the caller owns from now on; "" when nothing was written).
    std::string body;
    std::string body_path;
    std::uint64_t body_bytes = 0;  // bytes received after decompression
    FailureClass transport_failure = FailureClass::none;  // timeout, dns, tls, connection, too_large
    std::string message;  // what went wrong, for people: "Connection refused", "HTTP 404"
    std::string tls_problem;  // for a tls failure of the certificate: see tls_problem.hpp; else ""
    std::shared_ptr<const FetchExchange> exchange;  // with keep_exchange; else null
};

// Many transfers at once. Not thread-safe, except wake().
class Fetcher {
public:
    virtual ~Fetcher() = default;
    // Starts `request`; its response comes from a later wait(). Never throws for a bad URL or
    // a network failure: those are responses too.
    virtual void start(FetchRequest request) = 0;
    // Returns the transfers completed so far, waiting at most `max_wait` for the first one.
    virtual std::vector<FetchResponse> wait(std::chrono::milliseconds max_wait) = 0;
    // Makes a wait() in progress return early; callable from any thread.
    virtual void wake() = 0;
    // Returns the number of transfers started and not yet returned by wait().
    virtual std::size_t in_flight() const = 0;
};

// Returns a fetcher for http, https (libcurl, with gzip and deflate decoding) and file URLs.
// Throws Error when libcurl cannot be initialised.
std::unique_ptr<Fetcher> make_network_fetcher();

// Returns the first `limit` bytes of the response's body, in memory or in its file ("" when the
// file cannot be read).
std::string read_response_body(const FetchResponse& response, std::size_t limit);

// Returns whether `content_type` names an HTML page.
bool is_html_type(std::string_view content_type);

}  // namespace ppid
