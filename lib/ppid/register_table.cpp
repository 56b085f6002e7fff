#include <ppid/error.hpp>
#include <ppid/indonesian_date.hpp>
#include <ppid/jsonl.hpp>
#include <ppid/register_table.hpp>
#include <ppid/util/csv.hpp>
#include <ppid/util/iso_date.hpp>
#include <ppid/util/text_encoding.hpp>
#include <ppid/util/ods.hpp>
#include <ppid/util/unicode_space.hpp>
#include <ppid/util/xls.hpp>
#include <ppid/util/xlsx.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace ppid {

namespace {

std::string trimmed(const std::string& text) {
    return std::string(util::trim_unicode_spaces(text));
}

// A line break inside a quoted CSV field is CRLF when Excel wrote it; a cell in .xlsx has LF.
std::string unix_line_breaks(const std::string& text) {
    if (text.find('\r') == std::string::npos) return text;
    std::string result;
    for (std::size_t i = 0; i < text.size(); ++i)
        if (!(text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n')) result += text[i];
    return result;
}

bool starts_with(const std::string& bytes, std::string_view magic) {
    return bytes.compare(0, magic.size(), magic) == 0;
}

std::string read_all(const std::string& path) {
    if (path == "-") {
        std::ostringstream buffer;
        buffer << std::cin.rdbuf();
        return buffer.str();
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(std::string("cannot open: ") + std::strerror(errno), Location{path, 0});
    try {
        std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        if (in.bad()) throw Error(std::string("read error: ") + std::strerror(errno), Location{path, 0});
        return bytes;
    } catch (const std::ios_base::failure&) {  // libstdc++ throws it reading a folder
        throw Error(std::string("cannot read: ") + std::strerror(errno), Location{path, 0});
    }
}

std::string read_head(const std::string& path, std::size_t count) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error(std::string("cannot open: ") + std::strerror(errno), Location{path, 0});
    std::string head(count, '\0');
    in.read(head.data(), static_cast<std::streamsize>(count));
    head.resize(static_cast<std::size_t>(in.gcount()));
    return head;
}

// Returns the sheet as a register table: dates as ISO text with their serial kept, every cell trimmed.
Table table_of(util::Sheet sheet, std::size_t max_cells) {
    sheet = util::fill_merged_cells(std::move(sheet), max_cells);
    Table table;
    table.sheet = sheet.name;
    table.notes = "sheet \"" + sheet.name + "\"";
    std::size_t previous = 0;
    for (auto& row : sheet.rows) {
        TableRow out{row.number, 0, {}};
        bool any = false;
        for (auto& cell : row.cells) {
            TableCell value{trimmed(cell.text), std::nullopt, cell.cut};
            if (cell.kind == util::SheetCell::Kind::number && cell.date_format) {
                value.excel_serial = cell.number;
                // A date-formatted cell in a column that is not a date field still reads as a date.
                if (const auto day = excel_serial_to_date(cell.number)) value.text = util::format_iso_date(*day);
            }
            any = any || !value.text.empty();
            out.cells.push_back(std::move(value));
        }
        if (!any) continue;
        out.empty_before = previous == 0 ? 0 : row.number - previous - 1;
        previous = row.number;
        table.rows.push_back(std::move(out));
    }
    return table;
}

enum class WorkbookFormat { xlsx, ods, xls };

std::vector<Table> read_workbook(const std::string& path, WorkbookFormat format, const std::optional<std::string>& sheet) {
    util::WorkbookLimits limits;
    limits.max_cell_bytes = max_register_cell_bytes;
    std::vector<Table> tables;
    try {
        std::vector<util::Sheet> sheets = format == WorkbookFormat::xlsx ? util::read_xlsx_sheets(path, sheet, limits)
                                          : format == WorkbookFormat::ods ? util::read_ods_sheets(path, sheet, limits)
                                                                          : util::read_xls_sheets(path, sheet, limits);
        for (auto& one : sheets) tables.push_back(table_of(std::move(one), limits.max_cells));
    } catch (const std::runtime_error& e) {
        throw Error(e.what(), Location{path, 0});
    }
    return tables;
}

// CsvReader says "line N: message"; as FILE:N: message it reads like every other error.
Error located_csv_error(const std::string& message, const std::string& file) {
    std::size_t line = 0;
    std::size_t end = 0;
    if (message.rfind("line ", 0) == 0) {
        try {
            line = std::stoul(message.substr(5), &end);
        } catch (const std::exception&) {
            line = 0;
        }
    }
    if (line == 0 || message.compare(5 + end, 2, ": ") != 0) return Error(message, Location{file, 0});
    return Error(message.substr(7 + end), Location{file, line});
}

Table read_csv(const std::string& path, std::string text) {
    Table table;
    const auto encoding = util::convert_to_utf8(text);
    const char delimiter = util::detect_csv_delimiter(text);
    table.notes = std::string(util::to_string(encoding)) + ", delimiter '" + (delimiter == '\t' ? "\\t" : std::string(1, delimiter)) + "'";
    util::CsvReader reader(text, delimiter, max_register_cell_bytes);
    util::CsvRecord record;
    std::size_t next_line = 0;  // the line after the last row read; 0 before the first
    try {
        while (reader.next(record)) {
            if (util::is_empty_record(record)) continue;
            TableRow row{record.line, next_line == 0 ? 0 : record.line - next_line, {}};
            row.cells.reserve(record.fields.size());
            next_line = record.line + 1;
            for (const auto& field : record.fields) {
                next_line += static_cast<std::size_t>(std::count(field.begin(), field.end(), '\n'));
                TableCell cell{trimmed(unix_line_breaks(field)), std::nullopt, false};
                if (cell.text.size() > max_register_cell_bytes) {
                    cell.text.resize(max_register_cell_bytes);
                    cell.cut = true;
                }
                row.cells.push_back(std::move(cell));
            }
            table.rows.push_back(std::move(row));
        }
    } catch (const std::runtime_error& e) {
        table.truncated = located_csv_error(e.what(), path == "-" ? stdin_name : path);
    }
    return table;
}

}  // namespace

std::vector<Table> read_register_tables(const std::string& path, const std::optional<std::string>& sheet) {
    // A named file is told by its first bytes, so a workbook is read once, by its own reader.
    std::string bytes = path == "-" ? read_all(path) : read_head(path, 4);
    const bool zip = starts_with(bytes, "PK\x03\x04"), ole = starts_with(bytes, "\xD0\xCF\x11\xE0");
    if ((zip || ole) && path == "-")
        throw Error("a workbook must be named as a file, not read from standard input", Location{stdin_name, 0});
    if (zip) return read_workbook(path, util::is_opendocument_package(path) ? WorkbookFormat::ods : WorkbookFormat::xlsx, sheet);
    if (ole) return read_workbook(path, WorkbookFormat::xls, sheet);
    std::vector<Table> tables;
    tables.push_back(read_csv(path, path == "-" ? std::move(bytes) : read_all(path)));
    return tables;
}

}  // namespace ppid
