#include <ppid/util/url.hpp>

#include <ppid/util/ascii.hpp>

#include <algorithm>
#include <array>

namespace ppid::util {

namespace {

constexpr std::string_view kHexDigits = "0123456789ABCDEF";

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    return -1;
}

bool is_unreserved(char c) {
    return is_ascii_letter(c) || is_ascii_digit(c) || c == '-' || c == '.' || c == '_' || c == '~';
}

// Bytes no URL may carry as they are: browsers and servers disagree on what they mean.
bool must_encode(char c) {
    const auto byte = static_cast<unsigned char>(c);
    return byte <= 0x20 || byte >= 0x7F || std::string_view("\"<>\\^`{|}").find(c) != std::string_view::npos;
}

void append_escape(std::string& out, unsigned char byte) {
    out += '%';
    out += kHexDigits[byte >> 4];
    out += kHexDigits[byte & 0x0F];
}

bool starts_with(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

bool equals_ignoring_case(std::string_view a, std::string_view b) {
    return a.size() == b.size() &&
           std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) { return ascii_lower(x) == ascii_lower(y); });
}

bool starts_with_ignoring_case(std::string_view text, std::string_view prefix) {
    return text.size() >= prefix.size() && equals_ignoring_case(text.substr(0, prefix.size()), prefix);
}

// The schemes whose URLs browsers parse leniently: backslashes as slashes, any number of slashes
// before the host, a host required.
bool is_special(std::string_view scheme) {
    return scheme == "http" || scheme == "https";
}

int default_port(std::string_view scheme) {
    if (scheme == "http" || scheme == "ws") return 80;
    if (scheme == "https" || scheme == "wss") return 443;
    if (scheme == "ftp") return 21;
    return 0;
}

bool always_has_authority(std::string_view scheme) {
    return is_special(scheme) || scheme == "file";
}

// Returns `text` as a browser takes it from an href: no controls or spaces at either end, no
// tabs or line breaks anywhere (an href wrapped over two lines still works).
std::string clean(std::string_view text) {
    while (!text.empty() && static_cast<unsigned char>(text.front()) <= 0x20) text.remove_prefix(1);
    while (!text.empty() && static_cast<unsigned char>(text.back()) <= 0x20) text.remove_suffix(1);
    std::string result;
    result.reserve(text.size());
    for (const char c : text)
        if (c != '\t' && c != '\n' && c != '\r') result += c;
    return result;
}

// Returns the position of the ':' ending a valid scheme at the start of `text`, or nullopt.
std::optional<std::size_t> scheme_end(std::string_view text) {
    if (text.empty() || !is_ascii_letter(text[0])) return std::nullopt;
    for (std::size_t i = 1; i < text.size(); ++i) {
        const char c = text[i];
        if (c == ':') return i;
        if (!is_ascii_letter(c) && !is_ascii_digit(c) && c != '+' && c != '-' && c != '.') return std::nullopt;
    }
    return std::nullopt;
}

// Browsers read "http:\\host\a\b" as "http://host/a/b"; the query keeps its backslashes.
void backslashes_to_slashes(std::string& text) {
    const std::size_t end = std::min(text.find('?'), text.size());
    std::replace(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(end), '\\', '/');
}

void drop_last_segment(std::string& out) {
    const std::size_t slash = out.rfind('/');
    out.erase(slash == std::string::npos ? 0 : slash);
}

// RFC 3986 section 5.2.4.
std::string remove_dot_segments(std::string_view in) {
    std::string out;
    while (!in.empty()) {
        if (starts_with(in, "../")) {
            in.remove_prefix(3);
        } else if (starts_with(in, "./") || starts_with(in, "/./")) {
            in.remove_prefix(2);
        } else if (in == "/.") {
            in = "/";
        } else if (starts_with(in, "/../")) {
            in.remove_prefix(3);
            drop_last_segment(out);
        } else if (in == "/..") {
            in = "/";
            drop_last_segment(out);
        } else if (in == "." || in == "..") {
            in = {};
        } else {
            const std::size_t next = std::min(in.find('/', 1), in.size());
            out.append(in.substr(0, next));
            in.remove_prefix(next);
        }
    }
    return out;
}

// Java servlet containers put the session in the path ("/a.jsp;jsessionid=1A2B"): one page,
// a new spelling per visit.
void remove_jsessionid(std::string& path) {
    constexpr std::string_view kParameter = ";jsessionid=";
    std::size_t at = 0;
    while (at + kParameter.size() <= path.size()) {
        if (!starts_with_ignoring_case(std::string_view(path).substr(at), kParameter)) {
            ++at;
            continue;
        }
        const std::size_t end = std::min(path.find_first_of(";/", at + 1), path.size());
        path.erase(at, end - at);
    }
}

std::string normalize_path(std::string_view raw, bool has_authority) {
    std::string path = normalize_percent_encoding(raw);
    remove_jsessionid(path);
    if (!path.empty() && path[0] == '/') path = remove_dot_segments(path);
    // Without an authority, "//x" would be read back as a host (RFC 3986 section 5.3).
    if (!has_authority && starts_with(path, "//")) path.insert(0, "/.");
    return path;
}

// Returns the host in normal form, or nullopt when it has a character no host may have.
std::optional<std::string> normalize_host(std::string_view host) {
    if (!host.empty() && host.front() == '[') {
        if (host.size() < 3 || host.back() != ']') return std::nullopt;
        for (const char c : host.substr(1, host.size() - 2))
            if (hex_value(c) < 0 && c != ':' && c != '.') return std::nullopt;
        return ascii_lowercase(host);
    }
    std::string decoded;
    for (std::size_t i = 0; i < host.size(); ++i) {
        if (host[i] != '%') {
            decoded += host[i];
            continue;
        }
        if (i + 2 >= host.size() || hex_value(host[i + 1]) < 0 || hex_value(host[i + 2]) < 0) return std::nullopt;
        decoded += static_cast<char>(hex_value(host[i + 1]) * 16 + hex_value(host[i + 2]));
        i += 2;
    }
    for (const char c : decoded) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte <= 0x20 || byte == 0x7F || std::string_view("\"#%/:<>?@[\\]^`{|}").find(c) != std::string_view::npos)
            return std::nullopt;
    }
    return ascii_lowercase(decoded);
}

// Returns the port, 0 for none ("host:" included), or nullopt when it is not 1-65535.
std::optional<int> parse_port(std::string_view digits) {
    int port = 0;
    for (const char c : digits) {
        if (!is_ascii_digit(c)) return std::nullopt;
        port = port * 10 + (c - '0');
        if (port > 65535) return std::nullopt;
    }
    if (!digits.empty() && port == 0) return std::nullopt;
    return port;
}

bool parse_authority(std::string_view authority, Url& url) {
    if (const std::size_t at = authority.rfind('@'); at != std::string_view::npos) {
        url.userinfo = normalize_percent_encoding(authority.substr(0, at));
        authority.remove_prefix(at + 1);
    }
    std::string_view host = authority;
    std::string_view port;
    const std::size_t host_end = authority.empty() || authority[0] != '[' ? authority.find(':') : authority.find(']');
    if (host_end != std::string_view::npos) {
        const std::size_t colon = authority[host_end] == ':' ? host_end : host_end + 1;
        host = authority.substr(0, colon);
        if (colon < authority.size()) {
            if (authority[colon] != ':') return false;  // "[::1]x"
            port = authority.substr(colon + 1);
        }
    }
    const auto normal_host = normalize_host(host);
    const auto number = parse_port(port);
    if (!normal_host || !number) return false;
    url.host = *normal_host;
    url.port = *number == default_port(url.scheme) ? 0 : *number;
    return true;
}

template <typename Unwanted>
void strip_parameters_if(Url& url, Unwanted&& unwanted) {
    if (!url.query) return;
    std::string kept;
    bool removed = false;
    bool first = true;
    std::string_view rest = *url.query;
    while (true) {
        const std::size_t amp = rest.find('&');
        const std::string_view pair = rest.substr(0, amp);
        if (unwanted(pair.substr(0, pair.find('=')))) {
            removed = true;
        } else {
            if (!first) kept += '&';
            kept += pair;
            first = false;
        }
        if (amp == std::string_view::npos) break;
        rest.remove_prefix(amp + 1);
    }
    if (!removed) return;
    if (kept.empty())
        url.query.reset();
    else
        url.query = std::move(kept);
}

}  // namespace

std::string Url::text() const {
    std::string out = scheme + ':';
    if (has_authority || !host.empty() || always_has_authority(scheme)) {
        out += "//";
        if (!userinfo.empty()) out += userinfo + '@';
        out += host_key();
    }
    out += path;
    if (query) out += '?' + *query;
    return out;
}

std::string Url::host_key() const {
    return port == 0 ? host : host + ':' + std::to_string(port);
}

std::string Url::path_and_query() const {
    std::string out = path.empty() ? "/" : path;
    if (query) out += '?' + *query;
    return out;
}

std::string normalize_percent_encoding(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (c == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0) {
            const auto byte = static_cast<unsigned char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
            if (is_unreserved(static_cast<char>(byte)))
                out += static_cast<char>(byte);
            else
                append_escape(out, byte);
            i += 2;
        } else if (c == '%' || must_encode(c)) {
            append_escape(out, static_cast<unsigned char>(c));  // a stray '%' too, so the result reads back the same
        } else {
            out += c;
        }
    }
    return out;
}

std::string percent_decode(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0) {
            out += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

std::string percent_encode_unprintable(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size());
    for (const char ch : bytes) {
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 0x21 && c < 0x7F && c != '%') out += ch;
        else append_escape(out, c);
    }
    return out;
}

std::optional<Url> parse_url(std::string_view text) {
    std::string rest = clean(text);
    const auto colon = scheme_end(rest);
    if (!colon) return std::nullopt;
    Url url;
    url.scheme = ascii_lowercase(std::string_view(rest).substr(0, *colon));
    rest.erase(0, *colon + 1);
    rest.erase(std::min(rest.find('#'), rest.size()));
    const bool special = is_special(url.scheme);
    if (special) backslashes_to_slashes(rest);

    std::string_view view = rest;
    if (special) {
        while (!view.empty() && view.front() == '/') view.remove_prefix(1);  // "http:/x", "http:///x" as browsers
        url.has_authority = true;
    } else if (starts_with(view, "//")) {
        view.remove_prefix(2);
        url.has_authority = true;
    }
    if (url.has_authority) {
        const std::size_t end = std::min(view.find_first_of("/?"), view.size());
        if (!parse_authority(view.substr(0, end), url)) return std::nullopt;
        view.remove_prefix(end);
        if (special && url.host.empty()) return std::nullopt;
    }
    if (url.scheme == "file") {
        url.has_authority = true;
        if (url.host == "localhost") url.host.clear();
    }

    const std::size_t question = view.find('?');
    if (question != std::string_view::npos && question + 1 < view.size())
        url.query = normalize_percent_encoding(view.substr(question + 1));
    std::string path(view.substr(0, question));
    // Made absolute before normalising, so that the dot segments of "file:./a" go too: added
    // after, "/./a" would lose them only when parsed again (found by tests/fuzz/url_fuzz).
    if (url.has_authority && (path.empty() || path.front() != '/') && always_has_authority(url.scheme))
        path.insert(0, "/");
    url.path = normalize_path(path, url.has_authority);
    return url;
}

std::optional<Url> resolve_url(const Url& base, std::string_view reference) {
    std::string ref = clean(reference);
    if (const auto colon = scheme_end(ref)) {
        const std::string scheme = ascii_lowercase(std::string_view(ref).substr(0, *colon));
        std::string after = ref.substr(*colon + 1);
        if (is_special(scheme)) backslashes_to_slashes(after);
        if (scheme != base.scheme || !is_special(scheme) || starts_with(after, "//")) return parse_url(ref);
        ref = after;  // "http:g" on an http base
    }
    ref.erase(std::min(ref.find('#'), ref.size()));
    if (is_special(base.scheme)) backslashes_to_slashes(ref);
    if (starts_with(ref, "//")) return parse_url(base.scheme + ':' + ref);

    const bool base_has_authority = base.has_authority || !base.host.empty() || always_has_authority(base.scheme);
    if (!base_has_authority && (base.path.empty() || base.path.front() != '/')) {
        if (ref.empty()) return base;  // "#top" on a mailto: page
        return std::nullopt;           // nothing to be relative to
    }

    const std::size_t question = ref.find('?');
    const std::string_view ref_path = std::string_view(ref).substr(0, question);
    std::string path;
    std::optional<std::string> query;
    if (question != std::string::npos) query = ref.substr(question + 1);
    if (ref_path.empty()) {
        path = base.path;
        if (question == std::string::npos) query = base.query;
    } else if (ref_path.front() == '/') {
        path = ref_path;
    } else if (base_has_authority && base.path.empty()) {
        path = '/' + std::string(ref_path);
    } else {
        path = base.path.substr(0, base.path.rfind('/') + 1) + std::string(ref_path);
    }

    Url target = base;
    target.path.clear();
    target.query.reset();
    std::string text = target.text() + path;
    if (query) text += '?' + *query;
    return parse_url(text);
}

void strip_query_parameters(Url& url, const std::vector<std::string>& names) {
    strip_parameters_if(url, [&names](std::string_view name) {
        return std::any_of(names.begin(), names.end(), [name](std::string_view wanted) {
            if (!wanted.empty() && wanted.back() == '*')
                return starts_with_ignoring_case(name, wanted.substr(0, wanted.size() - 1));
            return equals_ignoring_case(name, wanted);
        });
    });
}

bool is_session_parameter(std::string_view name) {
    static constexpr std::array<std::string_view, 12> kNames = {
        "phpsessid", "jsessionid", "asp.net_sessionid", "sid",    "sessid", "sessionid", "session_id",
        "sess_id",   "cfid",       "cftoken",           "oscsid", "zenid"};
    // IIS names the cookie per worker: ASPSESSIONIDQACTSBQA.
    if (starts_with_ignoring_case(name, "aspsessionid")) return true;
    return std::any_of(kNames.begin(), kNames.end(),
                       [name](std::string_view known) { return equals_ignoring_case(name, known); });
}

void strip_session_parameters(Url& url) {
    strip_parameters_if(url, [](std::string_view name) { return is_session_parameter(name); });
}

}  // namespace ppid::util
