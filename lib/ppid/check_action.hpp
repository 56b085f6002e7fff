// The one sentence each item record ends with: what the office should upload next, in Indonesian or English.
#pragma once

#include <ppid/check_freshness.hpp>
#include <ppid/checklist.hpp>

#include <date/date.h>

#include <string>
#include <string_view>

namespace ppid {

enum class Language { id, en };

// Returns `id` or `en` by `language`.
inline std::string say(Language language, std::string_view id, std::string_view en) {
    return std::string(language == Language::id ? id : en);
}

// Returns `day` written for people: "31 Maret 2024", or "31 March 2024" in English.
std::string written_date(date::sys_days day, Language language);

// Where an item that is not published is only mentioned.
struct MentionFacts {
    std::string page;       // the strongest mention's location; empty when there is none
    std::string dead_link;  // its link to the item's document, when that link is dead
    bool unopened = false;  // it is a link to a file on another site the crawl did not open (or could not reach)
};

// Returns the action for `item` judged as `judgement`; `reason` is why a not_applicable item does not apply.
// A missing or broken item that is only mentioned says where; a yearly item whose due date is the tool's
// assumption says so.
std::string item_action(const ChecklistItem& item, const Judgement& judgement, const std::string& reason,
                        const MentionFacts& mentions, Language language);

}  // namespace ppid
