#include <ppid/util/ods.hpp>

#include <ppid/util/xml_reader.hpp>
#include <ppid/util/zip_archive.hpp>

#include <algorithm>
#include <charconv>
#include <stdexcept>

namespace ppid::util {

namespace {

// As many columns as Excel and LibreOffice give a sheet; a cell past them is a broken file.
constexpr std::size_t max_columns = 16384;

[[noreturn]] void fail(const std::string& message) {
    throw std::runtime_error(message);
}

std::size_t count_attribute(std::string_view value) {
    std::size_t count = 0;
    const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), count);
    if (error != std::errc() || end != value.data() + value.size() || count == 0) return 1;
    return count;
}

ZipArchive open_ods(const std::filesystem::path& path, const WorkbookLimits& limits) {
    try {
        return ZipArchive(path, ZipLimits{limits.max_part_bytes, limits.max_total_bytes}, "workbook");
    } catch (const ZipOpenError& error) {
        if (error.problem() == ZipOpenProblem::no_such_file || error.problem() == ZipOpenProblem::unreadable)
            fail(error.what());
        fail("not an ODS file (" + std::string(error.what()) + ")");
    }
}

// The attributes of one <table:table-cell> that decide its value.
struct CellStart {
    std::size_t repeat = 1, column_span = 1, row_span = 1;
    std::string type, value, date_value, boolean_value;
};

// Reads content.xml's <table:table> elements into sheets.
class ContentReader {
public:
    ContentReader(XmlReader& xml, const std::optional<std::string>& wanted, const WorkbookLimits& limits)
        : xml_(xml), wanted_(wanted), limits_(limits) {}

    std::vector<Sheet> read() {
        std::vector<Sheet> sheets;
        std::vector<std::string> names;
        while (xml_.next()) {
            if (!xml_.is_start("table") || xml_.is_empty_element()) continue;
            Sheet sheet;
            xml_.for_each_attribute([&](std::string_view name, std::string_view value, bool) {
                if (name == "name") sheet.name = value;
            });
            names.push_back(sheet.name);
            read_table(sheet);
            sheets.push_back(std::move(sheet));
        }
        if (!wanted_) return sheets;
        return {std::move(sheets[choose_sheet(names, *wanted_)])};
    }

private:
    void read_table(Sheet& sheet) {
        std::size_t row_number = 0;
        int nested = 0;  // a table inside a cell (rare) is read as the cell's text, not as rows
        while (xml_.next()) {
            if (xml_.is_end("table") && nested-- == 0) return;
            if (xml_.is_start("table") && !xml_.is_empty_element()) ++nested;
            if (nested > 0 || !xml_.is_start("table-row")) continue;
            std::size_t repeat = 1;
            xml_.for_each_attribute([&](std::string_view name, std::string_view value, bool) {
                if (name == "number-rows-repeated") repeat = count_attribute(value);
            });
            SheetRow row{row_number + 1, {}};
            if (!xml_.is_empty_element()) read_row(row, sheet);
            if (!row.cells.empty()) {
                // A repeated row with content is as many rows, each counted against max_cells.
                for (std::size_t i = 0; i < repeat; ++i) {
                    add_cells(row.cells.size());
                    sheet.rows.push_back(row);
                    sheet.rows.back().number = row_number + 1 + i;
                }
            }
            row_number += repeat;
        }
    }

    void read_row(SheetRow& row, Sheet& sheet) {
        std::size_t column = 0;
        while (xml_.next() && !xml_.is_end("table-row")) {
            const bool covered = xml_.is_start("covered-table-cell");
            if (!covered && !xml_.is_start("table-cell")) continue;
            CellStart start;
            xml_.for_each_attribute([&](std::string_view name, std::string_view value, bool) {
                if (name == "number-columns-repeated") start.repeat = count_attribute(value);
                else if (name == "number-columns-spanned") start.column_span = count_attribute(value);
                else if (name == "number-rows-spanned") start.row_span = count_attribute(value);
                else if (name == "value-type") start.type = value;  // office: (calcext: repeats it, or says "error")
                else if (name == "value") start.value = value;
                else if (name == "date-value") start.date_value = value;
                else if (name == "boolean-value") start.boolean_value = value;
            });
            std::string text;
            if (!xml_.is_empty_element()) text = read_cell_text(covered ? "covered-table-cell" : "table-cell");
            SheetCell cell = covered ? SheetCell{} : make_cell(start, std::move(text));
            if (cell.kind != SheetCell::Kind::empty) {
                if (column + start.repeat > max_columns) fail("a cell past column " + std::to_string(max_columns));
                add_cells(column + start.repeat - row.cells.size());
                row.cells.resize(column + start.repeat);
                std::fill(row.cells.begin() + static_cast<std::ptrdiff_t>(column), row.cells.end(), cell);
                if (start.column_span > 1 || start.row_span > 1)
                    sheet.merged.push_back({row.number, column, row.number + start.row_span - 1,
                                            column + start.column_span - 1});
            }
            column = std::min(column + start.repeat, max_columns + 1);
        }
        while (!row.cells.empty() && row.cells.back().kind == SheetCell::Kind::empty) row.cells.pop_back();
    }

    // Returns the text of the cell's paragraphs, joined with line breaks; annotations (comments)
    // are not the cell's value.
    std::string read_cell_text(std::string_view end) {
        std::string text;
        int annotation = 0, paragraphs = 0;
        bool in_paragraph = false;
        while (xml_.next() && !xml_.is_end(end)) {
            if (xml_.is_start("annotation") && !xml_.is_empty_element()) ++annotation;
            else if (xml_.is_end("annotation")) --annotation;
            if (annotation > 0) continue;
            if (xml_.is_start("p") || xml_.is_start("h")) {
                if (paragraphs++ > 0) append_up_to(text, "\n", limits_.max_cell_bytes);
                in_paragraph = !xml_.is_empty_element();
            } else if (xml_.is_end("p") || xml_.is_end("h")) {
                in_paragraph = false;
            } else if (in_paragraph && xml_.is_start("s")) {
                std::size_t spaces = 1;
                xml_.for_each_attribute([&](std::string_view name, std::string_view value, bool) {
                    if (name == "c") spaces = count_attribute(value);
                });
                append_up_to(text, std::string(std::min(spaces, limits_.max_cell_bytes + 1), ' '), limits_.max_cell_bytes);
            } else if (in_paragraph && xml_.is_start("tab")) {
                append_up_to(text, "\t", limits_.max_cell_bytes);
            } else if (in_paragraph && xml_.is_start("line-break")) {
                append_up_to(text, "\n", limits_.max_cell_bytes);
            } else if (in_paragraph && xml_.is_text()) {
                append_up_to(text, xml_.value(), limits_.max_cell_bytes);
            }
        }
        return text;
    }

    SheetCell make_cell(const CellStart& start, std::string text) const {
        using Kind = SheetCell::Kind;
        SheetCell cell;
        const auto number = [&](std::string_view value) {
            double parsed = 0;
            const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), parsed);
            if (error != std::errc() || end != value.data() + value.size() || value.empty())
                xml_.fail_here("bad number \"" + std::string(value) + "\"");
            return parsed;
        };
        if (start.type == "float" || start.type == "percentage" || start.type == "currency") {
            cell.kind = Kind::number;
            cell.number = number(start.value);
            cell.text = start.value;
        } else if (start.type == "date") {
            const auto serial = iso_to_excel_serial(start.date_value);
            if (!serial) {  // a date Excel cannot show (before 1900): kept as the text shown
                cell.kind = text.empty() ? Kind::empty : Kind::text;
                cell.text = std::move(text);
                return cell;
            }
            cell.kind = Kind::number;
            cell.number = *serial;
            cell.text = start.date_value;
            cell.date_format = true;
        } else if (start.type == "boolean") {
            cell.kind = Kind::boolean;
            cell.number = start.boolean_value == "true" ? 1 : 0;
            cell.text = start.boolean_value == "true" ? "TRUE" : "FALSE";
        } else if (start.type == "error") {
            cell.kind = Kind::error;
            cell.text = std::move(text);
        } else {  // string, time (PT14H30M, read as shown) or no type with text
            cell.kind = text.empty() ? Kind::empty : Kind::text;
            cell.text = std::move(text);
        }
        finish_cell_text(cell, limits_.max_cell_bytes);
        return cell;
    }

    void add_cells(std::size_t count) {
        cells_ += count;
        if (cells_ > limits_.max_cells) fail("sheet has more than " + std::to_string(limits_.max_cells) + " cells");
    }

    XmlReader& xml_;
    const std::optional<std::string>& wanted_;
    const WorkbookLimits& limits_;
    std::size_t cells_ = 0;
};

}  // namespace

bool is_opendocument_package(const std::filesystem::path& path) {
    try {
        const ZipArchive zip(path, ZipLimits{1, 1}, "workbook");
        return zip.contains("content.xml") && !zip.contains("xl/workbook.xml");
    } catch (const ZipOpenError&) {
        return false;
    }
}

std::vector<Sheet> read_ods_sheets(const std::filesystem::path& path, const std::optional<std::string>& sheet_name,
                                   const WorkbookLimits& limits) {
    ZipArchive zip = open_ods(path, limits);
    if (!zip.contains("content.xml")) fail("not an ODS file (no content.xml in the zip archive)");
    ZipEntryReader entry(zip, "content.xml");
    XmlReader xml(entry.name(), [&entry](char* buffer, std::size_t size) { return entry.read(buffer, size); }, "ODS");
    std::vector<Sheet> sheets = ContentReader(xml, sheet_name, limits).read();
    if (sheets.empty()) fail("the workbook has no sheets");
    return sheets;
}

}  // namespace ppid::util
