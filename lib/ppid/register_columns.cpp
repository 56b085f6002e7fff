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

Candidate score_row(const std::vector<std::string>& row, RegisterKind kind, const ColumnRules& rules,
                    const HeaderMap& map) {
    Candidate candidate;
    candidate.map.kind = kind;
    std::vector<std::string> taken;
    int evidence = 0;
    for (const auto& cell : row) {
        const std::string header = util::normalize_words(cell);
        std::string field = header.empty() ? "" : rules.field_for(kind, header, map, taken);
        if (!field.empty()) taken.push_back(field);
        candidate.map.fields.push_back(std::move(field));
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
    for (const auto& rule : rules(kind).fields)
        if (free(rule.field) && rule_matches(rule, header)) return rule.field;
    return {};
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
    Candidate best;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        for (const auto candidate_kind : all_kinds) {
            if (kind && *kind != candidate_kind) continue;
            Candidate candidate = score_row(rows[i], candidate_kind, rules, map);
            if (candidate.score > best.score) {  // ties keep the earlier row and kind
                candidate.map.header_row = i;
                best = std::move(candidate);
            }
        }
    }
    if (best.score < 0) return std::nullopt;
    return best.map;
}

}  // namespace ppid
