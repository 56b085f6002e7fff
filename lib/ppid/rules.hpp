// Deadline rule sets (share/ppid/rules/*.json): for each regime, each stage's length, unit,
// start event, legal basis and how sure that basis is. No legal number lives in the code.
#pragma once

#include <ppid/workday_calendar.hpp>

#include <date/date.h>

#include <array>
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace ppid {

enum class Stage { response, extension, objection_window, objection_response, dispute_filing, dispute_resolution };

// Returns the stage's data name ("response", "objection_window", ...).
std::string_view to_string(Stage stage);

enum class DayUnit { working, calendar };

struct StageRule {
    Stage stage = Stage::response;
    std::string regime;        // the rule set this rule belongs to
    std::string numbers_from;  // the rule set whose numbers apply (differs under a fallback)
    int days = 0;
    DayUnit unit = DayUnit::working;
    std::string start;       // the event counting starts from, as named in the data
    std::string basis;       // article and wording
    std::string confidence;  // primary, official, secondary, unconfirmed
    std::string source;

    // Returns "REGIME.STAGE", the `rule` field of a deadline.
    std::string id() const;

    // Returns the last day of the period that starts on `day0` (counting per DESIGN: day 0 is
    // the start, the period ends at the end of day N).
    date::sys_days due_from(const WorkdayCalendar& calendar, date::sys_days day0) const;

    // Returns a note for people when the basis is not the regulation's own text, else "".
    std::string uncertainty_note() const;
};

class RuleSet {
public:
    std::string regime;
    std::map<Stage, StageRule> stages;

    // Returns the rule for `stage`; throws Error if the data lacks it.
    const StageRule& rule(Stage stage) const;
};

class Rules {
public:
    // Returns every rules/*.json under `rules_dir`; a stage marked "fallback" takes its numbers
    // from the named regime. Throws Error for malformed data or a missing stage.
    static Rules load(const std::filesystem::path& rules_dir);

    // Returns the rule set named `regime`, or nullptr.
    const RuleSet* find(const std::string& regime) const;

    // Returns the regime names, for messages.
    std::string names() const;

private:
    std::map<std::string, RuleSet> sets_;
};

}  // namespace ppid
