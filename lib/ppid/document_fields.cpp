#include <ppid/document_fields.hpp>

#include <ppid/text_dates.hpp>
#include <ppid/util/iso_date.hpp>
#include <ppid/util/text_encoding.hpp>
#include <ppid/util/timestamp.hpp>

namespace ppid {

std::optional<DocumentDate> first_written_date(const std::vector<TextSource>& sources) {
    for (const auto& [text, source] : sources) {
        const auto found = find_dates(text);
        if (!found.empty()) return DocumentDate{found.front().day, std::string(source)};
    }
    return std::nullopt;
}

std::optional<date::sys_days> metadata_date(const ExtractedContent& content, const date::time_zone& zone) {
    if (content.created.empty()) return std::nullopt;
    const auto stamp = util::parse_timestamp(content.created);
    if (!stamp) return std::nullopt;
    return util::to_local(*stamp, zone).day;
}

std::optional<Period> first_written_period(const std::vector<TextSource>& sources) {
    for (const auto& source : sources)
        if (auto period = find_period(source.text)) return period;
    return std::nullopt;
}

void write_date_and_period(util::JsonObjectText& json, const std::optional<DocumentDate>& date,
                           const std::optional<Period>& period, date::sys_days as_of, std::vector<std::string>& problems) {
    if (date) {
        json.string("date", util::format_iso_date(date->day)).string("date_source", date->source);
        if (date->day > as_of) problems.emplace_back("future_date");
    }
    if (!period) return;
    util::JsonObjectText object(json.raw("period"));
    object.string("text", period->text).string("kind", period->kind).number("year", period->year);
    if (period->number) object.number("number", period->number);
    object.string("start", util::format_iso_date(period->start))
        .string("end", util::format_iso_date(period->end))
        .close();
}

void write_content_fields(util::JsonObjectText& json, const ExtractedContent& content) {
    if (!content.author.empty()) json.string("author", util::repair_utf8(content.author));
    if (!content.created.empty()) json.string("created", content.created);
    if (!content.modified.empty()) json.string("content_modified", content.modified);
    if (content.pages) json.number("pages", *content.pages);
    if (!content.text_sample.empty()) json.string("text_sample", util::repair_utf8(content.text_sample));
}

}  // namespace ppid
