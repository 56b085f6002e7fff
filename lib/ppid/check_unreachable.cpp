// ppid-check's records for an office whose site could not be reached at all: every item `unknown`, never
// `missing`, and a summary without a score (see check_run.hpp).
#include <ppid/check_run.hpp>
#include <ppid/util/iso_date.hpp>

#include <map>

namespace ppid {

Record CompletenessCheck::unreachable_item_record(std::size_t index) const {
    const auto& item = checklist_.items[index];
    const Language language = options_.language;
    Record record = item_head(item, "unknown");
    record["reason"] = "unreachable";
    record["evidence"] = Record::array();
    record["evidence_total"] = 0;
    record["latest"] = nullptr;
    record["next_due"] = nullptr;
    record["action"] = language == Language::id
                           ? "Situs kantor tidak dapat dijangkau: periksa apakah situs masih hidup, lalu ulangi pemeriksaan."
                           : "The office's website could not be reached: check that it is up, then check again.";
    return record;
}

bool CompletenessCheck::write_unreachable(JsonlWriter& writer) const {
    // Nothing was seen, so nothing can be judged: an unreachable site is one problem, not forty missing items.
    std::map<std::string, int> per_category;
    int items = 0;
    for (std::size_t i = 0; i < checklist_.items.size(); ++i)
        if (selected_[i]) {
            writer.write(unreachable_item_record(i));
            ++per_category[checklist_.items[i].category];
            ++items;
        }
    const auto counts_with_unknown = [](int unknown) {
        Record counts;
        for (const ItemStatus status : all_item_statuses) counts[std::string(to_string(status))] = 0;
        counts["unknown"] = unknown;
        return counts;
    };
    Record summary = typed("summary");
    summary["checklist"] = checklist_.name;
    summary["as_of"] = util::format_iso_date(options_.as_of);
    summary["records"] = records_;
    summary["unreachable"] = true;
    summary["items"] = items;
    summary["counts"] = counts_with_unknown(items);
    Record categories = Record::object();
    for (const auto& item : checklist_.items)
        if (per_category.count(item.category) && !categories.contains(item.category))
            categories[item.category] = counts_with_unknown(per_category[item.category]);
    summary["categories"] = std::move(categories);
    summary["score"] = nullptr;
    summary["band"] = nullptr;
    summary["bands"] = bands_.name;
    summary["note"] = options_.language == Language::id
                          ? "Situs kantor tidak dapat dijangkau saat crawl: tidak ada skor."
                          : "The office's website could not be reached by the crawl: no score.";
    writer.write(summary);
    return true;
}

}  // namespace ppid
