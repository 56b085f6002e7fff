// A register file as ppid-import reads it: CSV in whatever encoding and delimiter (or a workbook,
// told by its first bytes), then the header row matched against the shipped column synonyms.
#include "fuzz_support.hpp"

#include <ppid/error.hpp>
#include <ppid/register_columns.hpp>
#include <ppid/register_table.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace ppid;
    static const ColumnRules rules = ColumnRules::load(std::string(PPID_FUZZ_DATA_DIR) + "/registers/columns.json");
    std::vector<Table> tables;
    try {
        tables = read_register_tables(fuzz::scratch_file(fuzz::text_of(data, size), ".csv"), std::nullopt);
    } catch (const Error&) {
        return 0;
    }
    fuzz::check(!tables.empty(), "a readable file gives at least one table");
    std::vector<std::vector<std::string>> rows;
    for (const TableRow& row : tables.front().rows) {
        if (rows.size() == 20) break;  // ppid-import looks for the header among the first rows
        rows.emplace_back();
        for (const TableCell& cell : row.cells) rows.back().push_back(cell.text);
    }
    for (const auto kind : {std::optional<RegisterKind>(), std::optional(RegisterKind::request)}) {
        const auto columns = find_columns(rows, kind, rules, HeaderMap{{"tanggal", "received"}});
        if (columns) {
            fuzz::check(columns->header_row + columns->header_rows <= rows.size(), "the header's rows are among the rows");
            fuzz::check(columns->headers.size() == columns->fields.size(), "every column has a header and a field");
        }
    }
    return 0;
}
