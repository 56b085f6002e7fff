#include <ppid/calendar_command.hpp>
#include <ppid/cli_options.hpp>
#include <ppid/jsonl.hpp>
#include <ppid/util/iso_date.hpp>

#include <charconv>
#include <ostream>

namespace ppid {

namespace {

using util::format_iso_date;

int parse_count(const std::string& text) {
    int value = 0;
    const char* begin = text.data() + (text.size() > 1 && text[0] == '+' ? 1 : 0);
    const auto [end, error] = std::from_chars(begin, text.data() + text.size(), value);
    if (error != std::errc{} || end != text.data() + text.size())
        throw UsageError("\"" + text + "\" is not a whole number of days");
    return value;
}

int parse_year(const std::string& text) {
    int year = 0;
    const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), year);
    if (error != std::errc{} || end != text.data() + text.size() || text.size() != 4)
        throw UsageError("YEAR: \"" + text + "\" is not a year such as 2024");
    return year;
}

// Plain text has no room for a flag, so an answer from a provisional year is said on stderr.
void warn_if_provisional(const WorkdayCalendar& calendar, date::sys_days from, date::sys_days to,
                         Diagnostics& diag) {
    if (calendar.provisional(from, to))
        diag.warning({}, "the answer uses a provisional year of the holiday calendar (2027 is taken from "
                         "secondary sources; dates may move when the decree is confirmed)");
}

void expect_arguments(const CalendarRequest& request, std::size_t low, std::size_t high, const char* usage) {
    if (request.arguments.size() < low || request.arguments.size() > high)
        throw UsageError(std::string("usage: ppid-calendar ") + usage);
}

// Every --json answer starts the same way, so jq can select on .question.
Record answer_record(const char* question) {
    Record json;
    json["type"] = "calendar";
    json["question"] = question;
    return json;
}

Record day_off_json(const DayOff& off) {
    Record json;
    json["type"] = "day_off";
    json["date"] = format_iso_date(off.day);
    json["weekday"] = std::string(weekday_name(off.day));
    json["category"] = std::string(to_string(off.category));
    json["name"] = off.name;
    json["source"] = off.source;
    if (off.provisional) json["provisional"] = true;
    return json;
}

Outcome add(const CalendarRequest& request, const WorkdayCalendar& calendar, std::ostream& out,
            Diagnostics& diag) {
    expect_arguments(request, 2, 2, "add DATE N");
    const auto from = parse_date_argument(request.arguments[0], "DATE");
    const int count = parse_count(request.arguments[1]);
    const auto result = request.calendar_days ? calendar.add(from, CalendarDays{count})
                                              : calendar.add(from, WorkingDays{count});
    if (!request.json) {
        out << format_iso_date(result) << '\n';
        warn_if_provisional(calendar, from, result, diag);
        return Outcome::clean;
    }
    Record json = answer_record("add");
    json["from"] = format_iso_date(from);
    json["days"] = count;
    json["unit"] = request.calendar_days ? "calendar" : "working";
    json["result"] = format_iso_date(result);
    json["result_is_workday"] = calendar.is_workday(result);
    if (calendar.provisional(from, result)) json["provisional"] = true;
    JsonlWriter(out).write(json);
    return Outcome::clean;
}

Outcome between(const CalendarRequest& request, const WorkdayCalendar& calendar, std::ostream& out,
                Diagnostics& diag) {
    expect_arguments(request, 2, 2, "between FROM TO");
    const auto from = parse_date_argument(request.arguments[0], "FROM");
    const auto to = parse_date_argument(request.arguments[1], "TO");
    const WorkingDays count = calendar.between(from, to);
    if (!request.json) {
        out << count.count << '\n';
        warn_if_provisional(calendar, from, to, diag);
        return Outcome::clean;
    }
    Record json = answer_record("between");
    json["from"] = format_iso_date(from);
    json["to"] = format_iso_date(to);
    json["working_days"] = count.count;
    if (calendar.provisional(from, to)) json["provisional"] = true;
    JsonlWriter(out).write(json);
    return Outcome::clean;
}

Outcome is_workday(const CalendarRequest& request, const WorkdayCalendar& calendar, std::ostream& out,
                   Diagnostics& diag) {
    expect_arguments(request, 1, 1, "is-workday DATE");
    const auto day = parse_date_argument(request.arguments[0], "DATE");
    const auto reasons = calendar.reasons_off(day);
    const Outcome outcome = reasons.empty() ? Outcome::clean : Outcome::attention;
    if (request.json) {
        Record json = answer_record("is-workday");
        json["date"] = format_iso_date(day);
        json["weekday"] = std::string(weekday_name(day));
        json["workday"] = reasons.empty();
        json["reasons"] = reasons;
        if (calendar.provisional(day, day)) json["provisional"] = true;
        JsonlWriter(out).write(json);
        return outcome;
    }
    if (request.verbose) {
        out << format_iso_date(day) << ' ' << weekday_name(day) << ": ";
        if (reasons.empty()) out << "working day";
        for (std::size_t i = 0; i < reasons.size(); ++i) out << (i ? "; " : "") << reasons[i];
        out << '\n';
    }
    warn_if_provisional(calendar, day, day, diag);
    return outcome;
}

Outcome list(const CalendarRequest& request, const WorkdayCalendar& calendar, std::ostream& out) {
    expect_arguments(request, 1, 2, "list YEAR | list FROM TO");
    date::sys_days from, to;
    if (request.arguments.size() == 1) {
        const int year = parse_year(request.arguments[0]);
        from = date::sys_days{date::year{year} / date::January / 1};
        to = date::sys_days{date::year{year} / date::December / 31};
    } else {
        from = parse_date_argument(request.arguments[0], "FROM");
        to = parse_date_argument(request.arguments[1], "TO");
        if (to < from) throw UsageError("TO is before FROM");
    }
    calendar.is_workday(from);  // both ends must be covered: a partial list would mislead
    calendar.is_workday(to);
    JsonlWriter writer(out);
    for (date::sys_days day = from; day <= to; day += date::days{1}) {
        for (const DayOff* off : calendar.entries_on(day)) {
            if (!calendar.counts_as_day_off(*off)) continue;
            if (request.json) {
                writer.write(day_off_json(*off));
                continue;
            }
            out << format_iso_date(off->day) << '\t' << weekday_name(off->day) << '\t' << label(off->category) << '\t'
                << off->name << (off->provisional ? " (provisional)" : "") << '\n';
        }
    }
    return Outcome::clean;
}

}  // namespace

bool looks_like_negative_count(const std::string& text) {
    return text.size() > 1 && text[0] == '-' &&
           text.find_first_not_of("0123456789", 1) == std::string::npos;
}

Outcome answer_calendar_question(const CalendarRequest& request, const WorkdayCalendar& calendar, std::ostream& out,
                                 Diagnostics& diag) {
    switch (request.question) {
        case CalendarQuestion::add: return add(request, calendar, out, diag);
        case CalendarQuestion::between: return between(request, calendar, out, diag);
        case CalendarQuestion::is_workday: return is_workday(request, calendar, out, diag);
        case CalendarQuestion::list: return list(request, calendar, out);
    }
    return Outcome::clean;
}

}  // namespace ppid
