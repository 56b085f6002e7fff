#include <ppid/util/sheet.hpp>

#include <ppid/util/iso_date.hpp>

#include <algorithm>
#include <charconv>
#include <iterator>
#include <stdexcept>

namespace ppid::util {

Sheet fill_merged_cells(Sheet sheet, std::size_t max_cells) {
    if (sheet.rows.empty()) return sheet;
    const auto by_number = [](const SheetRow& row, std::size_t number) { return row.number < number; };
    const auto find_row = [&](std::size_t number) -> SheetRow* {
        const auto it = std::lower_bound(sheet.rows.begin(), sheet.rows.end(), number, by_number);
        return it != sheet.rows.end() && it->number == number ? &*it : nullptr;
    };
    const auto top_left = [&](const MergedRange& range) -> const SheetCell* {
        const SheetRow* row = find_row(range.first_row);
        if (row == nullptr || range.first_column >= row->cells.size()) return nullptr;
        const SheetCell& cell = row->cells[range.first_column];
        return cell.kind == SheetCell::Kind::empty ? nullptr : &cell;
    };
    const std::size_t last_row = sheet.rows.back().number;
    std::size_t width = 0, cells = 0;
    for (const auto& row : sheet.rows) {
        width = std::max(width, row.cells.size());
        cells += row.cells.size();
    }
    const auto check = [&] {
        if (cells > max_cells) throw std::runtime_error("merged ranges would fill the sheet past " + std::to_string(max_cells) + " cells");
    };

    // Rows missing inside a range are added first, so the fill below never shifts the rows.
    std::vector<SheetRow> added;
    for (const auto& range : sheet.merged) {
        if (top_left(range) == nullptr) continue;
        for (std::size_t number = range.first_row; number <= std::min(range.last_row, last_row); ++number) {
            if (find_row(number) != nullptr) continue;
            added.push_back(SheetRow{number, {}});
            ++cells;
            check();
        }
    }
    if (!added.empty()) {
        std::sort(added.begin(), added.end(), [](const auto& a, const auto& b) { return a.number < b.number; });
        added.erase(
            std::unique(added.begin(), added.end(), [](const auto& a, const auto& b) { return a.number == b.number; }),
            added.end());
        std::move(added.begin(), added.end(), std::back_inserter(sheet.rows));
        std::sort(sheet.rows.begin(), sheet.rows.end(),
                  [](const auto& a, const auto& b) { return a.number < b.number; });
    }

    for (const auto& range : sheet.merged) {
        const SheetCell* source = top_left(range);
        if (source == nullptr || range.first_column >= width) continue;
        const SheetCell value = *source;
        for (std::size_t number = range.first_row; number <= std::min(range.last_row, last_row); ++number) {
            SheetRow& row = *find_row(number);
            const std::size_t end = std::min(range.last_column, width - 1) + 1;
            if (row.cells.size() < end) {
                cells += end - row.cells.size();
                check();
                row.cells.resize(end);
            }
            for (std::size_t column = range.first_column; column < end; ++column)
                if (number != range.first_row || column != range.first_column) row.cells[column] = value;
        }
    }
    return sheet;
}

std::size_t choose_sheet(const std::vector<std::string>& names, const std::string& wanted) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
    const auto same_ignoring_case = [&](const std::string& a) {
        return a.size() == wanted.size() &&
               std::equal(a.begin(), a.end(), wanted.begin(), [&](char x, char y) { return lower(x) == lower(y); });
    };
    auto found = std::find(names.begin(), names.end(), wanted);
    if (found == names.end()) found = std::find_if(names.begin(), names.end(), same_ignoring_case);
    if (found != names.end()) return static_cast<std::size_t>(found - names.begin());
    std::string list;
    for (const auto& name : names) list += (list.empty() ? "" : ", ") + name;
    throw std::runtime_error("no sheet named \"" + wanted + "\" (sheets: " + list + ")");
}

void append_up_to(std::string& text, std::string_view more, std::size_t limit) {
    if (text.size() > limit) return;
    text.append(more.substr(0, limit + 1 - text.size()));
}

void finish_cell_text(SheetCell& cell, std::size_t limit) {
    if (cell.text.size() <= limit) return;
    std::size_t end = limit;
    while (end > 0 && (static_cast<unsigned char>(cell.text[end]) & 0xC0) == 0x80) --end;
    cell.text.resize(end);
    cell.cut = true;
}

std::optional<double> iso_to_excel_serial(std::string_view iso) {
    const auto day = parse_iso_date(iso.substr(0, 10));
    if (!day) return std::nullopt;
    // Excel counts 1900-01-01 as 1 and has a 29 February 1900: from March 1900 on, serial days
    // are days since 1899-12-30.
    const date::sys_days epoch = date::year{1899} / 12 / 30;
    double serial = static_cast<double>((*day - epoch).count());
    if (*day < date::sys_days{date::year{1900} / 3 / 1}) serial -= 1;
    if (iso.size() == 10) return serial;
    if (iso.size() < 16 || (iso[10] != 'T' && iso[10] != ' ') || iso[13] != ':') return std::nullopt;
    int hours = 0, minutes = 0;
    const auto two = [&](std::size_t at, int& value) {
        const auto [end, error] = std::from_chars(iso.data() + at, iso.data() + at + 2, value);
        return error == std::errc() && end == iso.data() + at + 2;
    };
    if (!two(11, hours) || !two(14, minutes) || hours > 23 || minutes > 59) return std::nullopt;
    return serial + (hours * 60 + minutes) / (24.0 * 60);  // seconds are dropped, as the register reader drops them
}

}  // namespace ppid::util
