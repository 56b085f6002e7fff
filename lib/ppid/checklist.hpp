// Checklists (share/ppid/checklists/*.json): the public information a body must publish on its website,
// item by item, each with its legal basis, how its documents are recognised, its update cycle and its weight.
// The legal content is data; this is only its reader and validator.
#pragma once

#include <ppid/check_evidence.hpp>

#include <nlohmann/json.hpp>

#include <filesystem>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace ppid {

// How often an item's documents must be renewed.
struct UpdateCycle {
    enum class Kind { once, months, yearly };
    Kind kind = Kind::once;
    int months = 0;              // months: the longest a covered period may lie in the past ("6M": 6)
    unsigned due_month = 0;      // yearly: the due date of the document on year Y ...
    unsigned due_day = 0;
    bool due_next_year = false;  // ... falls in Y + 1 (a report on Y) or in Y itself (a list or plan for Y)
    bool assumed = false;        // yearly: the due date is this tool's assumption, not a regulation's
    int grace_days = 0;          // yearly: days after the due date before a missing document is overdue
    // months: the documents are plans or agendas for the period they name ("Program Kerja 2025",
    // "Agenda Semester II 2025"), published as it begins: a named period that has ended is no longer
    // current, however recent its end (checklist key "ahead").
    bool ahead = false;

    // Returns the label written in item records: "once", "6M", "1Y".
    std::string label() const;
};

// When an item applies at all.
enum class Applies { always, election_stage };

// How an item's documents are recognised, as normalised phrases (see check_match.hpp).
struct MatchRules {
    std::vector<std::string> keywords;  // any one, in a title, file name, anchor text or row text
    std::vector<std::string> exclude;   // "not": a field with one of these never matches the item
    std::vector<std::string> sections;  // a heading or table group that hints at the item, when no keyword matched
};

struct ChecklistItem {
    std::string id;        // "berkala.laporan-keuangan"
    std::string category;  // layanan, berkala, serta_merta, setiap_saat, dikecualikan, pemilu
    std::string title;
    std::string title_en;
    std::string basis;       // article and instrument
    std::string source;      // where the basis was read
    std::string confidence;  // primary, official, secondary, unconfirmed
    UpdateCycle cycle;
    int weight = 1;
    Applies applies = Applies::always;
    MatchRules match;
    std::vector<EvidenceKind> evidence{EvidenceKind::document, EvidenceKind::page};  // what satisfies it, preferred first
    std::string cycle_note;  // why the cycle is not the one the basis's kind implies (see the checklist test)
    std::string upload;  // what to upload, for the action sentence
    std::string upload_en;
    std::vector<std::string> positive_examples;  // titles that must match this item
    std::vector<std::string> negative_examples;  // titles that must not
};

struct Checklist {
    std::string name;  // "kpu-kabkota"
    std::string title;
    std::string title_en;
    std::string basis;  // the instruments behind every item (a KPU office's own regulation), added to each item's
    std::vector<ChecklistItem> items;

    // Returns `item`'s basis followed by the checklist's.
    std::string basis_of(const ChecklistItem& item) const;

    // Returns the item with `id`, or nullptr.
    const ChecklistItem* find(std::string_view id) const;
};

// The categories an item may have, for --only and validation.
const std::vector<std::string>& checklist_categories();

// Returns the data file `name_or_file` names: itself when it contains '/' or ends in ".json", else
// `data_folder`/`prefix`NAME.json.
std::filesystem::path resolve_data_file(const std::filesystem::path& data_folder, const std::string& name_or_file,
                                        const std::string& prefix = "");

// Returns the checklist in `document` (from `source`, named in messages). A "base" checklist is loaded with
// `load_base` first; "remove" drops its items by id (a trailing ".*" drops a whole prefix) and an item with the
// id of a base item replaces it in place. Throws Error at `source` naming the item and key for bad data:
// unknown keys, a missing basis or example, a bad cycle, a duplicate id, an item that a mention would satisfy.
// A checklist without its own "basis" keeps its base's.
Checklist parse_checklist(const nlohmann::json& document, const std::string& source,
                          const std::function<Checklist(const std::string&)>& load_base);

// Returns the checklist `name_or_file` names (see resolve_data_file), bases from `checklists_dir`. Throws Error
// when a file is missing, unreadable or invalid.
Checklist load_checklist(const std::filesystem::path& checklists_dir, const std::string& name_or_file);

}  // namespace ppid
