// The change section: what ppid-diff found between the previous run and this one, status changes first
// (an item gone stale, a request gone overdue), then what appeared and what disappeared.
#include <ppid/report_fields.hpp>
#include <ppid/report_sections.hpp>
#include <ppid/report_words.hpp>

#include <algorithm>

namespace ppid {

namespace {

int change_rank(const Record& change) {
    const std::string kind = field_text(change, "change");
    if (kind == "changed" && field_at(change, "transition")) return 0;
    if (kind == "added") return 1;
    if (kind == "removed") return 2;
    return 3;
}

std::string record_type_label(const std::string& type, Language language) {
    if (type == "item") return say(language, "Item daftar periksa", "Checklist item");
    if (type == "summary") return say(language, "Ringkasan kelengkapan", "Completeness summary");
    if (type == "request") return say(language, "Permohonan", "Request");
    if (type == "objection") return say(language, "Keberatan", "Objection");
    if (type == "document") return say(language, "Dokumen", "Document");
    if (type == "page") return say(language, "Halaman", "Page");
    if (type == "link") return say(language, "Tautan", "Link");
    return type;
}

// Returns a status value for people when the field is one, else the value as written.
std::string value_label(const std::string& field, const Record* value, Language language) {
    if (!value || value->is_null()) return "-";
    const std::string text = value->is_string() ? value->get<std::string>() : value->dump();
    if (field == "status") return item_status_label(text, language);
    if (field == "deadline.status") return deadline_status_label(text, language);
    return text;
}

std::string what_changed(const Record& change, Language language) {
    if (const Record* transition = field_at(change, "transition")) {
        const std::string field = field_text(*transition, "field");
        return field + ": " + value_label(field, field_at(*transition, "from"), language) + " → " +
               value_label(field, field_at(*transition, "to"), language);
    }
    const Record* fields = field_at(change, "fields");
    if (!fields || !fields->is_object()) return {};
    std::string names;
    for (const auto& [name, values] : fields->items()) {
        (void)values;
        names += (names.empty() ? "" : ", ") + name;
    }
    return names;
}

std::string subject_of(const Record& change) {
    const std::string key = field_text(change, "key");
    for (const char* field : {"record.title", "record.information", "record.summary"}) {
        const std::string text = field_text(change, field);
        if (!text.empty() && text != key) return key.empty() ? text : key + ": " + text;
    }
    return key;
}

}  // namespace

void add_change_sections(ReportDocument& report, const ReportRecords& records, const ReportSettings& settings) {
    if (records.changes.empty()) return;
    const Language language = settings.language;
    std::vector<const Record*> changes;
    for (const auto& change : records.changes) changes.push_back(&change);
    std::stable_sort(changes.begin(), changes.end(),
                     [](const Record* a, const Record* b) { return change_rank(*a) < change_rank(*b); });

    ReportSection section{
        "perubahan", say(language, "Perubahan sejak pemeriksaan sebelumnya", "Changes since the previous run"), 1, {}};
    ReportTable table;
    table.columns = {{say(language, "Perubahan", "Change"), Align::left, false},
                     {say(language, "Jenis", "Kind"), Align::left, true},
                     {say(language, "Apa", "What"), Align::left, true},
                     {say(language, "Rincian", "Details"), Align::left, true}};
    for (const Record* change : changes) {
        const std::string key = field_text(*change, "key");
        table.rows.push_back({{change_label(field_text(*change, "change"), language), "",
                               change_rank(*change) == 0 ? Tone::warn : Tone::plain},
                              {record_type_label(field_text(*change, "record_type"), language)},
                              {subject_of(*change), key},
                              {what_changed(*change, language)}});
    }
    section.blocks.push_back(std::move(table));
    report.sections.push_back(std::move(section));
    report.highlights.push_back(
        {std::to_string(changes.size()) +
             say(language, " perubahan sejak pemeriksaan sebelumnya.", " changes since the previous run."),
         Tone::warn});
    report.attention = true;
}

}  // namespace ppid
