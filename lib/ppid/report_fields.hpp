// Reading fields of records that report_records.hpp has checked, for display: a missing field reads as
// empty or zero instead of failing, as the report shows what is there.
#pragma once

#include <ppid/jsonl.hpp>

#include <string>
#include <string_view>

namespace ppid {

// Returns the value at `path` ("deadline.due": dots go into objects), or nullptr when any step is
// missing or not an object.
const Record* field_at(const Record& record, std::string_view path);

// Returns the value at `path` as text: a string as it is, a number or boolean as JSON writes it, ""
// for null, a missing field, an object or a list.
std::string field_text(const Record& record, std::string_view path);

// Returns the number at `path`, or `fallback` when it is missing or not a number.
double field_number(const Record& record, std::string_view path, double fallback = 0);

}  // namespace ppid
