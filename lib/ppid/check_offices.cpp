#include <ppid/check_offices.hpp>
#include <ppid/jsonl.hpp>

namespace ppid {

OfficeChecks::OfficeChecks(const Checklist& checklist, const ScoreBands& bands, CheckOptions options)
    : checklist_(checklist), bands_(bands), options_(std::move(options)) {
    options_.office.clear();
    options_.office_name.clear();
    without_office_ = std::make_unique<CompletenessCheck>(checklist_, bands_, options_);
}

std::string OfficeChecks::add_record(std::string_view line, const util::ScannedObject& fields) {
    const auto* office = fields.find("office");
    const auto* type = fields.find("type");
    const bool typed = type && type->kind == util::ScannedValue::Kind::string;
    if (!office || office->kind == util::ScannedValue::Kind::null) {
        if (typed && (type->text == "document" || type->text == "page" || type->text == "link"))
            without_office_seen_ = true;
        return without_office_->add_record(line, fields);
    }
    if (office->kind != util::ScannedValue::Kind::string)
        return std::string("field \"office\" must be a string, found ") + office->type_name();
    if (office->text.empty()) return "field \"office\" must not be empty";

    auto& check = by_office_[office->text];
    if (!check) {
        auto options = options_;
        options.office = office->text;
        // Every record of ppid-crawl --offices carries the name from the offices file; the first one says it.
        if (const auto* name = fields.find("office_name"); name && name->kind == util::ScannedValue::Kind::string)
            options.office_name = name->text;
        check = std::make_unique<CompletenessCheck>(checklist_, bands_, std::move(options));
    }
    if (typed && type->text == "crawl_summary") {
        // The scan keeps a boolean's kind, not its value; a crawl_summary is one short line per office.
        const auto* unreachable = fields.find("unreachable");
        if (unreachable && unreachable->kind == util::ScannedValue::Kind::boolean &&
            Record::parse(line).value("unreachable", false))
            check->mark_unreachable();
    }
    return check->add_record(line, fields);
}

bool OfficeChecks::write(JsonlWriter& writer) const {
    bool attention = false;
    if (by_office_.empty() || without_office_seen_) attention = without_office_->write(writer);
    for (const auto& [office, check] : by_office_) attention = check->write(writer) || attention;
    return attention;
}

}  // namespace ppid
