// The completeness sections: what ppid-check found, worst first, so the office head reads what to upload
// before what is fine.
#include <ppid/report_fields.hpp>
#include <ppid/report_sections.hpp>
#include <ppid/report_words.hpp>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

namespace ppid {

namespace {

int status_rank(const std::string& status) {
    const auto& statuses = item_statuses();
    return static_cast<int>(std::find(statuses.begin(), statuses.end(), status) - statuses.begin());
}

bool needs_action(const std::string& status) {
    return status == "missing" || status == "broken" || status == "stale";
}

struct Category {
    std::string name;
    std::vector<const Record*> items;
    std::map<std::string, int> counts;  // per status
    int worst = 99;
    int problems = 0;
};

// Returns the categories in the order the items first name them.
std::vector<Category> group_by_category(const std::vector<Record>& items) {
    std::vector<Category> categories;
    for (const auto& item : items) {
        const std::string name = field_text(item, "category");
        auto found =
            std::find_if(categories.begin(), categories.end(), [&](const Category& c) { return c.name == name; });
        if (found == categories.end()) found = categories.insert(categories.end(), Category{name, {}, {}, 99, 0});
        const std::string status = field_text(item, "status");
        found->items.push_back(&item);
        ++found->counts[status];
        found->worst = std::min(found->worst, status_rank(status));
        if (needs_action(status)) ++found->problems;
    }
    for (auto& category : categories)
        std::stable_sort(category.items.begin(), category.items.end(), [](const Record* a, const Record* b) {
            return status_rank(field_text(*a, "status")) < status_rank(field_text(*b, "status"));
        });
    // Worst first: the category with the worst item, then the one with more items to act on.
    std::stable_sort(categories.begin(), categories.end(), [](const Category& a, const Category& b) {
        return a.worst != b.worst ? a.worst < b.worst : a.problems > b.problems;
    });
    return categories;
}

// Returns the first piece of evidence with a URL, or null: what an item's row links to.
const Record* first_web_evidence(const Record& item) {
    const Record* evidence = field_at(item, "evidence");
    if (!evidence || !evidence->is_array()) return nullptr;
    for (const auto& entry : *evidence)
        if (entry.is_object() && entry.contains("url") && entry["url"].is_string()) return &entry;
    return nullptr;
}

std::string first_evidence_url(const Record& item) {
    const Record* evidence = first_web_evidence(item);
    return evidence ? field_text(*evidence, "url") : std::string();
}

// Returns when the web archive kept the evidence an item's row links to ("diarsipkan 12 Maret 2025"),
// or "" when it was not archived (ppid-crawl without --warc).
std::string first_evidence_archived(const Record& item, const ReportSettings& settings) {
    const Record* evidence = first_web_evidence(item);
    return evidence ? archived_on(field_text(*evidence, "warc.date"), settings.zone, settings.language) : std::string();
}

std::string score_paragraph(const Record& summary, Language language) {
    const Record* score = field_at(summary, "score");
    const std::string band = field_text(summary, "band");
    const std::string as_of = field_text(summary, "as_of");
    const std::string checklist = field_text(summary, "checklist");
    std::string text;
    if (score && score->is_number()) {
        text = say(language, "Skor perkiraan: ", "Estimated score: ") + written_number(score->get<double>(), language) +
               say(language, " dari 100", " out of 100") + (band.empty() ? "" : " (" + band + ")");
    } else {
        text = say(language, "Skor perkiraan: tidak ada (tidak ada item yang berlaku)",
                   "Estimated score: none (no item applies)");
    }
    if (!as_of.empty()) text += say(language, ", per ", " as of ") + written_iso_date(as_of, language);
    if (!checklist.empty()) text += say(language, ", daftar periksa ", ", checklist ") + checklist;
    return text + say(language,
                      ". Skor ini perkiraan ppid-check untuk penggunaan internal kantor, bukan nilai Komisi Informasi.",
                      ". The score is ppid-check's estimate for the office's own use, not the Komisi Informasi's.");
}

ReportTable category_table(const std::vector<Category>& categories, Language language) {
    ReportTable table;
    table.columns.push_back({say(language, "Kategori", "Category"), Align::left, true});
    const std::vector<std::string> shown = {"ok", "not_due", "stale", "broken", "missing", "not_applicable"};
    for (const auto& status : shown)
        table.columns.push_back({item_status_label(status, language), Align::right, false});
    for (const auto& category : categories) {
        std::vector<ReportCell> row{{category_label(category.name, language)}};
        for (const auto& status : shown) {
            const auto it = category.counts.find(status);
            const int count = it == category.counts.end() ? 0 : it->second;
            row.push_back({std::to_string(count), "", count > 0 ? item_status_tone(status) : Tone::plain});
        }
        table.rows.push_back(std::move(row));
    }
    return table;
}

ReportChart category_chart(const std::vector<Category>& categories, Language language) {
    ReportChart chart;
    chart.title = say(language, "Kelengkapan per kategori (jumlah item)", "Completeness by category (items)");
    chart.series = {{say(language, "Lengkap atau belum jatuh tempo", "OK or not yet due"), Tone::good},
                    {item_status_label("stale", language), Tone::warn},
                    {say(language, "Belum ada atau rusak", "Missing or broken"), Tone::bad}};
    for (const auto& category : categories) {
        const auto count = [&](const char* status) {
            const auto it = category.counts.find(status);
            return it == category.counts.end() ? 0.0 : static_cast<double>(it->second);
        };
        chart.bars.push_back({category_label(category.name, language),
                              {count("ok") + count("not_due"), count("stale"), count("missing") + count("broken")}});
    }
    return chart;
}

void add_dip_gaps(ReportDocument& report, const ReportRecords& records, Language language) {
    if (records.dip_gaps.empty()) return;
    ReportSection section{"dip-banding",
                          say(language, "Daftar Informasi Publik dibandingkan dengan laman",
                              "The list of public information (DIP) compared with the website"),
                          2,
                          {}};
    ReportTable table;
    table.columns = {{say(language, "Temuan", "Finding"), Align::left, true},
                     {say(language, "Informasi", "Information"), Align::left, true},
                     {say(language, "Tindakan", "Action"), Align::left, true}};
    for (const auto& gap : records.dip_gaps) {
        const bool unpublished = field_text(gap, "gap") == "not_published";
        table.rows.push_back(
            {{unpublished ? say(language, "Ada di DIP, tidak ada di laman", "In the DIP, not on the website")
                          : say(language, "Ada di laman, tidak ada di DIP", "On the website, not in the DIP"),
              "", Tone::warn},
             {unpublished ? field_text(gap, "dip_entry.summary") : field_text(gap, "title")},
             {field_text(gap, "action")}});
    }
    section.blocks.push_back(std::move(table));
    report.sections.push_back(std::move(section));
    report.highlights.push_back({say(language, "Daftar Informasi Publik: ", "List of public information (DIP): ") +
                                     std::to_string(records.dip_gaps.size()) +
                                     say(language, " selisih dengan laman.", " differences from the website."),
                                 Tone::warn});
    report.attention = true;
}

void add_dip_entries(ReportDocument& report, const ReportRecords& records, Language language) {
    if (records.dip_entries.empty()) return;
    ReportSection section{"dip", say(language, "Daftar Informasi Publik", "List of public information (DIP)"), 1, {}};
    ReportTable table;
    table.columns = {{say(language, "No", "No"), Align::right, false},
                     {say(language, "Ringkasan informasi", "Summary"), Align::left, true},
                     {say(language, "Kategori", "Category"), Align::left, true},
                     {say(language, "Penguasa informasi", "Held by"), Align::left, true},
                     {say(language, "Bentuk", "Format"), Align::left, true},
                     {say(language, "Retensi", "Retention"), Align::left, true}};
    for (const auto& entry : records.dip_entries) {
        const std::string category = field_text(entry, "category");
        table.rows.push_back(
            {{field_text(entry, "number")},
             {field_text(entry, "summary")},
             {category.empty() ? field_text(entry, "category_text") : category_label(category, language)},
             {field_text(entry, "holder")},
             {field_text(entry, "format")},
             {field_text(entry, "retention")}});
    }
    section.blocks.push_back(std::move(table));
    report.sections.push_back(std::move(section));
}

}  // namespace

void add_completeness_sections(ReportDocument& report, const ReportRecords& records, const ReportSettings& settings) {
    const Language language = settings.language;
    if (!records.items.empty() || !records.summaries.empty() || !records.dip_gaps.empty()) {
        ReportSection section{
            "kelengkapan", say(language, "Kelengkapan informasi publik", "Completeness of public information"), 1, {}};
        if (!records.summaries.empty())
            section.blocks.push_back(ReportParagraph{score_paragraph(records.summaries.back(), language)});
        const auto categories = group_by_category(records.items);
        std::map<std::string, int> totals;
        for (const auto& category : categories)
            for (const auto& [status, count] : category.counts) totals[status] += count;
        if (!categories.empty()) {
            section.blocks.push_back(category_chart(categories, language));
            section.blocks.push_back(category_table(categories, language));
        }
        report.sections.push_back(std::move(section));

        for (const auto& category : categories) {
            ReportSection part{"kategori-" + (category.name.empty() ? std::string("lain") : category.name),
                               category_label(category.name, language),
                               2,
                               {}};
            ReportTable table;
            table.columns = {{say(language, "Status", "Status"), Align::left, false},
                             {say(language, "Item", "Item"), Align::left, true},
                             {say(language, "Tindakan", "Action"), Align::left, true}};
            // Proof of publication, when the crawl kept a web archive: the column is there only then.
            std::vector<std::string> archived_on;
            for (const Record* item : category.items) archived_on.push_back(first_evidence_archived(*item, settings));
            const bool archived =
                std::any_of(archived_on.begin(), archived_on.end(), [](const std::string& on) { return !on.empty(); });
            if (archived) table.columns.push_back({say(language, "Arsip web", "Web archive"), Align::left, true});
            for (std::size_t i = 0; i < category.items.size(); ++i) {
                const Record* item = category.items[i];
                const std::string status = field_text(*item, "status");
                const std::string title = field_text(*item, "title");
                table.rows.push_back({{item_status_label(status, language), "", item_status_tone(status)},
                                      {title.empty() ? field_text(*item, "id") : title, first_evidence_url(*item)},
                                      {field_text(*item, "action")}});
                if (archived) table.rows.back().push_back({std::move(archived_on[i])});
            }
            part.blocks.push_back(std::move(table));
            report.sections.push_back(std::move(part));
        }

        std::string problems;
        for (const char* status : {"missing", "broken", "stale"}) {
            const int count = totals[status];
            if (count == 0) continue;
            problems += (problems.empty() ? "" : ", ") + std::to_string(count) + " " +
                        (status == std::string("missing")  ? say(language, "belum ada", "missing")
                         : status == std::string("broken") ? say(language, "rusak", "broken")
                                                           : say(language, "kedaluwarsa", "out of date"));
        }
        if (!problems.empty()) {
            report.highlights.push_back({say(language, "Kelengkapan: item ", "Completeness: items ") + problems + ".",
                                         totals["missing"] + totals["broken"] > 0 ? Tone::bad : Tone::warn});
            report.attention = true;
        }
    }
    add_dip_gaps(report, records, language);
    add_dip_entries(report, records, language);
}

}  // namespace ppid
