// A worksheet as every workbook reader (.xlsx, .ods, .xls) returns it: rows of typed cells, the
// merged ranges, and the bounds one file may make a reader allocate.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ppid::util {

struct SheetCell {
    enum class Kind { empty, text, number, boolean, error };
    Kind kind = Kind::empty;
    // The value as text: the string for text cells (rich-text runs joined), the number exactly as
    // stored ("45167", "1.5"), "TRUE"/"FALSE", or the error ("#N/A").
    std::string text;
    double number = 0;  // numbers (dates as Excel serial days, whatever the file format); 1 or 0 for booleans
    // The number is shown as a date or time of day (by its format in .xlsx and .xls, by its
    // value type in .ods), so it holds Excel serial days.
    bool date_format = false;
    // The text was longer than WorkbookLimits::max_cell_bytes and is cut there.
    bool cut = false;
    bool formula = false;  // the cell holds a formula; `text` and `number` are its cached value (set by the XLSX reader)
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
// declare (or, lying, contain) gigabytes, and one ODS element can repeat a cell a billion times.
struct WorkbookLimits {
    std::uint64_t max_part_bytes = 200ull << 20;   // one uncompressed part (sheet XML, sharedStrings)
    std::uint64_t max_total_bytes = 400ull << 20;  // all parts read for one call
    std::size_t max_cells = 20'000'000;            // cells held, counting the empty ones in gaps
    // No register cell is longer (the longest request descriptions run to a few KiB); the text
    // of a longer one is kept only up to here, and the cell marked `cut`.
    std::size_t max_cell_bytes = 64 * 1024;
};

// Returns `sheet` with each merged range's top-left cell copied into the range's other cells (how a
// person reads merged headers), adding rows and cells as needed. Ranges are clipped to the sheet's
// used area (the last row, the widest row), so a merge of whole columns does not fill a million
// rows. Throws std::runtime_error when the sheet would then hold more than `max_cells` cells.
Sheet fill_merged_cells(Sheet sheet, std::size_t max_cells = WorkbookLimits{}.max_cells);

// Returns the index of the sheet named `wanted` among a workbook's sheet `names`, compared exactly,
// else ignoring ASCII case (Excel's names are unique so). Throws std::runtime_error("no sheet named
// \"X\" (sheets: A, B)").
std::size_t choose_sheet(const std::vector<std::string>& names, const std::string& wanted);

// Appends `more` to a cell's `text` but never past `limit` + 1 bytes: a reader stops holding a
// cell's text there, and one byte over the limit tells finish_cell_text that there was more.
void append_up_to(std::string& text, std::string_view more, std::size_t limit);

// Cuts `cell`'s text to `limit` bytes (at a UTF-8 character boundary) and marks it `cut` when it is
// longer.
void finish_cell_text(SheetCell& cell, std::size_t limit);

// Returns the Excel serial day (1900 date system, the fraction the time of day) of an ISO date
// "2024-01-08" or date-time "2024-01-08T14:30:00" (also with a space for the T); nullopt for
// anything else. ODS and FreeXL give dates so; the register reader reads Excel serials.
std::optional<double> iso_to_excel_serial(std::string_view iso);

}  // namespace ppid::util
