// The problem section: pages, documents and links that a visitor cannot open or that open wrong, the dead
// links first, from ppid-crawl and ppid-index.
#include <ppid/report_fields.hpp>
#include <ppid/report_sections.hpp>
#include <ppid/report_words.hpp>

#include <algorithm>

namespace ppid {

namespace {

struct ProblemRow {
    int rank;
    std::vector<ReportCell> cells;
};

// Returns where a resource is: its URL, else its root and path.
std::string address_of(const Record& resource) {
    const std::string url = field_text(resource, "url");
    if (!url.empty()) return url;
    const std::string root = field_text(resource, "root");
    const std::string path = field_text(resource, "path");
    return root.empty() ? path : root + "/" + path;
}

std::string name_of(const Record& resource) {
    std::string title = field_text(resource, "title");
    if (title.empty()) {
        const Record* found_on = field_at(resource, "found_on");
        if (found_on && found_on->is_array() && !found_on->empty())
            title = field_text(found_on->front(), "anchor_text");
    }
    return title.empty() ? field_text(resource, "path") : title;
}

std::string found_on_page(const Record& resource) {
    const Record* found_on = field_at(resource, "found_on");
    if (!found_on || !found_on->is_array() || found_on->empty()) return {};
    return field_text(found_on->front(), "page");
}

}  // namespace

void add_problem_sections(ReportDocument& report, const ReportRecords& records, const ReportSettings& settings) {
    if (records.resources.empty() && records.crawl_summaries.empty()) return;
    const Language language = settings.language;
    ReportSection section{
        "masalah", say(language, "Dokumen dan tautan bermasalah", "Documents and links with problems"), 1, {}};
    if (!records.crawl_summaries.empty()) {
        const Record& summary = records.crawl_summaries.back();
        std::string text = say(language, "Penelusuran laman: ", "Website crawl: ") + field_text(summary, "pages") +
                           say(language, " halaman, ", " pages, ") + field_text(summary, "documents") +
                           say(language, " dokumen, ", " documents, ") + field_text(summary, "links") +
                           say(language, " tautan tidak diikuti; ", " links not followed; ") +
                           field_text(summary, "failed") + say(language, " gagal dibuka.", " failed.");
        if (const Record* skipped = field_at(summary, "not_fetched");
            skipped && skipped->is_object() && !skipped->empty()) {
            std::string bounds;
            for (const auto& [bound, count] : skipped->items())
                bounds += (bounds.empty() ? "" : ", ") + bound + " " + count.dump();
            text += say(language, " Tidak diambil karena batas: ", " Not fetched because of bounds: ") + bounds + ".";
        }
        section.blocks.push_back(ReportParagraph{text});
    }

    std::vector<ProblemRow> rows;
    std::size_t clean = 0;
    for (const auto& resource : records.resources) {
        const Record* problems = field_at(resource, "problems");
        if (!problems || !problems->is_array() || problems->empty()) {
            ++clean;
            continue;
        }
        std::vector<std::string> codes;
        for (const auto& problem : *problems) codes.push_back(problem.get<std::string>());
        std::stable_sort(codes.begin(), codes.end(),
                         [](const std::string& a, const std::string& b) { return problem_rank(a) < problem_rank(b); });
        // A page's placeholder links are each a row: the page itself is fine, the links on it are not.
        if (const Record* placeholders = field_at(resource, "placeholder_links");
            placeholders && placeholders->is_array()) {
            for (const auto& link : *placeholders) {
                std::string what = field_text(link, "anchor_text");
                const std::string context = field_text(link, "context");
                if (!context.empty() && context != what) what += (what.empty() ? "" : ": ") + context;
                rows.push_back({problem_rank("placeholder_link"),
                                {{problem_label("placeholder_link", language), "", Tone::warn},
                                 {what},
                                 {field_text(link, "href")},
                                 {field_text(resource, "url"), field_text(resource, "url")}}});
            }
            codes.erase(std::remove(codes.begin(), codes.end(), "placeholder_link"), codes.end());
            if (codes.empty()) continue;
        }
        std::string labels;
        for (const auto& code : codes) labels += (labels.empty() ? "" : ", ") + problem_label(code, language);
        const int rank = problem_rank(codes.front());
        const std::string address = address_of(resource);
        std::string where = found_on_page(resource);
        if (const std::string duplicate_of = field_text(resource, "duplicate_of"); !duplicate_of.empty())
            where = say(language, "sama dengan ", "same as ") + duplicate_of;
        rows.push_back({rank,
                        {{labels, "", rank <= problem_rank("extraction_timeout") ? Tone::bad : Tone::warn},
                         {name_of(resource)},
                         {address, address},
                         {where, where}}});
    }
    std::stable_sort(rows.begin(), rows.end(),
                     [](const ProblemRow& a, const ProblemRow& b) { return a.rank < b.rank; });

    if (rows.empty()) {
        section.blocks.push_back(
            ReportParagraph{say(language, "Tidak ada dokumen, halaman atau tautan yang bermasalah.",
                                "No document, page or link has a problem."),
                            Tone::good});
    } else {
        ReportTable table;
        table.columns = {{say(language, "Masalah", "Problem"), Align::left, true},
                         {say(language, "Dokumen atau tautan", "Document or link"), Align::left, true},
                         {say(language, "Alamat", "Address"), Align::left, true},
                         {say(language, "Ditemukan di", "Found on"), Align::left, true}};
        for (auto& row : rows) table.rows.push_back(std::move(row.cells));
        section.blocks.push_back(std::move(table));
        report.highlights.push_back(
            {std::to_string(rows.size()) + say(language, " dokumen, halaman atau tautan bermasalah.",
                                               " documents, pages or links with problems."),
             Tone::bad});
        report.attention = true;
    }
    if (clean > 0)
        section.blocks.push_back(ReportParagraph{
            std::to_string(clean) + say(language, " lainnya tanpa masalah.", " others without problems.")});
    report.sections.push_back(std::move(section));
}

}  // namespace ppid
