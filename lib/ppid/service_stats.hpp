// The numbers of the annual public-information service report (Laporan Layanan Informasi
// Publik): requests by month and outcome, rejection reasons, time to answer, objections and
// disputes, computed from `request` and `objection` records.
#pragma once

#include <ppid/deadline_record.hpp>
#include <ppid/diagnostics.hpp>
#include <ppid/jsonl.hpp>

#include <functional>
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
    // ignored). Throws Error (at `where`) for a record whose deadline cannot be computed.
    void add(const util::ScannedObject& fields, const Location& where);

    // Calls `emit` with each `stats` record, in a fixed order. Returns whether any counted
    // request or objection is overdue.
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

    Record table(const std::string& name) const;
    Record summary() const;
    Record by_month() const;
    Record outcomes() const;
    Record rejection_reasons() const;
    Record answer_time() const;
    Record objections() const;
    Record breakdown(StatsBreakdown by) const;

    const DeadlineRun& run_;
    StatsOptions options_;
    std::vector<Counted> requests_;
    std::vector<Counted> objections_;
};

}  // namespace ppid
