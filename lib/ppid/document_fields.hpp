// The fields of a `document` record that ppid-index and ppid-crawl write alike: the document's
// date and the period it covers, each with where it was read, and what its content says about
// itself. Both tools list the places to read in their own order of trust; the rules of reading
// are the same.
#pragma once

#include <ppid/content_extract.hpp>
#include <ppid/text_periods.hpp>
#include <ppid/util/json_text.hpp>

#include <date/date.h>
#include <date/tz.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ppid {

// A piece of text about a document and the name of where it came from ("title", "filename",
// "context", "content"...), as the record's date_source says it.
struct TextSource {
    std::string_view text;
    std::string_view source;
};

struct DocumentDate {
    date::sys_days day;
    std::string source;
};

// Returns the first date written in the first of `sources` that has one, or nullopt.
std::optional<DocumentDate> first_written_date(const std::vector<TextSource>& sources);

// Returns the day the document's own metadata says it was created (local to `zone`), or nullopt.
std::optional<date::sys_days> metadata_date(const ExtractedContent& content, const date::time_zone& zone);

// Returns the period written in the first of `sources` that names one, or nullopt.
std::optional<Period> first_written_period(const std::vector<TextSource>& sources);

// Writes "date" and "date_source", and "period", each when known; adds "future_date" to
// `problems` when the date is after `as_of`.
void write_date_and_period(util::JsonObjectText& json, const std::optional<DocumentDate>& date,
                           const std::optional<Period>& period, date::sys_days as_of, std::vector<std::string>& problems);

// Writes what the content says when it says it: "author", "created", "content_modified",
// "pages", "text_sample".
void write_content_fields(util::JsonObjectText& json, const ExtractedContent& content);

}  // namespace ppid
