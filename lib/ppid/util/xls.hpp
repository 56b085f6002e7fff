// Reads the sheets of an Excel 97-2003 workbook (.xls, BIFF8, still common in offices) as rows of
// typed cells, through FreeXL.
#pragma once

#include <ppid/util/sheet.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace ppid::util {

// Returns every worksheet of the .xls at `path` in workbook order, or only the one named
// `sheet_name` (matched as read_xlsx_sheet matches it). Formulas are read as their cached
// values; a number FreeXL shows as a date or time by its cell format becomes Excel serial days
// with date_format set. FreeXL does not report merged cells, so `merged` stays empty: a merged
// value stands in its top-left cell, as in a CSV export. Throws std::runtime_error: "not an .xls
// workbook (...)", "a password-protected .xls workbook: save it without a password", "no sheet
// named \"X\" (sheets: A, B)", "sheet has more than 20000000 cells".
std::vector<Sheet> read_xls_sheets(const std::filesystem::path& path, const std::optional<std::string>& sheet_name,
                                   const WorkbookLimits& limits = {});

}  // namespace ppid::util
