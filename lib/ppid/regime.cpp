#include <ppid/regime.hpp>

namespace ppid {

namespace {

constexpr const char* default_regime = "umum";
constexpr const char* election_regime = "pemilu";

const RuleSet& named(const Rules& rules, const std::string& name) {
    const RuleSet* set = rules.find(name);
    if (!set) throw Error("unknown regime \"" + name + "\" (known: " + rules.names() + ")");
    return *set;
}

}  // namespace

RegimeChoice choose_regime(const Rules& rules, const std::optional<std::string>& from_record,
                           const std::optional<std::string>& from_option,
                           const std::vector<ElectionStage>& stages, date::sys_days received) {
    if (from_record) return {&named(rules, *from_record), "record", {}};
    if (from_option) return {&named(rules, *from_option), "option", {}};
    for (const auto& stage : stages)
        if (stage.from <= received && received <= stage.to)
            return {&named(rules, election_regime), "election_stage", stage.name};
    return {&named(rules, default_regime), "default", {}};
}

}  // namespace ppid
