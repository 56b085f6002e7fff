// ppid-check over a stream of many offices (ppid-crawl --offices): records carrying an `office` are checked
// per office, each with its own evidence, `item` records and `summary`, as if each office had its own run.
// Records without `office` form one more check that behaves exactly like a single-office run.
#pragma once

#include <ppid/check_run.hpp>

#include <map>
#include <memory>
#include <string>
#include <string_view>

namespace ppid {

class OfficeChecks {
public:
    // `checklist` and `bands` must outlive the checks; `options.office` is ignored (each check gets its own).
    // Throws Error when a keyword of the checklist is unusable.
    OfficeChecks(const Checklist& checklist, const ScoreBands& bands, CheckOptions options);

    // Hands one record to its office's check (created on first sight); a `crawl_summary` with
    // `"unreachable": true` marks its office unreachable. Returns "" or the message for a bad record (an
    // `office` that is not a string, or what CompletenessCheck::add_record says), which is then skipped.
    std::string add_record(std::string_view line, const util::ScannedObject& fields);

    // Returns the check of the records without `office`, for --dip (DIP entries carry no office).
    CompletenessCheck& without_office() { return *without_office_; }

    // Writes the records without office first (when there are any, or when no record named an office), then
    // every office in the order of its id. Returns whether anything needs attention in any of them. Throws
    // OutputError on a failed write.
    bool write(JsonlWriter& writer) const;

    // Returns how many offices the stream named.
    std::size_t offices() const { return by_office_.size(); }

private:
    const Checklist& checklist_;
    const ScoreBands& bands_;
    CheckOptions options_;
    std::unique_ptr<CompletenessCheck> without_office_;
    bool without_office_seen_ = false;  // a document, page or link without office arrived
    std::map<std::string, std::unique_ptr<CompletenessCheck>> by_office_;
};

}  // namespace ppid
