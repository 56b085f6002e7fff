#include <ppid/deadline.hpp>
#include <ppid/util/iso_date.hpp>

#include <algorithm>

namespace ppid {

namespace {

using util::format_iso_date;

std::string clock_text(std::chrono::minutes time) {
    const auto hours = time.count() / 60;
    const auto minutes = time.count() % 60;
    return (hours < 10 ? "0" : "") + std::to_string(hours) + ":" + (minutes < 10 ? "0" : "") + std::to_string(minutes);
}

// Day 0: the local receipt date. With office hours configured, a request received after the
// cut-off or on a day off was received outside office hours: it counts from the next working day.
date::sys_days counting_start(const CaseDates& dates, const WorkdayCalendar& calendar,
                              const DeadlineOptions& options, std::vector<std::string>& notes) {
    const auto& received = dates.received;
    if (!options.office_hours_cutoff) return received.day;
    const bool after_cutoff = received.time_of_day && *received.time_of_day >= *options.office_hours_cutoff;
    const bool on_day_off = !calendar.is_workday(received.day);
    if (!after_cutoff && !on_day_off) return received.day;
    const auto next = calendar.add(received.day, WorkingDays{1});
    notes.push_back(std::string("received outside office hours (") +
                    (after_cutoff ? "after the " + clock_text(*options.office_hours_cutoff) + " cut-off" : "on a day off") +
                    "): counted as received on " + format_iso_date(next));
    return next;
}

std::vector<TraceDay> trace_days(const WorkdayCalendar& calendar, CaseKind kind, date::sys_days received,
                                 date::sys_days day0, date::sys_days due,
                                 const std::optional<date::sys_days>& extended_due) {
    std::vector<TraceDay> trace;
    const std::string what = kind == CaseKind::request ? "request" : "objection";
    if (received != day0) {
        auto reasons = calendar.reasons_off(received);
        reasons.push_back(what + " received outside office hours: counting starts on the next working day");
        trace.push_back({received, std::nullopt, std::move(reasons)});
    }
    for (date::sys_days day = received + date::days{1}; day < day0; day += date::days{1})
        trace.push_back({day, std::nullopt, calendar.reasons_off(day)});
    trace.push_back({day0, 0, {received == day0 ? "day 0: " + what + " received" : "day 0: counted as the day of receipt"}});
    const date::sys_days end = extended_due ? *extended_due : due;
    int count = 0;
    for (date::sys_days day = day0 + date::days{1}; day <= end; day += date::days{1}) {
        if (!calendar.is_workday(day)) {
            trace.push_back({day, std::nullopt, calendar.reasons_off(day)});
            continue;
        }
        TraceDay entry{day, ++count, {}};
        if (day == due) entry.reasons.emplace_back("due");
        if (extended_due && day == *extended_due) entry.reasons.emplace_back("extended due");
        trace.push_back(std::move(entry));
    }
    return trace;
}

DeadlineStatus status_of(const std::optional<date::sys_days>& answered, date::sys_days effective_due,
                         WorkingDays remaining, const DeadlineOptions& options) {
    if (answered) return *answered <= effective_due ? DeadlineStatus::answered_on_time : DeadlineStatus::answered_late;
    if (options.as_of > effective_due) return DeadlineStatus::overdue;
    if (remaining.count <= options.due_soon.count) return DeadlineStatus::due_soon;
    return DeadlineStatus::open;
}

// The window a requester has to object (after a request) or to go to the Komisi Informasi
// (after an objection), when the outcome so far gives a cause for it.
std::optional<FollowUpWindow> follow_up_window(const CaseDates& dates, const Deadline& deadline,
                                               date::sys_days effective_due, const RuleSet& rules,
                                               const WorkdayCalendar& calendar, const DeadlineOptions& options,
                                               std::vector<std::string>& notes) {
    const bool is_request = dates.kind == CaseKind::request;
    const StageRule& rule = rules.rule(is_request ? Stage::objection_window : Stage::dispute_filing);
    std::string cause;
    date::sys_days opens_after = effective_due;
    if (dates.answered) {
        opens_after = *dates.answered;
        if (is_request && dates.decision == Decision::rejected) cause = "request rejected";
        else if (is_request && (dates.decision == Decision::partial || dates.decision == Decision::not_held))
            cause = "request not fully granted";
        else if (deadline.status == DeadlineStatus::answered_late)
            cause = is_request ? "answered late" : "objection answered late";
        else if (!is_request && dates.decision != Decision::granted)
            cause = "written answer of the atasan PPID received";
    } else if (options.as_of > effective_due) {
        cause = is_request ? "request not answered in time" : "objection not answered in time";
    }
    if (cause.empty()) return std::nullopt;
    FollowUpWindow window{&rule, cause, opens_after, std::nullopt};
    try {
        window.last_day = rule.due_from(calendar, opens_after);
    } catch (const OutOfCoverage& e) {
        // The answer's own deadline stands; only this later window cannot be known yet.
        notes.push_back(rule.id() + ": cannot be computed: " + e.what());
    }
    return window;
}

}  // namespace

std::optional<Decision> parse_decision(std::string_view name) {
    if (name == "granted") return Decision::granted;
    if (name == "partial") return Decision::partial;
    if (name == "rejected") return Decision::rejected;
    if (name == "not_held") return Decision::not_held;
    return std::nullopt;
}

std::string_view to_string(DeadlineStatus status) {
    switch (status) {
        case DeadlineStatus::open: return "open";
        case DeadlineStatus::due_soon: return "due_soon";
        case DeadlineStatus::overdue: return "overdue";
        case DeadlineStatus::answered_on_time: return "answered_on_time";
        case DeadlineStatus::answered_late: return "answered_late";
    }
    return "unknown";
}

bool needs_attention(DeadlineStatus status) {
    return status == DeadlineStatus::overdue || status == DeadlineStatus::due_soon;
}

Deadline compute_deadline(const CaseDates& dates, const RegimeChoice& regime, const WorkdayCalendar& calendar,
                          const DeadlineOptions& options) {
    const RuleSet& rules = *regime.rules;
    const bool is_request = dates.kind == CaseKind::request;
    Deadline deadline;
    deadline.regime = regime;
    deadline.rule = &rules.rule(is_request ? Stage::response : Stage::objection_response);
    deadline.received = dates.received.day;
    if (dates.answered && *dates.answered < deadline.received)
        throw Error("answered " + format_iso_date(*dates.answered) + " is before received " +
                    format_iso_date(deadline.received));
    if (dates.extension_notified && *dates.extension_notified < deadline.received)
        throw Error("extension_notified " + format_iso_date(*dates.extension_notified) + " is before received " +
                    format_iso_date(deadline.received));

    deadline.counted_from = counting_start(dates, calendar, options, deadline.notes);
    deadline.due = deadline.rule->due_from(calendar, deadline.counted_from);

    date::sys_days effective_due = deadline.due;
    if (is_request && dates.extension_notified) {
        const StageRule& extension = rules.rule(Stage::extension);
        deadline.extension_in_time = *dates.extension_notified <= deadline.due;
        if (*deadline.extension_in_time) {
            deadline.extended_due = extension.due_from(calendar, deadline.due);
            effective_due = *deadline.extended_due;
            if (const auto note = extension.uncertainty_note(); !note.empty()) deadline.notes.push_back(note);
        } else {
            deadline.notes.push_back("extension notified on " + format_iso_date(*dates.extension_notified) +
                                     ", after the due date " + format_iso_date(deadline.due) +
                                     ": it does not extend the deadline (" + extension.basis + ")");
        }
    }

    const date::sys_days reference = dates.answered ? *dates.answered : options.as_of;
    // An answer on the day of receipt, or an as-of date before it, has used no working day yet.
    deadline.elapsed = WorkingDays{std::max(0, calendar.between(deadline.counted_from, reference).count)};
    deadline.remaining = calendar.between(reference, effective_due);
    deadline.status = status_of(dates.answered, effective_due, deadline.remaining, options);
    if (!dates.answered && options.as_of < deadline.received)
        deadline.notes.push_back("received " + format_iso_date(deadline.received) + " is after the as-of date " +
                                 format_iso_date(options.as_of));

    deadline.follow_up = follow_up_window(dates, deadline, effective_due, rules, calendar, options, deadline.notes);
    if (const auto note = deadline.rule->uncertainty_note(); !note.empty()) deadline.notes.push_back(note);
    if (deadline.follow_up)
        if (const auto note = deadline.follow_up->rule->uncertainty_note(); !note.empty()) deadline.notes.push_back(note);

    const date::sys_days last_counted =
        std::max({effective_due, reference, deadline.follow_up && deadline.follow_up->last_day ? *deadline.follow_up->last_day : effective_due});
    if (calendar.provisional(deadline.received, last_counted))
        deadline.notes.push_back("the count runs through a provisional year of the holiday calendar; dates may move when the decree is confirmed");
    if (options.explain)
        deadline.trace = trace_days(calendar, dates.kind, deadline.received, deadline.counted_from, deadline.due, deadline.extended_due);
    return deadline;
}

}  // namespace ppid
