// Comparing two record streams by key: which records were added, removed or changed, and for a
// changed record which fields and which status transition. Streams larger than memory are sorted
// by key in bounded memory (sorted runs spilled to temporary files, then merged).
#pragma once

#include <ppid/diagnostics.hpp>
#include <ppid/error.hpp>
#include <ppid/jsonl.hpp>
#include <ppid/util/json_scan.hpp>

#include <cstddef>
#include <filesystem>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ppid {

enum class ChangeKind { added, removed, changed };

// Returns "added", "removed" or "changed".
const char* to_string(ChangeKind kind);

// Returns the kind named `text`, or nullopt for any other text.
std::optional<ChangeKind> parse_change_kind(std::string_view text);

struct DiffOptions {
    std::optional<std::string> key;   // --key: the key field (a dotted path reaches inside objects) for every type
    std::vector<std::string> ignore;  // --ignore: fields (or dotted paths) never compared
    bool all_fields = false;          // --all-fields: compare every field, without the built-in rules
    std::vector<ChangeKind> only;     // --only: the changes written; empty means all
    std::size_t buffer_size = std::size_t{256} << 20;  // --buffer-size: sort memory, both streams together
    std::filesystem::path temp_dir = "/tmp";           // where sorted runs spill when a stream outgrows it
    std::size_t merge_fan_in = 64;                     // sorted runs merged at once (tests lower it)
};

// A record's identity in its stream.
struct RecordKey {
    std::string type;  // the record's "type"
    std::string key;   // its key's text
    std::string office{};  // its "office" ("" without one): records of a multi-office stream pair within an office
};

// Returns the key of the record whose text is `line` and top-level members `fields`: `--key`
// when given, else the built-in key of its type (see ppid-diff(1)), and its office. Throws Error
// (at `where`) when the type or key is missing, empty or not text, the office is not text, or the
// type has no built-in key.
RecordKey record_key(std::string_view line, const util::ScannedObject& fields,
                     const std::optional<std::string>& key_path, const Location& where);

// One compared field that differs; a side is empty when the field is absent there.
struct FieldChange {
    std::string field;  // a top-level name, or "deadline.status" for a deadline's sub-field
    std::optional<Record> old_value;
    std::optional<Record> new_value;
};

// A status that moved (null when absent on one side).
struct Transition {
    std::string field;  // "status" (item) or "deadline.status" (request, objection)
    Record from;
    Record to;
};

struct RecordChanges {
    std::vector<FieldChange> fields;  // in the new record's field order, then fields only the old one has
    std::optional<Transition> transition;
    bool empty() const { return fields.empty() && !transition; }
};

// Returns how `new_record` differs from `old_record` (both of type `record_type`), after the
// --ignore paths and, unless `options.all_fields`, the built-in rules (see ppid-diff(1)).
// Objects are compared whole and regardless of key order. Never throws for valid JSON objects.
RecordChanges compare_records(const std::string& record_type, Record old_record, Record new_record,
                              const DiffOptions& options);

// Appends one `change` record (without a newline). `record_text` is the record's own JSON text:
// the new one when added or changed, the old one when removed; `changes` is given when changed.
void append_change_json(std::string& out, ChangeKind kind, const RecordKey& key, std::string_view record_text,
                        const RecordChanges* changes);

// How many change records were written, by kind.
struct DiffCounts {
    std::size_t added = 0;
    std::size_t removed = 0;
    std::size_t changed = 0;
    std::size_t total() const { return added + removed + changed; }
};

// Reads the streams `old_path` and `new_path` ("-": standard input), writes to `out` one change
// record per difference that `options.only` lets through, sorted by (record type, office, key), and
// reports bad records and duplicate keys to `diag` (each skipped). Returns the counts written.
// Throws Error when an input cannot be opened or a temporary file cannot be written, and
// OutputError when `out` fails.
DiffCounts diff_files(const std::string& old_path, const std::string& new_path, const DiffOptions& options,
                      Diagnostics& diag, std::ostream& out);

}  // namespace ppid
