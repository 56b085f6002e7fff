// Which rule set applies to a record: its own `regime` field, else --regime, else an election
// stage from the office config that contains the receipt date, else umum.
#pragma once

#include <ppid/config.hpp>
#include <ppid/rules.hpp>

#include <date/date.h>

#include <optional>
#include <string>
#include <vector>

namespace ppid {

struct RegimeChoice {
    const RuleSet* rules = nullptr;
    std::string source;  // "record", "option", "election_stage", "default"
    std::string stage_name;  // the election stage's name when source is "election_stage"
};

// Returns the chosen rule set. Throws Error when a named regime has no rule set.
RegimeChoice choose_regime(const Rules& rules, const std::optional<std::string>& from_record,
                           const std::optional<std::string>& from_option,
                           const std::vector<ElectionStage>& stages, date::sys_days received);

}  // namespace ppid
