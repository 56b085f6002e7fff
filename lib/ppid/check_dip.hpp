// The Daftar Informasi Publik against the website: DIP entries (`dip_entry` records from ppid-import) with no
// published document, and published documents of a checklist item that no DIP entry lists, the most common
// reason offices fail the Komisi Informasi's website check.
#pragma once

#include <ppid/check_action.hpp>
#include <ppid/check_input.hpp>
#include <ppid/check_match.hpp>
#include <ppid/checklist.hpp>
#include <ppid/diagnostics.hpp>
#include <ppid/jsonl.hpp>

#include <optional>
#include <string>
#include <vector>

namespace ppid {

class DipComparison {
public:
    // `matcher` (and its checklist) must outlive the comparison.
    explicit DipComparison(const ChecklistMatcher& matcher) : matcher_(matcher) {}

    // Reads the `dip_entry` records of `inputs` (other types are ignored); a bad one is reported to `diag`
    // and skipped.
    void load(const std::vector<std::string>& inputs, Diagnostics& diag);

    // Notes a usable published document: its normalised title and file name, the items it matched and the
    // period it covers. An entry that names its period ("Semester I Tahun 2023") is published only by a
    // document whose period lies within it; another entry by any document of its items or with all its words.
    void observe(const std::string& normalized_text, const std::vector<ItemMatch>& matches,
                 const std::optional<CoveredPeriod>& period);

    // Returns whether an entry of the DIP lists item `item`.
    bool lists_item(std::size_t item) const;

    // Writes one `dip_gap` record per entry without a published document; returns how many.
    std::size_t write_unpublished(JsonlWriter& writer, Language language) const;

    std::size_t entries() const { return entries_.size(); }

private:
    struct Entry {
        Record record;                     // number, summary, category, source as read
        std::vector<std::size_t> items;    // the checklist items its summary matches
        std::vector<std::string> words;    // its significant words: all must be in a document's title
        std::optional<CoveredPeriod> period;  // the period its summary names
        bool published = false;
    };

    const ChecklistMatcher& matcher_;
    std::vector<Entry> entries_;
    std::vector<char> item_published_;  // per item: a usable document matched it
};

}  // namespace ppid
