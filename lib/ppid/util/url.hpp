// URLs parsed and normalised so that one document has one spelling: RFC 3986 syntax and
// reference resolution, with the leniencies browsers apply to the links people write (stray
// whitespace, backslashes, "http:" without slashes).
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ppid::util {

// A normalised absolute URL. Every field is already in normal form; text() joins them.
struct Url {
    std::string scheme;                // lower case: "http", "https", "file", "mailto"...
    std::string userinfo;              // "user:password" before '@', "" when none; not part of host_key()
    std::string host;                  // lower case, IDN left as written, "[::1]" bracketed; "" for file:
    int port = 0;                      // 0 when none or the scheme's default (80/443 dropped)
    std::string path;                  // "/" at least for http(s); dot segments removed; percent-encoding normalised
    std::optional<std::string> query;  // without the '?'; nullopt when absent ("?" alone -> nullopt)
    bool has_authority = false;        // written with "//" (always for http, https and file)

    std::string text() const;            // the normalised URL, no fragment
    std::string host_key() const;        // "host" or "host:port": the unit of scope and politeness
    std::string path_and_query() const;  // "/a/b?x=1": what robots.txt rules match
};

// Returns `text` parsed and normalised, or nullopt when it is not an absolute URL: no scheme, a
// bad port, a forbidden character in the host, no host for http(s). ASCII whitespace around it
// and tabs and line breaks inside it are dropped, as browsers do.
//
// Normal form: scheme and host lower-cased; default ports dropped; fragment dropped; empty
// http(s) path -> "/"; dot segments removed; percent-encoding with upper-case hex, unreserved
// characters decoded, and space, control, non-ASCII and `"<>\^`{|}` bytes encoded (a '%' that
// starts no escape becomes "%25"); a ";jsessionid=..." path parameter removed; the query's
// parameters kept in their order. `parse_url(u.text())` gives `u` again.
std::optional<Url> parse_url(std::string_view text);

// Returns `reference` resolved against `base` by RFC 3986 section 5.2, normalised as parse_url
// does, or nullopt when the result is not a URL or `base` cannot have relative references
// (mailto:). As browsers do: the reference is trimmed of ASCII whitespace with tabs and line
// breaks removed, backslashes in http(s) paths act as '/', and "http:g" on an http base is
// relative ("http://a/b/c/g", RFC 3986 section 5.4.2's compatible reading).
std::optional<Url> resolve_url(const Url& base, std::string_view reference);

// Removes from `url`'s query every name=value pair (or bare name) whose name equals one of
// `names` case-insensitively; a name ending in '*' matches every name it starts ("utm_*"). The
// order of the other pairs is kept; a query left empty becomes nullopt.
void strip_query_parameters(Url& url, const std::vector<std::string>& names);

// Returns whether a query parameter named `name` carries a server session (PHPSESSID,
// JSESSIONID, ASPSESSIONIDxxxx, sid, sessionid, ...), compared case-insensitively. "s" (the
// WordPress search) is not one.
bool is_session_parameter(std::string_view name);

// Removes from `url`'s query every parameter is_session_parameter() names, as
// strip_query_parameters() does.
void strip_session_parameters(Url& url);

// Returns `text` with its percent-encoding in the normal form parse_url() gives paths and
// queries; also what robots.txt patterns are compared in.
std::string normalize_percent_encoding(std::string_view text);

// Returns `text` with every valid %XX escape made its byte again; anything else kept as written.
std::string percent_decode(std::string_view text);

// Returns `bytes` with every byte that is not printable ASCII (space, control characters, bytes
// of 0x7F and above) and every '%' written as %XX: arbitrary bytes as plain ASCII text, which
// percent_decode() turns back into the same bytes.
std::string percent_encode_unprintable(std::string_view bytes);

}  // namespace ppid::util
