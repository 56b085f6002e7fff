// Internal to the .xls reader: what FreeXL leaves out of an Excel 97 workbook, read from the
// BIFF8 records themselves: the cached results of formula cells (FreeXL reports them empty) and
// the merged ranges.
#pragma once

#include <ppid/util/sheet.hpp>

#include <filesystem>
#include <string>
#include <utility>
#include <vector>

namespace ppid::util::xls_detail {

struct PlacedCell {
    std::size_t row = 0, column = 0;  // row 1-based, column 0-based, as in Sheet
    SheetCell cell;
};

struct SheetExtras {
    std::string name;                  // the worksheet's name, UTF-8
    std::vector<PlacedCell> formulas;  // formula results: numbers (dates by their cell format), text, booleans
    std::vector<MergedRange> merged;
};

// Returns the extras of every worksheet of the .xls at `path`, in workbook order. A number is a
// date when its cell format shows one (built-in formats 14-22 and 45-47, or a custom format for
// which is_date_number_format holds), in Excel serial days of the 1900 system even when the
// workbook counts from 1904. Throws std::runtime_error for a file larger than
// limits.max_part_bytes or a compound file or BIFF stream too broken to follow.
std::vector<SheetExtras> read_biff_extras(const std::filesystem::path& path, const WorkbookLimits& limits);

}  // namespace ppid::util::xls_detail
