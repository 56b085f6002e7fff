#include <ppid/util/unicode_space.hpp>

#include <algorithm>

namespace ppid::util {

namespace {

bool is_ascii_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

}  // namespace

std::size_t unicode_space_length(std::string_view bytes) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(bytes[i]); };
    if (bytes.size() == 2 && byte(0) == 0xC2 && (byte(1) == 0x85 || byte(1) == 0xA0)) return 2;
    if (bytes.size() != 3) return 0;
    const bool space = (byte(0) == 0xE1 && byte(1) == 0x9A && byte(2) == 0x80) ||
                       (byte(0) == 0xE2 && byte(1) == 0x80 &&
                        (byte(2) <= 0x8B || byte(2) == 0xA8 || byte(2) == 0xA9 || byte(2) == 0xAF)) ||
                       (byte(0) == 0xE2 && byte(1) == 0x81 && byte(2) == 0x9F) ||
                       (byte(0) == 0xE3 && byte(1) == 0x80 && byte(2) == 0x80) ||
                       (byte(0) == 0xEF && byte(1) == 0xBB && byte(2) == 0xBF);
    return space ? 3 : 0;
}

std::string_view trim_unicode_spaces(std::string_view text) {
    for (bool trimmed = true; trimmed && !text.empty();) {
        trimmed = false;
        if (is_ascii_space(text.front())) {
            text.remove_prefix(1);
            trimmed = true;
        } else if (const std::size_t n =
                       std::max(unicode_space_length(text.substr(0, 2)), unicode_space_length(text.substr(0, 3)))) {
            text.remove_prefix(n);
            trimmed = true;
        }
    }
    for (bool trimmed = true; trimmed && !text.empty();) {
        trimmed = false;
        if (is_ascii_space(text.back())) {
            text.remove_suffix(1);
            trimmed = true;
        } else if (text.size() >= 2 && unicode_space_length(text.substr(text.size() - 2)) != 0) {
            text.remove_suffix(2);
            trimmed = true;
        } else if (text.size() >= 3 && unicode_space_length(text.substr(text.size() - 3)) != 0) {
            text.remove_suffix(3);
            trimmed = true;
        }
    }
    return text;
}

}  // namespace ppid::util
