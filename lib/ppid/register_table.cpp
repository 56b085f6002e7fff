#include <ppid/error.hpp>
#include <ppid/indonesian_date.hpp>
#include <ppid/jsonl.hpp>
#include <ppid/register_table.hpp>
#include <ppid/util/csv.hpp>
#include <ppid/util/iso_date.hpp>
#include <ppid/util/text_encoding.hpp>
#include <ppid/util/xlsx.hpp>

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace ppid {

namespace {

std::string trimmed(const std::string& text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string::npos) return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return text.substr(first, last - first + 1);
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

Table read_xlsx(const std::string& path, const std::optional<std::string>& sheet_name) {
    util::Sheet sheet;
    try {
        sheet = util::fill_merged_cells(util::read_xlsx_sheet(path, sheet_name));
    } catch (const std::runtime_error& e) {
        throw Error(e.what(), Location{path, 0});
    }
    Table table;
    table.notes = "sheet \"" + sheet.name + "\"";
    for (auto& row : sheet.rows) {
        TableRow out{row.number, {}};
        bool any = false;
        for (auto& cell : row.cells) {
            TableCell value{trimmed(cell.text), std::nullopt};
            if (cell.kind == util::SheetCell::Kind::number && cell.date_format) {
                value.excel_serial = cell.number;
                // A date-formatted cell in a column that is not a date field still reads as a date.
                if (const auto day = excel_serial_to_date(cell.number)) value.text = util::format_iso_date(*day);
            }
            any = any || !value.text.empty();
            out.cells.push_back(std::move(value));
        }
        if (any) table.rows.push_back(std::move(out));
    }
    return table;
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
    util::CsvReader reader(text, delimiter);
    util::CsvRecord record;
    try {
        while (reader.next(record)) {
            if (util::is_empty_record(record)) continue;
            TableRow row{record.line, {}};
            row.cells.reserve(record.fields.size());
            for (const auto& field : record.fields) row.cells.push_back({trimmed(unix_line_breaks(field)), std::nullopt});
            table.rows.push_back(std::move(row));
        }
    } catch (const std::runtime_error& e) {
        table.truncated = located_csv_error(e.what(), path == "-" ? stdin_name : path);
    }
    return table;
}

}  // namespace

Table read_register_table(const std::string& path, const std::optional<std::string>& sheet) {
    // --sheet names a sheet of the workbooks among the files; a CSV file has just one table.
    // A named file is told by its first bytes, so a workbook is read once, by libzip.
    std::string bytes = path == "-" ? read_all(path) : read_head(path, 4);
    if (starts_with(bytes, "PK\x03\x04")) {
        if (path == "-") throw Error("an .xlsx workbook must be named as a file, not read from standard input", Location{stdin_name, 0});
        return read_xlsx(path, sheet);
    }
    if (starts_with(bytes, "\xD0\xCF\x11\xE0"))
        throw Error("an old binary Excel file (.xls): save it as .xlsx or CSV first", Location{path, 0});
    return read_csv(path, path == "-" ? std::move(bytes) : read_all(path));
}

}  // namespace ppid
