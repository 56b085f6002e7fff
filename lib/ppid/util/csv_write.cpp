#include <ppid/util/ascii.hpp>
#include <ppid/util/csv_write.hpp>

namespace ppid::util {

namespace {

// Returns whether `text` is a number and nothing else: an optional sign, digits, and at most one
// decimal point or comma followed by digits.
bool is_plain_number(std::string_view text) {
    std::size_t i = 0;
    if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
    const std::size_t digits_start = i;
    while (i < text.size() && is_ascii_digit(text[i])) ++i;
    if (i == digits_start) return false;
    if (i < text.size() && (text[i] == '.' || text[i] == ',')) {
        const std::size_t fraction_start = ++i;
        while (i < text.size() && is_ascii_digit(text[i])) ++i;
        if (i == fraction_start) return false;
    }
    return i == text.size();
}

}  // namespace

std::string neutralize_formula(std::string_view text) {
    if (text.empty()) return std::string();
    const char first = text.front();
    const bool risky = first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r';
    if (!risky || is_plain_number(text)) return std::string(text);
    return "'" + std::string(text);
}

std::string csv_field(std::string_view text, char delimiter) {
    const bool quote = text.find_first_of(std::string{delimiter, '"', '\r', '\n'}) != std::string_view::npos ||
                       (!text.empty() && (text.front() == ' ' || text.back() == ' '));
    if (!quote) return std::string(text);
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

void append_csv_record(std::string& out, const std::vector<std::string>& fields, char delimiter) {
    bool first = true;
    for (const auto& field : fields) {
        if (!first) out += delimiter;
        first = false;
        out += csv_field(neutralize_formula(field), delimiter);
    }
    out += "\r\n";
}

}  // namespace ppid::util
