// Internal to the XLSX reader: the workbook's zip package opened within XlsxLimits, its XML parts,
// and the workbook part's sheets and relationships, which say where every other part is.
#pragma once

#include <ppid/util/xlsx.hpp>
#include <ppid/util/xml_reader.hpp>
#include <ppid/util/zip_archive.hpp>

#include <charconv>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ppid::util::xlsx_detail {

[[noreturn]] inline void fail(const std::string& message) {
    throw std::runtime_error(message);
}

// Returns the whole of `text` as a number, or nullopt.
template <typename Number>
std::optional<Number> parse_number(std::string_view text) {
    Number value{};
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (error != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
    return value;
}

// Opens the workbook at `path` as a zip archive bounded by `limits`. Throws std::runtime_error:
// "no such file", "not an XLSX file (not a zip archive)" and the like.
ZipArchive open_package(const std::filesystem::path& path, const XlsxLimits& limits);

// One XML part of the package, parsed as it inflates; throws as ZipEntryReader and XmlReader do.
struct XmlPart {
    XmlPart(ZipArchive& zip, const std::string& name);

    ZipEntryReader entry;
    XmlReader xml;  // reads `entry`, so comes after it
};

struct Relationship {
    std::string id, type, part;
};

struct Workbook {
    std::string part;
    std::vector<std::pair<std::string, std::string>> sheets;  // name, relationship id
    std::vector<Relationship> relationships;
};

// Returns the workbook's sheets and relationships. Throws std::runtime_error: "not an XLSX
// workbook (no xl/workbook.xml in the zip archive)", "the workbook lists no sheets", ...
Workbook open_workbook(ZipArchive& zip);

// Returns the part of the workbook's relationship whose type ends with `type_tail` ("/styles"),
// else `usual_name` next to the workbook part if present, else nullopt.
std::optional<std::string> workbook_part(const ZipArchive& zip, const Workbook& book, std::string_view type_tail,
                                         const std::string& usual_name);

struct WorksheetPart {
    std::string sheet_name, part;
};

// Returns the worksheet as read_xlsx_sheet chooses it. Throws std::runtime_error: "no sheet named
// \"X\" (sheets: A, B)", "sheet \"X\" is a chart or dialog sheet, not a worksheet", ...
WorksheetPart find_worksheet(const ZipArchive& zip, const Workbook& book, const std::optional<std::string>& sheet_name);

// Returns every sheet of the workbook that is a worksheet, in workbook order; chart and dialog
// sheets hold no rows and are left out. Throws std::runtime_error as find_worksheet does for a
// worksheet with no part.
std::vector<WorksheetPart> all_worksheets(const ZipArchive& zip, const Workbook& book);

}  // namespace ppid::util::xlsx_detail
