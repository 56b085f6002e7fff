#include <ppid/deadline_record.hpp>
#include <ppid/regime.hpp>
#include <ppid/util/iso_date.hpp>

namespace ppid {

namespace {

using util::format_iso_date;

util::LocalMoment required_moment(const Record& record, const char* key, const Location& where,
                                  const date::time_zone& zone) {
    const std::string text = optional_string(record, key, where);
    if (text.empty()) throw Error(std::string("missing \"") + key + "\"", where);
    const auto stamp = util::parse_timestamp(text);
    if (!stamp)
        throw Error(std::string("\"") + key + "\": \"" + text + "\" is not a valid ISO 8601 date or timestamp", where);
    return util::to_local(*stamp, zone);
}

std::optional<date::sys_days> optional_day(const Record& record, const char* key, const Location& where,
                                           const date::time_zone& zone) {
    if (optional_string(record, key, where).empty()) return std::nullopt;
    return required_moment(record, key, where, zone).day;
}

void require_string_id(const Record& record, const char* key, const Location& where, bool required) {
    const auto it = record.find(key);
    if (it == record.end() || it->is_null()) {
        if (required) throw Error(std::string("missing \"") + key + "\"", where);
        return;
    }
    if (!it->is_string())
        throw Error(std::string("\"") + key + "\" must be a string (IDs are text, never numbers), found " +
                        it->type_name(), where);
}

CaseDates read_case(const Record& record, const Location& where, const date::time_zone& zone) {
    CaseDates dates;
    dates.kind = record["type"] == "objection" ? CaseKind::objection : CaseKind::request;
    require_string_id(record, "id", where, true);
    if (dates.kind == CaseKind::objection) {
        require_string_id(record, "request_id", where, false);
        const std::string reason = optional_string(record, "reason", where);
        if (!reason.empty() && (reason.size() != 1 || reason[0] < 'a' || reason[0] > 'g'))
            throw Error("\"reason\": \"" + reason + "\" is not a letter a to g of Pasal 35(1)", where);
    }
    dates.received = required_moment(record, "received", where, zone);
    if (dates.kind == CaseKind::request) dates.extension_notified = optional_day(record, "extension_notified", where, zone);
    dates.answered = optional_day(record, "answered", where, zone);
    const std::string decision = optional_string(record, "decision", where);
    if (!decision.empty()) {
        const auto parsed = parse_decision(decision);
        if (!parsed)
            throw Error("\"decision\": \"" + decision + "\" is not one of granted, partial, rejected, not_held", where);
        dates.decision = *parsed;
    }
    return dates;
}

Record window_to_json(const FollowUpWindow& window) {
    Record json;
    json["rule"] = window.rule->id();
    json["cause"] = window.cause;
    json["from"] = format_iso_date(window.opens_after);
    json["last_day"] = window.last_day ? Record(format_iso_date(*window.last_day)) : Record();
    json["basis"] = window.rule->basis;
    json["confidence"] = window.rule->confidence;
    return json;
}

Record trace_to_json(const std::vector<TraceDay>& trace) {
    Record days = Record::array();
    for (const auto& entry : trace) {
        Record day;
        day["date"] = format_iso_date(entry.day);
        day["weekday"] = std::string(weekday_name(entry.day));
        if (entry.count) day["day"] = *entry.count;
        else day["skipped"] = entry.reasons;
        if (entry.count && !entry.reasons.empty()) day["note"] = entry.reasons;
        days.push_back(std::move(day));
    }
    return days;
}

}  // namespace

bool has_deadline(const Record& record) {
    const auto type = record.find("type");
    return type != record.end() && type->is_string() && (*type == "request" || *type == "objection");
}

Record deadline_to_json(const Deadline& deadline, bool explain) {
    Record json;
    json["rule"] = deadline.rule->id();
    json["regime"] = deadline.regime.rules->regime;
    json["regime_source"] = deadline.regime.source;
    if (!deadline.regime.stage_name.empty()) json["election_stage"] = deadline.regime.stage_name;
    json["received_date"] = format_iso_date(deadline.received);
    json["counted_from"] = format_iso_date(deadline.counted_from);
    json["due"] = format_iso_date(deadline.due);
    json["extended_due"] = deadline.extended_due ? Record(format_iso_date(*deadline.extended_due)) : Record();
    if (deadline.extension_in_time) json["extension"] = *deadline.extension_in_time ? "in_time" : "late";
    json["status"] = std::string(to_string(deadline.status));
    json["elapsed_working_days"] = deadline.elapsed.count;
    json["remaining_working_days"] = deadline.remaining.count;
    json["basis"] = deadline.rule->basis;
    json["confidence"] = deadline.rule->confidence;
    if (deadline.follow_up) {
        const char* key = deadline.follow_up->rule->stage == Stage::objection_window ? "objection_window" : "dispute_filing";
        json[key] = window_to_json(*deadline.follow_up);
    }
    if (!deadline.notes.empty()) json["notes"] = deadline.notes;
    if (explain) json["trace"] = trace_to_json(deadline.trace);
    return json;
}

DeadlineStatus add_deadline(Record& record, const Location& where, const DeadlineRun& run) {
    const CaseDates dates = read_case(record, where, run.zone);
    const std::string record_regime = optional_string(record, "regime", where);
    Deadline deadline;
    try {
        const RegimeChoice regime =
            choose_regime(run.rules, record_regime.empty() ? std::nullopt : std::optional<std::string>(record_regime),
                          run.regime, run.config.election_stages, dates.received.day);
        deadline = compute_deadline(dates, regime, run.calendar, run.options);
    } catch (const OutOfCoverage& e) {
        throw OutOfCoverage(e.what(), where);
    } catch (const Error& e) {
        throw Error(e.what(), where);
    }
    record["deadline"] = deadline_to_json(deadline, run.options.explain);
    return deadline.status;
}

}  // namespace ppid
