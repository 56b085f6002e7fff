// Shared by the unit tests of ppid-report: records from JSON text, as the tool reads them.
#pragma once

#include <ppid/report_build.hpp>

#include <string>
#include <vector>

namespace ppid::test {

// Returns the records of `lines` (one JSON object each), located as test:1, test:2...
inline ReportRecords records_of(const std::vector<std::string>& lines) {
    ReportRecords records;
    std::size_t line = 0;
    for (const auto& text : lines) records.add(Record::parse(text), {"test", ++line});
    return records;
}

}  // namespace ppid::test
