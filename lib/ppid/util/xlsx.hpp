// Reads one worksheet of an Office Open XML workbook (.xlsx) as rows of typed cells, streaming
// the sheet so that large registers fit in memory, and refusing zip bombs and XML entity tricks.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ppid::util {

struct SheetCell {
    enum class Kind { empty, text, number, boolean, error };
    Kind kind = Kind::empty;
    // The value as text: the string for text cells (shared or inline, rich-text runs joined), the
    // number exactly as stored ("45167", "1.5"), "TRUE"/"FALSE", or the error ("#N/A").
    std::string text;
    double number = 0;  // numbers; 1 or 0 for booleans
    // The cell's style shows its number as a date or time of day: built-in formats 14-22, 45 and
    // 47, or a custom one for which is_date_number_format holds (46, "[h]:mm:ss", is a duration).
    bool date_format = false;
    bool formula = false;  // the cell holds a formula (<f>); `text` and `number` are its cached value
};

struct SheetRow {
    std::size_t number = 0;        // 1-based, as in the sheet: empty rows are left out, not renumbered
    std::vector<SheetCell> cells;  // index = 0-based column (A = 0); gaps are empty cells
};

struct MergedRange {
    std::size_t first_row = 0, first_column = 0, last_row = 0, last_column = 0;  // rows 1-based, columns 0-based
};

struct Sheet {
    std::string name;
    std::vector<SheetRow> rows;  // ascending row numbers
    std::vector<MergedRange> merged;
};

// Bounds on what one file may make us decompress and allocate; a few kilobytes of zip can
// declare (or, lying, contain) gigabytes.
struct XlsxLimits {
    std::uint64_t max_part_bytes = 200ull << 20;   // one uncompressed part (sheet XML, sharedStrings)
    std::uint64_t max_total_bytes = 400ull << 20;  // all parts read for one call
    std::size_t max_cells = 20'000'000;            // cells held, counting the empty ones in gaps
};

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

// Returns `sheet` with each merged range's top-left cell copied into the range's other cells (how a
// person reads merged headers), adding rows and cells as needed. Ranges are clipped to the sheet's
// used area (the last row, the widest row), so a merge of whole columns does not fill a million
// rows. Throws std::runtime_error when the sheet would then hold more than `max_cells` cells.
Sheet fill_merged_cells(Sheet sheet, std::size_t max_cells = XlsxLimits{}.max_cells);

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
