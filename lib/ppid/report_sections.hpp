// The sections of a report, one builder per kind of record. Each adds its sections to the report when
// the records hold its kind, adds a highlight for what needs attention, and sets `attention` then.
#pragma once

#include <ppid/check_action.hpp>
#include <ppid/report_document.hpp>
#include <ppid/report_records.hpp>

#include <date/date.h>
#include <date/tz.h>

#include <string>

namespace ppid {

struct ReportSettings {
    Language language = Language::id;
    date::sys_days as_of;        // the date in the header when the records carry no `as_of`
    std::string title;           // empty for the default title
    std::string office;          // the configuration's office; empty when unknown
    bool show_personal = false;  // requesters' names and contacts (UU 27/2022: left out by default)
    const date::time_zone* zone = nullptr;  // the office's, for the day an archive's UTC time falls on; null: UTC
};

// Completeness from ppid-check (items worst first, grouped by category, with the estimated score),
// the DIP comparison and the DIP itself.
void add_completeness_sections(ReportDocument& report, const ReportRecords& records, const ReportSettings& settings);

// Request and objection deadlines from ppid-deadline, overdue first.
void add_deadline_sections(ReportDocument& report, const ReportRecords& records, const ReportSettings& settings);

// The annual service report's tables from ppid-stats, in the layout offices publish ("Rincian
// Pelayanan Informasi Publik", "Rincian Penyelesaian Sengketa Informasi Publik").
void add_service_sections(ReportDocument& report, const ReportRecords& records, const ReportSettings& settings);

// Pages, documents and links with problems from ppid-crawl and ppid-index, worst first.
void add_problem_sections(ReportDocument& report, const ReportRecords& records, const ReportSettings& settings);

// Returns whether the summaries of ppid-check name two offices or more (ppid-crawl --offices): the
// province's view, which add_office_sections shows instead of one office's details.
bool is_multi_office(const ReportRecords& records);

// Many offices at once: those whose score fell or whose site became unreachable since the previous run
// (ppid-diff's changes of summaries) first, a ranking by score (missing, stale, broken items and overdue
// requests per office; unreachable offices last, as such), and a heat map of the categories across offices.
void add_office_sections(ReportDocument& report, const ReportRecords& records, const ReportSettings& settings);

// Changes since the previous run from ppid-diff, status changes first.
void add_change_sections(ReportDocument& report, const ReportRecords& records, const ReportSettings& settings);

}  // namespace ppid
