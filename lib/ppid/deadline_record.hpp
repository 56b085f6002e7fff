// `request` and `objection` records in, the same records with a `deadline` object out. The
// record's own text is passed through untouched; only the deadline is written.
#pragma once

#include <ppid/config.hpp>
#include <ppid/deadline.hpp>
#include <ppid/diagnostics.hpp>
#include <ppid/error.hpp>
#include <ppid/rules.hpp>
#include <ppid/util/json_scan.hpp>
#include <ppid/workday_calendar.hpp>

#include <date/tz.h>

#include <deque>
#include <iosfwd>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace ppid {

// Everything a deadline run needs besides the records themselves.
struct DeadlineRun {
    const WorkdayCalendar& calendar;
    const Rules& rules;
    const OfficeConfig& config;
    const date::time_zone& zone;
    DeadlineOptions options;
    std::optional<std::string> regime;  // --regime
};

// Returns whether the record is one ppid-deadline computes (type request or objection).
bool has_deadline(const util::ScannedObject& fields);

// Returns the deadline of the request or objection whose top-level members are `fields`.
// Throws Error (at `where`) for a missing or invalid field, OutOfCoverage for dates the
// calendar does not cover.
Deadline deadline_of(const util::ScannedObject& fields, const Location& where, const DeadlineRun& run);

// Writes deadline objects as JSON text. What does not change between records (a rule's id, its
// basis and confidence, the regime's name) is encoded once, the first time it is met, and then
// appended as bytes; the output is the same as nlohmann's compact dump of the object.
class DeadlineText {
public:
    // Appends `deadline` as the JSON object written into the record; `explain` adds the trace.
    void append(std::string& out, const Deadline& deadline, bool explain);

private:
    struct RuleText {
        const StageRule* rule;
        std::string id;                    // "rule":"REGIME.STAGE"
        std::string basis_and_confidence;  // "basis":"...","confidence":"..."
    };
    // Returns the encoded texts of `rule`.
    const RuleText& of(const StageRule& rule);
    // Returns `text` as a JSON string literal, encoded once for the few texts that repeat.
    const std::string& quoted(const std::string& text);
    void append_window(std::string& out, const FollowUpWindow& window);

    std::deque<RuleText> rules_;  // a deque: what of() returned stays valid
    std::vector<std::pair<std::string, std::string>> quoted_;
};

// Computes the deadline of the request or objection whose text is `line` (top-level members in
// `fields`) and sets `out` to that text with the `deadline` object added (replacing one already
// there), written by `text`. Returns the deadline's status. Throws Error (at `where`) for a
// missing or invalid field, OutOfCoverage for dates the calendar does not cover.
DeadlineStatus add_deadline(std::string_view line, const util::ScannedObject& fields, const Location& where,
                            const DeadlineRun& run, DeadlineText& text, std::string& out);

// Reads `inputs` (files, "-" or none for standard input), writes every record to `out` with
// requests and objections given their deadline, and reports bad records to `diag`. Returns
// whether any record needs attention (overdue or due soon).
bool add_deadlines(const std::vector<std::string>& inputs, const DeadlineRun& run, Diagnostics& diag, std::ostream& out);

}  // namespace ppid
