#include <ppid/deadline_record.hpp>
#include <ppid/jsonl.hpp>
#include <ppid/regime.hpp>
#include <ppid/util/iso_date.hpp>
#include <ppid/util/json_text.hpp>

namespace ppid {

namespace {

using util::format_iso_date;
using util::ScannedValue;

// Returns the field's text, "" when absent or null; throws when it is not a string.
std::string_view text_field(const util::ScannedObject& fields, const char* key, const Location& where) {
    const ScannedValue* value = fields.find(key);
    if (!value || value->kind == ScannedValue::Kind::null) return {};
    if (value->kind != ScannedValue::Kind::string)
        throw Error(std::string("\"") + key + "\" must be a string, found " + value->type_name(), where);
    return value->text;
}

util::LocalMoment required_moment(const util::ScannedObject& fields, const char* key, const Location& where,
                                  const date::time_zone& zone) {
    const std::string_view text = text_field(fields, key, where);
    if (text.empty()) throw Error(std::string("missing \"") + key + "\"", where);
    const auto stamp = util::parse_timestamp(text);
    if (!stamp)
        throw Error(std::string("\"") + key + "\": \"" + std::string(text) +
                        "\" is not a valid ISO 8601 date or timestamp", where);
    return util::to_local(*stamp, zone);
}

std::optional<date::sys_days> optional_day(const util::ScannedObject& fields, const char* key, const Location& where,
                                           const date::time_zone& zone) {
    if (text_field(fields, key, where).empty()) return std::nullopt;
    return required_moment(fields, key, where, zone).day;
}

void require_string_id(const util::ScannedObject& fields, const char* key, const Location& where, bool required) {
    const ScannedValue* value = fields.find(key);
    if (!value || value->kind == ScannedValue::Kind::null) {
        if (required) throw Error(std::string("missing \"") + key + "\"", where);
        return;
    }
    if (value->kind != ScannedValue::Kind::string)
        throw Error(std::string("\"") + key + "\" must be a string (IDs are text, never numbers), found " +
                        value->type_name(), where);
}

CaseDates read_case(const util::ScannedObject& fields, const Location& where, const date::time_zone& zone) {
    CaseDates dates;
    dates.kind = text_field(fields, "type", where) == "objection" ? CaseKind::objection : CaseKind::request;
    require_string_id(fields, "id", where, true);
    if (dates.kind == CaseKind::objection) {
        require_string_id(fields, "request_id", where, false);
        const std::string_view reason = text_field(fields, "reason", where);
        if (!reason.empty() && (reason.size() != 1 || reason[0] < 'a' || reason[0] > 'g'))
            throw Error("\"reason\": \"" + std::string(reason) + "\" is not a letter a to g of Pasal 35(1)", where);
    }
    dates.received = required_moment(fields, "received", where, zone);
    if (dates.kind == CaseKind::request) dates.extension_notified = optional_day(fields, "extension_notified", where, zone);
    dates.answered = optional_day(fields, "answered", where, zone);
    const std::string_view decision = text_field(fields, "decision", where);
    if (!decision.empty()) {
        const auto parsed = parse_decision(decision);
        if (!parsed)
            throw Error("\"decision\": \"" + std::string(decision) + "\" is not one of granted, partial, rejected, not_held",
                        where);
        dates.decision = *parsed;
    }
    return dates;
}

void append_string_array(std::string& out, const std::vector<std::string>& items) {
    out += '[';
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i) out += ',';
        util::append_json_string(out, items[i]);
    }
    out += ']';
}

void append_trace(std::string& out, const std::vector<TraceDay>& trace) {
    out += '[';
    for (std::size_t i = 0; i < trace.size(); ++i) {
        const auto& entry = trace[i];
        if (i) out += ',';
        util::JsonObjectText day(out);
        day.string("date", format_iso_date(entry.day)).string("weekday", weekday_name(entry.day));
        if (entry.count) {
            day.number("day", *entry.count);
            if (!entry.reasons.empty()) append_string_array(day.raw("note"), entry.reasons);
        } else {
            append_string_array(day.raw("skipped"), entry.reasons);
        }
        day.close();
    }
    out += ']';
}

void append_date(std::string& out, date::sys_days day) {
    out += '"';
    out += format_iso_date(day);
    out += '"';
}

// Returns `line` without its closing brace (and the whitespace around it), so members can be
// appended; the scan has already checked that the text is one object.
std::string_view without_closing_brace(std::string_view line) {
    std::string_view body = line.substr(0, line.find_last_of('}'));
    const auto last = body.find_last_not_of(" \t");
    return body.substr(0, last == std::string_view::npos ? 0 : last + 1);
}

}  // namespace

bool has_deadline(const util::ScannedObject& fields) {
    const ScannedValue* type = fields.find("type");
    return type && type->kind == ScannedValue::Kind::string && (type->text == "request" || type->text == "objection");
}

const DeadlineText::RuleText& DeadlineText::of(const StageRule& rule) {
    for (const auto& known : rules_)
        if (known.rule == &rule) return known;
    RuleText text{&rule, "\"rule\":", "\"basis\":"};
    util::append_json_string(text.id, rule.id());
    util::append_json_string(text.basis_and_confidence, rule.basis);
    text.basis_and_confidence += ",\"confidence\":";
    util::append_json_string(text.basis_and_confidence, rule.confidence);
    rules_.push_back(std::move(text));
    return rules_.back();
}

const std::string& DeadlineText::quoted(const std::string& text) {
    for (const auto& [plain, encoded] : quoted_)
        if (plain == text) return encoded;
    if (quoted_.size() >= 64) quoted_.clear();  // a bound: these come from the data, a few of them
    std::string encoded;
    util::append_json_string(encoded, text);
    quoted_.emplace_back(text, std::move(encoded));
    return quoted_.back().second;
}

void DeadlineText::append_window(std::string& out, const FollowUpWindow& window) {
    const RuleText& rule = of(*window.rule);
    out += '{';
    out += rule.id;
    out += ",\"cause\":";
    util::append_json_string(out, window.cause);
    out += ",\"from\":";
    append_date(out, window.opens_after);
    out += ",\"last_day\":";
    if (window.last_day) append_date(out, *window.last_day);
    else out += "null";
    out += ',';
    out += rule.basis_and_confidence;
    out += '}';
}

// The keys are written as they are: plain ASCII names, which JSON writes unchanged.
void DeadlineText::append(std::string& out, const Deadline& deadline, bool explain) {
    const RuleText& rule = of(*deadline.rule);
    out += '{';
    out += rule.id;
    out += ",\"regime\":";
    out += quoted(deadline.regime.rules->regime);
    out += ",\"regime_source\":";
    out += quoted(deadline.regime.source);
    if (!deadline.regime.stage_name.empty()) {
        out += ",\"election_stage\":";
        out += quoted(deadline.regime.stage_name);
    }
    out += ",\"received_date\":";
    append_date(out, deadline.received);
    out += ",\"counted_from\":";
    append_date(out, deadline.counted_from);
    out += ",\"due\":";
    append_date(out, deadline.due);
    out += ",\"extended_due\":";
    if (deadline.extended_due) append_date(out, *deadline.extended_due);
    else out += "null";
    if (deadline.extension_in_time) out += *deadline.extension_in_time ? ",\"extension\":\"in_time\"" : ",\"extension\":\"late\"";
    out += ",\"status\":";
    util::append_json_string(out, to_string(deadline.status));
    out += ",\"elapsed_working_days\":";
    out += std::to_string(deadline.elapsed.count);
    out += ",\"remaining_working_days\":";
    out += std::to_string(deadline.remaining.count);
    out += ',';
    out += rule.basis_and_confidence;
    if (deadline.follow_up) {
        out += deadline.follow_up->rule->stage == Stage::objection_window ? ",\"objection_window\":" : ",\"dispute_filing\":";
        append_window(out, *deadline.follow_up);
    }
    if (!deadline.notes.empty()) {
        out += ",\"notes\":";
        append_string_array(out, deadline.notes);
    }
    if (explain) {
        out += ",\"trace\":";
        append_trace(out, deadline.trace);
    }
    out += '}';
}

Deadline deadline_of(const util::ScannedObject& fields, const Location& where, const DeadlineRun& run) {
    const CaseDates dates = read_case(fields, where, run.zone);
    const std::string_view record_regime = text_field(fields, "regime", where);
    try {
        const RegimeChoice regime = choose_regime(
            run.rules, record_regime.empty() ? std::nullopt : std::optional<std::string>(record_regime), run.regime,
            run.config.election_stages, dates.received.day);
        return compute_deadline(dates, regime, run.calendar, run.options);
    } catch (const OutOfCoverage& e) {
        throw OutOfCoverage(e.what(), where);
    } catch (const Error& e) {
        throw Error(e.what(), where);
    }
}

DeadlineStatus add_deadline(std::string_view line, const util::ScannedObject& fields, const Location& where,
                            const DeadlineRun& run, DeadlineText& text, std::string& out) {
    const Deadline deadline = deadline_of(fields, where, run);
    if (fields.find("deadline")) {
        // Already computed once (ppid-deadline run twice): replace it in place, keeping key order.
        std::string deadline_text;
        text.append(deadline_text, deadline, run.options.explain);
        Record record = Record::parse(line);
        record["deadline"] = Record::parse(deadline_text);
        out = record.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        return deadline.status;
    }
    out.assign(without_closing_brace(line));
    out += fields.members.empty() ? "\"deadline\":" : ",\"deadline\":";
    text.append(out, deadline, run.options.explain);
    out += '}';
    return deadline.status;
}

bool add_deadlines(const std::vector<std::string>& inputs, const DeadlineRun& run, Diagnostics& diag, std::ostream& out) {
    JsonlWriter writer(out);
    DeadlineText text;
    bool attention = false;
    std::string with_deadline;
    scan_records(inputs, diag, [&](std::string_view line, const util::ScannedObject& fields, const Location& where) {
        if (!has_deadline(fields)) return writer.write_line(line);  // other records pass through
        try {
            attention = needs_attention(add_deadline(line, fields, where, run, text, with_deadline)) || attention;
        } catch (const Error& e) {
            return diag.error(e.where(), e.what());
        }
        writer.write_line(with_deadline);
    });
    return attention;
}

}  // namespace ppid
