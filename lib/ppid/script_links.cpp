#include <ppid/script_links.hpp>

#include <ppid/html_reading.hpp>
#include <ppid/util/ascii.hpp>

#include <array>
#include <cstdint>

namespace ppid {

namespace {

bool is_identifier_char(char c) {
    return util::is_ascii_letter(c) || util::is_ascii_digit(c) || c == '_' || c == '$' || c == '.';
}

std::size_t skip_space(std::string_view code, std::size_t at) {
    while (at < code.size() && is_html_space(code[at])) ++at;
    return at;
}

int hex_value(char c) {
    if (util::is_ascii_digit(c)) return c - '0';
    const char lower = util::ascii_lower(c);
    return lower >= 'a' && lower <= 'f' ? lower - 'a' + 10 : -1;
}

void append_utf8(std::string& out, std::uint32_t code) {
    if (code < 0x80) {
        out += static_cast<char>(code);
    } else if (code < 0x800) {
        out += static_cast<char>(0xC0 | (code >> 6));
        out += static_cast<char>(0x80 | (code & 0x3F));
    } else {
        out += static_cast<char>(0xE0 | (code >> 12));
        out += static_cast<char>(0x80 | ((code >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (code & 0x3F));
    }
}

// Reads the string literal starting at `at` (its quote) and returns its value, or nothing when no
// complete literal stands there alone (followed by ')' , ';', ',' or the end, not by '+').
std::optional<std::string> literal_at(std::string_view code, std::size_t at) {
    if (at >= code.size()) return std::nullopt;
    const char quote = code[at];
    if (quote != '\'' && quote != '"' && quote != '`') return std::nullopt;
    std::string value;
    std::size_t i = at + 1;
    for (; i < code.size() && code[i] != quote; ++i) {
        char c = code[i];
        if (quote == '`' && c == '$' && i + 1 < code.size() && code[i + 1] == '{') return std::nullopt;
        if (c != '\\' || i + 1 >= code.size()) {
            value += c;
            continue;
        }
        c = code[++i];
        const int digits = c == 'x' ? 2 : c == 'u' ? 4 : 0;
        if (digits == 0) {
            value += c == 'n' || c == 't' || c == 'r' ? ' ' : c;
            continue;
        }
        std::uint32_t code_point = 0;
        for (int d = 1; d <= digits; ++d) {
            const int v = i + d < code.size() ? hex_value(code[i + d]) : -1;
            if (v < 0) return std::nullopt;
            code_point = code_point * 16 + static_cast<std::uint32_t>(v);
        }
        append_utf8(value, code_point);
        i += static_cast<std::size_t>(digits);
    }
    if (i >= code.size()) return std::nullopt;
    const std::size_t after = skip_space(code, i + 1);
    if (after < code.size() && code[after] != ')' && code[after] != ';' && code[after] != ',') return std::nullopt;
    return value;
}

// The calls and assignments that navigate, lower-cased, each ending where the literal follows.
constexpr std::array<std::string_view, 4> calls{"window.open(", "open(", "location.assign(", "location.replace("};
constexpr std::array<std::string_view, 2> targets{"location.href", "location"};

}  // namespace

std::optional<std::string> script_link_target(std::string_view code) {
    const std::string lower = util::ascii_lowercase(code);
    std::size_t best = std::string::npos;
    std::optional<std::string> found;
    const auto consider = [&](std::size_t literal_start, std::size_t where) {
        if (where >= best) return;
        if (std::optional<std::string> value = literal_at(code, skip_space(code, literal_start))) {
            best = where;
            found = std::move(value);
        }
    };
    for (const std::string_view call : calls) {
        for (std::size_t at = lower.find(call); at != std::string::npos; at = lower.find(call, at + 1)) {
            // "open(" alone must not be the end of another name ("reopen(", "x.open(" is fine: window.open).
            if (call == "open(" && at > 0 && is_identifier_char(lower[at - 1]) && lower[at - 1] != '.') continue;
            consider(at + call.size(), at);
        }
    }
    for (const std::string_view target : targets) {
        for (std::size_t at = lower.find(target); at != std::string::npos; at = lower.find(target, at + 1)) {
            if (at > 0 && is_identifier_char(lower[at - 1]) && lower[at - 1] != '.') continue;
            std::size_t after = skip_space(lower, at + target.size());
            if (after >= lower.size() || lower[after] != '=' || (after + 1 < lower.size() && lower[after + 1] == '='))
                continue;
            consider(after + 1, at);
        }
    }
    return found;
}

}  // namespace ppid
