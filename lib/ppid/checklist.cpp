#include <ppid/checklist.hpp>
#include <ppid/error.hpp>
#include <ppid/jsonl.hpp>
#include <ppid/util/one_of.hpp>

#include <date/date.h>

#include <algorithm>
#include <set>

namespace ppid {

namespace {

using Json = nlohmann::json;

// Reads one checklist file; every message names the file and the item.
class ChecklistReader {
public:
    explicit ChecklistReader(std::string source) : source_(std::move(source)) {}

    [[noreturn]] void fail(const std::string& where, const std::string& message) const {
        throw Error(where + ": " + message, Location{source_, 0});
    }

    void only_keys(const Json& object, std::initializer_list<const char*> allowed, const std::string& where) const {
        if (!object.is_object()) fail(where, "must be an object");
        for (const auto& member : object.items())
            if (!util::is_one_of(member.key(), allowed)) fail(where, "unknown key \"" + member.key() + "\"");
    }

    std::string text(const Json& object, const char* key, const std::string& where, bool required = true) const {
        const auto it = object.find(key);
        if (it == object.end()) {
            if (required) fail(where, std::string("needs \"") + key + "\"");
            return {};
        }
        if (!it->is_string() || (required && it->get<std::string>().empty()))
            fail(where, std::string("\"") + key + "\" must be a non-empty string");
        return it->get<std::string>();
    }

    std::vector<std::string> texts(const Json& object, const char* key, const std::string& where, bool required) const {
        const auto it = object.find(key);
        if (it == object.end()) {
            if (required) fail(where, std::string("needs \"") + key + "\"");
            return {};
        }
        if (!it->is_array() || (required && it->empty()))
            fail(where, std::string("\"") + key + "\" must be a non-empty list of strings");
        std::vector<std::string> result;
        for (const auto& value : *it) {
            if (!value.is_string() || value.get<std::string>().empty())
                fail(where, std::string("\"") + key + "\" must hold non-empty strings");
            result.push_back(value.get<std::string>());
        }
        return result;
    }

    UpdateCycle cycle(const Json& value, const std::string& where) const {
        UpdateCycle cycle;
        if (value.is_string()) {
            const auto label = value.get<std::string>();
            if (label == "once") return cycle;
            if (label.size() >= 2 && label.back() == 'M' &&
                std::all_of(label.begin(), label.end() - 1, [](char c) { return c >= '0' && c <= '9'; })) {
                cycle.kind = UpdateCycle::Kind::months;
                cycle.months = std::stoi(label.substr(0, label.size() - 1));
                if (cycle.months >= 1 && cycle.months <= 60) return cycle;
            }
            fail(where, "\"cycle\" must be \"once\", \"NM\" (months, 1 to 60) or {\"per\": \"year\", ...}");
        }
        only_keys(value, {"per", "due", "due_year", "assumed", "grace_days"}, where + ".cycle");
        if (text(value, "per", where + ".cycle") != "year") fail(where + ".cycle", "\"per\" must be \"year\"");
        const auto due = text(value, "due", where + ".cycle");
        const bool shaped = due.size() == 5 && due[2] == '-' &&
                            std::all_of(due.begin(), due.end(), [](char c) { return c == '-' || (c >= '0' && c <= '9'); });
        cycle.kind = UpdateCycle::Kind::yearly;
        cycle.due_month = shaped ? static_cast<unsigned>(std::stoi(due.substr(0, 2))) : 0;
        cycle.due_day = shaped ? static_cast<unsigned>(std::stoi(due.substr(3, 2))) : 0;
        // 29 February would not exist in most years: not allowed.
        if (!shaped || !(date::month{cycle.due_month} / date::day{cycle.due_day}).ok() ||
            (cycle.due_month == 2 && cycle.due_day == 29))
            fail(where + ".cycle", "\"due\" must be a day of the year MM-DD, not " + due);
        const auto year = text(value, "due_year", where + ".cycle");
        if (year != "next" && year != "same") fail(where + ".cycle", "\"due_year\" must be \"next\" or \"same\"");
        cycle.due_next_year = year == "next";
        if (value.contains("assumed")) {
            if (!value["assumed"].is_boolean()) fail(where + ".cycle", "\"assumed\" must be true or false");
            cycle.assumed = value["assumed"].get<bool>();
        }
        if (value.contains("grace_days")) {
            const auto& grace = value["grace_days"];
            if (!grace.is_number_integer() || grace.get<int>() < 0 || grace.get<int>() > 365)
                fail(where + ".cycle", "\"grace_days\" must be a whole number from 0 to 365");
            cycle.grace_days = grace.get<int>();
        }
        return cycle;
    }

    ChecklistItem item(const Json& value, std::size_t index) const {
        const std::string at = "items[" + std::to_string(index) + "]";
        if (!value.is_object()) fail(at, "must be an object");
        const std::string where = value.contains("id") && value["id"].is_string() ? value["id"].get<std::string>() : at;
        only_keys(value,
                  {"id", "category", "title", "title_en", "basis", "source", "confidence", "cycle", "weight", "applies",
                   "match", "upload", "upload_en", "examples", "evidence", "cycle_note", "ahead"},
                  where);
        ChecklistItem item;
        item.id = text(value, "id", where);
        item.category = text(value, "category", where);
        if (!util::is_one_of(item.category, checklist_categories()))
            fail(where, "unknown category \"" + item.category + "\"");
        item.title = text(value, "title", where);
        item.title_en = text(value, "title_en", where);
        item.basis = text(value, "basis", where);
        item.source = text(value, "source", where);
        item.confidence = text(value, "confidence", where);
        static const char* const confidences[] = {"primary", "official", "secondary", "unconfirmed"};
        if (!util::is_one_of(item.confidence, confidences))
            fail(where, "\"confidence\" must be primary, official, secondary or unconfirmed");
        if (!value.contains("cycle")) fail(where, "needs \"cycle\"");
        item.cycle = cycle(value["cycle"], where);
        if (!value.contains("weight") || !value["weight"].is_number_integer() || value["weight"].get<int>() < 0 ||
            value["weight"].get<int>() > 100)
            fail(where, "\"weight\" must be a whole number from 0 to 100");
        item.weight = value["weight"].get<int>();
        const auto applies = text(value, "applies", where, false);
        if (applies == "election_stage") item.applies = Applies::election_stage;
        else if (!applies.empty() && applies != "always")
            fail(where, "\"applies\" must be \"always\" or \"election_stage\"");
        if (!value.contains("match")) fail(where, "needs \"match\"");
        const auto& match = value["match"];
        only_keys(match, {"keywords", "not", "sections"}, where + ".match");
        item.match.keywords = texts(match, "keywords", where + ".match", true);
        item.match.exclude = texts(match, "not", where + ".match", false);
        item.match.sections = texts(match, "sections", where + ".match", false);
        if (value.contains("evidence")) {
            item.evidence.clear();
            for (const auto& name : texts(value, "evidence", where, true)) {
                const auto kind = parse_evidence_kind(name);
                if (!kind) fail(where, "\"evidence\" must list document, page or form, not \"" + name + "\"");
                if (*kind == EvidenceKind::mention)
                    fail(where, "\"evidence\" cannot accept a mention: a page that only names the item does not publish it");
                if (std::find(item.evidence.begin(), item.evidence.end(), *kind) == item.evidence.end())
                    item.evidence.push_back(*kind);
            }
        }
        item.cycle_note = text(value, "cycle_note", where, false);
        if (value.contains("ahead")) {
            if (!value["ahead"].is_boolean()) fail(where, "\"ahead\" must be true or false");
            if (item.cycle.kind != UpdateCycle::Kind::months) fail(where, "\"ahead\" needs a cycle of months (\"6M\")");
            item.cycle.ahead = value["ahead"].get<bool>();
        }
        item.upload = text(value, "upload", where);
        item.upload_en = text(value, "upload_en", where);
        if (!value.contains("examples")) fail(where, "needs \"examples\" (titles that match and titles that do not)");
        only_keys(value["examples"], {"match", "no_match"}, where + ".examples");
        item.positive_examples = texts(value["examples"], "match", where + ".examples", true);
        item.negative_examples = texts(value["examples"], "no_match", where + ".examples", true);
        return item;
    }

private:
    std::string source_;
};

bool removed(const std::vector<std::string>& patterns, const std::string& id) {
    return std::any_of(patterns.begin(), patterns.end(), [&](const std::string& pattern) {
        if (pattern.size() > 2 && pattern.compare(pattern.size() - 2, 2, ".*") == 0)
            return id.compare(0, pattern.size() - 1, pattern, 0, pattern.size() - 1) == 0;
        return pattern == id;
    });
}

}  // namespace

std::string UpdateCycle::label() const {
    switch (kind) {
        case Kind::once: return "once";
        case Kind::months: return std::to_string(months) + "M";
        case Kind::yearly: return "1Y";
    }
    return "once";
}

std::string Checklist::basis_of(const ChecklistItem& item) const {
    return basis.empty() ? item.basis : item.basis + "; " + basis;
}

const ChecklistItem* Checklist::find(std::string_view id) const {
    for (const auto& item : items)
        if (item.id == id) return &item;
    return nullptr;
}

const std::vector<std::string>& checklist_categories() {
    static const std::vector<std::string> categories{"layanan",     "berkala",      "serta_merta",
                                                     "setiap_saat", "dikecualikan", "pemilu"};
    return categories;
}

std::filesystem::path resolve_data_file(const std::filesystem::path& data_folder, const std::string& name_or_file,
                                        const std::string& prefix) {
    const bool is_path = name_or_file.find('/') != std::string::npos ||
                         (name_or_file.size() > 5 && name_or_file.compare(name_or_file.size() - 5, 5, ".json") == 0);
    return is_path ? std::filesystem::path(name_or_file) : data_folder / (prefix + name_or_file + ".json");
}

Checklist parse_checklist(const Json& document, const std::string& source,
                          const std::function<Checklist(const std::string&)>& load_base) {
    const ChecklistReader reader(source);
    reader.only_keys(document, {"checklist", "title", "title_en", "note", "basis", "base", "remove", "items"},
                     "checklist");
    Checklist checklist;
    checklist.name = reader.text(document, "checklist", "checklist");
    checklist.title = reader.text(document, "title", "checklist");
    checklist.title_en = reader.text(document, "title_en", "checklist");
    const auto base = reader.text(document, "base", "checklist", false);
    const auto remove = reader.texts(document, "remove", "checklist", false);
    if (!base.empty()) {
        auto loaded = load_base(base);
        checklist.basis = std::move(loaded.basis);
        for (auto& item : loaded.items)
            if (!removed(remove, item.id)) checklist.items.push_back(std::move(item));
    } else if (!remove.empty()) {
        reader.fail("checklist", "\"remove\" needs a \"base\"");
    }
    if (document.contains("basis")) checklist.basis = reader.text(document, "basis", "checklist", false);
    if (!document.contains("items") || !document["items"].is_array())
        reader.fail("checklist", "needs \"items\", a list");
    std::set<std::string> own_ids;
    std::size_t index = 0;
    for (const auto& value : document["items"]) {
        auto item = reader.item(value, index++);
        if (!own_ids.insert(item.id).second) reader.fail(item.id, "duplicate item id");
        const auto same = std::find_if(checklist.items.begin(), checklist.items.end(),
                                       [&](const ChecklistItem& other) { return other.id == item.id; });
        if (same != checklist.items.end()) *same = std::move(item);
        else checklist.items.push_back(std::move(item));
    }
    if (checklist.items.empty()) reader.fail("checklist", "has no items");
    return checklist;
}

namespace {

Checklist load_checklist_at_depth(const std::filesystem::path& checklists_dir, const std::string& name_or_file,
                                  int depth) {
    const auto path = resolve_data_file(checklists_dir, name_or_file);
    const auto document = read_json_file(path, "checklist");
    return parse_checklist(document, path.string(), [&](const std::string& base) {
        // A base of a base is fine; a longer chain is almost certainly a loop.
        if (depth >= 4) throw Error("checklist bases nest too deep (a loop?)", Location{path.string(), 0});
        return load_checklist_at_depth(checklists_dir, base, depth + 1);
    });
}

}  // namespace

Checklist load_checklist(const std::filesystem::path& checklists_dir, const std::string& name_or_file) {
    return load_checklist_at_depth(checklists_dir, name_or_file, 0);
}

}  // namespace ppid
