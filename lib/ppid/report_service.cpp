// The annual service report from ppid-stats, laid out as KPU offices publish theirs (research/kpu-websites.md
// 4.4), so an admin can paste the parts into the report: "Rincian Pelayanan Informasi Publik" and
// "Rincian Penyelesaian Sengketa Informasi Publik".
#include <ppid/date_names.hpp>
#include <ppid/report_fields.hpp>
#include <ppid/report_sections.hpp>
#include <ppid/report_words.hpp>

#include <algorithm>
#include <cmath>

namespace ppid {

namespace {

const char* const decision_keys[] = {"granted", "partial", "rejected", "not_held", "undecided"};

// The stats records of one year, by table name.
struct YearTables {
    int year = 0;
    std::vector<const Record*> tables;

    const Record* find(const std::string& name) const {
        for (const Record* table : tables)
            if (field_text(*table, "table") == name) return table;
        return nullptr;
    }
};

std::string count_text(const Record& record, std::string_view path) {
    const Record* value = field_at(record, path);
    return value && value->is_number() ? value->dump() : "0";
}

std::string month_name(const Record& row, Language language) {
    const double month = field_number(row, "month");
    if (month >= 1 && month <= 12) {
        const auto index = static_cast<std::size_t>(month) - 1;
        return std::string(language == Language::id ? date_names::indonesian_months[index]
                                                    : date_names::english_months[index]);
    }
    return field_text(row, "month_name");
}

ReportTable decision_columns_table(const std::string& first, Language language, bool disputes = false) {
    ReportTable table;
    table.columns.push_back({first, Align::left, true});
    table.columns.push_back({say(language, "Jumlah", "Total"), Align::right, false});
    for (const char* decision : decision_keys)
        table.columns.push_back({decision_label(decision, language), Align::right, false});
    if (disputes)
        table.columns.push_back({say(language, "Ke Komisi Informasi", "To the Komisi Informasi"), Align::right, false});
    return table;
}

ReportTable two_columns(const std::string& first, const std::string& second) {
    ReportTable table;
    table.columns = {{first, Align::left, true}, {second, Align::right, false}};
    return table;
}

void add_requests(ReportSection& part, const YearTables& year, Language language) {
    const Record* summary = year.find("summary");
    if (summary)
        part.blocks.push_back(ReportParagraph{
            say(language, "a. Jumlah permohonan informasi publik: ", "a. Number of requests for public information: ") +
            count_text(*summary, "values.requests")});
    if (const Record* by_month = year.find("requests_by_month"); by_month && field_at(*by_month, "rows")) {
        ReportTable table = decision_columns_table(say(language, "Bulan", "Month"), language);
        ReportChart chart;
        chart.title = say(language, "Permohonan per bulan", "Requests by month");
        chart.series = {{say(language, "Permohonan", "Requests"), Tone::plain}};
        for (const auto& row : *field_at(*by_month, "rows")) {
            std::vector<ReportCell> cells{{month_name(row, language)}, {count_text(row, "requests")}};
            for (const char* decision : decision_keys) cells.push_back({count_text(row, decision)});
            table.rows.push_back(std::move(cells));
            chart.bars.push_back({month_name(row, language), {std::max(0.0, field_number(row, "requests"))}});
        }
        part.blocks.push_back(std::move(chart));
        part.blocks.push_back(std::move(table));
    }
    if (const Record* time = year.find("answer_time")) {
        part.blocks.push_back(ReportParagraph{
            say(language, "b. Waktu pemenuhan permohonan (hari kerja):", "b. Time taken to answer (working days):")});
        ReportTable table = two_columns(say(language, "Uraian", "Item"), say(language, "Jumlah", "Value"));
        const auto days = [&](const char* key) {
            const Record* value = field_at(*time, std::string("values.") + key);
            return value && value->is_number() ? written_number(value->get<double>(), language) : "-";
        };
        table.rows = {
            {{say(language, "Permohonan dijawab", "Requests answered")}, {count_text(*time, "values.answered")}},
            {{say(language, "Dijawab tepat waktu", "Answered on time")}, {count_text(*time, "values.on_time")}},
            {{say(language, "Dijawab terlambat", "Answered late")},
             {count_text(*time, "values.late"), "", field_number(*time, "values.late") > 0 ? Tone::bad : Tone::plain}},
            {{say(language, "Rata-rata waktu menjawab", "Mean time to answer")}, {days("mean_working_days")}},
            {{say(language, "Median waktu menjawab", "Median time to answer")}, {days("median_working_days")}},
            {{say(language, "Waktu menjawab terlama", "Longest time to answer")}, {days("max_working_days")}}};
        part.blocks.push_back(std::move(table));
    }
    if (const Record* outcomes = year.find("outcomes"); outcomes && field_at(*outcomes, "rows")) {
        part.blocks.push_back(
            ReportParagraph{say(language, "c. Keputusan atas permohonan:", "c. Decisions on requests:")});
        ReportTable table =
            two_columns(say(language, "Keputusan", "Decision"), say(language, "Permohonan", "Requests"));
        for (const auto& row : *field_at(*outcomes, "rows"))
            table.rows.push_back(
                {{decision_label(field_text(row, "decision"), language)}, {count_text(row, "requests")}});
        part.blocks.push_back(std::move(table));
    }
    if (const Record* reasons = year.find("rejection_reasons"); reasons && field_at(*reasons, "rows")) {
        part.blocks.push_back(ReportParagraph{say(language, "d. Alasan penolakan:", "d. Reasons for refusal:")});
        const Record& rows = *field_at(*reasons, "rows");
        if (rows.empty()) {
            part.blocks.push_back(
                ReportParagraph{say(language, "Tidak ada permohonan yang ditolak.", "No request was refused.")});
        } else {
            ReportTable table = two_columns(say(language, "Alasan", "Reason"), say(language, "Permohonan", "Requests"));
            for (const auto& row : rows)
                table.rows.push_back({{field_text(row, "reason")}, {count_text(row, "requests")}});
            part.blocks.push_back(std::move(table));
        }
    }
    const struct {
        const char* table;
        const char* key;
        const char* id;
        const char* en;
    } breakdowns[] = {{"timeliness_by_channel", "channel", "Ketepatan waktu menurut saluran", "Timeliness by channel"},
                      {"timeliness_by_regime", "regime", "Ketepatan waktu menurut rezim", "Timeliness by rule set"},
                      {"timeliness_by_month", "month", "Ketepatan waktu menurut bulan", "Timeliness by month"}};
    for (const auto& breakdown : breakdowns) {
        const Record* record = year.find(breakdown.table);
        if (!record || !field_at(*record, "rows")) continue;
        part.blocks.push_back(ReportParagraph{say(language, breakdown.id, breakdown.en) + ":"});
        const std::string key = breakdown.key;
        const std::string group = key == "month"    ? say(language, "Bulan", "Month")
                                  : key == "regime" ? say(language, "Rezim", "Rule set")
                                                    : say(language, "Saluran", "Channel");
        ReportTable table;
        table.columns = {{group, Align::left, true},
                         {say(language, "Permohonan", "Requests"), Align::right, false},
                         {say(language, "Tepat waktu", "On time"), Align::right, false},
                         {say(language, "Terlambat", "Late"), Align::right, false},
                         {say(language, "Belum dijawab", "Not answered"), Align::right, false}};
        for (const auto& row : *field_at(*record, "rows"))
            table.rows.push_back({{key == "month" ? month_name(row, language) : field_text(row, breakdown.key)},
                                  {count_text(row, "requests")},
                                  {count_text(row, "answered_on_time")},
                                  {count_text(row, "answered_late")},
                                  {count_text(row, "still_open")}});
        part.blocks.push_back(std::move(table));
    }
}

void add_disputes(ReportSection& part, const YearTables& year, Language language) {
    const Record* summary = year.find("summary");
    if (summary)
        part.blocks.push_back(ReportParagraph{say(language, "a. Jumlah keberatan: ", "a. Number of objections: ") +
                                              count_text(*summary, "values.objections")});
    if (const Record* reasons = year.find("objections_by_reason"); reasons && field_at(*reasons, "rows")) {
        ReportTable table = decision_columns_table(
            say(language, "Alasan keberatan (Pasal 35 ayat (1))", "Ground of objection (Article 35(1))"), language,
            true);
        for (const auto& row : *field_at(*reasons, "rows")) {
            std::vector<ReportCell> cells{{objection_reason_label(field_text(row, "reason"), language)},
                                          {count_text(row, "objections")}};
            for (const char* decision : decision_keys) cells.push_back({count_text(row, decision)});
            cells.push_back({count_text(row, "disputes_filed")});
            table.rows.push_back(std::move(cells));
        }
        part.blocks.push_back(std::move(table));
    }
    if (summary) {
        const bool late = field_number(*summary, "values.objections_overdue") > 0;
        part.blocks.push_back(ReportParagraph{
            say(language, "b. Tindak lanjut: ", "b. Follow-up: ") + count_text(*summary, "values.objections_answered") +
                say(language, " keberatan ditanggapi atasan PPID, ", " objections answered by the atasan PPID, ") +
                count_text(*summary, "values.objections_overdue") + say(language, " lewat tenggat.", " overdue."),
            late ? Tone::bad : Tone::plain});
        part.blocks.push_back(ReportParagraph{say(language, "c. Permohonan penyelesaian sengketa ke Komisi Informasi: ",
                                                  "c. Disputes filed with the Komisi Informasi: ") +
                                              count_text(*summary, "values.disputes_filed")});
        part.blocks.push_back(ReportParagraph{
            say(language,
                "Hasil mediasi atau ajudikasi dan gugatan ke pengadilan tidak tercatat dalam register; isi sendiri.",
                "Mediation or adjudication results and court cases are not in the register; fill them in yourself.")});
    }
}

}  // namespace

void add_service_sections(ReportDocument& report, const ReportRecords& records, const ReportSettings& settings) {
    if (records.stats.empty()) return;
    const Language language = settings.language;
    std::vector<YearTables> years;
    for (const auto& record : records.stats) {
        const int year = static_cast<int>(field_number(record, "year"));
        auto found = std::find_if(years.begin(), years.end(), [&](const YearTables& y) { return y.year == year; });
        if (found == years.end()) found = years.insert(years.end(), YearTables{year, {}});
        found->tables.push_back(&record);
    }
    std::stable_sort(years.begin(), years.end(),
                     [](const YearTables& a, const YearTables& b) { return a.year < b.year; });
    for (const auto& year : years) {
        const std::string year_text = std::to_string(year.year);
        report.sections.push_back(
            {"layanan-" + year_text,
             say(language, "Laporan layanan informasi publik tahun ", "Public information service report ") + year_text,
             1,
             {}});
        ReportSection requests{
            "pelayanan-" + year_text,
            say(language, "Rincian Pelayanan Informasi Publik", "Public information services in detail"),
            2,
            {}};
        add_requests(requests, year, language);
        report.sections.push_back(std::move(requests));
        ReportSection disputes{
            "sengketa-" + year_text,
            say(language, "Rincian Penyelesaian Sengketa Informasi Publik", "Information disputes in detail"),
            2,
            {}};
        add_disputes(disputes, year, language);
        report.sections.push_back(std::move(disputes));

        if (const Record* summary = year.find("summary")) {
            const double overdue = field_number(*summary, "values.overdue");
            const double objections_overdue = field_number(*summary, "values.objections_overdue");
            // The deadline section names each overdue case when the records are there too.
            if ((overdue > 0 || objections_overdue > 0) && records.cases.empty()) {
                report.highlights.push_back({say(language, "Laporan layanan ", "Service report ") + year_text + ": " +
                                                 written_number(overdue, language, 0) +
                                                 say(language, " permohonan dan ", " requests and ") +
                                                 written_number(objections_overdue, language, 0) +
                                                 say(language, " keberatan lewat tenggat.", " objections overdue."),
                                             Tone::bad});
                report.attention = true;
            }
        }
    }
}

}  // namespace ppid
