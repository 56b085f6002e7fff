#include <ppid/report_build.hpp>
#include <ppid/report_words.hpp>
#include <ppid/util/iso_date.hpp>

#include <algorithm>

namespace ppid {

namespace {

// The date the report judges: the records' own as_of (a re-rendered old run says its night, not today),
// the range when they carry several, said so; settings.as_of only when they carry none.
std::string records_date(const ReportRecords& records, const ReportSettings& settings, Language language) {
    if (records.dates.empty()) return written_date(settings.as_of, language);
    const std::string first = written_iso_date(*records.dates.begin(), language);
    if (records.dates.size() == 1) return first;
    return first + say(language, " s.d. ", " to ") + written_iso_date(*records.dates.rbegin(), language) +
           say(language, " (catatan dari ", " (records of ") + std::to_string(records.dates.size()) +
           say(language, " tanggal berbeda)", " different dates)");
}

}  // namespace

ReportDocument build_report(const ReportRecords& records, const ReportSettings& settings) {
    const Language language = settings.language;
    ReportDocument report;
    report.language = language == Language::id ? "id" : "en";
    report.title = settings.title.empty() ? say(language, "Laporan PPID", "PPID report") : settings.title;
    // The office the records are of: one named in them wins over the configuration's, which may be the
    // province's rendering one office's records; the summaries of several make the province's view
    // (report_offices.cpp), headed with the configuration's office and the count.
    std::string office = settings.office;
    if (records.offices.size() == 1) office = records.office_label(*records.offices.begin());
    if (!office.empty()) report.facts.push_back({say(language, "Kantor", "Office"), office});
    const bool many_offices = is_multi_office(records);
    if (many_offices)
        report.facts.push_back({say(language, "Jumlah kantor", "Offices"), std::to_string(records.offices.size())});
    report.date = records.dates.empty() ? util::format_iso_date(settings.as_of) : *records.dates.rbegin();
    report.facts.push_back({say(language, "Per tanggal", "As of"), records_date(records, settings, language),
                            records.dates.size() > 1 ? "" : report.date});

    // Many offices' checks (ppid-crawl --offices): the province's one page, not thirty-six offices' details.
    if (many_offices) {
        add_office_sections(report, records, settings);
    } else {
        add_completeness_sections(report, records, settings);
        add_deadline_sections(report, records, settings);
        add_service_sections(report, records, settings);
        add_problem_sections(report, records, settings);
        add_change_sections(report, records, settings);
    }

    std::stable_sort(report.highlights.begin(), report.highlights.end(),
                     [](const ReportParagraph& a, const ReportParagraph& b) {
                         const auto rank = [](Tone tone) { return tone == Tone::bad ? 0 : tone == Tone::warn ? 1 : 2; };
                         return rank(a.tone) < rank(b.tone);
                     });
    if (report.highlights.empty())
        report.highlights.push_back(
            {records.empty() ? say(language, "Tidak ada catatan untuk dilaporkan.", "There are no records to report.")
                             : say(language, "Tidak ada yang perlu ditindaklanjuti.", "Nothing needs attention."),
             records.empty() ? Tone::plain : Tone::good});

    if (many_offices) {
        report.notes.push_back(say(language,
                                   "Rincian tiap kantor: ppid-report atas catatan kantor itu saja, misalnya "
                                   "jq -c 'select(.office == \"ID\")'.",
                                   "Each office's details: ppid-report of that office's records alone, for example "
                                   "jq -c 'select(.office == \"ID\")'."));
    } else if (records.offices.size() > 1) {
        std::string names;
        for (const auto& name : records.offices) names += (names.empty() ? "" : ", ") + records.office_label(name);
        report.notes.push_back(
            say(language, "Catatan berasal dari beberapa kantor (", "The records come from several offices (") + names +
            say(language, "); laporan ini menggabungkannya.", "); this report shows them together."));
    }
    if (!records.other_types.empty()) {
        std::string types;
        for (const auto& [type, count] : records.other_types)
            types += (types.empty() ? "" : ", ") + type + " (" + std::to_string(count) + ")";
        report.notes.push_back(
            say(language, "Catatan jenis lain tidak ditampilkan: ", "Records of other types not shown: ") + types +
            ".");
    }
    return report;
}

}  // namespace ppid
