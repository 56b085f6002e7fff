#include <ppid/util/ascii.hpp>
#include <ppid/util/display_width.hpp>
#include <ppid/util/html_text.hpp>

namespace ppid::util {

std::string escape_html(std::string_view text) {
    // HTML forbids most control characters; a reader sees no difference between a tab and a space.
    const std::string clean = printable_text(text, true);
    std::string out;
    out.reserve(clean.size() + clean.size() / 8);
    for (const char c : clean) {
        switch (c) {
            case '&':
                out += "&amp;";
                break;
            case '<':
                out += "&lt;";
                break;
            case '>':
                out += "&gt;";
                break;
            case '"':
                out += "&quot;";
                break;
            case '\'':
                out += "&#39;";
                break;
            default:
                out += c;
        }
    }
    return out;
}

bool is_linkable_url(std::string_view url) {
    std::string_view rest;
    const std::string lower = ascii_lowercase(url.substr(0, 8));
    if (lower.rfind("https://", 0) == 0) {
        rest = url.substr(8);
    } else if (lower.rfind("http://", 0) == 0) {
        rest = url.substr(7);
    } else {
        return false;
    }
    if (rest.empty() || rest.front() == '/') return false;
    for (const char c : url) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte <= 0x20 || byte == 0x7F || c == '"' || c == '\'' || c == '<' || c == '>' || c == '\\' || c == '`')
            return false;
    }
    return true;
}

}  // namespace ppid::util
