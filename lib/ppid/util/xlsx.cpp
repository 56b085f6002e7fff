#include <ppid/util/xlsx.hpp>

#include <ppid/util/xlsx_package.hpp>
#include <ppid/util/xlsx_shared_strings.hpp>
#include <ppid/util/xlsx_styles.hpp>

#include <algorithm>
#include <iterator>

namespace ppid::util {

namespace {

using xlsx_detail::decode_escapes;
using xlsx_detail::fail;
using xlsx_detail::parse_number;
using xlsx_detail::read_string_item;
using xlsx_detail::SharedStrings;

constexpr std::size_t last_excel_row = 1'048'576;

struct CellReference {
    std::size_t row = 0, column = 0;
};

std::optional<CellReference> parse_reference(std::string_view text) {
    std::size_t letters = 0;
    while (letters < text.size() &&
           ((text[letters] >= 'A' && text[letters] <= 'Z') || (text[letters] >= 'a' && text[letters] <= 'z')))
        ++letters;
    const auto column = column_index(text.substr(0, letters));
    const auto row = parse_number<std::size_t>(text.substr(letters));
    if (!column || !row || *row == 0 || *row > last_excel_row) return std::nullopt;
    return CellReference{*row, *column};
}

// Reads <sheetData> and <mergeCells> of a worksheet part into `sheet`.
class SheetReader {
public:
    SheetReader(XmlReader& xml, const SharedStrings& strings, const std::vector<bool>& date_styles,
                const XlsxLimits& limits)
        : xml_(xml), strings_(strings), date_styles_(date_styles), limits_(limits) {}

    void read(Sheet& sheet) {
        bool in_row = false, out_of_order = false;
        std::size_t last_row = 0;
        SheetRow row;
        while (xml_.next()) {
            if (xml_.is_start("row")) {
                row = SheetRow{};
                row.number = last_row + 1;
                xml_.for_each_attribute([&](std::string_view name, std::string_view value, bool qualified) {
                    if (name != "r" || qualified) return;
                    const auto number = parse_number<std::size_t>(value);
                    if (!number || *number == 0 || *number > last_excel_row)
                        xml_.fail_here("bad row number \"" + std::string(value) + "\"");
                    row.number = *number;
                });
                out_of_order = out_of_order || row.number <= last_row;
                last_row = row.number;
                next_column_ = 0;
                in_row = !xml_.is_empty_element();
            } else if (xml_.is_end("row")) {
                in_row = false;
                while (!row.cells.empty() && row.cells.back().kind == SheetCell::Kind::empty) row.cells.pop_back();
                if (!row.cells.empty()) sheet.rows.push_back(std::move(row));
            } else if (xml_.is_start("c")) {
                if (!in_row) xml_.fail_here("a cell outside a row");
                read_cell(row);
            } else if (xml_.is_start("mergeCell")) {
                xml_.for_each_attribute([&](std::string_view name, std::string_view value, bool) {
                    if (name == "ref") sheet.merged.push_back(parse_range(value));
                });
            }
        }
        if (out_of_order) order_rows(sheet.rows);
    }

private:
    void read_cell(SheetRow& row) {
        std::size_t column = next_column_, style = 0;
        bool formula = false;
        type_.clear();
        value_.clear();
        xml_.for_each_attribute([&](std::string_view name, std::string_view value, bool qualified) {
            if (qualified) return;
            if (name == "r") {
                const auto reference = parse_reference(value);
                if (!reference) xml_.fail_here("bad cell reference \"" + std::string(value) + "\"");
                column = reference->column;
            } else if (name == "s") {
                style = parse_number<std::size_t>(value).value_or(0);
            } else if (name == "t") {
                type_ = value;
            }
        });
        next_column_ = column + 1;
        if (!xml_.is_empty_element()) {
            bool in_value = false;
            while (xml_.next() && !xml_.is_end("c")) {
                if (xml_.is_start("v"))
                    in_value = !xml_.is_empty_element();
                else if (xml_.is_end("v"))
                    in_value = false;
                else if (xml_.is_start("is"))
                    value_ = read_string_item(xml_, "is", limits_.max_cell_bytes);
                else if (xml_.is_start("f"))
                    formula = true;
                else if (in_value && xml_.is_text())
                    append_up_to(value_, xml_.value(), limits_.max_cell_bytes);
            }
        }
        SheetCell cell = make_cell(column, row.number);
        if (cell.kind == SheetCell::Kind::empty) return;
        finish_cell_text(cell, limits_.max_cell_bytes);
        cell.date_format = style < date_styles_.size() && date_styles_[style];
        cell.formula = formula;
        if (row.cells.size() <= column) {
            cells_ += column + 1 - row.cells.size();
            if (cells_ > limits_.max_cells) fail("sheet has more than " + std::to_string(limits_.max_cells) + " cells");
            row.cells.resize(column + 1);
        }
        row.cells[column] = std::move(cell);
    }

    SheetCell make_cell(std::size_t column, std::size_t row) const {
        using Kind = SheetCell::Kind;
        const auto where = [&] { return "cell " + column_name(column) + std::to_string(row) + ": "; };
        SheetCell cell;
        if (type_ == "s") {
            if (value_.empty()) return cell;
            const auto index = parse_number<std::size_t>(value_);
            if (!index || *index >= strings_.size())
                xml_.fail_here(where() + "no shared string \"" + value_ + "\" (the workbook has " +
                               std::to_string(strings_.size()) + ")");
            cell.text = strings_[*index];
        } else if (type_ == "inlineStr") {
            cell.text = decode_escapes(value_);
        } else if (type_ == "str") {  // a formula's text
            cell.text = decode_escapes(value_);
        } else if (type_ == "d") {  // an ISO 8601 date, written by some tools instead of a number
            cell.text = value_;
        } else if (type_ == "b") {
            if (value_.empty()) return cell;
            if (value_ != "0" && value_ != "1") xml_.fail_here(where() + "bad boolean \"" + value_ + "\"");
            cell.kind = Kind::boolean;
            cell.number = value_ == "1" ? 1 : 0;
            cell.text = value_ == "1" ? "TRUE" : "FALSE";
            return cell;
        } else if (type_ == "e") {
            cell.kind = value_.empty() ? Kind::empty : Kind::error;
            cell.text = value_;
            return cell;
        } else if (type_.empty() || type_ == "n") {
            if (value_.empty()) return cell;
            const auto number = parse_number<double>(value_);
            if (!number) xml_.fail_here(where() + "bad number \"" + value_ + "\"");
            cell.kind = Kind::number;
            cell.number = *number;
            cell.text = value_;
            return cell;
        } else {
            xml_.fail_here(where() + "unknown cell type \"" + type_ + "\"");
        }
        cell.kind = cell.text.empty() ? Kind::empty : Kind::text;
        return cell;
    }

    MergedRange parse_range(std::string_view text) const {
        const auto colon = text.find(':');
        const auto first = parse_reference(text.substr(0, colon));
        const auto last = colon == std::string_view::npos ? first : parse_reference(text.substr(colon + 1));
        if (!first || !last) xml_.fail_here("bad merged range \"" + std::string(text) + "\"");
        return MergedRange{std::min(first->row, last->row), std::min(first->column, last->column),
                           std::max(first->row, last->row), std::max(first->column, last->column)};
    }

    // Rows written out of order or twice are sorted, a repeated row's later cells winning.
    static void order_rows(std::vector<SheetRow>& rows) {
        std::stable_sort(rows.begin(), rows.end(),
                         [](const SheetRow& a, const SheetRow& b) { return a.number < b.number; });
        std::vector<SheetRow> merged;
        for (auto& row : rows) {
            if (merged.empty() || merged.back().number != row.number) {
                merged.push_back(std::move(row));
                continue;
            }
            auto& target = merged.back().cells;
            if (target.size() < row.cells.size()) target.resize(row.cells.size());
            for (std::size_t c = 0; c < row.cells.size(); ++c)
                if (row.cells[c].kind != SheetCell::Kind::empty) target[c] = std::move(row.cells[c]);
        }
        rows = std::move(merged);
    }

    XmlReader& xml_;
    const SharedStrings& strings_;
    const std::vector<bool>& date_styles_;
    const XlsxLimits& limits_;
    std::size_t next_column_ = 0;  // a cell without r="" follows the previous one
    std::size_t cells_ = 0;
    std::string type_, value_;  // of the cell being read, reused to spare allocations
};

}  // namespace

std::vector<std::string> xlsx_sheet_names(const std::filesystem::path& path, const XlsxLimits& limits) {
    ZipArchive zip = xlsx_detail::open_package(path, limits);
    std::vector<std::string> names;
    for (auto& sheet : xlsx_detail::open_workbook(zip).sheets) names.push_back(std::move(sheet.first));
    return names;
}

namespace {

// Reads every worksheet (`all`), else the one find_worksheet chooses for `sheet_name`.
std::vector<Sheet> read_worksheets(const std::filesystem::path& path, const std::optional<std::string>& sheet_name,
                                   bool all, const XlsxLimits& limits) {
    ZipArchive zip = xlsx_detail::open_package(path, limits);
    const xlsx_detail::Workbook book = xlsx_detail::open_workbook(zip);
    std::vector<xlsx_detail::WorksheetPart> worksheets;
    if (all)
        worksheets = xlsx_detail::all_worksheets(zip, book);
    else
        worksheets.push_back(xlsx_detail::find_worksheet(zip, book, sheet_name));

    std::vector<bool> date_styles;
    if (const auto styles = xlsx_detail::workbook_part(zip, book, "/styles", "styles.xml"))
        date_styles = xlsx_detail::read_date_styles(zip, *styles);
    SharedStrings strings;
    if (const auto shared = xlsx_detail::workbook_part(zip, book, "/sharedStrings", "sharedStrings.xml"))
        strings = xlsx_detail::read_shared_strings(zip, *shared, limits.max_cell_bytes);

    std::vector<Sheet> sheets;
    for (const auto& worksheet : worksheets) {
        Sheet sheet;
        sheet.name = worksheet.sheet_name;
        xlsx_detail::XmlPart part(zip, worksheet.part);
        SheetReader(part.xml, strings, date_styles, limits).read(sheet);
        sheets.push_back(std::move(sheet));
    }
    return sheets;
}

}  // namespace

Sheet read_xlsx_sheet(const std::filesystem::path& path, const std::optional<std::string>& sheet_name,
                      const XlsxLimits& limits) {
    return std::move(read_worksheets(path, sheet_name, false, limits).front());
}

std::vector<Sheet> read_xlsx_sheets(const std::filesystem::path& path, const std::optional<std::string>& sheet_name,
                                    const XlsxLimits& limits) {
    return read_worksheets(path, sheet_name, !sheet_name, limits);
}

std::optional<std::size_t> column_index(std::string_view letters) {
    if (letters.empty() || letters.size() > 3) return std::nullopt;
    std::size_t column = 0;
    for (const char c : letters) {
        const char upper = c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
        if (upper < 'A' || upper > 'Z') return std::nullopt;
        column = column * 26 + static_cast<std::size_t>(upper - 'A' + 1);
    }
    if (column > 16384) return std::nullopt;
    return column - 1;
}

std::string column_name(std::size_t column) {
    std::string name;
    for (std::size_t n = column + 1; n > 0; n = (n - 1) / 26)
        name.insert(name.begin(), static_cast<char>('A' + (n - 1) % 26));
    return name;
}

}  // namespace ppid::util
