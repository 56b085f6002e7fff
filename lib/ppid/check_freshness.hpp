// Whether an item's documents are fresh enough on a given day, judged on the period each covers (a "Laporan
// Keuangan 2021" uploaded in 2023 is the 2021 report) by the item's update cycle.
#pragma once

#include <ppid/check_input.hpp>
#include <ppid/check_status.hpp>
#include <ppid/checklist.hpp>

#include <date/date.h>

#include <optional>
#include <string>
#include <vector>

namespace ppid {

// One matched document as freshness sees it.
struct DatedDocument {
    bool usable = true;
    std::optional<date::sys_days> date;
    std::optional<CoveredPeriod> period;
};

// The newest coverage among the usable documents: a period's label and last day, or a date.
struct Coverage {
    std::string text;  // "Semester I 2023", "Tahun 2022", or the date "2023-08-29"
    date::sys_days end;
    bool period = false;  // `end` is a named period's last day, not a document's date
};

struct Judgement {
    ItemStatus status = ItemStatus::missing;
    std::optional<Coverage> latest;
    std::optional<date::sys_days> next_due;  // when the next document is (or was) due
    int year = 0;          // yearly cycles: the year whose document is due next, or overdue
    bool undated = false;  // usable documents exist, but none says what it covers or when it was made
};

// Returns the day the document on `year` is due under a yearly `cycle`.
date::sys_days yearly_due(const UpdateCycle& cycle, int year);

// judge_freshness() one document at a time: keeps only the newest coverage and the counts, so that an item
// matched by a million documents is judged in constant memory.
class FreshnessTally {
public:
    explicit FreshnessTally(const UpdateCycle& cycle) : cycle_(cycle) {}

    // Counts one matched document.
    void add(const DatedDocument& document);

    // Returns the judgement on `as_of` of the documents added, as judge_freshness() gives it.
    Judgement judge(date::sys_days as_of) const;

private:
    UpdateCycle cycle_;
    std::size_t usable_ = 0;
    std::size_t unusable_ = 0;
    std::optional<Coverage> latest_;  // the newest coverage (yearly: of the newest covered year)
    std::optional<int> newest_year_;  // yearly: the newest year a usable document covers
};

// Returns the status on `as_of` of an item with these documents: `broken` when all are unusable, `missing`
// when there are none; otherwise by `cycle`: once, always `ok`; every N months, `ok` while the newest covered
// day (a period's end, else the document's date) is at most N months back, else `stale`; yearly, `ok` when the
// newest document covers the newest year already begun (a list for this year) or ended (a report on last
// year), `not_due` when it covers the year before and that newer year's due date has not passed, else
// `stale`; with `cycle.ahead`, a named period is current only until its last day. Undated usable documents are `stale` unless the cycle is once. A yearly cycle's `grace_days` delay
// `stale` (and the year required) past its due date. Never fails.
Judgement judge_freshness(const UpdateCycle& cycle, const std::vector<DatedDocument>& documents, date::sys_days as_of);

}  // namespace ppid
