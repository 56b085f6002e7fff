#include <ppid/error.hpp>
#include <ppid/jsonl.hpp>
#include <ppid/register_columns.hpp>
#include <ppid/util/normalize.hpp>

#include <algorithm>

namespace ppid {

namespace {

constexpr RegisterKind all_kinds[] = {RegisterKind::request, RegisterKind::objection, RegisterKind::dip};
constexpr int evidence_weight = 3;

std::vector<std::string> strings(const nlohmann::json& value, const Location& where) {
    if (!value.is_array()) throw Error("expected a list of strings", where);
    std::vector<std::string> result;
    for (const auto& item : value) {
        if (!item.is_string()) throw Error("expected a list of strings", where);
        result.push_back(util::normalize_words(item.get<std::string>()));
    }
    return result;
}

bool rule_matches(const ColumnRule& rule, std::string_view header) {
    if (std::find(rule.headers.begin(), rule.headers.end(), header) != rule.headers.end()) return true;
    return std::any_of(rule.contains.begin(), rule.contains.end(),
                       [&](const std::vector<std::string>& words) { return util::has_all_words(header, words); });
}

struct Candidate {
    ColumnMap map;
    int score = -1;
};

// One column's header: as written, and the normalized names to match, in order.
struct HeaderCell {
    std::string text;
    std::vector<std::string> names;
};

std::vector<HeaderCell> one_row_header(const std::vector<std::string>& row) {
    std::vector<HeaderCell> cells;
    for (const auto& text : row) cells.push_back({text, {util::normalize_words(text)}});
    return cells;
}

// A group cell stands over the sub-cells to its right until an upper cell or a column with
// neither ends it: merged cells exported as CSV (or read from .xls) leave the group's other
// upper cells empty, while .xlsx and .ods fill them.
std::vector<HeaderCell> two_row_header(const std::vector<std::string>& upper, const std::vector<std::string>& lower) {
    std::vector<HeaderCell> cells;
    std::string group;
    for (std::size_t column = 0; column < std::max(upper.size(), lower.size()); ++column) {
        const std::string up = column < upper.size() ? upper[column] : "";
        const std::string low = column < lower.size() ? lower[column] : "";
        if (!up.empty()) group = up;
        else if (low.empty()) group.clear();
        const std::string over = up.empty() && !low.empty() ? group : up;
        if (low.empty() || util::normalize_words(low) == util::normalize_words(over))
            cells.push_back({over, {util::normalize_words(over)}});
        else if (over.empty())
            cells.push_back({low, {util::normalize_words(low)}});
        else
            cells.push_back({over + " " + low, {util::normalize_words(low), util::normalize_words(over + " " + low)}});
    }
    return cells;
}

Candidate score_row(const std::vector<HeaderCell>& row, RegisterKind kind, const ColumnRules& rules,
                    const HeaderMap& map) {
    Candidate candidate;
    candidate.map.kind = kind;
    std::vector<std::string> taken;
    int evidence = 0;
    for (const auto& cell : row) {
        std::string field;
        for (const auto& name : cell.names)
            if (field.empty() && !name.empty()) field = rules.field_for(kind, name, map, taken);
        if (!field.empty()) taken.push_back(field);
        candidate.map.fields.push_back(std::move(field));
        candidate.map.headers.push_back(cell.text);
        // Evidence comes from the cell's own words, not a group's: a title merged over the whole
        // header ("REGISTER KEBERATAN") must not count once per column.
        const std::string header = rules.spelled_out(cell.names.front());
        for (const auto& word : rules.rules(kind).evidence)
            if (util::has_all_words(header, {word})) ++evidence;
    }
    for (const auto& required : rules.rules(kind).required)
        if (std::find(taken.begin(), taken.end(), required) == taken.end()) return candidate;
    // A lone matching cell (a title line that says "Tanggal") is not a header row.
    if (taken.size() < 2) return candidate;
    candidate.score = static_cast<int>(taken.size()) + evidence_weight * evidence;
    return candidate;
}

}  // namespace

std::string_view to_string(RegisterKind kind) {
    switch (kind) {
        case RegisterKind::request: return "request";
        case RegisterKind::objection: return "objection";
        case RegisterKind::dip: return "dip";
    }
    return "unknown";
}

std::optional<RegisterKind> parse_register_kind(std::string_view name) {
    for (const auto kind : all_kinds)
        if (to_string(kind) == name) return kind;
    return std::nullopt;
}

ColumnRules ColumnRules::load(const std::filesystem::path& columns_json) {
    const Location where{columns_json.string(), 0};
    const auto document = read_json_file(columns_json, "register column rules");
    ColumnRules result;
    for (const auto kind : all_kinds) {
        const auto it = document.at("kinds").find(std::string(to_string(kind)));
        if (it == document.at("kinds").end()) throw Error("no rules for " + std::string(to_string(kind)) + " registers", where);
        KindRules rules;
        rules.kind = kind;
        rules.required = it->value("required", std::vector<std::string>{});
        rules.evidence = strings(it->value("evidence", nlohmann::json::array()), where);
        for (const auto& entry : it->at("fields")) {
            ColumnRule rule;
            rule.field = entry.at("field").get<std::string>();
            rule.headers = strings(entry.value("headers", nlohmann::json::array()), where);
            for (const auto& words : entry.value("contains", nlohmann::json::array()))
                rule.contains.push_back(strings(words, where));
            rules.fields.push_back(std::move(rule));
        }
        result.kinds_.push_back(std::move(rules));
    }
    if (const auto end = document.find("table_end"); end != document.end())
        result.table_end_starts_ = strings(end->at("starts"), where);
    if (const auto abbreviations = document.find("abbreviations"); abbreviations != document.end()) {
        for (const auto& item : abbreviations->items()) {
            if (!item.value().is_string()) throw Error("abbreviations: \"" + item.key() + "\" must be a string", where);
            result.abbreviations_.emplace_back(util::normalize_words(item.key()),
                                               util::normalize_words(item.value().get<std::string>()));
        }
    }
    return result;
}

const KindRules& ColumnRules::rules(RegisterKind kind) const {
    return kinds_.at(static_cast<std::size_t>(kind));
}

std::string ColumnRules::field_for(RegisterKind kind, std::string_view header, const HeaderMap& map,
                                   const std::vector<std::string>& taken) const {
    const auto free = [&](const std::string& field) {
        return std::find(taken.begin(), taken.end(), field) == taken.end();
    };
    for (const auto& [mapped_header, field] : map)
        if (mapped_header == header && free(field)) return field;
    const std::string spelled = spelled_out(header);
    for (const auto& rule : rules(kind).fields)
        if (free(rule.field) && rule_matches(rule, spelled)) return rule.field;
    return {};
}

std::string ColumnRules::spelled_out(std::string_view header) const {
    std::string result;
    for (const auto word : util::split_words(header)) {
        const auto known = std::find_if(abbreviations_.begin(), abbreviations_.end(),
                                        [&](const auto& abbreviation) { return abbreviation.first == word; });
        if (!result.empty()) result += ' ';
        result += known != abbreviations_.end() ? std::string_view(known->second) : word;
    }
    return result;
}

HeaderMap load_header_map(const std::filesystem::path& path, const ColumnRules& rules) {
    const Location where{path.string(), 0};
    const auto document = read_json_file<nlohmann::ordered_json>(path, "column map");
    if (!document.is_object()) throw Error("a column map is a JSON object {\"Header\": \"field\"}", where);
    HeaderMap map;
    for (const auto& item : document.items()) {
        if (!item.value().is_string()) throw Error("\"" + item.key() + "\": the field must be a string", where);
        const std::string field = item.value().get<std::string>();
        bool known = false;
        for (const auto kind : all_kinds)
            for (const auto& rule : rules.rules(kind).fields) known = known || rule.field == field;
        if (!known) throw Error("\"" + item.key() + "\": unknown field \"" + field + "\"", where);
        map.emplace_back(util::normalize_words(item.key()), field);
    }
    return map;
}

std::optional<ColumnMap> find_columns(const std::vector<std::vector<std::string>>& rows,
                                      std::optional<RegisterKind> kind, const ColumnRules& rules,
                                      const HeaderMap& map) {
    // The best one-row header, then the best two-row one, which must do better: a title merged
    // over a one-row header reads the same with it, and a header row reads best as written.
    Candidate best[2];
    for (const std::size_t height : {1, 2}) {
        for (std::size_t i = 0; i + height <= rows.size(); ++i) {
            const auto header = height == 1 ? one_row_header(rows[i]) : two_row_header(rows[i], rows[i + 1]);
            for (const auto candidate_kind : all_kinds) {
                if (kind && *kind != candidate_kind) continue;
                Candidate candidate = score_row(header, candidate_kind, rules, map);
                if (candidate.score > best[height - 1].score) {  // ties keep the earlier row and kind
                    candidate.map.header_row = i;
                    candidate.map.header_rows = height;
                    best[height - 1] = std::move(candidate);
                }
            }
        }
    }
    const Candidate& chosen = best[1].score > best[0].score ? best[1] : best[0];
    if (chosen.score < 0) return std::nullopt;
    return chosen.map;
}

}  // namespace ppid
