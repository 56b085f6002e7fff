// The records a report is made of: read from any mix of the tools' outputs, checked for what the report
// needs, and kept by kind in input order.
#pragma once

#include <ppid/error.hpp>
#include <ppid/jsonl.hpp>

#include <cstddef>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace ppid {

struct ReportRecords {
    std::vector<Record> items;                       // ppid-check
    std::vector<Record> summaries;                   // ppid-check
    std::vector<Record> dip_gaps;                    // ppid-check --dip
    std::vector<Record> cases;                       // request and objection records (ppid-import, ppid-deadline)
    std::vector<Record> stats;                       // ppid-stats
    std::vector<Record> resources;                   // page, document and link records (ppid-crawl, ppid-index)
    std::vector<Record> crawl_summaries;             // ppid-crawl
    std::vector<Record> changes;                     // ppid-diff
    std::vector<Record> dip_entries;                 // ppid-import of a DIP table
    std::map<std::string, std::size_t> other_types;  // records of types no section shows, counted
    std::set<std::string> offices;                   // the `office` values records carry (issue 8's streams)
    std::map<std::string, std::string> office_names;  // office id -> `office_name` (from the offices file)
    std::set<std::string> dates;                     // the `as_of` dates (YYYY-MM-DD) records carry

    // Adds `record`, read at `where`. Throws Error at `where`, leaving the records unchanged, when it has
    // no string `type` or lacks a field its section needs or has one of the wrong type or value:
    // "item: field \"status\" is \"gone\", not one of ok, missing, stale, broken, not_due, not_applicable".
    void add(Record record, const Location& where);

    // Returns whether no record was added (other types included).
    bool empty() const;

    // Returns the office's name when a record carried one (`office_name`), else `office` itself.
    std::string office_label(const std::string& office) const;
};

// Returns the statuses ppid-check gives items, worst first: missing, broken, stale, not_due, ok,
// not_applicable.
const std::vector<std::string>& item_statuses();

// Returns the statuses ppid-deadline gives requests and objections, most urgent first: overdue, due_soon,
// open, answered_late, answered_on_time.
const std::vector<std::string>& deadline_statuses();

}  // namespace ppid
