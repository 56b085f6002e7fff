// The deadline section: every request and objection ppid-deadline judged, the overdue ones first, then
// those due soon, with the working days left.
#include <ppid/report_fields.hpp>
#include <ppid/report_sections.hpp>
#include <ppid/report_words.hpp>

#include <algorithm>

namespace ppid {

namespace {

int status_rank(const std::string& status) {
    const auto& statuses = deadline_statuses();
    return static_cast<int>(std::find(statuses.begin(), statuses.end(), status) - statuses.begin());
}

bool is_open(const std::string& status) {
    return status == "overdue" || status == "due_soon" || status == "open";
}

// The due date that counts: the extended one when the extension was notified in time.
std::string effective_due(const Record& record) {
    const std::string extended = field_text(record, "deadline.extended_due");
    return extended.empty() ? field_text(record, "deadline.due") : extended;
}

// Returns "001/X, 002/Y" or, past `shown`, "001/X, 002/Y and 3 more".
std::string id_list(const std::vector<const Record*>& records, Language language, std::size_t shown = 5) {
    std::string text;
    for (std::size_t i = 0; i < records.size() && i < shown; ++i)
        text += (i == 0 ? "" : ", ") + field_text(*records[i], "id");
    if (records.size() > shown)
        text += say(language, " dan ", " and ") + std::to_string(records.size() - shown) +
                say(language, " lainnya", " more");
    return text;
}

}  // namespace

void add_deadline_sections(ReportDocument& report, const ReportRecords& records, const ReportSettings& settings) {
    if (records.cases.empty()) return;
    const Language language = settings.language;
    std::vector<const Record*> judged;
    std::size_t unjudged = 0;
    for (const auto& record : records.cases) {
        if (field_at(record, "deadline.status"))
            judged.push_back(&record);
        else
            ++unjudged;
    }
    std::stable_sort(judged.begin(), judged.end(), [](const Record* a, const Record* b) {
        const int rank_a = status_rank(field_text(*a, "deadline.status"));
        const int rank_b = status_rank(field_text(*b, "deadline.status"));
        if (rank_a != rank_b) return rank_a < rank_b;
        return effective_due(*a) < effective_due(*b);
    });

    ReportSection section{
        "tenggat",
        say(language, "Tenggat permohonan informasi dan keberatan", "Deadlines of information requests and objections"),
        1,
        {}};
    std::vector<const Record*> overdue, due_soon;
    std::size_t open = 0;
    for (const Record* record : judged) {
        const std::string status = field_text(*record, "deadline.status");
        if (status == "overdue") overdue.push_back(record);
        if (status == "due_soon") due_soon.push_back(record);
        if (is_open(status)) ++open;
    }
    section.blocks.push_back(ReportParagraph{
        std::to_string(judged.size()) + say(language, " permohonan dan keberatan: ", " requests and objections: ") +
        std::to_string(overdue.size()) + say(language, " lewat tenggat, ", " overdue, ") +
        std::to_string(due_soon.size()) + say(language, " segera jatuh tempo, ", " due soon, ") + std::to_string(open) +
        say(language, " belum dijawab.", " not answered yet.")});
    if (!judged.empty()) {
        ReportTable table;
        table.columns = {{say(language, "Status", "Status"), Align::left, false},
                         {say(language, "Nomor", "Number"), Align::left, false},
                         {say(language, "Jenis", "Kind"), Align::left, false},
                         {say(language, "Diterima", "Received"), Align::left, false},
                         {say(language, "Tenggat", "Due"), Align::left, false},
                         {say(language, "Sisa hari kerja", "Working days left"), Align::right, false},
                         {say(language, "Informasi yang diminta", "Information requested"), Align::left, true}};
        if (settings.show_personal) {
            table.columns.push_back({say(language, "Pemohon", "Requester"), Align::left, true});
            table.columns.push_back({say(language, "Kontak", "Contact"), Align::left, true});
        }
        for (const Record* record : judged) {
            const std::string status = field_text(*record, "deadline.status");
            const bool objection = field_text(*record, "type") == "objection";
            std::vector<ReportCell> row{
                {deadline_status_label(status, language), "", deadline_status_tone(status)},
                {field_text(*record, "id")},
                {objection ? say(language, "Keberatan", "Objection") : say(language, "Permohonan", "Request")},
                date_cell(field_text(*record, "received"), language),
                date_cell(effective_due(*record), language),
                {is_open(status) ? field_text(*record, "deadline.remaining_working_days") : "", "",
                 is_open(status) ? deadline_status_tone(status) : Tone::plain},
                {field_text(*record, "information")}};
            if (settings.show_personal) {
                row.push_back({field_text(*record, "requester.name")});
                row.push_back({field_text(*record, "requester.contact")});
            }
            table.rows.push_back(std::move(row));
        }
        section.blocks.push_back(std::move(table));
    }
    const bool personal =
        std::any_of(judged.begin(), judged.end(), [](const Record* r) { return r->contains("requester"); });
    if (personal && !settings.show_personal)
        section.blocks.push_back(ReportParagraph{
            say(language, "Nama dan kontak pemohon tidak ditampilkan (UU 27/2022); gunakan --show-personal.",
                "Requesters' names and contacts are left out (UU 27/2022); use --show-personal.")});
    if (unjudged > 0)
        report.notes.push_back(
            std::to_string(unjudged) +
            say(language,
                " permohonan atau keberatan tanpa tenggat tidak ditampilkan: alirkan dulu lewat ppid-deadline.",
                " requests or objections without a deadline are not shown: pipe them through ppid-deadline first."));
    report.sections.push_back(std::move(section));

    if (!overdue.empty())
        report.highlights.push_back(
            {say(language, "Lewat tenggat: ", "Overdue: ") + id_list(overdue, language) + ".", Tone::bad});
    if (!due_soon.empty())
        report.highlights.push_back(
            {say(language, "Segera jatuh tempo: ", "Due soon: ") + id_list(due_soon, language) + ".", Tone::warn});
    if (!overdue.empty() || !due_soon.empty()) report.attention = true;
}

}  // namespace ppid
