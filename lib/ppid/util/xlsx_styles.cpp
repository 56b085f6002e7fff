#include <ppid/util/xlsx_styles.hpp>

#include <ppid/util/xlsx.hpp>
#include <ppid/util/xlsx_package.hpp>

#include <algorithm>
#include <map>

namespace ppid::util {

namespace xlsx_detail {

namespace {

// Built-in formats 14-22 and 45-47 show dates and times, except 46, "[h]:mm:ss": a duration.
bool is_date_format_id(unsigned id) {
    return (id >= 14 && id <= 22) || id == 45 || id == 47;
}

}  // namespace

std::vector<bool> read_date_styles(ZipArchive& zip, const std::string& part) {
    std::map<unsigned, bool> custom;  // numFmtId -> shows a date
    std::vector<unsigned> format_ids;
    bool in_cell_formats = false;
    XmlPart styles(zip, part);
    XmlReader& xml = styles.xml;
    while (xml.next()) {
        if (xml.is_end("cellXfs")) in_cell_formats = false;
        if (!xml.is_element()) continue;
        if (xml.name() == "cellXfs") in_cell_formats = !xml.is_empty_element();
        // Depth 2 only: <dxfs> (conditional formats) hold numFmts too, <cellStyleXfs> xfs.
        const bool custom_format = xml.depth() == 2 && xml.name() == "numFmt";
        if (!custom_format && !(in_cell_formats && xml.depth() == 2 && xml.name() == "xf")) continue;
        unsigned id = 0;
        std::string code;
        xml.for_each_attribute([&](std::string_view name, std::string_view value, bool) {
            if (name == "numFmtId") id = parse_number<unsigned>(value).value_or(0);
            if (name == "formatCode") code = value;
        });
        if (custom_format)
            custom[id] = is_date_number_format(code);
        else
            format_ids.push_back(id);
    }
    std::vector<bool> dates;
    for (const unsigned id : format_ids) {
        const auto found = custom.find(id);
        dates.push_back(found != custom.end() ? found->second : is_date_format_id(id));
    }
    return dates;
}

}  // namespace xlsx_detail

bool is_date_number_format(std::string_view code) {
    bool date = false, time = false, elapsed = false;
    for (std::size_t i = 0; i < code.size(); ++i) {
        switch (code[i]) {
            case '"':  // literal text
                i = std::min(code.find('"', i + 1), code.size());
                break;
            case '\\':  // an escaped character
            case '_':   // space as wide as the next character
            case '*':   // fill with the next character
                ++i;
                break;
            case '[': {  // colour, condition, locale ([$-421]) or elapsed time ([h], [mm], [ss])
                const std::size_t close = std::min(code.find(']', i), code.size());
                const std::string_view inside = code.substr(i + 1, close - i - 1);
                if (!inside.empty() && inside.find_first_not_of(inside.front()) == std::string_view::npos &&
                    std::string_view("hHmMsS").find(inside.front()) != std::string_view::npos)
                    elapsed = true;
                i = close;
                break;
            }
            case 'd':
            case 'D':
            case 'y':
            case 'Y':
                date = true;
                break;
            case 'h':
            case 'H':
            case 'm':
            case 'M':
                time = true;
                break;
            default:
                break;
        }
    }
    return date || (time && !elapsed);
}

}  // namespace ppid::util
