#include <ppid/util/display_width.hpp>

#include <algorithm>
#include <iterator>

namespace ppid::util {

namespace {

struct Range {
    char32_t first, last;
};

// Nonspacing and enclosing marks, format characters and zero-width characters.
constexpr Range zero_width[] = {
    {0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x05BF, 0x05BF}, {0x05C1, 0x05C2},   {0x05C4, 0x05C5},
    {0x05C7, 0x05C7}, {0x0610, 0x061A}, {0x064B, 0x065F}, {0x0670, 0x0670}, {0x06D6, 0x06DC},   {0x06DF, 0x06E4},
    {0x06E7, 0x06E8}, {0x06EA, 0x06ED}, {0x0900, 0x0902}, {0x093A, 0x093A}, {0x093C, 0x093C},   {0x0941, 0x0948},
    {0x094D, 0x094D}, {0x0951, 0x0957}, {0x0962, 0x0963}, {0x0E31, 0x0E31}, {0x0E34, 0x0E3A},   {0x0E47, 0x0E4E},
    {0x1160, 0x11FF}, {0x1AB0, 0x1AFF}, {0x1B00, 0x1B03}, {0x1B34, 0x1B34}, {0x1B36, 0x1B3A},   {0x1B3C, 0x1B3C},
    {0x1B42, 0x1B42}, {0x1B6B, 0x1B73}, {0x1DC0, 0x1DFF}, {0x200B, 0x200F}, {0x202A, 0x202E},   {0x2060, 0x2064},
    {0x20D0, 0x20FF}, {0x302A, 0x302D}, {0x3099, 0x309A}, {0xA980, 0xA982}, {0xA9B3, 0xA9B3},   {0xA9B6, 0xA9B9},
    {0xA9BC, 0xA9BD}, {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF}, {0xE0001, 0xE007F}, {0xE0100, 0xE01EF},
};

// East Asian Wide and Fullwidth, and the emoji that terminals draw two columns wide.
constexpr Range wide[] = {
    {0x1100, 0x115F},   {0x231A, 0x231B},   {0x2329, 0x232A},   {0x23E9, 0x23EC},   {0x23F0, 0x23F0},
    {0x23F3, 0x23F3},   {0x25FD, 0x25FE},   {0x2614, 0x2615},   {0x2648, 0x2653},   {0x267F, 0x267F},
    {0x2693, 0x2693},   {0x26A1, 0x26A1},   {0x26AA, 0x26AB},   {0x26BD, 0x26BE},   {0x26C4, 0x26C5},
    {0x26CE, 0x26CE},   {0x26D4, 0x26D4},   {0x26EA, 0x26EA},   {0x26F2, 0x26F3},   {0x26F5, 0x26F5},
    {0x26FA, 0x26FA},   {0x26FD, 0x26FD},   {0x2705, 0x2705},   {0x270A, 0x270B},   {0x2728, 0x2728},
    {0x274C, 0x274C},   {0x274E, 0x274E},   {0x2753, 0x2755},   {0x2757, 0x2757},   {0x2795, 0x2797},
    {0x27B0, 0x27B0},   {0x27BF, 0x27BF},   {0x2B1B, 0x2B1C},   {0x2B50, 0x2B50},   {0x2B55, 0x2B55},
    {0x2E80, 0x303E},   {0x3041, 0x3247},   {0x3250, 0x4DBF},   {0x4E00, 0xA4CF},   {0xA960, 0xA97F},
    {0xAC00, 0xD7A3},   {0xF900, 0xFAFF},   {0xFE10, 0xFE19},   {0xFE30, 0xFE6F},   {0xFF00, 0xFF60},
    {0xFFE0, 0xFFE6},   {0x16FE0, 0x16FE4}, {0x17000, 0x18CFF}, {0x1B000, 0x1B2FF}, {0x1F004, 0x1F004},
    {0x1F0CF, 0x1F0CF}, {0x1F18E, 0x1F18E}, {0x1F191, 0x1F19A}, {0x1F200, 0x1F251}, {0x1F300, 0x1F320},
    {0x1F32D, 0x1F335}, {0x1F337, 0x1F37C}, {0x1F37E, 0x1F393}, {0x1F3A0, 0x1F3CA}, {0x1F3CF, 0x1F3D3},
    {0x1F3E0, 0x1F3F0}, {0x1F3F4, 0x1F3F4}, {0x1F3F8, 0x1F43E}, {0x1F440, 0x1F440}, {0x1F442, 0x1F4FC},
    {0x1F4FF, 0x1F53D}, {0x1F54B, 0x1F54E}, {0x1F550, 0x1F567}, {0x1F57A, 0x1F57A}, {0x1F595, 0x1F596},
    {0x1F5A4, 0x1F5A4}, {0x1F5FB, 0x1F64F}, {0x1F680, 0x1F6C5}, {0x1F6CC, 0x1F6CC}, {0x1F6D0, 0x1F6D2},
    {0x1F6D5, 0x1F6D7}, {0x1F6DC, 0x1F6DF}, {0x1F6EB, 0x1F6EC}, {0x1F6F4, 0x1F6FC}, {0x1F7E0, 0x1F7EB},
    {0x1F7F0, 0x1F7F0}, {0x1F90C, 0x1F93A}, {0x1F93C, 0x1F945}, {0x1F947, 0x1F9FF}, {0x1FA70, 0x1FAFF},
    {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
};

template <std::size_t N>
bool in_ranges(const Range (&ranges)[N], char32_t c) {
    const auto after = std::upper_bound(std::begin(ranges), std::end(ranges), c,
                                        [](char32_t value, const Range& range) { return value < range.first; });
    return after != std::begin(ranges) && c <= std::prev(after)->last;
}

constexpr char32_t replacement = 0xFFFD;
constexpr std::string_view replacement_text = "\xEF\xBF\xBD";

// One code point read from UTF-8; `length` bytes were used (1 for an invalid byte, read as U+FFFD).
struct Decoded {
    char32_t code;
    std::size_t length;
    bool valid;
};

Decoded decode(std::string_view text, std::size_t at) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned lead = byte(at);
    if (lead < 0x80) return {lead, 1, true};
    std::size_t length = 0;
    char32_t code = 0;
    char32_t minimum = 0;
    if (lead >= 0xC2 && lead <= 0xDF) {
        length = 2, code = lead & 0x1F, minimum = 0x80;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        length = 3, code = lead & 0x0F, minimum = 0x800;
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        length = 4, code = lead & 0x07, minimum = 0x10000;
    } else {
        return {replacement, 1, false};
    }
    if (at + length > text.size()) return {replacement, 1, false};
    for (std::size_t i = 1; i < length; ++i) {
        const unsigned next = byte(at + i);
        if ((next & 0xC0) != 0x80) return {replacement, 1, false};
        code = code << 6 | (next & 0x3F);
    }
    if (code < minimum || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF)) return {replacement, 1, false};
    return {code, length, true};
}

bool is_control(char32_t c) {
    return c < 0x20 || (c >= 0x7F && c <= 0x9F);
}

bool is_bidi_control(char32_t c) {
    return (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

// A piece of a line that is never split: a character with the combining marks after it.
struct Cluster {
    std::string_view text;
    std::size_t width;
    bool space;
};

std::vector<Cluster> clusters_of(std::string_view line) {
    std::vector<Cluster> clusters;
    std::size_t at = 0;
    while (at < line.size()) {
        const Decoded first = decode(line, at);
        std::size_t end = at + first.length;
        std::size_t width = first.valid ? static_cast<std::size_t>(code_point_width(first.code)) : 1;
        while (end < line.size()) {
            const Decoded next = decode(line, end);
            if (!next.valid || code_point_width(next.code) != 0 || is_control(next.code)) break;
            end += next.length;
        }
        clusters.push_back({line.substr(at, end - at), width, first.code == ' '});
        at = end;
    }
    return clusters;
}

void wrap_line(std::string_view line, std::size_t width, std::vector<std::string>& lines) {
    const auto clusters = clusters_of(line);
    std::string current;
    std::size_t current_width = 0;
    std::size_t i = 0;
    const auto flush = [&] {
        while (!current.empty() && current.back() == ' ') current.pop_back();
        lines.push_back(current);
        current.clear();
        current_width = 0;
    };
    while (i < clusters.size()) {
        if (clusters[i].space) {
            if (current_width > 0 && current_width + 1 <= width) {
                current += ' ';
                current_width += 1;
            }
            ++i;
            continue;
        }
        std::size_t word_end = i;
        std::size_t word_width = 0;
        while (word_end < clusters.size() && !clusters[word_end].space) word_width += clusters[word_end++].width;
        if (current_width + word_width > width && current_width > 0) flush();
        for (; i < word_end; ++i) {
            if (current_width + clusters[i].width > width && current_width > 0) flush();
            current += clusters[i].text;
            current_width += clusters[i].width;
        }
    }
    flush();
}

}  // namespace

int code_point_width(char32_t c) {
    if (c == 0 || is_control(c) || in_ranges(zero_width, c)) return 0;
    return in_ranges(wide, c) ? 2 : 1;
}

std::size_t display_width(std::string_view text) {
    std::size_t width = 0;
    for (std::size_t at = 0; at < text.size();) {
        const Decoded decoded = decode(text, at);
        width += decoded.valid ? static_cast<std::size_t>(code_point_width(decoded.code)) : 1;
        at += decoded.length;
    }
    return width;
}

bool is_unsafe_to_show(char32_t c) {
    return is_control(c) || is_bidi_control(c);
}

std::string printable_text(std::string_view text, bool keep_newlines) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t at = 0; at < text.size();) {
        const Decoded decoded = decode(text, at);
        if (!decoded.valid) {
            out += replacement_text;
        } else if (decoded.code == '\n') {
            out += keep_newlines ? '\n' : ' ';
        } else if (decoded.code == '\t') {
            out += ' ';
        } else if (decoded.code == '\r') {
        } else if (is_unsafe_to_show(decoded.code)) {
            out += replacement_text;
        } else {
            out += text.substr(at, decoded.length);
        }
        at += decoded.length;
    }
    return out;
}

std::string cell_safe_text(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t at = 0; at < text.size();) {
        const Decoded decoded = decode(text, at);
        const bool data = decoded.code == '\t' || decoded.code == '\r' || decoded.code == '\n';
        if (!decoded.valid || (is_unsafe_to_show(decoded.code) && !data))
            out += replacement_text;
        else
            out += text.substr(at, decoded.length);
        at += decoded.length;
    }
    return out;
}

std::vector<std::string> wrap_to_width(std::string_view text, std::size_t width) {
    width = std::max<std::size_t>(width, 1);
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (true) {
        const std::size_t end = text.find('\n', start);
        wrap_line(text.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start), width,
                  lines);
        if (end == std::string_view::npos) break;
        start = end + 1;
    }
    return lines;
}

std::string pad_to_width(std::string_view text, std::size_t width, bool right) {
    const std::size_t have = display_width(text);
    if (have >= width) return std::string(text);
    const std::string spaces(width - have, ' ');
    return right ? spaces + std::string(text) : std::string(text) + spaces;
}

}  // namespace ppid::util
