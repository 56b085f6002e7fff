#include <ppid/date_names.hpp>
#include <ppid/service_stats.hpp>

#include <algorithm>
#include <cmath>
#include <map>

namespace ppid {

namespace {

const std::vector<std::string> decisions{"granted", "partial", "rejected", "not_held", ""};

std::string text_of(const util::ScannedObject& fields, const char* key) {
    const auto* value = fields.find(key);
    return value && value->kind == util::ScannedValue::Kind::string ? value->text : std::string();
}

std::string decision_key(const std::string& decision) {
    return decision.empty() ? "undecided" : decision;
}

bool answered(DeadlineStatus status) {
    return status == DeadlineStatus::answered_on_time || status == DeadlineStatus::answered_late;
}

double one_decimal(double value) {
    return std::round(value * 10) / 10;
}

// Counts of decisions in `items`, in the report's fixed order.
template <typename Items>
void add_decision_counts(Record& row, const Items& items) {
    for (const auto& decision : decisions)
        row[decision_key(decision)] = std::count_if(items.begin(), items.end(),
                                                    [&](const auto* item) { return item->decision == decision; });
}

}  // namespace

ServiceStats::ServiceStats(const DeadlineRun& run, StatsOptions options) : run_(run), options_(std::move(options)) {}

void ServiceStats::add(const util::ScannedObject& fields, const Location& where) {
    const std::string type = text_of(fields, "type");
    if (type != "request" && type != "objection") return;
    // Each office of a multi-office stream gets its own tables, also when none of its records is of the year.
    const auto* office = fields.find("office");
    if (office && office->kind != util::ScannedValue::Kind::null && office->kind != util::ScannedValue::Kind::string)
        throw Error(std::string("field \"office\" must be a string, found ") + office->type_name(), where);
    Group& group = groups_[office ? office->text : std::string()];
    // Registers span years: a record of another year is not counted, so not checked either.
    if (const auto stamp = util::parse_timestamp(text_of(fields, "received"))) {
        const date::year_month_day local{util::to_local(*stamp, run_.zone).day};
        if (static_cast<int>(local.year()) != options_.year) return;
    }
    const Deadline deadline = deadline_of(fields, where, run_);
    const date::year_month_day received{deadline.received};
    if (static_cast<int>(received.year()) != options_.year) return;
    Counted item;
    item.month = static_cast<int>(static_cast<unsigned>(received.month()));
    item.decision = text_of(fields, "decision");
    item.rejection_reason = text_of(fields, "rejection_reason");
    item.channel = text_of(fields, "channel");
    item.regime = deadline.regime.rules->regime;
    item.status = deadline.status;
    item.elapsed = deadline.elapsed.count;
    if (type == "objection") {
        item.objection_reason = text_of(fields, "reason");
        item.dispute_filed = !text_of(fields, "dispute_filed").empty();
        group.objections.push_back(std::move(item));
    } else {
        group.requests.push_back(std::move(item));
    }
}

Record ServiceStats::table(const std::string& name, const std::string& office) const {
    Record record;
    record["type"] = "stats";
    if (!office.empty()) record["office"] = office;
    record["year"] = options_.year;
    record["table"] = name;
    return record;
}

Record ServiceStats::summary(const Group& group, const std::string& office) const {
    Record record = table("summary", office);
    Record values;
    const auto count = [](const std::vector<Counted>& items, auto predicate) {
        return std::count_if(items.begin(), items.end(), predicate);
    };
    values["requests"] = group.requests.size();
    values["answered"] = count(group.requests, [](const Counted& c) { return answered(c.status); });
    values["answered_on_time"] = count(group.requests, [](const Counted& c) { return c.status == DeadlineStatus::answered_on_time; });
    values["answered_late"] = count(group.requests, [](const Counted& c) { return c.status == DeadlineStatus::answered_late; });
    values["still_open"] = count(group.requests, [](const Counted& c) { return !answered(c.status); });
    values["overdue"] = count(group.requests, [](const Counted& c) { return c.status == DeadlineStatus::overdue; });
    for (const auto& decision : decisions)
        values[decision_key(decision)] = count(group.requests, [&](const Counted& c) { return c.decision == decision; });
    values["objections"] = group.objections.size();
    values["objections_answered"] = count(group.objections, [](const Counted& c) { return answered(c.status); });
    values["objections_overdue"] = count(group.objections, [](const Counted& c) { return c.status == DeadlineStatus::overdue; });
    values["disputes_filed"] = count(group.objections, [](const Counted& c) { return c.dispute_filed; });
    record["values"] = std::move(values);
    return record;
}

Record ServiceStats::by_month(const Group& group, const std::string& office) const {
    Record record = table("requests_by_month", office);
    Record rows = Record::array();
    for (int month = 1; month <= 12; ++month) {
        std::vector<const Counted*> items;
        for (const auto& c : group.requests)
            if (c.month == month) items.push_back(&c);
        Record row;
        row["month"] = month;
        row["month_name"] = std::string(date_names::indonesian_months[month - 1]);
        row["requests"] = items.size();
        add_decision_counts(row, items);
        rows.push_back(std::move(row));
    }
    record["rows"] = std::move(rows);
    return record;
}

Record ServiceStats::outcomes(const Group& group, const std::string& office) const {
    Record record = table("outcomes", office);
    Record rows = Record::array();
    for (const auto& decision : decisions) {
        Record row;
        row["decision"] = decision_key(decision);
        row["requests"] = std::count_if(group.requests.begin(), group.requests.end(),
                                        [&](const Counted& c) { return c.decision == decision; });
        rows.push_back(std::move(row));
    }
    record["rows"] = std::move(rows);
    return record;
}

Record ServiceStats::rejection_reasons(const Group& group, const std::string& office) const {
    std::map<std::string, long> counts;
    for (const auto& c : group.requests)
        if (c.decision == "rejected" || c.decision == "partial" || c.decision == "not_held")
            ++counts[c.rejection_reason.empty() ? "(tidak disebutkan)" : c.rejection_reason];
    std::vector<std::pair<std::string, long>> sorted(counts.begin(), counts.end());
    std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    Record record = table("rejection_reasons", office);
    Record rows = Record::array();
    for (const auto& [reason, requests] : sorted) rows.push_back({{"reason", reason}, {"requests", requests}});
    record["rows"] = std::move(rows);
    return record;
}

Record ServiceStats::answer_time(const Group& group, const std::string& office) const {
    std::vector<int> days;
    for (const auto& c : group.requests)
        if (answered(c.status)) days.push_back(c.elapsed);
    std::sort(days.begin(), days.end());
    Record record = table("answer_time", office);
    Record values;
    values["answered"] = days.size();
    values["on_time"] = std::count_if(group.requests.begin(), group.requests.end(),
                                      [](const Counted& c) { return c.status == DeadlineStatus::answered_on_time; });
    values["late"] = std::count_if(group.requests.begin(), group.requests.end(),
                                   [](const Counted& c) { return c.status == DeadlineStatus::answered_late; });
    if (days.empty()) {
        values["mean_working_days"] = nullptr;
        values["median_working_days"] = nullptr;
        values["max_working_days"] = nullptr;
    } else {
        double total = 0;
        for (const int d : days) total += d;
        const std::size_t middle = days.size() / 2;
        values["mean_working_days"] = one_decimal(total / static_cast<double>(days.size()));
        values["median_working_days"] =
            days.size() % 2 ? double(days[middle]) : one_decimal((days[middle - 1] + days[middle]) / 2.0);
        values["max_working_days"] = days.back();
    }
    record["values"] = std::move(values);
    return record;
}

Record ServiceStats::objections(const Group& group, const std::string& office) const {
    Record record = table("objections_by_reason", office);
    Record rows = Record::array();
    for (const std::string letter : {"a", "b", "c", "d", "e", "f", "g", ""}) {
        std::vector<const Counted*> items;
        for (const auto& c : group.objections)
            if (c.objection_reason == letter) items.push_back(&c);
        if (items.empty() && letter.empty()) continue;
        Record row;
        row["reason"] = letter.empty() ? "unknown" : letter;
        row["objections"] = items.size();
        add_decision_counts(row, items);
        row["disputes_filed"] = std::count_if(items.begin(), items.end(), [](const Counted* c) { return c->dispute_filed; });
        rows.push_back(std::move(row));
    }
    record["rows"] = std::move(rows);
    return record;
}

Record ServiceStats::breakdown(const Group& group, const std::string& office, StatsBreakdown by) const {
    const char* names[] = {"channel", "regime", "month"};
    const std::string name = names[static_cast<int>(by)];
    std::map<std::string, std::vector<const Counted*>> groups;
    for (const auto& c : group.requests) {
        const std::string key = by == StatsBreakdown::channel ? (c.channel.empty() ? "(tidak disebutkan)" : c.channel)
                                : by == StatsBreakdown::regime ? c.regime
                                                               : std::to_string(c.month);
        groups[key].push_back(&c);
    }
    Record record = table("timeliness_by_" + name, office);
    Record rows = Record::array();
    for (const auto& [key, items] : groups) {
        Record row;
        if (by == StatsBreakdown::month) row[name] = std::stoi(key);
        else row[name] = key;
        row["requests"] = items.size();
        row["answered_on_time"] = std::count_if(items.begin(), items.end(), [](const Counted* c) { return c->status == DeadlineStatus::answered_on_time; });
        row["answered_late"] = std::count_if(items.begin(), items.end(), [](const Counted* c) { return c->status == DeadlineStatus::answered_late; });
        row["still_open"] = std::count_if(items.begin(), items.end(), [](const Counted* c) { return !answered(c->status); });
        rows.push_back(std::move(row));
    }
    if (by == StatsBreakdown::month)  // numeric order, not text order
        std::sort(rows.begin(), rows.end(), [](const Record& a, const Record& b) { return a["month"] < b["month"]; });
    record["rows"] = std::move(rows);
    return record;
}

bool ServiceStats::write(const std::function<void(const Record&)>& emit) const {
    const auto overdue = [](const Counted& c) { return c.status == DeadlineStatus::overdue; };
    // Records without office are written as one office's tables always were (empty tables for no input);
    // the offices of a multi-office stream follow in the order of their ids.
    static const std::map<std::string, Group> no_records{{"", Group{}}};
    const auto& groups = groups_.empty() ? no_records : groups_;
    const bool offices = groups.size() > 1 || !groups.count("");
    bool any_overdue = false;
    for (const auto& [office, group] : groups) {
        if (office.empty() && offices && group.requests.empty() && group.objections.empty()) continue;
        emit(summary(group, office));
        emit(by_month(group, office));
        emit(outcomes(group, office));
        emit(rejection_reasons(group, office));
        emit(answer_time(group, office));
        emit(objections(group, office));
        for (const auto by : options_.breakdowns) emit(breakdown(group, office, by));
        any_overdue = any_overdue || std::any_of(group.requests.begin(), group.requests.end(), overdue) ||
                      std::any_of(group.objections.begin(), group.objections.end(), overdue);
    }
    return any_overdue;
}

}  // namespace ppid
