#include <ppid/record_diff.hpp>
#include <ppid/util/external_sort.hpp>
#include <ppid/util/json_text.hpp>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>

namespace ppid {

namespace {

using util::ScannedValue;

// --- keys -------------------------------------------------------------------------------------

// Returns the member's text as a key part, nullopt when absent, null or empty; throws when it
// is neither a string nor (where allowed) a number.
std::optional<std::string> key_text(const util::ScannedObject& fields, const std::string& name, bool allow_number,
                                    const Location& where) {
    const ScannedValue* value = fields.find(name);
    if (!value || value->kind == ScannedValue::Kind::null) return std::nullopt;
    if (value->kind == ScannedValue::Kind::string || (allow_number && value->kind == ScannedValue::Kind::number))
        return value->text.empty() ? std::nullopt : std::optional<std::string>(value->text);
    throw Error("\"" + name + "\" must be a string (keys are text), found " + value->type_name(), where);
}

std::string required_key(const util::ScannedObject& fields, const std::string& name, const std::string& type,
                         bool allow_number, const Location& where) {
    auto text = key_text(fields, name, allow_number, where);
    if (!text) throw Error("missing \"" + name + "\" (the key of a " + type + " record)", where);
    return std::move(*text);
}

// The keys people expect for the records the ppid tools write (documented in ppid-diff(1)).
std::string builtin_key(const std::string& type, const util::ScannedObject& fields, const Location& where) {
    if (type == "document") {
        if (auto url = key_text(fields, "url", false, where)) return std::move(*url);
        const auto root = key_text(fields, "root", false, where);
        // A name that is not UTF-8 shows U+FFFD in `path`; its exact bytes are in `path_bytes`.
        auto path = key_text(fields, "path_bytes", false, where);
        if (!path) path = key_text(fields, "path", false, where);
        if (!root || !path)
            throw Error("missing \"url\", or \"root\" and \"path\" (the key of a document record)", where);
        return root->back() == '/' ? *root + *path : *root + "/" + *path;
    }
    if (type == "item" || type == "request" || type == "objection")
        return required_key(fields, "id", type, false, where);
    if (type == "page" || type == "link") return required_key(fields, "url", type, false, where);
    if (type == "dip_entry") return required_key(fields, "summary", type, false, where);
    if (type == "stats")
        return required_key(fields, "year", type, true, where) + "/" +
               required_key(fields, "table", type, false, where);
    if (type == "summary" || type == "crawl_summary") return type;  // one per stream
    throw Error("no key is known for records of type \"" + type + "\": give --key FIELD", where);
}

// Returns the value at `path` ("a.b.c": members of nested objects), or nullptr.
template <class Json>
Json* find_path(Json& record, const std::string& path) {
    Json* node = &record;
    std::size_t start = 0;
    for (;;) {
        const auto dot = path.find('.', start);
        if (!node->is_object()) return nullptr;
        const auto it = node->find(path.substr(start, dot == std::string::npos ? std::string::npos : dot - start));
        if (it == node->end()) return nullptr;
        if (dot == std::string::npos) return &*it;
        node = &*it;
        start = dot + 1;
    }
}

void erase_path(Record& record, const std::string& path) {
    const auto dot = path.rfind('.');
    if (dot == std::string::npos) {
        record.erase(path);
        return;
    }
    Record* parent = find_path(record, path.substr(0, dot));
    if (parent && parent->is_object()) parent->erase(path.substr(dot + 1));
}

// The text was validated by the scan that read it.
Record parsed(std::string_view text) {
    return Record::parse(text.data(), text.data() + text.size());
}

std::string dotted_key(std::string_view line, const std::string& path, const Location& where) {
    const Record record = parsed(line);
    const Record* value = find_path(record, path);
    if (!value || value->is_null() || (value->is_string() && value->get_ref<const std::string&>().empty()))
        throw Error("missing \"" + path + "\" (the --key field)", where);
    if (value->is_string()) return value->get<std::string>();
    if (value->is_number()) return value->dump();
    throw Error("\"" + path + "\" must be a string (keys are text), found " + value->type_name(), where);
}

// --- comparing ----------------------------------------------------------------------------------

// The deadline's sub-fields that mean something from one day to the next; the working-day
// counters change every day by construction.
const char* const deadline_fields[] = {"status", "due", "extended_due"};

// Equal JSON values, objects regardless of key order (numbers as nlohmann compares them).
bool same_value(const Record& a, const Record& b) {
    if (a.is_object() && b.is_object()) {
        if (a.size() != b.size()) return false;
        for (auto it = a.begin(); it != a.end(); ++it) {
            const auto other = b.find(it.key());
            if (other == b.end() || !same_value(it.value(), *other)) return false;
        }
        return true;
    }
    if (a.is_array() && b.is_array()) {
        if (a.size() != b.size()) return false;
        for (std::size_t i = 0; i < a.size(); ++i)
            if (!same_value(a[i], b[i])) return false;
        return true;
    }
    return a == b;
}

bool imported_type(const std::string& type) {
    return type == "request" || type == "objection" || type == "dip_entry";
}

// Removes what the built-in rules do not compare: a document's `modified` time when its content
// hash is the same, and where ppid-import read a record (`source`: file and line).
void apply_builtin_rules(const std::string& type, Record& a, Record& b) {
    if (type == "document") {
        const Record* hash_a = find_path(a, "sha256");
        const Record* hash_b = find_path(b, "sha256");
        if (hash_a && hash_b && !hash_a->is_null() && same_value(*hash_a, *hash_b)) {
            a.erase("modified");
            b.erase("modified");
        }
    }
    if (imported_type(type)) {
        a.erase("source");
        b.erase("source");
    }
    // Where a web archive keeps the bytes (ppid-crawl --warc) moves whenever a night archives them
    // again (an error page every night): what changed in them shows in the other fields.
    for (Record* record : {&a, &b}) {
        record->erase("warc");
        if (type != "item") continue;
        if (const auto evidence = record->find("evidence"); evidence != record->end() && evidence->is_array())
            for (auto& entry : *evidence)
                if (entry.is_object()) entry.erase("warc");
    }
}

using FieldList = std::vector<std::pair<std::string, const Record*>>;

FieldList compared_fields(const Record& record, bool expand_deadline) {
    FieldList list;
    for (auto it = record.begin(); it != record.end(); ++it) {
        if (it.key() == "type") continue;
        if (expand_deadline && it.key() == "deadline" && it->is_object()) {
            for (const char* name : deadline_fields) {
                const auto sub = it->find(name);
                if (sub != it->end()) list.emplace_back(std::string("deadline.") + name, &*sub);
            }
            continue;
        }
        list.emplace_back(it.key(), &it.value());
    }
    return list;
}

const Record* lookup(const FieldList& list, const std::string& name) {
    for (const auto& [field, value] : list)
        if (field == name) return value;
    return nullptr;
}

const char* status_field(const std::string& type) {
    if (type == "item") return "status";
    if (type == "request" || type == "objection") return "deadline.status";
    return nullptr;
}

std::string dump(const Record& value) {
    return value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string_view trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

// --- sorting by key in bounded memory -----------------------------------------------------------

struct Entry {
    RecordKey id;
    std::size_t line = 0;
    std::string text;
};

int compare_ids(const RecordKey& a, const RecordKey& b) {
    if (const int c = a.type.compare(b.type)) return c;
    if (const int c = a.office.compare(b.office)) return c;
    return a.key.compare(b.key);
}

// The sort key of a record: its type, then its office, each with every NUL written NUL 1 and ended
// by NUL NUL, then its key, so that byte order of sort keys is the (type, office, key) order of
// compare_ids.
std::string sort_key(const RecordKey& id) {
    std::string out;
    out.reserve(id.type.size() + id.office.size() + 4 + id.key.size());
    for (const std::string* part : {&id.type, &id.office}) {
        for (const char c : *part) {
            out += c;
            if (c == '\0') out += '\1';
        }
        out.append(2, '\0');
    }
    return out += id.key;
}

RecordKey from_sort_key(const std::string& text) {
    RecordKey id;
    std::size_t i = 0;
    for (std::string* part : {&id.type, &id.office}) {
        for (; i + 1 < text.size() && !(text[i] == '\0' && text[i + 1] == '\0'); ++i) {
            *part += text[i];
            if (text[i] == '\0') ++i;
        }
        i += 2;
    }
    id.key = text.substr(std::min(i, text.size()));
    return id;
}

util::ExternalSorter make_sorter(std::size_t budget, const DiffOptions& options) {
    return util::ExternalSorter(util::ExternalSortOptions{budget, options.temp_dir, options.merge_fan_in, "ppid-diff"});
}

// A sorted stream with each key once: a repeated key is reported and skipped, the first kept.
class UniqueStream {
public:
    UniqueStream(util::ExternalSorter& sorted, std::string name, Diagnostics& diag)
        : sorted_(sorted), name_(std::move(name)), diag_(diag) {}

    bool next(Entry& out) {
        while (sorted_.next(record_)) {
            out = Entry{from_sort_key(record_.key), record_.line, std::move(record_.text)};
            if (first_line_ != 0 && compare_ids(out.id, last_) == 0) {
                const std::string office = out.id.office.empty() ? "" : " of office \"" + out.id.office + "\"";
                diag_.error(Location{name_, out.line}, "duplicate key: " + out.id.type + office + " \"" + out.id.key +
                                                           "\" is already on line " + std::to_string(first_line_) +
                                                           "; this line is skipped");
                continue;
            }
            last_ = out.id;
            first_line_ = out.line;
            return true;
        }
        return false;
    }

private:
    util::ExternalSorter& sorted_;
    util::SortRecord record_;
    std::string name_;
    Diagnostics& diag_;
    RecordKey last_;
    std::size_t first_line_ = 0;
};

void check_readable(const std::string& path) {
    if (path == "-") return;
    std::error_code ignored;
    if (std::filesystem::is_directory(path, ignored)) throw Error("cannot read: is a directory", Location{path, 0});
    std::ifstream probe(path, std::ios::binary);
    if (!probe) throw Error(std::string("cannot open: ") + std::strerror(errno), Location{path, 0});
}

void read_stream(const std::string& path, const DiffOptions& options, Diagnostics& diag, util::ExternalSorter& sorted) {
    scan_records({path}, diag, [&](std::string_view line, const util::ScannedObject& fields, const Location& where) {
        RecordKey id;
        try {
            id = record_key(line, fields, options.key, where);
        } catch (const Error& e) {
            diag.error(e.where(), e.what());
            return;
        }
        sorted.add(util::SortRecord{sort_key(id), where.line, std::string(trimmed(line))});
    });
    sorted.finish();
}

}  // namespace

const char* to_string(ChangeKind kind) {
    switch (kind) {
        case ChangeKind::added:
            return "added";
        case ChangeKind::removed:
            return "removed";
        case ChangeKind::changed:
            return "changed";
    }
    return "changed";
}

std::optional<ChangeKind> parse_change_kind(std::string_view text) {
    for (const auto kind : {ChangeKind::added, ChangeKind::removed, ChangeKind::changed})
        if (text == to_string(kind)) return kind;
    return std::nullopt;
}

RecordKey record_key(std::string_view line, const util::ScannedObject& fields,
                     const std::optional<std::string>& key_path, const Location& where) {
    const ScannedValue* type = fields.find("type");
    if (!type || type->kind == ScannedValue::Kind::null ||
        (type->kind == ScannedValue::Kind::string && type->text.empty()))
        throw Error("missing \"type\"", where);
    if (type->kind != ScannedValue::Kind::string)
        throw Error(std::string("\"type\" must be a string, found ") + type->type_name(), where);
    // Records of a multi-office stream (ppid-crawl --offices) are the same record only within one office.
    std::string office = key_text(fields, "office", false, where).value_or(std::string());
    if (!key_path) return RecordKey{type->text, builtin_key(type->text, fields, where), std::move(office)};
    if (key_path->find('.') != std::string::npos)
        return RecordKey{type->text, dotted_key(line, *key_path, where), std::move(office)};
    auto key = key_text(fields, *key_path, true, where);
    if (!key) throw Error("missing \"" + *key_path + "\" (the --key field)", where);
    return RecordKey{type->text, std::move(*key), std::move(office)};
}

RecordChanges compare_records(const std::string& record_type, Record a, Record b, const DiffOptions& options) {
    for (const auto& path : options.ignore) {
        erase_path(a, path);
        erase_path(b, path);
    }
    if (!options.all_fields) apply_builtin_rules(record_type, a, b);

    RecordChanges changes;
    const FieldList old_fields = compared_fields(a, !options.all_fields);
    const FieldList new_fields = compared_fields(b, !options.all_fields);
    for (const auto& [name, value] : new_fields) {
        const Record* before = lookup(old_fields, name);
        if (!before)
            changes.fields.push_back({name, std::nullopt, *value});
        else if (!same_value(*before, *value))
            changes.fields.push_back({name, *before, *value});
    }
    for (const auto& [name, value] : old_fields)
        if (!lookup(new_fields, name)) changes.fields.push_back({name, *value, std::nullopt});

    if (const char* field = status_field(record_type)) {
        const Record* from = find_path(a, field);
        const Record* to = find_path(b, field);
        const bool moved = from && to ? !same_value(*from, *to) : (from != nullptr) != (to != nullptr);
        if (moved) changes.transition = Transition{field, from ? *from : Record(), to ? *to : Record()};
    }
    return changes;
}

void append_change_json(std::string& out, ChangeKind kind, const RecordKey& key, std::string_view record_text,
                        const RecordChanges* changes) {
    util::JsonObjectText json(out);
    json.string("type", "change");
    if (!key.office.empty()) json.string("office", key.office);
    json.string("change", to_string(kind))
        .string("record_type", key.type)
        .string("key", key.key);
    if (changes) {
        if (const auto& moved = changes->transition) {
            util::JsonObjectText transition(json.raw("transition"));
            transition.string("field", moved->field);
            transition.raw("from") += dump(moved->from);
            transition.raw("to") += dump(moved->to);
            transition.close();
        }
        util::JsonObjectText fields(json.raw("fields"));
        for (const auto& field : changes->fields) {
            util::JsonObjectText sides(fields.raw(field.field));
            if (field.old_value) sides.raw("old") += dump(*field.old_value);
            if (field.new_value) sides.raw("new") += dump(*field.new_value);
            sides.close();
        }
        fields.close();
    }
    json.raw("record") += record_text;
    json.close();
}

DiffCounts diff_files(const std::string& old_path, const std::string& new_path, const DiffOptions& options,
                      Diagnostics& diag, std::ostream& out) {
    if (old_path == "-" && new_path == "-") throw UsageError("OLD and NEW cannot both be standard input");
    check_readable(old_path);
    check_readable(new_path);

    // Each stream gets half the memory: the old one's last buffer is kept while the new one is read.
    util::ExternalSorter old_sorted = make_sorter(options.buffer_size / 2, options);
    util::ExternalSorter new_sorted = make_sorter(options.buffer_size / 2, options);
    read_stream(old_path, options, diag, old_sorted);
    read_stream(new_path, options, diag, new_sorted);

    const auto name = [](const std::string& path) { return path == "-" ? std::string(stdin_name) : path; };
    UniqueStream olds(old_sorted, name(old_path), diag);
    UniqueStream news(new_sorted, name(new_path), diag);
    const auto shown = [&](ChangeKind kind) {
        return options.only.empty() || std::find(options.only.begin(), options.only.end(), kind) != options.only.end();
    };

    JsonlWriter writer(out);
    DiffCounts counts;
    std::string text;
    const auto emit = [&](ChangeKind kind, const Entry& entry, const RecordChanges* changes) {
        text.clear();
        append_change_json(text, kind, entry.id, entry.text, changes);
        writer.write_line(text);
        ++(kind == ChangeKind::added ? counts.added : kind == ChangeKind::removed ? counts.removed : counts.changed);
    };

    Entry before;
    Entry after;
    bool has_before = olds.next(before);
    bool has_after = news.next(after);
    while (has_before || has_after) {
        const int order = !has_before ? 1 : !has_after ? -1 : compare_ids(before.id, after.id);
        if (order < 0) {
            if (shown(ChangeKind::removed)) emit(ChangeKind::removed, before, nullptr);
            has_before = olds.next(before);
        } else if (order > 0) {
            if (shown(ChangeKind::added)) emit(ChangeKind::added, after, nullptr);
            has_after = news.next(after);
        } else {
            if (before.text != after.text && shown(ChangeKind::changed)) {
                const RecordChanges changes =
                    compare_records(after.id.type, parsed(before.text), parsed(after.text), options);
                if (!changes.empty()) emit(ChangeKind::changed, after, &changes);
            }
            has_before = olds.next(before);
            has_after = news.next(after);
        }
    }
    return counts;
}

}  // namespace ppid
