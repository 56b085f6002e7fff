#include <ppid/util/xls.hpp>

#include <ppid/util/xls_biff.hpp>

#include <freexl.h>

#include <algorithm>
#include <charconv>
#include <stdexcept>

namespace ppid::util {

namespace {

[[noreturn]] void fail(const std::string& message) {
    throw std::runtime_error(message);
}

// FreeXL's handle, closed on every way out.
class Workbook {
public:
    explicit Workbook(const std::filesystem::path& path) {
        const int status = freexl_open(path.c_str(), &handle_);
        if (status != FREEXL_OK) {
            if (handle_ != nullptr) freexl_close(handle_);
            if (status == FREEXL_FILE_NOT_FOUND) fail("no such file");
            // A password-protected .xlsx is an OLE compound file too, with no BIFF workbook stream.
            if (status == FREEXL_BIFF_WORKBOOK_NOT_FOUND)
                fail("not an .xls workbook (no Excel 97 workbook inside: a password-protected .xlsx? save it "
                     "without a password)");
            // freexl.h numbers the compound file's errors -7 to -13, -24 and -25.
            const bool container = (status <= FREEXL_INVALID_CFBF_HEADER && status >= FREEXL_CFBF_ILLEGAL_FAT_ENTRY) ||
                                   status == FREEXL_INVALID_MINI_STREAM || status == FREEXL_CFBF_ILLEGAL_MINI_FAT_ENTRY;
            fail(std::string("not an .xls workbook (") + (container ? "a damaged compound file" : "a damaged workbook") +
                 ", FreeXL error " + std::to_string(status) + ")");
        }
    }
    ~Workbook() { freexl_close(handle_); }
    Workbook(const Workbook&) = delete;
    Workbook& operator=(const Workbook&) = delete;

    const void* handle() const { return handle_; }

    unsigned info(unsigned short what) const {
        unsigned value = 0;
        if (freexl_get_info(handle_, what, &value) != FREEXL_OK) fail("a damaged .xls workbook (no workbook information)");
        return value;
    }

private:
    const void* handle_ = nullptr;
};

// Returns a number as the shortest text that reads back as it ("3", "1.5"), as XLSX stores it.
std::string number_text(double value) {
    char buffer[32];
    const auto [end, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
    return error == std::errc() ? std::string(buffer, end) : std::to_string(value);
}

SheetCell make_cell(const FreeXL_CellValue& value, std::size_t max_cell_bytes) {
    using Kind = SheetCell::Kind;
    SheetCell cell;
    switch (value.type) {
        case FREEXL_CELL_INT:
            cell.kind = Kind::number;
            cell.number = value.value.int_value;
            cell.text = std::to_string(value.value.int_value);
            break;
        case FREEXL_CELL_DOUBLE:
            cell.kind = Kind::number;
            cell.number = value.value.double_value;
            cell.text = number_text(value.value.double_value);
            break;
        case FREEXL_CELL_TEXT:
        case FREEXL_CELL_SST_TEXT:
            if (value.value.text_value == nullptr || *value.value.text_value == '\0') break;
            cell.kind = Kind::text;
            append_up_to(cell.text, value.value.text_value, max_cell_bytes);
            finish_cell_text(cell, max_cell_bytes);
            break;
        case FREEXL_CELL_DATE:
        case FREEXL_CELL_DATETIME:
            // FreeXL gives "2024-01-08" or "2024-01-08 14:30:00", in either date system of the file.
            if (const auto serial = iso_to_excel_serial(value.value.text_value)) {
                cell.kind = Kind::number;
                cell.number = *serial;
                cell.text = number_text(*serial);
                cell.date_format = true;
            }
            break;
        case FREEXL_CELL_TIME:  // "14:30:00": a time of day alone is no register date; kept as text
            cell.kind = Kind::text;
            cell.text = value.value.text_value;
            break;
        default:
            break;
    }
    return cell;
}

// Adds what FreeXL left out: formula results in the cells it reported empty, and the merged ranges.
void add_extras(Sheet& sheet, const std::vector<xls_detail::SheetExtras>& extras, const WorkbookLimits& limits) {
    const auto found = std::find_if(extras.begin(), extras.end(), [&](const auto& one) { return one.name == sheet.name; });
    if (found == extras.end()) return;
    sheet.merged = found->merged;
    std::size_t cells = 0;
    for (const auto& row : sheet.rows) cells += row.cells.size();
    for (const auto& placed : found->formulas) {
        if (placed.cell.kind == SheetCell::Kind::empty) continue;
        auto row = std::lower_bound(sheet.rows.begin(), sheet.rows.end(), placed.row,
                                    [](const SheetRow& r, std::size_t number) { return r.number < number; });
        if (row == sheet.rows.end() || row->number != placed.row) row = sheet.rows.insert(row, SheetRow{placed.row, {}});
        if (row->cells.size() <= placed.column) {
            cells += placed.column + 1 - row->cells.size();
            if (cells > limits.max_cells) fail("sheet has more than " + std::to_string(limits.max_cells) + " cells");
            row->cells.resize(placed.column + 1);
        }
        SheetCell& cell = row->cells[placed.column];
        if (cell.kind != SheetCell::Kind::empty) continue;
        cell = placed.cell;
        if (cell.kind == SheetCell::Kind::number) cell.text = number_text(cell.number);
    }
}

Sheet read_sheet(const Workbook& book, unsigned short index, std::string name, const WorkbookLimits& limits) {
    if (freexl_select_active_worksheet(book.handle(), index) != FREEXL_OK)
        fail("a damaged .xls workbook (sheet " + std::to_string(index + 1) + ")");
    unsigned rows = 0;
    unsigned short columns = 0;
    if (freexl_worksheet_dimensions(book.handle(), &rows, &columns) != FREEXL_OK)
        fail("a damaged .xls workbook (sheet \"" + name + "\" has no dimensions)");
    Sheet sheet;
    sheet.name = std::move(name);
    std::size_t cells = 0;
    for (unsigned r = 0; r < rows; ++r) {
        SheetRow row{r + 1, {}};
        for (unsigned short c = 0; c < columns; ++c) {
            FreeXL_CellValue value;
            if (freexl_get_cell_value(book.handle(), r, c, &value) != FREEXL_OK) continue;
            SheetCell cell = make_cell(value, limits.max_cell_bytes);
            if (cell.kind == SheetCell::Kind::empty) continue;
            cells += c + 1 - row.cells.size();
            if (cells > limits.max_cells) fail("sheet has more than " + std::to_string(limits.max_cells) + " cells");
            row.cells.resize(c + 1u);
            row.cells[c] = std::move(cell);
        }
        if (!row.cells.empty()) sheet.rows.push_back(std::move(row));
    }
    return sheet;
}

}  // namespace

std::vector<Sheet> read_xls_sheets(const std::filesystem::path& path, const std::optional<std::string>& sheet_name,
                                   const WorkbookLimits& limits) {
    const Workbook book(path);
    const std::vector<xls_detail::SheetExtras> extras = xls_detail::read_biff_extras(path, limits);
    if (book.info(FREEXL_BIFF_PASSWORD) == FREEXL_BIFF_OBFUSCATED)
        fail("a password-protected .xls workbook: save it without a password");
    const unsigned count = book.info(FREEXL_BIFF_SHEET_COUNT);
    std::vector<std::string> names;
    for (unsigned i = 0; i < count; ++i) {
        const char* name = nullptr;
        if (freexl_get_worksheet_name(book.handle(), static_cast<unsigned short>(i), &name) != FREEXL_OK || name == nullptr)
            fail("a damaged .xls workbook (sheet " + std::to_string(i + 1) + " has no name)");
        names.emplace_back(name);
    }
    if (names.empty()) fail("the workbook has no sheets");
    std::vector<Sheet> sheets;
    if (!sheet_name) {
        for (unsigned i = 0; i < count; ++i) {
            sheets.push_back(read_sheet(book, static_cast<unsigned short>(i), names[i], limits));
            add_extras(sheets.back(), extras, limits);
        }
        return sheets;
    }
    const std::size_t chosen = choose_sheet(names, *sheet_name);
    Sheet sheet = read_sheet(book, static_cast<unsigned short>(chosen), names[chosen], limits);
    add_extras(sheet, extras, limits);
    return {std::move(sheet)};
}

}  // namespace ppid::util
