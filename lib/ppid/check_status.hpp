// The verdict ppid-check gives each checklist item, and its name in the output.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace ppid {

enum class ItemStatus { ok, missing, stale, broken, not_due, not_applicable };

// Every status, in the order counts are written.
inline constexpr std::array<ItemStatus, 6> all_item_statuses{ItemStatus::ok,     ItemStatus::missing,
                                                             ItemStatus::stale,  ItemStatus::broken,
                                                             ItemStatus::not_due, ItemStatus::not_applicable};

// Returns the output name: "ok", "missing", "stale", "broken", "not_due", "not_applicable".
constexpr std::string_view to_string(ItemStatus status) {
    switch (status) {
        case ItemStatus::ok: return "ok";
        case ItemStatus::missing: return "missing";
        case ItemStatus::stale: return "stale";
        case ItemStatus::broken: return "broken";
        case ItemStatus::not_due: return "not_due";
        case ItemStatus::not_applicable: return "not_applicable";
    }
    return "?";
}

// Returns the status named `name`, or nullopt for any other text.
constexpr std::optional<ItemStatus> parse_item_status(std::string_view name) {
    for (const ItemStatus status : all_item_statuses)
        if (to_string(status) == name) return status;
    return std::nullopt;
}

// Returns whether an item in this status needs a person's attention (exit status 1).
constexpr bool needs_attention(ItemStatus status) {
    return status == ItemStatus::missing || status == ItemStatus::stale || status == ItemStatus::broken;
}

}  // namespace ppid
