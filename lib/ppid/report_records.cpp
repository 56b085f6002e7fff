#include <ppid/report_records.hpp>
#include <ppid/util/iso_date.hpp>

#include <algorithm>

namespace ppid {

namespace {

std::string joined(const std::vector<std::string>& values) {
    std::string text;
    for (const auto& value : values) text += (text.empty() ? "" : ", ") + value;
    return text;
}

// Checks the record of `kind` field by field; each check throws Error with the record's kind first.
class FieldCheck {
public:
    FieldCheck(const Record& record, std::string kind, const Location& where)
        : record_(record), kind_(std::move(kind)), where_(where) {}

    // Returns the string at `key`, "" when absent or null.
    std::string text(const char* key, bool required = false) const {
        const auto it = record_.find(key);
        if (it == record_.end() || it->is_null()) {
            if (required) fail(std::string("no field \"") + key + "\"");
            return {};
        }
        if (!it->is_string()) fail(std::string("field \"") + key + "\" must be a string, found " + it->type_name());
        return it->get<std::string>();
    }

    void one_of(const char* key, const std::vector<std::string>& values, bool required = true) const {
        const std::string value = text(key, required);
        if ((required || !value.empty()) && std::find(values.begin(), values.end(), value) == values.end())
            fail(std::string("field \"") + key + "\" is \"" + value + "\", not one of " + joined(values));
    }

    void shape(const char* key, bool (nlohmann::ordered_json::*is_kind)() const noexcept, const char* kind_name,
               bool required = false) const {
        const auto it = record_.find(key);
        if (it == record_.end() || it->is_null()) {
            if (required) fail(std::string("no field \"") + key + "\"");
            return;
        }
        if (!((*it).*is_kind)())
            fail(std::string("field \"") + key + "\" must be " + kind_name + ", found " + it->type_name());
    }

    [[noreturn]] void fail(const std::string& message) const { throw Error(kind_ + ": " + message, where_); }

private:
    const Record& record_;
    std::string kind_;
    const Location& where_;
};

}  // namespace

const std::vector<std::string>& item_statuses() {
    static const std::vector<std::string> statuses = {"missing", "broken", "stale", "not_due", "ok", "not_applicable"};
    return statuses;
}

const std::vector<std::string>& deadline_statuses() {
    static const std::vector<std::string> statuses = {"overdue", "due_soon", "open", "answered_late",
                                                      "answered_on_time"};
    return statuses;
}

void ReportRecords::add(Record record, const Location& where) {
    const auto type_it = record.find("type");
    if (type_it == record.end() || !type_it->is_string())
        throw Error(type_it == record.end() ? "record has no \"type\"" : "field \"type\" must be a string", where);
    const std::string type = type_it->get<std::string>();
    const FieldCheck check(record, type, where);
    const std::string office = check.text("office");
    const std::string office_name = check.text("office_name");
    // The date the records judge (ppid-check's summary, and any record that says it): the report's date.
    const std::string as_of = check.text("as_of");
    if (!as_of.empty() && !util::parse_iso_date(as_of)) check.fail("field \"as_of\" is \"" + as_of + "\", not a date YYYY-MM-DD");

    if (type == "item") {
        check.text("id", true);
        // "unknown" is an unreachable office's (ppid-check of ppid-crawl --offices), not a verdict on the item.
        if (check.text("status") != "unknown") check.one_of("status", item_statuses());
        check.text("title");
        check.text("category");
        check.text("action");
        check.text("next_due");
        check.shape("latest", &Record::is_object, "an object");
        check.shape("evidence", &Record::is_array, "a list");
        items.push_back(std::move(record));
    } else if (type == "summary") {
        check.shape("score", &Record::is_number, "a number");
        check.text("band");
        check.shape("counts", &Record::is_object, "an object");
        check.shape("categories", &Record::is_object, "an object");
        summaries.push_back(std::move(record));
    } else if (type == "dip_gap") {
        check.one_of("gap", {"not_published", "not_in_dip"});
        check.text("action");
        dip_gaps.push_back(std::move(record));
    } else if (type == "request" || type == "objection") {
        check.text("id", true);
        check.text("information");
        check.shape("requester", &Record::is_object, "an object");
        check.shape("deadline", &Record::is_object, "an object");
        if (const auto deadline = record.find("deadline"); deadline != record.end() && deadline->is_object()) {
            const FieldCheck inner(*deadline, type + " deadline", where);
            inner.one_of("status", deadline_statuses());
            inner.text("due", true);
            inner.text("extended_due");
            inner.shape("remaining_working_days", &Record::is_number_integer, "a whole number");
        }
        cases.push_back(std::move(record));
    } else if (type == "stats") {
        check.shape("year", &Record::is_number_integer, "a whole number", true);
        check.text("table", true);
        check.shape("values", &Record::is_object, "an object");
        check.shape("rows", &Record::is_array, "a list");
        if (!record.contains("values") && !record.contains("rows")) check.fail("no field \"values\" or \"rows\"");
        stats.push_back(std::move(record));
    } else if (type == "page" || type == "document" || type == "link") {
        if (check.text("url").empty() && check.text("path").empty()) check.fail("no field \"url\" or \"path\"");
        check.text("title");
        check.shape("problems", &Record::is_array, "a list");
        if (const auto problems = record.find("problems"); problems != record.end() && problems->is_array())
            for (const auto& problem : *problems)
                if (!problem.is_string()) check.fail("field \"problems\" must list strings");
        resources.push_back(std::move(record));
    } else if (type == "crawl_summary") {
        crawl_summaries.push_back(std::move(record));
    } else if (type == "change") {
        check.one_of("change", {"added", "removed", "changed"});
        check.text("record_type", true);
        check.text("key");
        check.shape("record", &Record::is_object, "an object");
        changes.push_back(std::move(record));
    } else if (type == "dip_entry") {
        check.text("summary");
        check.text("category");
        dip_entries.push_back(std::move(record));
    } else {
        ++other_types[type];
    }
    if (!office.empty()) offices.insert(office);
    if (!office.empty() && !office_name.empty()) office_names.emplace(office, office_name);
    if (!as_of.empty()) dates.insert(as_of);
}

std::string ReportRecords::office_label(const std::string& office) const {
    const auto found = office_names.find(office);
    return found == office_names.end() ? office : found->second;
}

bool ReportRecords::empty() const {
    return items.empty() && summaries.empty() && dip_gaps.empty() && cases.empty() && stats.empty() &&
           resources.empty() && crawl_summaries.empty() && changes.empty() && dip_entries.empty() &&
           other_types.empty();
}

}  // namespace ppid
