// The province's view of many offices at once (ppid-crawl --offices | ppid-check): the offices that got
// worse since the last run first, then a ranking by the estimated score, then a heat map of the categories
// across offices. A page a province head reads in a minute; each office's own details are its own report.
#include <ppid/report_fields.hpp>
#include <ppid/report_sections.hpp>
#include <ppid/report_words.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>

namespace ppid {

namespace {

struct OfficeRow {
    std::string office;
    const Record* summary = nullptr;
    bool unreachable = false;
    std::optional<double> score;
    std::string band;
    int missing = 0;
    int stale = 0;
    int broken = 0;
    int overdue = 0;
};

int count_of(const Record& summary, const char* status) {
    return static_cast<int>(field_number(summary, std::string("counts.") + status));
}

// Returns the offices' rows, best score first; offices without a score (unreachable, nothing applies)
// last, unreachable at the very end; ties by fewer items to act on, then by id.
std::vector<OfficeRow> ranked_offices(const ReportRecords& records) {
    std::map<std::string, OfficeRow> rows;
    for (const auto& summary : records.summaries) {
        const std::string office = field_text(summary, "office");
        if (office.empty()) continue;
        OfficeRow& row = rows[office];
        row.office = office;
        row.summary = &summary;
        const Record* unreachable = field_at(summary, "unreachable");
        row.unreachable = unreachable && unreachable->is_boolean() && unreachable->get<bool>();
        if (const Record* score = field_at(summary, "score"); score && score->is_number())
            row.score = score->get<double>();
        row.band = field_text(summary, "band");
        row.missing = count_of(summary, "missing");
        row.stale = count_of(summary, "stale");
        row.broken = count_of(summary, "broken");
    }
    // Overdue requests: from ppid-deadline's records when given, else from ppid-stats' summary tables.
    std::set<std::string> counted_from_cases;
    for (const auto& record : records.cases) {
        const std::string office = field_text(record, "office");
        const auto found = rows.find(office);
        if (found == rows.end()) continue;
        counted_from_cases.insert(office);
        if (field_text(record, "deadline.status") == "overdue") ++found->second.overdue;
    }
    for (const auto& record : records.stats) {
        const std::string office = field_text(record, "office");
        const auto found = rows.find(office);
        if (found == rows.end() || counted_from_cases.count(office) || field_text(record, "table") != "summary")
            continue;
        found->second.overdue += static_cast<int>(field_number(record, "values.overdue") +
                                                  field_number(record, "values.objections_overdue"));
    }
    std::vector<OfficeRow> ranked;
    for (auto& [office, row] : rows) ranked.push_back(std::move(row));
    std::stable_sort(ranked.begin(), ranked.end(), [](const OfficeRow& a, const OfficeRow& b) {
        const int a_group = a.unreachable ? 2 : a.score ? 0 : 1;
        const int b_group = b.unreachable ? 2 : b.score ? 0 : 1;
        if (a_group != b_group) return a_group < b_group;
        if (a.score && b.score && *a.score != *b.score) return *a.score > *b.score;
        const int a_problems = a.missing + a.stale + a.broken;
        const int b_problems = b.missing + b.stale + b.broken;
        if (a_problems != b_problems) return a_problems < b_problems;
        return a.office < b.office;
    });
    return ranked;
}

Tone score_tone(const OfficeRow& row) {
    if (row.unreachable) return Tone::bad;
    if (!row.score) return Tone::plain;
    return *row.score >= 80 ? Tone::good : *row.score >= 60 ? Tone::warn : Tone::bad;
}

Tone count_tone(int count, Tone when_positive) {
    return count > 0 ? when_positive : Tone::plain;
}

ReportTable ranking_table(const std::vector<OfficeRow>& ranked, const ReportRecords& records, Language language) {
    ReportTable table;
    // The office first: a terminal too narrow for the table lists the rows under it.
    table.columns = {{say(language, "Kantor", "Office"), Align::left, true},
                     {say(language, "Peringkat", "Rank"), Align::right, false},
                     {say(language, "Skor", "Score"), Align::right, false},
                     {say(language, "Predikat", "Band"), Align::left, true},
                     {item_status_label("missing", language), Align::right, false},
                     {item_status_label("stale", language), Align::right, false},
                     {item_status_label("broken", language), Align::right, false},
                     {say(language, "Permohonan telat", "Overdue requests"), Align::right, false}};
    int rank = 0;
    for (const auto& row : ranked) {
        const bool scored = row.score.has_value();
        if (scored) ++rank;
        std::vector<ReportCell> cells;
        // No rank and no score rather than "-", which a spreadsheet would take for a formula.
        cells.push_back({records.office_label(row.office)});
        cells.push_back({scored ? std::to_string(rank) : ""});
        cells.push_back({scored ? written_number(*row.score, language) : "", "", score_tone(row)});
        cells.push_back({row.unreachable ? say(language, "Tidak terjangkau", "Unreachable")
                                         : row.band.empty() ? "-" : row.band,
                         "", row.unreachable ? Tone::bad : Tone::plain});
        if (row.unreachable) {
            for (int i = 0; i < 3; ++i) cells.push_back({"?"});
        } else {
            cells.push_back({std::to_string(row.missing), "", count_tone(row.missing, Tone::bad)});
            cells.push_back({std::to_string(row.stale), "", count_tone(row.stale, Tone::warn)});
            cells.push_back({std::to_string(row.broken), "", count_tone(row.broken, Tone::bad)});
        }
        cells.push_back({std::to_string(row.overdue), "", count_tone(row.overdue, Tone::bad)});
        table.rows.push_back(std::move(cells));
    }
    return table;
}

// The categories in the order the summaries first name them.
std::vector<std::string> categories_of(const std::vector<OfficeRow>& ranked) {
    std::vector<std::string> names;
    for (const auto& row : ranked)
        if (const Record* categories = field_at(*row.summary, "categories"); categories && categories->is_object())
            for (const auto& [name, counts] : categories->items()) {
                (void)counts;
                if (std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
            }
    return names;
}

// One cell of the heat map: the share of a category's applicable items that are in order (ok or not yet
// due), as a whole percentage; "-" when none applies, "?" when the site could not be reached.
ReportCell heat_cell(const OfficeRow& row, const std::string& category) {
    if (row.unreachable) return {"?", "", Tone::bad};
    const Record* counts = field_at(*row.summary, "categories");
    if (!counts || !counts->is_object() || !counts->contains(category)) return {"-"};
    const Record& numbers = (*counts)[category];
    const auto number = [&](const char* status) { return field_number(numbers, status); };
    const double applicable = number("ok") + number("not_due") + number("missing") + number("stale") + number("broken");
    if (applicable <= 0) return {"-"};
    const double share = (number("ok") + number("not_due")) / applicable * 100;
    const Tone tone = share >= 80 ? Tone::good : share >= 50 ? Tone::warn : Tone::bad;
    return {std::to_string(static_cast<int>(std::lround(share))) + "%", "", tone};
}

ReportTable heat_map(const std::vector<OfficeRow>& ranked, const ReportRecords& records, Language language) {
    ReportTable table;
    table.heat = true;
    table.caption = say(language, "Persentase item yang lengkap atau belum jatuh tempo, per kategori",
                        "Share of items that are in order or not yet due, per category");
    table.columns.push_back({say(language, "Kantor", "Office"), Align::left, true});
    const auto categories = categories_of(ranked);
    for (const auto& category : categories) table.columns.push_back({category_label(category, language), Align::right, false});
    for (const auto& row : ranked) {
        std::vector<ReportCell> cells{{records.office_label(row.office)}};
        for (const auto& category : categories) cells.push_back(heat_cell(row, category));
        table.rows.push_back(std::move(cells));
    }
    return table;
}

struct Worsening {
    std::string office;
    const Record* old_score = nullptr;
    const Record* new_score = nullptr;
    std::string old_band;
    std::string new_band;
    std::string band;  // the band now
    bool became_unreachable = false;
    double drop = 0;
};

// The summaries ppid-diff found changed for the worse: a lower score, or a site that became unreachable.
std::vector<Worsening> worsened_offices(const ReportRecords& records) {
    std::vector<Worsening> worse;
    for (const auto& change : records.changes) {
        if (field_text(change, "record_type") != "summary" || field_text(change, "change") != "changed") continue;
        const std::string office = field_text(change, "office");
        if (office.empty()) continue;
        Worsening entry;
        entry.office = office;
        entry.old_score = field_at(change, "fields.score.old");
        entry.new_score = field_at(change, "fields.score.new");
        entry.old_band = field_text(change, "fields.band.old");
        entry.new_band = field_text(change, "fields.band.new");
        entry.band = field_text(change, "record.band");
        const Record* unreachable = field_at(change, "fields.unreachable.new");
        entry.became_unreachable = unreachable && unreachable->is_boolean() && unreachable->get<bool>();
        const bool both = entry.old_score && entry.new_score && entry.old_score->is_number() &&
                          entry.new_score->is_number();
        if (both) entry.drop = entry.old_score->get<double>() - entry.new_score->get<double>();
        if (entry.became_unreachable || entry.drop > 0) worse.push_back(entry);
    }
    std::stable_sort(worse.begin(), worse.end(), [](const Worsening& a, const Worsening& b) {
        if (a.became_unreachable != b.became_unreachable) return a.became_unreachable;
        if (a.drop != b.drop) return a.drop > b.drop;
        return a.office < b.office;
    });
    return worse;
}

std::string score_text(const Record* score, Language language) {
    return score && score->is_number() ? written_number(score->get<double>(), language) : "";
}

ReportTable worsening_table(const std::vector<Worsening>& worse, const ReportRecords& records, Language language) {
    ReportTable table;
    table.columns = {{say(language, "Kantor", "Office"), Align::left, true},
                     {say(language, "Skor sebelumnya", "Previous score"), Align::right, false},
                     {say(language, "Skor sekarang", "Score now"), Align::right, false},
                     {say(language, "Predikat", "Band"), Align::left, true}};
    for (const auto& entry : worse) {
        // An unchanged band is not in the change's fields: the record says what it is now.
        std::string band = entry.old_band.empty() && entry.new_band.empty() ? entry.band : entry.old_band + " → " + entry.new_band;
        if (entry.became_unreachable) band = say(language, "Tidak terjangkau", "Unreachable");
        table.rows.push_back({{records.office_label(entry.office)},
                              {score_text(entry.old_score, language)},
                              {score_text(entry.new_score, language), "", Tone::bad},
                              {band, "", entry.became_unreachable ? Tone::bad : Tone::warn}});
    }
    return table;
}

}  // namespace

bool is_multi_office(const ReportRecords& records) {
    std::set<std::string> offices;
    for (const auto& summary : records.summaries) {
        const std::string office = field_text(summary, "office");
        if (!office.empty()) offices.insert(office);
    }
    return offices.size() > 1;
}

void add_office_sections(ReportDocument& report, const ReportRecords& records, const ReportSettings& settings) {
    const Language language = settings.language;
    const auto ranked = ranked_offices(records);
    if (ranked.empty()) return;

    const auto worse = worsened_offices(records);
    if (!worse.empty()) {
        ReportSection section{"memburuk",
                              say(language, "Kantor yang memburuk sejak pemeriksaan sebelumnya",
                                  "Offices that got worse since the previous run"),
                              1,
                              {}};
        section.blocks.push_back(worsening_table(worse, records, language));
        report.sections.push_back(std::move(section));
        report.highlights.push_back({std::to_string(worse.size()) +
                                         say(language, " kantor memburuk sejak pemeriksaan sebelumnya (terburuk: ",
                                             " offices got worse since the previous run (worst: ") +
                                         records.office_label(worse.front().office) + ").",
                                     Tone::bad});
        report.attention = true;
    }

    ReportSection ranking{"peringkat", say(language, "Peringkat kantor", "Ranking of the offices"), 1, {}};
    ranking.blocks.push_back(ReportParagraph{
        std::to_string(ranked.size()) +
        say(language,
            " kantor, diurutkan dari skor tertinggi. Skor ini perkiraan ppid-check untuk penggunaan internal, bukan "
            "nilai Komisi Informasi.",
            " offices, highest score first. The score is ppid-check's estimate for internal use, not the Komisi "
            "Informasi's.")});
    ranking.blocks.push_back(ranking_table(ranked, records, language));
    report.sections.push_back(std::move(ranking));

    ReportSection heat{"peta-kategori", say(language, "Kelengkapan per kategori", "Completeness by category"), 1, {}};
    heat.blocks.push_back(heat_map(ranked, records, language));
    report.sections.push_back(std::move(heat));

    int unreachable = 0;
    int needing_action = 0;
    int overdue = 0;
    for (const auto& row : ranked) {
        if (row.unreachable) ++unreachable;
        if (row.missing + row.stale + row.broken > 0) ++needing_action;
        overdue += row.overdue;
    }
    if (unreachable > 0)
        report.highlights.push_back({say(language, "Situs tidak dapat dijangkau: ", "Website unreachable: ") +
                                         std::to_string(unreachable) + say(language, " kantor.", " offices."),
                                     Tone::bad});
    if (needing_action > 0)
        report.highlights.push_back(
            {std::to_string(needing_action) +
                 say(language, " kantor punya item yang belum ada, kedaluwarsa atau rusak.",
                     " offices have items missing, out of date or broken."),
             Tone::warn});
    if (overdue > 0)
        report.highlights.push_back(
            {std::to_string(overdue) + say(language, " permohonan lewat tenggat.", " requests overdue."), Tone::bad});
    const auto lowest = std::find_if(ranked.rbegin(), ranked.rend(), [](const OfficeRow& row) { return row.score.has_value(); });
    if (lowest != ranked.rend())
        report.highlights.push_back({say(language, "Skor terendah: ", "Lowest score: ") + records.office_label(lowest->office) + " (" +
                                         written_number(*lowest->score, language) + ").",
                                     score_tone(*lowest)});
    report.attention = report.attention || unreachable > 0 || needing_action > 0 || overdue > 0;
}

}  // namespace ppid
