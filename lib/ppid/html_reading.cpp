#include <ppid/html_reading.hpp>

#include <ppid/util/ascii.hpp>
#include <ppid/util/one_of.hpp>
#include <ppid/util/text_encoding.hpp>

#include <iconv.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <memory>
#include <optional>

namespace ppid {

bool is_html_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

std::string_view trim_html_space(std::string_view text) {
    while (!text.empty() && is_html_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_html_space(text.back())) text.remove_suffix(1);
    return text;
}

namespace {

// Returns the value of `key` in parameters like "text/html; charset=UTF-8" or attributes like
// charset="UTF-8", lower-cased and unquoted, or "".
std::string parameter(std::string_view text, std::string_view key) {
    const std::string lower = util::ascii_lowercase(text);
    for (std::size_t at = lower.find(key); at != std::string::npos; at = lower.find(key, at + 1)) {
        if (at > 0 && (util::is_ascii_letter(lower[at - 1]) || lower[at - 1] == '-')) continue;
        std::string_view rest = trim_html_space(std::string_view(lower).substr(at + key.size()));
        if (rest.empty() || rest.front() != '=') continue;
        rest = trim_html_space(rest.substr(1));
        if (!rest.empty() && (rest.front() == '"' || rest.front() == '\'')) rest.remove_prefix(1);
        std::size_t end = 0;
        while (end < rest.size() && std::strchr(" \t\r\n;,\"'>/", rest[end]) == nullptr) ++end;
        return std::string(rest.substr(0, end));
    }
    return "";
}

// Returns the charset the tag starting after "<meta" at `at` in the lower-cased `head` declares, in
// a charset attribute or in the content of an http-equiv Content-Type, or "".
std::string meta_tag_charset(std::string_view head, std::size_t at) {
    const std::size_t end = head.find('>', at);
    return parameter(head.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at), "charset");
}

// Returns the charset an XML declaration (XHTML) or a <meta> before <body> declares, lower-cased,
// or "".
std::string declared_charset(std::string_view bytes) {
    const std::string head = util::ascii_lowercase(bytes.substr(0, 64 * 1024));
    if (head.rfind("<?xml", 0) == 0) {
        const std::string declared = parameter(std::string_view(head).substr(0, head.find("?>")), "encoding");
        if (!declared.empty()) return declared;
    }
    const std::size_t body = head.find("<body");
    for (std::size_t at = head.find("<meta"); at != std::string::npos && at < body; at = head.find("<meta", at + 5)) {
        std::string charset = meta_tag_charset(head, at + 5);
        if (!charset.empty()) return charset;
    }
    return "";
}

// The labels browsers decode as Windows-1252 (the WHATWG Encoding Standard's list, in part).
bool means_windows1252(std::string_view label) {
    static constexpr std::array<std::string_view, 17> labels{
        "windows-1252", "cp1252",     "x-cp1252",    "iso-8859-1",     "iso8859-1",      "iso_8859-1",
        "iso88591",     "latin1",     "l1",          "us-ascii",       "ascii",          "cp819",
        "ibm819",       "iso-ir-100", "csisolatin1", "ansi_x3.4-1968", "iso_8859-1:1987"};
    return util::is_one_of(label, labels);
}

bool means_utf8(std::string_view label) {
    return label == "utf-8" || label == "utf8" || label == "unicode-1-1-utf-8";
}

// Returns `bytes` decoded from `label` by iconv, invalid bytes as U+FFFD, or nothing when iconv does not
// know the label.
std::optional<std::string> iconv_to_utf8(std::string_view bytes, const std::string& label) {
    const iconv_t converter = iconv_open("UTF-8", label.c_str());
    if (converter == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
    const std::unique_ptr<void, int (*)(iconv_t)> closer(converter, &iconv_close);
    std::string out;
    std::array<char, 16 * 1024> buffer;
    char* in = const_cast<char*>(bytes.data());  // iconv's signature; it does not write the input
    std::size_t in_left = bytes.size();
    while (in_left > 0) {
        char* to = buffer.data();
        std::size_t to_left = buffer.size();
        const std::size_t done = iconv(converter, &in, &in_left, &to, &to_left);
        out.append(buffer.data(), buffer.size() - to_left);
        if (done != static_cast<std::size_t>(-1) || errno == E2BIG) continue;
        out += "\xEF\xBF\xBD";
        if (errno != EILSEQ) break;  // a sequence cut off by the end of the body
        ++in;
        --in_left;
    }
    return util::repair_utf8(out);
}

// Returns `bytes` as UTF-8 decoded from `label`, or nothing when the label is unknown. A <meta>
// declaring UTF-16 in a page that reached us readable as ASCII means UTF-8, as browsers take it.
std::optional<DecodedHtml> decoded_as(std::string_view bytes, std::string label, bool from_meta) {
    if (label.empty()) return std::nullopt;
    if (from_meta && label.rfind("utf-16", 0) == 0) label = "utf-8";
    if (means_utf8(label)) return DecodedHtml{util::repair_utf8(bytes), "utf-8"};
    if (means_windows1252(label)) return DecodedHtml{util::windows1252_to_utf8(bytes), "windows-1252"};
    if (std::optional<std::string> text = iconv_to_utf8(bytes, label)) return DecodedHtml{std::move(*text), label};
    return std::nullopt;
}

}  // namespace

DecodedHtml decode_html(std::string_view bytes, std::string_view content_type) {
    if (bytes.rfind("\xEF\xBB\xBF", 0) == 0) return {util::repair_utf8(bytes.substr(3)), "utf-8"};
    if (bytes.rfind("\xFF\xFE", 0) == 0 || bytes.rfind("\xFE\xFF", 0) == 0) {
        std::string text(bytes);
        const bool little = util::convert_to_utf8(text) == util::SourceEncoding::utf16le_bom;
        return {std::move(text), little ? "utf-16le" : "utf-16be"};
    }
    if (auto by_header = decoded_as(bytes, parameter(content_type, "charset"), false)) return std::move(*by_header);
    if (auto by_meta = decoded_as(bytes, declared_charset(bytes), true)) return std::move(*by_meta);
    if (util::is_valid_utf8(bytes)) return {std::string(bytes), "utf-8"};
    return {util::windows1252_to_utf8(bytes), "windows-1252"};
}

// Elements inside a line of text: their edges are no word boundary.
bool is_inline_element(std::string_view name) {
    static constexpr std::array<std::string_view, 32> names{
        "a",    "abbr",  "b",    "bdi",    "bdo",    "big", "cite",  "code", "data", "del", "dfn",
        "em",   "font",  "i",    "img",    "ins",    "kbd", "label", "mark", "nobr", "q",   "s",
        "samp", "small", "span", "strike", "strong", "sub", "sup",   "time", "tt",   "u"};
    return util::is_one_of(name, names);
}

// Elements whose content is no text and holds no links.
bool is_textless_element(std::string_view name) {
    return name == "script" || name == "style" || name == "template";
}

}  // namespace ppid
