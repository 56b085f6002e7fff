// Reads the sheets of an OpenDocument spreadsheet (.ods, LibreOffice's own format) as rows of
// typed cells, streaming content.xml within WorkbookLimits: a row or cell repeated a million
// times (LibreOffice writes such runs for the empty rest of a sheet) costs nothing when empty
// and is refused past max_cells when not.
#pragma once

#include <ppid/util/sheet.hpp>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace ppid::util {

// Returns whether the file at `path` is a zip package holding an OpenDocument document
// (content.xml) rather than an Office Open XML one; false for anything unreadable.
bool is_opendocument_package(const std::filesystem::path& path);

// Returns every sheet of the .ods at `path` in workbook order, or only the one named
// `sheet_name` (matched as read_xlsx_sheet matches it). Cells are read as the XLSX reader reads
// them: formulas as their cached values, date and time values as Excel serial days with
// date_format set, percentages and currencies as their numbers, paragraphs joined with line
// breaks, annotations left out. A cell spanning rows or columns becomes a merged range (the
// covered cells stay empty; see fill_merged_cells). Throws std::runtime_error: "not an ODS
// file (not a zip archive)", "no sheet named \"X\" (sheets: A, B)", "malformed XML in
// content.xml line 7: ...", "sheet has more than 20000000 cells", "a cell past column 16384".
std::vector<Sheet> read_ods_sheets(const std::filesystem::path& path, const std::optional<std::string>& sheet_name,
                                   const WorkbookLimits& limits = {});

}  // namespace ppid::util
