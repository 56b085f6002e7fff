// ppid-check's whole run: documents, pages and links stream in, each is matched against the checklist and
// kept as evidence only for the items it matches; at the end one `item` record per item and one `summary`.
// Memory grows with the evidence (the matched documents), never with the rest of the input.
#pragma once

#include <ppid/check_action.hpp>
#include <ppid/check_dip.hpp>
#include <ppid/check_input.hpp>
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
    struct Evidence {
        std::string identity;
        bool is_url = false;
        std::string location;
        std::string title;
        std::vector<std::string> why;
        std::optional<date::sys_days> date;
        std::string date_source;
        std::optional<CoveredPeriod> period;
        std::string period_source;
        std::vector<std::string> problems;
        bool usable = true;
        std::vector<std::string> also;  // the same content elsewhere
    };
    struct ItemEvidence {
        std::vector<Evidence> documents;
        std::unordered_map<std::string, std::size_t> by_identity;
    };

    std::string consider(std::string_view line, const util::ScannedObject& fields);
    void add(const Candidate& candidate);
    Evidence evidence_for(const Candidate& candidate, const std::vector<const LinkContext*>& contexts,
                          const std::string& file_name) const;
    Record item_record(std::size_t index, ScoreSheet& sheet, bool& attention) const;
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
    DipComparison* dip_ = nullptr;
    std::size_t records_ = 0;
    bool unreachable_ = false;
    Candidate candidate_;  // reused between records
};

}  // namespace ppid
