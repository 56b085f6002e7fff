// Rows of an office's register (requests, objections, Daftar Informasi Publik) turned into the
// records the other tools read: `request`, `objection`, `dip_entry`.
#pragma once

#include <ppid/decision_text.hpp>
#include <ppid/diagnostics.hpp>
#include <ppid/jsonl.hpp>
#include <ppid/register_columns.hpp>

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>

namespace ppid {

// The shipped knowledge about registers: column headers and decision wording.
struct RegisterRules {
    ColumnRules columns;
    DecisionTexts decisions;

    // Returns the rules under `data_dir`/registers. Throws Error for missing or malformed data.
    static RegisterRules load(const std::filesystem::path& data_dir);
};

struct ImportOptions {
    std::optional<RegisterKind> kind;  // --kind; detected from the headers when unset
    std::optional<std::string> sheet;  // --sheet, for workbooks; every sheet when unset
    HeaderMap map;                     // --map
    // --verbose: told how a file was read, which sheets were passed over, where a table ended.
    std::function<void(const Location&, const std::string&)> note;
};

// Reads the register at `path` ("-": CSV on standard input) and calls `emit` with one record
// (the text of one JSON object) per data row, in order: every sheet of a workbook whose header
// is a register's (or only options.sheet), each table up to its end (a signature block, a note,
// or a run of empty rows after its last record, which are not read). A row that cannot be read (an
// impossible or ambiguous date, no receipt date, an overlong cell) is reported to `diag` as
// FILE:LINE, prefixed with its sheet in a workbook of several, and skipped; a date far from the
// register's year is a warning. An empty or header-only file gives no records and no error.
// Throws Error when the file cannot be read or has no header row this kind of register would
// have (in a workbook: on the named sheet, or on no sheet at all).
void import_register(const std::string& path, const ImportOptions& options, const RegisterRules& rules,
                     Diagnostics& diag, const std::function<void(std::string_view)>& emit);

}  // namespace ppid
