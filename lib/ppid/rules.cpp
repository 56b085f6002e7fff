#include <ppid/jsonl.hpp>
#include <ppid/rules.hpp>

#include <vector>

namespace ppid {

namespace fs = std::filesystem;

namespace {

constexpr std::array<Stage, 6> all_stages{Stage::response,           Stage::extension,
                                          Stage::objection_window,   Stage::objection_response,
                                          Stage::dispute_filing,     Stage::dispute_resolution};

std::string text(const nlohmann::json& object, const char* key, const Location& where, const std::string& stage) {
    const auto it = object.find(key);
    if (it == object.end() || !it->is_string())
        throw Error("stage \"" + stage + "\" needs text \"" + key + "\"", where);
    return it->get<std::string>();
}

// Reads one stage; `fallback` is filled with the regime to borrow numbers from, if any.
StageRule read_stage(const nlohmann::json& object, Stage stage, const std::string& regime, const Location& where,
                     std::string& fallback) {
    const std::string name{to_string(stage)};
    StageRule rule;
    rule.stage = stage;
    rule.regime = regime;
    rule.numbers_from = regime;
    rule.basis = text(object, "basis", where, name);
    rule.confidence = text(object, "confidence", where, name);
    rule.source = object.value("source", "");
    if (object.contains("fallback")) {
        fallback = text(object, "fallback", where, name);
        return rule;
    }
    const auto days = object.find("days");
    if (days == object.end() || !days->is_number_integer() || days->get<int>() < 0)
        throw Error("stage \"" + name + "\" needs a whole number of \"days\"", where);
    rule.days = days->get<int>();
    const std::string unit = text(object, "unit", where, name);
    if (unit != "working" && unit != "calendar")
        throw Error("stage \"" + name + "\": unit must be \"working\" or \"calendar\"", where);
    rule.unit = unit == "working" ? DayUnit::working : DayUnit::calendar;
    rule.start = text(object, "start", where, name);
    return rule;
}

}  // namespace

std::string_view to_string(Stage stage) {
    switch (stage) {
        case Stage::response: return "response";
        case Stage::extension: return "extension";
        case Stage::objection_window: return "objection_window";
        case Stage::objection_response: return "objection_response";
        case Stage::dispute_filing: return "dispute_filing";
        case Stage::dispute_resolution: return "dispute_resolution";
    }
    return "unknown";
}

std::string StageRule::id() const {
    return regime + "." + std::string(to_string(stage));
}

date::sys_days StageRule::due_from(const WorkdayCalendar& calendar, date::sys_days day0) const {
    return unit == DayUnit::working ? calendar.add(day0, WorkingDays{days}) : calendar.add(day0, CalendarDays{days});
}

std::string StageRule::uncertainty_note() const {
    const std::string head = id() + ": ";
    if (numbers_from != regime)
        return head + "no confirmed rule for this regime; the " + numbers_from + " rule (" + std::to_string(days) +
               " days) is applied. " + basis;
    if (confidence == "secondary")
        return head + "the regulation text was not read; " + std::to_string(days) + " days as quoted by secondary sources (" + basis + ")";
    if (confidence == "official")
        return head + "stated by official KPU practice, article not confirmed (" + basis + ")";
    if (confidence != "primary") return head + "basis " + confidence + " (" + basis + ")";
    return {};
}

const StageRule& RuleSet::rule(Stage stage) const {
    const auto it = stages.find(stage);
    if (it == stages.end()) throw Error("rule set \"" + regime + "\" has no stage \"" + std::string(to_string(stage)) + "\"");
    return it->second;
}

Rules Rules::load(const fs::path& rules_dir) {
    std::vector<fs::path> files;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(rules_dir, ec))
        if (entry.path().extension() == ".json") files.push_back(entry.path());
    if (ec || files.empty()) throw Error("no rule sets found", Location{rules_dir.string(), 0});

    Rules rules;
    std::map<std::pair<std::string, Stage>, std::string> fallbacks;
    for (const auto& path : files) {
        const Location where{path.string(), 0};
        const auto document = read_json_file(path, "rule set");
        if (!document.is_object() || !document.contains("regime") || !document["regime"].is_string() ||
            !document.contains("stages") || !document["stages"].is_object())
            throw Error("a rule set needs \"regime\" and \"stages\"", where);
        RuleSet set;
        set.regime = document["regime"].get<std::string>();
        for (const Stage stage : all_stages) {
            const auto it = document["stages"].find(std::string(to_string(stage)));
            if (it == document["stages"].end())
                throw Error("missing stage \"" + std::string(to_string(stage)) + "\"", where);
            std::string fallback;
            set.stages[stage] = read_stage(*it, stage, set.regime, where, fallback);
            if (!fallback.empty()) fallbacks[{set.regime, stage}] = fallback;
        }
        rules.sets_[set.regime] = std::move(set);
    }
    for (const auto& [key, other] : fallbacks) {
        const RuleSet* donor = rules.find(other);
        if (!donor || donor->rule(key.second).numbers_from != other)
            throw Error("rule set \"" + key.first + "\" falls back to \"" + other + "\", which has no own rule for that stage");
        StageRule& rule = rules.sets_[key.first].stages[key.second];
        const StageRule& borrowed = donor->rule(key.second);
        rule.numbers_from = other;
        rule.days = borrowed.days;
        rule.unit = borrowed.unit;
        rule.start = borrowed.start;
    }
    return rules;
}

const RuleSet* Rules::find(const std::string& regime) const {
    const auto it = sets_.find(regime);
    return it == sets_.end() ? nullptr : &it->second;
}

std::string Rules::names() const {
    std::string result;
    for (const auto& [name, set] : sets_) result += (result.empty() ? "" : ", ") + name;
    return result;
}

}  // namespace ppid
