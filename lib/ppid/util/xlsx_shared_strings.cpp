#include <ppid/util/xlsx_shared_strings.hpp>

#include <ppid/util/sheet.hpp>
#include <ppid/util/text_encoding.hpp>
#include <ppid/util/xlsx_package.hpp>

#include <charconv>
#include <cstdint>
#include <optional>

namespace ppid::util::xlsx_detail {

void SharedStrings::add(const std::string& text) {
    pool_ += decode_escapes(text);
    ends_.push_back(pool_.size());
}

SharedStrings read_shared_strings(ZipArchive& zip, const std::string& part, std::size_t max_item_bytes) {
    SharedStrings strings;
    XmlPart shared(zip, part);
    XmlReader& xml = shared.xml;
    while (xml.next())
        if (xml.is_start("si")) strings.add(read_string_item(xml, "si", max_item_bytes));
    return strings;
}

std::string read_string_item(XmlReader& xml, std::string_view end, std::size_t max_bytes) {
    std::string text;
    if (xml.is_empty_element()) return text;
    bool in_text = false;
    int phonetic_depth = 0;
    while (xml.next()) {
        if (xml.is_end(end)) break;
        if (xml.is_start("rPh") && !xml.is_empty_element())
            ++phonetic_depth;
        else if (xml.is_end("rPh"))
            --phonetic_depth;
        else if (xml.is_start("t"))
            in_text = !xml.is_empty_element();
        else if (xml.is_end("t"))
            in_text = false;
        else if (in_text && phonetic_depth == 0 && xml.is_text())
            append_up_to(text, xml.value(), max_bytes);
    }
    return text;
}

std::string decode_escapes(std::string text) {
    if (text.find("_x") == std::string::npos) return text;
    const auto unit_at = [&](std::size_t i) -> std::optional<std::uint32_t> {
        if (i + 7 > text.size() || text.compare(i, 2, "_x") != 0 || text[i + 6] != '_') return std::nullopt;
        std::uint32_t unit = 0;
        const auto [end, error] = std::from_chars(text.data() + i + 2, text.data() + i + 6, unit, 16);
        if (error != std::errc() || end != text.data() + i + 6) return std::nullopt;
        return unit;
    };
    std::string out;
    for (std::size_t i = 0; i < text.size();) {
        auto unit = unit_at(i);
        if (!unit) {
            out += text[i++];
            continue;
        }
        i += 7;
        if (*unit >= 0xD800 && *unit <= 0xDBFF) {
            const auto low = unit_at(i);
            if (low && *low >= 0xDC00 && *low <= 0xDFFF) {
                unit = 0x10000 + ((*unit - 0xD800) << 10) + (*low - 0xDC00);
                i += 7;
            }
        }
        append_utf8(out, *unit);  // an unpaired surrogate comes out as U+FFFD
    }
    return out;
}

}  // namespace ppid::util::xlsx_detail
