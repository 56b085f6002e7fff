// A register file as rows of cells, whatever it was saved as: .xlsx (first sheet or a named
// one) or CSV in the encodings and delimiters Excel writes.
#pragma once

#include <ppid/error.hpp>

#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

namespace ppid {

struct TableCell {
    std::string text;                   // as written (trimmed), or the number as stored in the file
    std::optional<double> excel_serial;  // set for a spreadsheet cell formatted as a date
};

struct TableRow {
    std::size_t line = 0;  // CSV: the line where the row starts; XLSX: the sheet's row number
    std::vector<TableCell> cells;
};

struct Table {
    std::vector<TableRow> rows;  // rows with at least one non-empty cell
    std::string notes;           // how the file was read, e.g. "Windows-1252, converted to UTF-8"
    std::optional<Error> truncated;  // the CSV broke off here (an unclosed quote); rows before it are kept
};

// Returns the rows of the register at `path` ("-": CSV on standard input); `sheet` applies to
// workbooks only. Throws Error for an unreadable file, an old binary .xls or a broken workbook;
// a CSV that breaks off keeps the rows before the break and says where in `truncated`.
Table read_register_table(const std::string& path, const std::optional<std::string>& sheet);

}  // namespace ppid
