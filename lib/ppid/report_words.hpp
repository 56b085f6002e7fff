// The words and number forms of reports, in Indonesian and English: what each status, problem,
// decision and category is called, and how dates and numbers are written.
#pragma once

#include <ppid/check_action.hpp>
#include <ppid/report_document.hpp>

#include <date/tz.h>

#include <string>
#include <string_view>

namespace ppid {

// Returns an item status ("missing") for people: "Belum ada" / "Missing"; an unknown one as it is.
std::string item_status_label(const std::string& status, Language language);

// Returns how an item status strikes the reader: missing and broken bad, stale warn, ok good.
Tone item_status_tone(const std::string& status);

// Returns a deadline status ("due_soon") for people: "Segera jatuh tempo" / "Due soon".
std::string deadline_status_label(const std::string& status, Language language);

// Returns how a deadline status strikes the reader: overdue bad, due_soon warn, on time good.
Tone deadline_status_tone(const std::string& status);

// Returns a document, page or link problem ("http_4xx", "no_text_layer") for people.
std::string problem_label(const std::string& problem, Language language);

// Returns the rank of a problem, worst (a dead link) first; unknown problems come last.
int problem_rank(const std::string& problem);

// Returns a checklist category ("serta_merta") for people: "Informasi serta merta".
std::string category_label(const std::string& category, Language language);

// Returns a decision ("partial", "undecided") for people: "Dikabulkan sebagian".
std::string decision_label(const std::string& decision, Language language);

// Returns an objection ground of UU 14/2008 Pasal 35 ayat (1) ("a" to "g", "unknown") for people.
std::string objection_reason_label(const std::string& reason, Language language);

// Returns a change kind ("added", "removed", "changed") for people: "Baru" / "New".
std::string change_label(const std::string& change, Language language);

// Returns an ISO date or timestamp ("2025-01-06", "2025-01-06T09:12") as "6 Januari 2025"; text that
// does not start with an ISO date is returned as it is.
std::string written_iso_date(const std::string& text, Language language);

// Returns a cell showing an ISO date or timestamp as written_iso_date does, its `date` set when the
// text starts with a valid date.
ReportCell date_cell(const std::string& text, Language language);

// Returns when a web archive kept a piece of evidence, from its WARC-Date ("2025-03-11T19:00:00Z"),
// as the office's calendar day in `zone` (UTC when null): "diarsipkan 12 Maret 2025" / "archived on
// 12 March 2025"; "" for text that is not an ISO timestamp.
std::string archived_on(const std::string& timestamp, const date::time_zone* zone, Language language);

// Returns `value` with `decimals` digits after the separator (a comma in Indonesian, a point in
// English) and trailing zeros dropped: 14.30 -> "14,3", 5.0 -> "5".
std::string written_number(double value, Language language, int decimals = 1);

}  // namespace ppid
