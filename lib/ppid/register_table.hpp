// A register file as tables of cells, whatever it was saved as: a workbook (.xlsx, .ods, .xls:
// every sheet, or a named one) or CSV in the encodings and delimiters Excel writes.
#pragma once

#include <ppid/error.hpp>

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace ppid {

struct TableCell {
    std::string text;                    // as written, trimmed of every Unicode space; a date cell as ISO text
    std::optional<double> excel_serial;  // set for a spreadsheet cell holding a date (Excel serial days)
    bool cut = false;                    // the cell was longer than a register's cell can be; `text` is its start
};

struct TableRow {
    std::size_t line = 0;  // CSV: the line where the row starts; workbook: the sheet's row number
    std::size_t empty_before = 0;  // empty rows between this row and the one before it in the table
    std::vector<TableCell> cells;
};

struct Table {
    std::string sheet;           // the sheet's name in a workbook; "" for CSV
    std::vector<TableRow> rows;  // rows with at least one non-empty cell
    std::string notes;           // how the file was read, e.g. "Windows-1252, converted to UTF-8"
    std::optional<Error> truncated;  // the CSV broke off here (an unclosed quote); rows before it are kept
};

// No register cell is longer (the longest request descriptions run to a few KiB); a longer one
// is a broken export or an attack, and would make a record too long for the other tools.
inline constexpr std::size_t max_register_cell_bytes = 64 * 1024;

// Returns the tables of the register at `path` ("-": CSV on standard input): every sheet of a
// workbook in order, or only the sheet named `sheet` (CSV files ignore it), merged cells filled
// with their value as a person reads them. A cell longer than max_register_cell_bytes is not read
// whole: it comes `cut`. Throws Error for an unreadable file, a broken workbook or a sheet that
// is not there; a CSV that breaks off keeps the rows before the break and says where in `truncated`.
std::vector<Table> read_register_tables(const std::string& path, const std::optional<std::string>& sheet);

}  // namespace ppid
