#include <ppid/util/text_encoding.hpp>

#include <cstdint>
#include <cstring>

namespace ppid::util {

namespace {

using Byte = unsigned char;

constexpr char32_t replacement_character = 0xFFFD;

// Returns the first byte at or after `p` that is not ASCII, or `end`. Files are mostly ASCII,
// so eight bytes are tested at a time.
const Byte* skip_ascii(const Byte* p, const Byte* end) {
    while (end - p >= 8) {
        std::uint64_t word;
        std::memcpy(&word, p, sizeof word);
        if (word & 0x8080808080808080ULL) break;
        p += 8;
    }
    while (p != end && *p < 0x80) ++p;
    return p;
}

struct Utf8Step {
    std::size_t length;  // of the sequence, or of its maximal invalid prefix (at least 1)
    bool valid;
};

// Reads the sequence that starts at the non-ASCII byte `p`, after the Unicode standard's
// table 3-7 of well-formed byte sequences. An invalid sequence reports its maximal subpart,
// so a decoder that replaces it with one U+FFFD follows the standard's recommended practice.
Utf8Step utf8_step(const Byte* p, const Byte* end) {
    const Byte lead = *p;
    std::size_t continuations = 0;
    Byte low = 0x80;
    Byte high = 0xBF;  // the allowed range of the second byte; narrower after E0 ED F0 F4
    if (lead >= 0xC2 && lead <= 0xDF) {
        continuations = 1;
    } else if (lead >= 0xE0 && lead <= 0xEF) {
        continuations = 2;
        if (lead == 0xE0) low = 0xA0;   // overlong
        if (lead == 0xED) high = 0x9F;  // surrogates
    } else if (lead >= 0xF0 && lead <= 0xF4) {
        continuations = 3;
        if (lead == 0xF0) low = 0x90;   // overlong
        if (lead == 0xF4) high = 0x8F;  // above U+10FFFF
    } else {
        return {1, false};  // a continuation byte, C0, C1 or F5-FF
    }
    for (std::size_t i = 1; i <= continuations; ++i) {
        if (end - p <= static_cast<std::ptrdiff_t>(i)) return {i, false};
        const Byte b = p[i];
        if (i == 1 ? (b < low || b > high) : (b < 0x80 || b > 0xBF)) return {i, false};
    }
    return {continuations + 1, true};
}


// The code points of Windows-1252's bytes 0x80-0x9F; the rest of the upper half is Latin-1.
constexpr char32_t windows1252_c1[32] = {
    0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 80-87
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,  // 88-8F
    0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90-97
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,  // 98-9F
};

// Returns UTF-16 text (after its BOM) in UTF-8; surrogate pairs are joined, anything unpaired
// or an odd last byte becomes U+FFFD.
std::string utf16_to_utf8(std::string_view bytes, bool big_endian) {
    std::string out;
    out.reserve(bytes.size() / 2 + bytes.size() / 4 + 16);
    const Byte* p = reinterpret_cast<const Byte*>(bytes.data());
    const std::size_t units = bytes.size() / 2;
    const auto unit_at = [&](std::size_t i) -> char32_t {
        const Byte first = p[2 * i];
        const Byte second = p[2 * i + 1];
        return big_endian ? char32_t(first) << 8 | second : char32_t(second) << 8 | first;
    };
    for (std::size_t i = 0; i < units; ++i) {
        const char32_t unit = unit_at(i);
        if (unit < 0x80) {
            out.push_back(static_cast<char>(unit));
        } else if (unit >= 0xD800 && unit <= 0xDBFF && i + 1 < units && unit_at(i + 1) >= 0xDC00 &&
                   unit_at(i + 1) <= 0xDFFF) {
            append_utf8(out, 0x10000 + ((unit - 0xD800) << 10) + (unit_at(i + 1) - 0xDC00));
            ++i;
        } else {
            append_utf8(out, unit);  // a lone surrogate comes out as U+FFFD
        }
    }
    if (bytes.size() % 2 != 0) append_utf8(out, replacement_character);
    return out;
}

bool starts_with(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

}  // namespace

std::string_view to_string(SourceEncoding encoding) {
    switch (encoding) {
        case SourceEncoding::utf8: return "UTF-8";
        case SourceEncoding::utf8_bom: return "UTF-8 with BOM";
        case SourceEncoding::utf16le_bom: return "UTF-16LE with BOM";
        case SourceEncoding::utf16be_bom: return "UTF-16BE with BOM";
        case SourceEncoding::windows1252: return "Windows-1252";
    }
    return "unknown encoding";
}

void append_utf8(std::string& out, char32_t code_point) {
    if ((code_point >= 0xD800 && code_point <= 0xDFFF) || code_point > 0x10FFFF) code_point = replacement_character;
    if (code_point < 0x80) {
        out.push_back(static_cast<char>(code_point));
    } else if (code_point < 0x800) {
        const char bytes[] = {static_cast<char>(0xC0 | code_point >> 6), static_cast<char>(0x80 | (code_point & 0x3F))};
        out.append(bytes, 2);
    } else if (code_point < 0x10000) {
        const char bytes[] = {static_cast<char>(0xE0 | code_point >> 12),
                              static_cast<char>(0x80 | (code_point >> 6 & 0x3F)),
                              static_cast<char>(0x80 | (code_point & 0x3F))};
        out.append(bytes, 3);
    } else {
        const char bytes[] = {static_cast<char>(0xF0 | code_point >> 18),
                              static_cast<char>(0x80 | (code_point >> 12 & 0x3F)),
                              static_cast<char>(0x80 | (code_point >> 6 & 0x3F)),
                              static_cast<char>(0x80 | (code_point & 0x3F))};
        out.append(bytes, 4);
    }
}

bool is_valid_utf8(std::string_view text) {
    const Byte* p = reinterpret_cast<const Byte*>(text.data());
    const Byte* const end = p + text.size();
    for (;;) {
        p = skip_ascii(p, end);
        if (p == end) return true;
        const Utf8Step step = utf8_step(p, end);
        if (!step.valid) return false;
        p += step.length;
    }
}

std::string windows1252_to_utf8(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8 + 16);
    const Byte* p = reinterpret_cast<const Byte*>(text.data());
    const Byte* const end = p + text.size();
    while (p != end) {
        const Byte* run_end = skip_ascii(p, end);
        out.append(reinterpret_cast<const char*>(p), static_cast<std::size_t>(run_end - p));
        p = run_end;
        if (p == end) break;
        const Byte b = *p++;
        if (b >= 0xA0) {
            const char bytes[] = {static_cast<char>(0xC0 | b >> 6), static_cast<char>(0x80 | (b & 0x3F))};
            out.append(bytes, 2);
        } else {
            append_utf8(out, windows1252_c1[b - 0x80]);
        }
    }
    return out;
}

SourceEncoding convert_to_utf8(std::string& text) {
    if (starts_with(text, "\xEF\xBB\xBF")) {
        text.erase(0, 3);
        if (!is_valid_utf8(text)) text = repair_utf8(text);
        return SourceEncoding::utf8_bom;
    }
    if (starts_with(text, "\xFF\xFE")) {
        text = utf16_to_utf8(std::string_view(text).substr(2), false);
        return SourceEncoding::utf16le_bom;
    }
    if (starts_with(text, "\xFE\xFF")) {
        text = utf16_to_utf8(std::string_view(text).substr(2), true);
        return SourceEncoding::utf16be_bom;
    }
    if (is_valid_utf8(text)) return SourceEncoding::utf8;
    text = windows1252_to_utf8(text);
    return SourceEncoding::windows1252;
}

std::string repair_utf8(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 16);
    const Byte* p = reinterpret_cast<const Byte*>(text.data());
    const Byte* const end = p + text.size();
    while (p != end) {
        const Byte* run_end = skip_ascii(p, end);
        out.append(reinterpret_cast<const char*>(p), static_cast<std::size_t>(run_end - p));
        p = run_end;
        if (p == end) break;
        const Utf8Step step = utf8_step(p, end);
        if (step.valid) {
            out.append(reinterpret_cast<const char*>(p), step.length);
        } else {
            append_utf8(out, replacement_character);
        }
        p += step.length;
    }
    return out;
}

}  // namespace ppid::util
