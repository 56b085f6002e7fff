// ppid-check's whole run: documents, pages and links stream in, each is matched against the checklist and
// counted as evidence of the items it matches (check_item_evidence.hpp); at the end one `item` record per item
// and one `summary`. Memory grows with --evidence and the pages that name an item, never with the documents.
#pragma once

#include <ppid/check_action.hpp>
#include <ppid/check_dip.hpp>
#include <ppid/check_input.hpp>
#include <ppid/check_item_evidence.hpp>
#include <ppid/check_match.hpp>
#include <ppid/check_score.hpp>
#include <ppid/checklist.hpp>
#include <ppid/config.hpp>
#include <ppid/jsonl.hpp>
#include <ppid/util/json_scan.hpp>

#include <date/date.h>

#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace ppid {

struct CheckOptions {
    date::sys_days as_of;
    Language language = Language::id;
    std::vector<std::string> only;                // categories to check; empty: all
    std::optional<ElectionStage> election_stage;  // the stage the as-of date falls in, if any
    std::vector<Waiver> waivers;                  // from the office configuration
    std::string office;                           // written after "type" in every record when not empty
    std::size_t evidence = 5;                     // --evidence: pieces written per item, strongest and newest first
    std::string office_name;                      // written after "office" when both are not empty
};

class CompletenessCheck {
public:
    // `checklist` and `bands` must outlive the check. Throws Error when a keyword of the checklist is unusable.
    CompletenessCheck(const Checklist& checklist, const ScoreBands& bands, CheckOptions options);

    // Reads one record (its text, and its top-level members as jsonl.hpp's scan_records lists them):
    // `document`, `page` and `link` records count, every other type is ignored. A record is parsed in full only
    // when its title or file name matches an item, or it carries link contexts. Returns "" or the message for
    // a bad record, which is then skipped.
    std::string add_record(std::string_view line, const util::ScannedObject& fields);

    // Compares the published documents with the DIP entries in `dip` (optional; it must outlive the check).
    void compare_with(DipComparison& dip) { dip_ = &dip; }

    // Marks the office's site as not reachable at all (its crawl_summary said so): every item is then written
    // as `unknown` with that reason, never `missing`, and the summary has no score.
    void mark_unreachable() { unreachable_ = true; }

    // Returns the matcher, for DIP entries to be matched the same way.
    const ChecklistMatcher& matcher() const { return matcher_; }

    // Writes the item records (checklist order), the DIP findings, then the summary. Returns whether anything
    // needs attention: an item missing, stale or broken, a DIP finding, or the site unreachable. Throws
    // OutputError on a failed write.
    bool write(JsonlWriter& writer) const;

private:
    std::string consider(std::string_view line, const util::ScannedObject& fields);
    // Counts `candidate` as evidence of the items it matches (`matched`: already matched on its title and file name).
    void add(const Candidate& candidate, const std::vector<ItemMatch>* matched);
    Evidence evidence_for(const Candidate& candidate, const std::vector<const LinkContext*>& contexts,
                          const std::string& file_name) const;
    // Notes a dead document: pages that link to it and name one of `items` (all, when empty) are not evidence.
    void note_dead(const std::string& url, const std::vector<std::size_t>& items,
                   const std::vector<const LinkContext*>& contexts);
    Record item_record(std::size_t index, const ItemEvidence::Outcome& outcome, ScoreSheet& sheet,
                       bool& attention) const;
    Record unreachable_item_record(std::size_t index) const;
    Record item_head(const ChecklistItem& item, std::string_view status) const;
    bool write_unreachable(JsonlWriter& writer) const;
    Record typed(const char* type) const;

    const Checklist& checklist_;
    const ScoreBands& bands_;
    CheckOptions options_;
    ChecklistMatcher matcher_;
    std::vector<char> selected_;  // per item: in --only's categories
    std::vector<ItemEvidence> evidence_;
    std::unordered_map<std::string, std::vector<LinkContext>> page_links_;  // a crawl's links by target URL
    std::unordered_map<std::string, std::vector<std::size_t>> dead_docs_;   // dead documents: the items they match
    DipComparison* dip_ = nullptr;
    std::size_t records_ = 0;
    bool unreachable_ = false;
    Candidate candidate_;  // reused between records
};

}  // namespace ppid
