// Which column of an office's register holds which field: the header row is found among the
// first rows, each header matched against the synonyms in share/ppid/registers/columns.json.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ppid {

enum class RegisterKind { request, objection, dip };

// Returns "request", "objection" or "dip" (also the record type written for each row, with dip
// rows written as "dip_entry").
std::string_view to_string(RegisterKind kind);
std::optional<RegisterKind> parse_register_kind(std::string_view name);

struct ColumnRule {
    std::string field;  // a record field; "requester.name" goes into the requester object
    std::vector<std::string> headers;                // normalized headers that name it exactly
    std::vector<std::vector<std::string>> contains;  // or: every word of one of these lists
};

struct KindRules {
    RegisterKind kind = RegisterKind::request;
    std::vector<ColumnRule> fields;
    std::vector<std::string> required;  // fields a header row must have
    std::vector<std::string> evidence;  // words that point to this kind of register
};

// Exact header-to-field pairs from --map FILE, header already normalized.
using HeaderMap = std::vector<std::pair<std::string, std::string>>;

class ColumnRules {
public:
    // Returns the rules in `columns_json`. Throws Error for a malformed file.
    static ColumnRules load(const std::filesystem::path& columns_json);

    const KindRules& rules(RegisterKind kind) const;

    // Returns the field `header` (normalized) names for `kind`: the --map pairs first, then the
    // rules on the header with its abbreviations spelled out; fields in `taken` are skipped; ""
    // when it names none.
    std::string field_for(RegisterKind kind, std::string_view header, const HeaderMap& map,
                          const std::vector<std::string>& taken) const;

    // Returns a normalized header with the abbreviations offices write spelled out, word by word
    // ("tgl jawaban" is "tanggal jawaban").
    std::string spelled_out(std::string_view header) const;

    // Returns how the lines of a signature block or a note under a register start (normalized
    // words: "mengetahui", "nip"); see ends_table.
    const std::vector<std::string>& table_end_starts() const { return table_end_starts_; }

private:
    std::vector<KindRules> kinds_;
    std::vector<std::string> table_end_starts_;
    std::vector<std::pair<std::string, std::string>> abbreviations_;  // word, its spelling
};

// Returns the pairs of a --map file: a JSON object {"Header as written": "field"}. Throws Error
// for a malformed file or a field name that no register kind has.
HeaderMap load_header_map(const std::filesystem::path& path, const ColumnRules& rules);

// The columns of one register.
struct ColumnMap {
    RegisterKind kind = RegisterKind::request;
    std::size_t header_row = 0;           // index into the rows given to find_columns: the header's first row
    std::size_t header_rows = 1;          // 2 for a header written over two rows
    std::vector<std::string> fields;      // per column: the field, or "" when not recognised
    std::vector<std::string> headers;     // per column: its header as written ("Identitas Pemohon Nama")
};

// Returns the header among `rows` (each a list of cell texts) and what its columns hold, for
// `kind` or for the kind that fits best; nullopt when no header has the required columns. A
// header may span two rows, a group cell ("Identitas Pemohon", merged or not) over its
// sub-cells ("Nama", "Alamat"): a sub-cell is matched alone first, then with its group's words.
// The two-row reading is chosen only when it recognises more than either row does alone.
std::optional<ColumnMap> find_columns(const std::vector<std::vector<std::string>>& rows,
                                      std::optional<RegisterKind> kind, const ColumnRules& rules,
                                      const HeaderMap& map);

}  // namespace ppid
