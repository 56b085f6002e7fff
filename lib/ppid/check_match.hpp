// Recognising a checklist item's documents: each item's keywords, exclusions and section hints (checklist.hpp)
// are matched as whole words on normalised text, so "LAPORAN_KEUANGAN-TA 2022 (final).pdf", "Laporan Keuangan
// TA 2022" and "laporan  keuangan" read alike and "LK" never matches inside "LKPP".
#pragma once

#include <ppid/checklist.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ppid {

// Returns `text` folded for matching: no-break spaces as spaces, Latin-1 accented letters as their ASCII letter ("é" as "e"), ASCII in
// lower case, every run of other punctuation and spacing as one space, no space at either end.
std::string normalize_for_matching(std::string_view text);

// The text a document shows: what its title, file name and the links to it say.
struct CandidateText {
    std::string_view title;
    std::string_view heading;                // a page's main heading
    std::string_view file_name;              // the file name or the URL's last segment, as written
    std::vector<std::string_view> anchors;   // the texts of the links to it
    std::vector<std::string_view> contexts;  // the table rows or paragraphs around those links
    std::vector<std::string_view> sections;  // the headings and table groups those links sit under
};

// One item a document matched, and why: "title: laporan keuangan", "section: keuangan".
struct ItemMatch {
    std::size_t item = 0;  // index into the checklist's items
    std::vector<std::string> why;
};

class ChecklistMatcher {
public:
    // Compiles the phrases of every item of `checklist`, which must outlive the matcher. Throws Error when
    // a phrase is empty once normalised.
    explicit ChecklistMatcher(const Checklist& checklist);

    // Returns the items `text` matches, in checklist order. A field matches an item when it holds one of the
    // item's keywords and none of its exclusions; only when no item matches a title, file name, anchor or
    // context do the section hints count. Not thread-safe (it reuses its buffers).
    std::vector<ItemMatch> match(const CandidateText& text) const;

    const Checklist& checklist() const { return checklist_; }

private:
    enum class PhraseKind { keyword, exclude, section };
    struct Phrase {
        std::size_t item;
        PhraseKind kind;
        std::vector<std::string> words;  // all but the first, which is the table's key
        std::string text;                // the normalised phrase, for `why`
    };

    void add(std::size_t item, PhraseKind kind, const std::string& raw);
    // Marks in keyword_/excluded_ what one normalised field holds.
    void scan(std::string_view normalized, bool sections) const;

    const Checklist& checklist_;
    std::unordered_map<std::string, std::vector<Phrase>> by_first_word_;
    mutable std::vector<const Phrase*> keyword_;  // per item: the first keyword found in the current field
    mutable std::vector<char> excluded_;          // per item: an exclusion found in the current field
    mutable std::vector<std::string_view> words_;
    mutable std::string normalized_;
    mutable std::string key_;
};

}  // namespace ppid
