// Turning records into a report: the header, the highlights, one section per kind of record present, and
// whether anything needs a person's attention.
#pragma once

#include <ppid/report_document.hpp>
#include <ppid/report_records.hpp>
#include <ppid/report_sections.hpp>

namespace ppid {

// Returns the report of `records`: the title (settings.title, else "Laporan PPID"/"PPID report"), the
// office (the one the records name, by its office_name when known, else the configuration's) and the
// date (the records' as_of, their range when several, else settings.as_of), the highlights worst first, then the sections in this order: completeness,
// deadlines, service report, problems, changes; or, when the summaries name several offices, the offices'
// sections of add_office_sections instead. Records of the same kind are shown together whatever their
// order in the input. Never fails.
ReportDocument build_report(const ReportRecords& records, const ReportSettings& settings);

}  // namespace ppid
