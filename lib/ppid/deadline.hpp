// The deadline engine: from a request's or objection's dates to its due dates, status and the
// day-by-day reasoning. Pure computation on typed values; records are read and written in
// deadline_record.hpp.
#pragma once

#include <ppid/day_counts.hpp>
#include <ppid/regime.hpp>
#include <ppid/rules.hpp>
#include <ppid/util/timestamp.hpp>
#include <ppid/workday_calendar.hpp>

#include <date/date.h>

#include <chrono>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ppid {

enum class CaseKind { request, objection };

enum class Decision { none, granted, partial, rejected, not_held };

// Returns the decision named by its data name, or nullopt for unknown text.
std::optional<Decision> parse_decision(std::string_view name);

enum class DeadlineStatus { open, due_soon, overdue, answered_on_time, answered_late };

std::string_view to_string(DeadlineStatus status);

// What the engine needs to know about one request or objection, already in local dates.
struct CaseDates {
    CaseKind kind = CaseKind::request;
    util::LocalMoment received;
    std::optional<date::sys_days> extension_notified;  // requests only
    std::optional<date::sys_days> answered;
    Decision decision = Decision::none;
};

struct DeadlineOptions {
    date::sys_days as_of;
    WorkingDays due_soon{2};
    std::optional<std::chrono::minutes> office_hours_cutoff;
    bool explain = false;
};

// One day of the --explain trace.
struct TraceDay {
    date::sys_days day;
    std::optional<int> count;          // the working-day number, unset for a skipped day
    std::vector<std::string> reasons;  // why skipped, or what happens that day
};

// A later window that opens when this stage ends (objection window, dispute filing).
struct FollowUpWindow {
    const StageRule* rule = nullptr;
    std::string cause;         // why it opens, for people
    date::sys_days opens_after;  // day 0 of the window
    std::optional<date::sys_days> last_day;  // unset when it runs past the calendar's coverage
};

struct Deadline {
    const StageRule* rule = nullptr;
    RegimeChoice regime;
    date::sys_days received;
    date::sys_days counted_from;  // day 0; later than `received` after the cut-off
    date::sys_days due;
    std::optional<date::sys_days> extended_due;  // only when the extension was notified in time
    std::optional<bool> extension_in_time;       // set when an extension was notified
    DeadlineStatus status = DeadlineStatus::open;
    WorkingDays elapsed;    // from day 0 to the answer, or to the as-of date
    WorkingDays remaining;  // from the answer or the as-of date to the due date; negative if past
    std::optional<FollowUpWindow> follow_up;
    std::vector<std::string> notes;  // uncertainties and irregularities for people
    std::vector<TraceDay> trace;     // with explain only
};

// Returns the deadline of `dates` under `regime`. Throws OutOfCoverage when a date it must
// count through lies outside the calendar, Error when the dates contradict each other.
Deadline compute_deadline(const CaseDates& dates, const RegimeChoice& regime, const WorkdayCalendar& calendar,
                          const DeadlineOptions& options);

// Returns whether the status asks for a person's attention (overdue or due soon).
bool needs_attention(DeadlineStatus status);

}  // namespace ppid
