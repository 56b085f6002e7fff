// ASCII character classes and case folding for text that is UTF-8 but need not be valid: the bytes of
// multi-byte characters are neither letters nor digits here, and only 'A'-'Z' ever change case.
#pragma once

#include <string>
#include <string_view>

namespace ppid::util {

// Returns whether `c` is '0'-'9'.
constexpr bool is_ascii_digit(char c) {
    return c >= '0' && c <= '9';
}

// Returns whether `c` is 'a'-'z' or 'A'-'Z'.
constexpr bool is_ascii_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Returns whether `c` is a byte of a multi-byte UTF-8 character (0x80 or above).
constexpr bool is_non_ascii(char c) {
    return static_cast<unsigned char>(c) >= 0x80;
}

// Returns `c` in lower case when it is 'A'-'Z', and `c` itself otherwise.
constexpr char ascii_lower(char c) {
    return c >= 'A' && c <= 'Z' ? static_cast<char>(c | 0x20) : c;
}

// Returns `text` with 'A'-'Z' in lower case and every other byte as it was.
inline std::string ascii_lowercase(std::string_view text) {
    std::string result(text);
    for (char& c : result) c = ascii_lower(c);
    return result;
}

}  // namespace ppid::util
