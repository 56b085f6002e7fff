// The numbers of the annual public-information service report (Laporan Layanan Informasi
// Publik): requests by month and outcome, rejection reasons, time to answer, objections and
// disputes, computed from `request` and `objection` records.
#pragma once

#include <ppid/deadline_record.hpp>
#include <ppid/diagnostics.hpp>
#include <ppid/jsonl.hpp>

#include <functional>
#include <map>
#include <string>
#include <vector>

namespace ppid {

// Extra breakdowns asked for with --by.
enum class StatsBreakdown { channel, regime, month };

struct StatsOptions {
    int year = 0;                          // the report year: records received in it count
    std::vector<StatsBreakdown> breakdowns;
};

// Collects records one by one, then writes the `stats` records.
class ServiceStats {
public:
    ServiceStats(const DeadlineRun& run, StatsOptions options);

    // Counts one record (requests and objections received in the year; other records are
    // ignored) for its `office` (a multi-office stream gets tables per office). Throws Error (at
    // `where`) for a record whose deadline cannot be computed or whose office is not a string.
    void add(const util::ScannedObject& fields, const Location& where);

    // Calls `emit` with each `stats` record, in a fixed order: the records without office first,
    // then each office's tables (each carrying `office`) in the order of its id. Returns whether
    // any counted request or objection is overdue.
    bool write(const std::function<void(const Record&)>& emit) const;

private:
    struct Counted {
        int month = 0;
        std::string decision;  // granted, partial, rejected, not_held, or "" (undecided)
        std::string rejection_reason;
        std::string channel;
        std::string regime;
        std::string objection_reason;  // objections: the letter a to g, or ""
        DeadlineStatus status = DeadlineStatus::open;
        int elapsed = 0;
        bool dispute_filed = false;
    };

    struct Group {
        std::vector<Counted> requests;
        std::vector<Counted> objections;
    };

    Record table(const std::string& name, const std::string& office) const;
    Record summary(const Group& group, const std::string& office) const;
    Record by_month(const Group& group, const std::string& office) const;
    Record outcomes(const Group& group, const std::string& office) const;
    Record rejection_reasons(const Group& group, const std::string& office) const;
    Record answer_time(const Group& group, const std::string& office) const;
    Record objections(const Group& group, const std::string& office) const;
    Record breakdown(const Group& group, const std::string& office, StatsBreakdown by) const;

    const DeadlineRun& run_;
    StatsOptions options_;
    std::map<std::string, Group> groups_;  // by office; "" for records without one
};

}  // namespace ppid
