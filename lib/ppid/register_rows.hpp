// What a row of a register is when it is not a record: the row of column numbers under the
// header, the header's second row, a Jumlah line or a sub-heading, and the signature block or
// notes under the table, where the table ends.
#pragma once

#include <ppid/register_table.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ppid {

// Returns whether `row` numbers the columns: "1", "2", ... or "(1)", "(2)", ... in order.
bool is_column_number_row(const TableRow& row);

// Returns whether `row` continues a header written over two rows that was read as one (merged
// cells above, "Tanggal" and "Jam" below): every filled cell repeats its column's header, or, in
// a register of requests or objections whose every record has a date, no cell holds a digit.
bool is_header_continuation(const TableRow& row, const std::vector<std::string>& headers, bool records_have_dates);

// Returns whether `row` is a "Jumlah"/"Total" line (its count may stand in any column) or a
// sub-heading such as "JANUARI". `key_column` holds what every record has (the receipt date, the
// DIP summary): a row with real text there is a record, whatever its first word.
bool is_total_or_heading_row(const TableRow& row, std::size_t key_column);

// Returns whether `text` is a line of the signature block under a register: a place and date
// ("Sukoharjo, 31 Desember 2024", not "Selasa, 5 Maret 2024"), or a line starting with one of
// `starts` (normalized words: "mengetahui", "nip", "pejabat pengelola informasi", ...).
bool is_signature_line(std::string_view text, const std::vector<std::string>& starts);

// Returns whether `row` belongs to a signature block or a note: every text in it is a signature
// line, or it is one text of at least eight words (merged cells repeat it).
bool is_signature_or_note_row(const TableRow& row, const std::vector<std::string>& starts);

// Returns whether `row`, coming after the register's data, ends the table: it belongs to a
// signature block or a note, or it comes after a run of two or more empty rows and does not read
// as a record (no key value, or nothing beside it).
bool ends_table(const TableRow& row, std::size_t key_column, const std::vector<std::string>& starts);

}  // namespace ppid
