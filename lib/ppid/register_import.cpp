#include <ppid/indonesian_date.hpp>
#include <ppid/register_import.hpp>
#include <ppid/register_rows.hpp>
#include <ppid/register_table.hpp>
#include <ppid/util/iso_date.hpp>
#include <ppid/util/json_text.hpp>
#include <ppid/util/normalize.hpp>

#include <algorithm>
#include <cmath>

namespace ppid {

namespace {

// Header rows sit near the top, under the office's letterhead and the register's title.
constexpr std::size_t header_search_rows = 30;

// Output key order, so that records read alike whatever the column order of the register.
const std::vector<std::string> request_order{
    "id", "number", "received", "extension_notified", "answered", "decision", "decision_text",
    "rejection_reason", "information", "purpose", "information_status", "information_form",
    "request_kind", "fee", "channel"};
const std::vector<std::string> objection_order{
    "id", "number", "request_id", "received", "reason", "reason_text", "answered", "decision",
    "decision_text", "dispute_filed", "information", "purpose", "atasan", "requester_response"};
const std::vector<std::string> dip_order{"number", "summary", "holder", "responsible", "created",
                                         "format", "retention", "category", "category_text"};
const std::vector<std::string> requester_order{"name", "nik", "address", "contact", "occupation"};
const std::vector<std::string> date_fields{"received", "answered", "extension_notified", "dispute_filed"};

struct CategoryName {
    const char* words;
    const char* category;
};
// The four categories of UU 14/2008 (Pasal 9, 10, 11, 17) as registers write them.
constexpr CategoryName category_names[] = {{"berkala", "berkala"},
                                           {"serta merta", "serta_merta"},
                                           {"sertamerta", "serta_merta"},
                                           {"setiap saat", "setiap_saat"},
                                           {"tersedia setiap saat", "setiap_saat"},
                                           {"dikecualikan", "dikecualikan"}};

std::string two_digits(long value) {
    return (value < 10 ? "0" : "") + std::to_string(value);
}

// A register covers a year; a date further from it is a typing or formula error (3119-07-03), or
// worth a look.
constexpr int years_near_register = 1;

// Returns the date in `cell` (an Excel serial or written text), or nullopt when it holds none.
std::optional<date::sys_days> cell_date(const TableCell& cell) {
    if (cell.excel_serial) return excel_serial_to_date(*cell.excel_serial);
    return parse_written_date(cell.text).day;
}

// Returns the year most data rows' (from `first`) `key_column` dates fall in (the earliest on a
// tie), or nullopt.
std::optional<int> register_year(const std::vector<TableRow>& rows, std::size_t first, std::size_t key_column) {
    std::vector<std::pair<int, std::size_t>> counts;
    for (std::size_t i = first; i < rows.size(); ++i) {
        const TableRow& row = rows[i];
        if (key_column >= row.cells.size() || row.cells[key_column].text.empty()) continue;
        const auto day = cell_date(row.cells[key_column]);
        if (!day) continue;
        const int year = static_cast<int>(date::year_month_day(*day).year());
        const auto it = std::find_if(counts.begin(), counts.end(), [&](const auto& count) { return count.first == year; });
        if (it == counts.end()) counts.emplace_back(year, 1);
        else ++it->second;
    }
    if (counts.empty()) return std::nullopt;
    std::sort(counts.begin(), counts.end());
    return std::max_element(counts.begin(), counts.end(), [](const auto& a, const auto& b) { return a.second < b.second; })->first;
}

// Returns the cell's date as ISO text ("2023-08-29", or "2023-08-29T14:05" with a time).
std::string read_date(const TableCell& cell, const std::string& header, const Location& where, Diagnostics& diag,
                      std::optional<int> year) {
    std::optional<date::sys_days> day;
    std::optional<std::chrono::minutes> time;
    if (cell.excel_serial) {
        day = excel_serial_to_date(*cell.excel_serial);
        if (!day) throw Error("column \"" + header + "\": " + cell.text + " is not a date Excel can show", where);
        const double fraction = *cell.excel_serial - std::floor(*cell.excel_serial);
        const auto minutes = std::lround(fraction * 24 * 60);
        if (minutes > 0 && minutes < 24 * 60) time = std::chrono::minutes{minutes};
    } else {
        const WrittenDate written = parse_written_date(cell.text);
        if (!written.day) throw Error("column \"" + header + "\": " + written.error, where);
        if (!written.warning.empty()) diag.warning(where, "column \"" + header + "\": " + written.warning);
        day = written.day;
        time = written.time_of_day;
    }
    std::string text = util::format_iso_date(*day);
    if (year && std::abs(static_cast<int>(date::year_month_day(*day).year()) - *year) > years_near_register)
        diag.warning(where, "column \"" + header + "\": " + text + " is far from the register's year " +
                                std::to_string(*year) + " (a typing or formula error?)");
    if (time) text += "T" + two_digits(time->count() / 60) + ":" + two_digits(time->count() % 60);
    return text;
}

// A row's fields by name: a handful, so a flat list beats a map.
class Values {
public:
    void set(const std::string& key, std::string value) {
        for (auto& [k, v] : items_)
            if (k == key) {
                v = std::move(value);
                return;
            }
        items_.emplace_back(key, std::move(value));
    }
    const std::string* get(const std::string& key) const {
        for (const auto& [k, v] : items_)
            if (k == key) return &v;
        return nullptr;
    }
    void erase(const std::string& key) {
        items_.erase(std::remove_if(items_.begin(), items_.end(), [&](const auto& item) { return item.first == key; }),
                     items_.end());
    }
    bool empty() const { return items_.empty(); }

private:
    std::vector<std::pair<std::string, std::string>> items_;
};

// Builds one record from a data row; throws Error for a row that cannot become a record.
class RowReader {
public:
    // `id_prefix` names the rows of a register with no number column ("register.csv:").
    RowReader(RegisterKind kind, const std::vector<std::string>& fields, const std::vector<std::string>& headers,
              const DecisionTexts& decisions, std::string source, std::string id_prefix, std::optional<int> year)
        : kind_(kind), fields_(fields), headers_(headers), decisions_(decisions), source_(std::move(source)),
          id_prefix_(std::move(id_prefix)), year_(year) {}

    // Returns the row as one JSON object's text, keys in the fixed order of its kind.
    std::string read(const TableRow& row, const Location& where, Diagnostics& diag) const {
        Values values;
        Values requester;
        std::vector<std::string> flags;
        for (std::size_t column = 0; column < fields_.size() && column < row.cells.size(); ++column) {
            const std::string& field = fields_[column];
            const TableCell& cell = row.cells[column];
            if (field.empty() || cell.text.empty()) continue;
            if (field.rfind("requester.", 0) == 0) {
                requester.set(field.substr(10), cell.text);
            } else if (std::find(date_fields.begin(), date_fields.end(), field) != date_fields.end()) {
                values.set(field, read_date(cell, headers_[column], where, diag, year_));
            } else {
                values.set(field, cell.text);
            }
        }
        if (kind_ != RegisterKind::dip && !values.get("received"))
            throw Error("no receipt date (column \"" + header_of("received") + "\" is empty)", where);
        if (kind_ == RegisterKind::dip && !values.get("summary"))
            throw Error("no summary (column \"" + header_of("summary") + "\" is empty)", where);
        interpret(values, flags, where, diag);

        std::string text;
        util::JsonObjectText json(text);
        json.string("type", kind_ == RegisterKind::dip ? "dip_entry" : to_string(kind_));
        if (kind_ != RegisterKind::dip) {
            const std::string* id = values.get("id") ? values.get("id") : values.get("number");
            json.string("id", id ? *id : id_prefix_ + std::to_string(where.line));
        }
        const auto& order = kind_ == RegisterKind::request ? request_order : kind_ == RegisterKind::objection ? objection_order : dip_order;
        for (const auto& key : order) {
            const bool number_is_id = key == "number" && !values.get("id") && kind_ != RegisterKind::dip;
            if (key == "id" || number_is_id) continue;
            if (const std::string* value = values.get(key)) json.string(key, *value);
        }
        if (!requester.empty()) {
            util::JsonObjectText person(json.raw("requester"));
            for (const auto& key : requester_order)
                if (const std::string* value = requester.get(key)) person.string(key, *value);
            person.close();
        }
        if (!flags.empty()) {
            std::string& out = json.raw("flags");
            out += '[';
            for (std::size_t i = 0; i < flags.size(); ++i) {
                if (i) out += ',';
                util::append_json_string(out, flags[i]);
            }
            out += ']';
        }
        util::JsonObjectText source(json.raw("source"));
        source.string("file", source_).number("line", static_cast<long long>(where.line)).close();
        json.close();
        return text;
    }

private:
    std::string header_of(const std::string& field) const {
        for (std::size_t i = 0; i < fields_.size(); ++i)
            if (fields_[i] == field) return headers_[i];
        return field;
    }

    // Free text to record values: decisions, objection reasons, DIP categories. Text that is
    // not recognised is kept verbatim and flagged, never guessed.
    void interpret(Values& values, std::vector<std::string>& flags, const Location& where, Diagnostics& diag) const {
        if (const std::string* decision_cell = values.get("decision")) {
            const std::string text = *decision_cell;
            const auto decision = kind_ == RegisterKind::objection ? decisions_.objection_decision(text)
                                                                   : decisions_.request_decision(text);
            if (decision) {
                values.set("decision", *decision);
            } else {
                values.erase("decision");
                values.set("decision_text", text);
                flags.emplace_back("unknown_decision");
                diag.warning(where, "decision \"" + text + "\" not recognised; kept as decision_text");
            }
        }
        if (const std::string* reason_cell = values.get("reason")) {
            const std::string text = *reason_cell;
            if (const auto letter = decisions_.objection_reason(text)) {
                values.set("reason", std::string(1, *letter));
                if (text.size() > 1) values.set("reason_text", text);
            } else {
                values.erase("reason");
                values.set("reason_text", text);
                flags.emplace_back("unknown_reason");
                diag.warning(where, "objection reason \"" + text + "\" is not one of Pasal 35(1) a to g; kept as reason_text");
            }
        }
        if (const std::string* category_cell = values.get("category")) {
            const std::string text = *category_cell;
            const std::string words = util::normalize_words(text);
            const auto known = std::find_if(std::begin(category_names), std::end(category_names),
                                            [&](const CategoryName& name) { return words.find(name.words) != std::string::npos; });
            if (known != std::end(category_names)) {
                values.set("category", known->category);
            } else {
                values.erase("category");
                values.set("category_text", text);
                flags.emplace_back("unknown_category");
                diag.warning(where, "category \"" + text + "\" is not berkala, serta merta, setiap saat or dikecualikan; kept as category_text");
            }
        }
    }

    RegisterKind kind_;
    const std::vector<std::string>& fields_;
    const std::vector<std::string>& headers_;
    const DecisionTexts& decisions_;
    std::string source_;
    std::string id_prefix_;
    std::optional<int> year_;
};

}  // namespace

RegisterRules RegisterRules::load(const std::filesystem::path& data_dir) {
    return {ColumnRules::load(data_dir / "registers" / "columns.json"),
            DecisionTexts::load(data_dir / "registers" / "decisions.json")};
}


namespace {

// Where the rows of one table are reported: the file, and the sheet when the workbook has several.
struct TableSource {
    std::string file;    // as records name it
    std::string prefix;  // before every message: "sheet \"Register Keberatan\": ", or ""
};

// Reads the records of one table whose header `columns` found.
void import_table(const Table& table, const ColumnMap& columns, const TableSource& source, const ImportOptions& options,
                  const RegisterRules& rules, Diagnostics& diag, const std::function<void(std::string_view)>& emit) {
    const std::vector<std::string>& headers = columns.headers;
    const std::size_t header_end = columns.header_row + columns.header_rows;
    std::string unrecognised;
    for (std::size_t column = 0; column < headers.size(); ++column)
        if (!headers[column].empty() && (column >= columns.fields.size() || columns.fields[column].empty()) &&
            unrecognised.find("\"" + headers[column] + "\"") == std::string::npos)  // a merged header once
            unrecognised += (unrecognised.empty() ? "\"" : ", \"") + headers[column] + "\"";
    if (!unrecognised.empty())
        diag.warning(Location{source.file, table.rows[columns.header_row].line},
                     source.prefix + "columns not recognised, left out: " + unrecognised + " (see --map)");
    const std::string key_field = columns.kind == RegisterKind::dip ? "summary" : "received";
    const auto key_column = static_cast<std::size_t>(
        std::find(columns.fields.begin(), columns.fields.end(), key_field) - columns.fields.begin());
    const std::vector<TableRow>& rows = table.rows;  // the data rows start at header_end
    const std::optional<int> year =
        columns.kind == RegisterKind::dip ? std::nullopt : register_year(rows, header_end, key_column);
    const std::string id_prefix = source.file + ":" + (source.prefix.empty() ? "" : table.sheet + ":");
    const RowReader reader(columns.kind, columns.fields, headers, rules.decisions, source.file, id_prefix, year);

    // A table ends only after its last row that reads as a record: a sheet of monthly blocks, each
    // with its signature, goes on after the first block.
    const bool records_have_dates = columns.kind != RegisterKind::dip;
    std::size_t last_record = header_end;
    for (std::size_t i = rows.size(); i-- > header_end;) {
        const TableRow& row = rows[i];
        const bool key = key_column < row.cells.size() && !row.cells[key_column].text.empty() &&
                         (!records_have_dates || cell_date(row.cells[key_column]));
        if (key && !ends_table(row, key_column, rules.columns.table_end_starts())) {
            last_record = i;
            break;
        }
    }

    bool data_seen = false;
    for (std::size_t i = header_end; i < rows.size(); ++i) {
        const TableRow& row = rows[i];
        const Location where{source.file, row.line};
        // Under the header: its second row when it was read as one, then the column numbers.
        if (i == header_end && is_header_continuation(row, headers, records_have_dates)) continue;
        if (i < header_end + 2 && is_column_number_row(row)) continue;
        if (data_seen && i > last_record && ends_table(row, key_column, rules.columns.table_end_starts())) {
            if (options.note)
                options.note(where, source.prefix + "the table ends here (a signature block, a note or empty rows): " +
                                        std::to_string(rows.size() - i) + " rows from here on are not read");
            break;
        }
        if (is_total_or_heading_row(row, key_column)) continue;
        if (i < last_record && is_signature_or_note_row(row, rules.columns.table_end_starts())) continue;  // a block's signature
        data_seen = true;
        if (const auto cut = std::find_if(row.cells.begin(), row.cells.end(), [](const TableCell& cell) { return cell.cut; });
            cut != row.cells.end()) {
            diag.error(where, source.prefix + "a cell of more than a register's " + std::to_string(max_register_cell_bytes) +
                                  " bytes: the row is left out");
            continue;
        }
        std::string record;
        try {
            record = reader.read(row, where, diag);
        } catch (const Error& e) {
            diag.error(e.where(), source.prefix + e.what());
            continue;
        }
        emit(record);
    }
    if (table.truncated) diag.error(table.truncated->where(), table.truncated->what());
}

}  // namespace

void import_register(const std::string& path, const ImportOptions& options, const RegisterRules& rules,
                     Diagnostics& diag, const std::function<void(std::string_view)>& emit) {
    const std::vector<Table> tables = read_register_tables(path, options.sheet);
    const std::string file = path == "-" ? stdin_name : path;
    // Every sheet is looked at unless one was named: the objection register usually sits on the
    // second sheet. A sheet with no register header (a cover, a chart's data) is passed over.
    const bool every_sheet = !options.sheet && tables.size() > 1;
    bool any_rows = false, any_register = false;
    for (const Table& table : tables) {
        if (table.rows.empty()) continue;  // an empty export or sheet is not an error: nothing was registered
        any_rows = true;
        const TableSource source{file, every_sheet ? "sheet \"" + table.sheet + "\": " : ""};
        if (options.note && !table.notes.empty()) options.note(Location{file, 0}, "read " + table.notes);
        std::vector<std::vector<std::string>> top;
        for (std::size_t i = 0; i < table.rows.size() && i < header_search_rows; ++i) {
            std::vector<std::string> texts;
            for (const auto& cell : table.rows[i].cells) texts.push_back(cell.text);
            top.push_back(std::move(texts));
        }
        const auto columns = find_columns(top, options.kind, rules.columns, options.map);
        if (!columns) {
            if (every_sheet) {
                if (options.note) options.note(Location{file, 0}, source.prefix + "no register header: the sheet is passed over");
                continue;
            }
            const std::string kind = options.kind ? std::string(to_string(*options.kind)) + " " : "";
            throw Error("no " + kind + "register header row found in the first " + std::to_string(header_search_rows) +
                            " rows (see --kind and --map)", Location{file, 0});
        }
        any_register = true;
        import_table(table, *columns, source, options, rules, diag, emit);
    }
    if (every_sheet && any_rows && !any_register) {
        const std::string kind = options.kind ? std::string(to_string(*options.kind)) + " " : "";
        throw Error("no " + kind + "register header row found in the first " + std::to_string(header_search_rows) +
                        " rows of any sheet (see --sheet, --kind and --map)", Location{file, 0});
    }
}

}  // namespace ppid
