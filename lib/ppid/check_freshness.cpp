#include <ppid/check_freshness.hpp>
#include <ppid/util/iso_date.hpp>

namespace ppid {

namespace {

int year_of(date::sys_days day) {
    return static_cast<int>(date::year_month_day{day}.year());
}

date::sys_days add_months(date::sys_days day, int months) {
    const date::year_month_day ymd{day};
    const auto shifted = ymd + date::months{months};
    // A period that ends with its month ends with the month 6 months on (30 June: 31 December), and 31 August
    // + 6 months is the last day of February, not 3 March.
    const bool month_end = ymd.day() == date::year_month_day_last{ymd.year() / ymd.month() / date::last}.day();
    if (month_end || !shifted.ok()) return date::sys_days{shifted.year() / shifted.month() / date::last};
    return date::sys_days{shifted};
}

// Returns the year a document covers for a yearly cycle, or nullopt when it says nothing.
std::optional<int> covered_year(const UpdateCycle& cycle, const DatedDocument& document) {
    if (document.period) {
        if (!cycle.due_next_year) return year_of(document.period->end);
        // A report on year Y must cover the whole of it: "Semester I 2023" is not yet the 2023 report.
        const date::year_month_day end{document.period->end};
        const bool year_end = end.month() == date::December && end.day() == date::day{31};
        return year_of(document.period->end) - (year_end ? 0 : 1);
    }
    // Without a period, a report is taken to be on the year before its date, a list on the year of its date.
    if (document.date) return year_of(*document.date) - (cycle.due_next_year ? 1 : 0);
    return std::nullopt;
}

Coverage coverage_of(const DatedDocument& document) {
    if (document.period) return {document.period->text, document.period->end, true};
    return {util::format_iso_date(*document.date), *document.date, false};
}

}  // namespace

date::sys_days yearly_due(const UpdateCycle& cycle, int year) {
    const int due_year = year + (cycle.due_next_year ? 1 : 0);
    return date::sys_days{date::year{due_year} / date::month{cycle.due_month} / date::day{cycle.due_day}};
}

void FreshnessTally::add(const DatedDocument& document) {
    if (!document.usable) {
        ++unusable_;
        return;
    }
    ++usable_;
    if (cycle_.kind == UpdateCycle::Kind::yearly) {
        const auto year = covered_year(cycle_, document);
        if (!year) return;
        const auto coverage = coverage_of(document);
        if (!newest_year_ || *year > *newest_year_ || (*year == *newest_year_ && coverage.end > latest_->end)) {
            newest_year_ = year;
            latest_ = coverage;
        }
        return;
    }
    if (!document.period && !document.date) return;
    const auto coverage = coverage_of(document);
    if (!latest_ || coverage.end > latest_->end) latest_ = coverage;
}

Judgement FreshnessTally::judge(date::sys_days as_of) const {
    Judgement judgement;
    // Yearly cycles: `opened` is the newest year whose document can exist (its year has begun for a list, ended
    // for a report); `required` the newest one whose due date (and grace) has passed.
    const int opened = year_of(as_of) - (cycle_.due_next_year ? 1 : 0);
    int required = opened;
    if (cycle_.kind == UpdateCycle::Kind::yearly)
        while (yearly_due(cycle_, required) + date::days{cycle_.grace_days} >= as_of) --required;

    if (usable_ == 0) {
        judgement.status = unusable_ == 0 ? ItemStatus::missing : ItemStatus::broken;
        if (cycle_.kind == UpdateCycle::Kind::yearly) {
            judgement.year = required;
            judgement.next_due = yearly_due(cycle_, required);
        }
        return judgement;
    }
    judgement.latest = latest_;
    switch (cycle_.kind) {
        case UpdateCycle::Kind::once:
            judgement.status = ItemStatus::ok;
            return judgement;
        case UpdateCycle::Kind::months:
            if (!latest_) {
                judgement.status = ItemStatus::stale;
                judgement.undated = true;
                return judgement;
            }
            // A plan for a period that has ended is no plan for today; a report covers N months after it.
            judgement.next_due = cycle_.ahead && latest_->period ? latest_->end : add_months(latest_->end, cycle_.months);
            judgement.status = as_of <= *judgement.next_due ? ItemStatus::ok : ItemStatus::stale;
            return judgement;
        case UpdateCycle::Kind::yearly:
            if (!newest_year_) {
                judgement.status = ItemStatus::stale;
                judgement.undated = true;
                judgement.year = required;
                judgement.next_due = yearly_due(cycle_, required);
                return judgement;
            }
            judgement.status = *newest_year_ >= opened     ? ItemStatus::ok
                               : *newest_year_ >= required ? ItemStatus::not_due
                                                           : ItemStatus::stale;
            judgement.year = judgement.status == ItemStatus::stale ? required : *newest_year_ + 1;
            judgement.next_due = yearly_due(cycle_, *newest_year_ + 1);
            return judgement;
    }
    return judgement;
}

Judgement judge_freshness(const UpdateCycle& cycle, const std::vector<DatedDocument>& documents, date::sys_days as_of) {
    FreshnessTally tally(cycle);
    for (const auto& document : documents) tally.add(document);
    return tally.judge(as_of);
}

}  // namespace ppid
