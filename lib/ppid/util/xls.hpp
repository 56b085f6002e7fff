// Reads the sheets of an Excel 97-2003 workbook (.xls, BIFF8, still common in offices) as rows of
// typed cells, through FreeXL and what it leaves out.
#pragma once

#include <ppid/util/sheet.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace ppid::util {

// Returns every worksheet of the .xls at `path` in workbook order, or only the one named
// `sheet_name` (matched as read_xlsx_sheet matches it). FreeXL reads the cells; formulas, which
// it reports empty, are read as their cached values and merged ranges are listed, both from the
// BIFF records (xls_biff.hpp). A number whose cell format shows a date or time becomes Excel
// serial days with date_format set. Throws std::runtime_error: "not an .xls
// workbook (...)", "a password-protected .xls workbook: save it without a password", "no sheet
// named \"X\" (sheets: A, B)", "sheet has more than 20000000 cells".
std::vector<Sheet> read_xls_sheets(const std::filesystem::path& path, const std::optional<std::string>& sheet_name,
                                   const WorkbookLimits& limits = {});

}  // namespace ppid::util
