// Reads one worksheet of an Office Open XML workbook (.xlsx) as rows of typed cells, streaming
// the sheet so that large registers fit in memory, and refusing zip bombs and XML entity tricks.
#pragma once

#include <ppid/util/sheet.hpp>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ppid::util {

// The XLSX reader's bounds are every workbook reader's.
using XlsxLimits = WorkbookLimits;

// Returns the names of the workbook's sheets in workbook order. Throws std::runtime_error with a
// plain message when the file is not a readable XLSX workbook.
std::vector<std::string> xlsx_sheet_names(const std::filesystem::path& path, const XlsxLimits& limits = {});

// Returns the worksheet named `sheet_name` (matched ignoring ASCII case if no name is equal; the
// first sheet when nullopt) with every non-empty row, formulas read as their cached values,
// trailing empty cells dropped and merged ranges listed; t="d" cells keep their ISO text.
// Throws std::runtime_error: "not an XLSX file (not a zip archive)", "no sheet named \"X\" (sheets:
// A, B)", "part xl/worksheets/sheet1.xml would be larger than 200 MB uncompressed (a zip bomb?)",
// "malformed XML in xl/worksheets/sheet1.xml line 7: ...", "sheet has more than 20000000 cells".
Sheet read_xlsx_sheet(const std::filesystem::path& path, const std::optional<std::string>& sheet_name,
                      const XlsxLimits& limits = {});

// Returns every worksheet of the workbook in workbook order (chart and dialog sheets left out), read
// as read_xlsx_sheet reads one, or only the one named `sheet_name`. Throws as read_xlsx_sheet does.
std::vector<Sheet> read_xlsx_sheets(const std::filesystem::path& path, const std::optional<std::string>& sheet_name,
                                    const XlsxLimits& limits = {});

// Returns whether a custom number format code ("dd/mm/yyyy", "[$-421]d mmmm yyyy;@") shows a
// date or a time of day: d, m, y or h outside quotes, escapes and brackets. Elapsed-time formats
// ("[h]:mm:ss") and number formats ("0.00", "#,##0 \"hari\"") are not dates.
bool is_date_number_format(std::string_view format_code);

// Returns the 0-based column of letters "A".."XFD" (case-insensitive), or nullopt for anything
// else, including columns past Excel's last (XFD, 16384 columns).
std::optional<std::size_t> column_index(std::string_view letters);

// Returns the letters of a 0-based column: 0 -> "A", 27 -> "AB".
std::string column_name(std::size_t column);

}  // namespace ppid::util
