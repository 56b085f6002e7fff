// A workbook as ppid-import reads it: the sheet names, the first sheet with its merged cells filled.
// Smaller limits than the defaults keep each run within libFuzzer's memory limit; the code paths
// that enforce them are the same.
#include "fuzz_support.hpp"

#include <ppid/util/xlsx.hpp>

#include <stdexcept>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace ppid;
    util::XlsxLimits limits;
    limits.max_part_bytes = 8u << 20;
    limits.max_total_bytes = 16u << 20;
    limits.max_cells = 200'000;
    const std::string path = fuzz::scratch_file(fuzz::text_of(data, size), ".xlsx");
    try {
        (void)util::xlsx_sheet_names(path, limits);
        const util::Sheet sheet = util::fill_merged_cells(util::read_xlsx_sheet(path, std::nullopt, limits), limits.max_cells);
        std::size_t previous = 0;
        for (const util::SheetRow& row : sheet.rows) {
            fuzz::check(row.number > previous, "rows in ascending order");
            previous = row.number;
        }
    } catch (const std::runtime_error&) {
    }
    return 0;
}
