#include <ppid/check_item_evidence.hpp>
#include <ppid/util/iso_date.hpp>

#include <algorithm>

namespace ppid {

namespace {

void add_new(std::vector<std::string>& list, const std::vector<std::string>& more) {
    for (const auto& entry : more)
        if (std::find(list.begin(), list.end(), entry) == list.end()) list.push_back(entry);
}

DatedDocument dated(const Evidence& evidence) {
    return {evidence.usable, evidence.date, evidence.period};
}

}  // namespace

std::optional<date::sys_days> Evidence::newest() const {
    if (period) return period->end;
    return date;
}

Record Evidence::to_json() const {
    Record entry;
    entry[is_url ? "url" : "path"] = location;
    entry["title"] = title;
    entry["kind"] = std::string(to_string(kind));
    entry["kind_why"] = kind_why;
    entry["why"] = why;
    if (date) {
        entry["date"] = util::format_iso_date(*date);
        entry["date_source"] = date_source;
    }
    if (period) {
        Record json;
        json["text"] = period->text;
        json["start"] = util::format_iso_date(period->start);
        json["end"] = util::format_iso_date(period->end);
        entry["period"] = std::move(json);
        entry["period_source"] = period_source;
    }
    entry["problems"] = problems;
    entry["usable"] = usable;
    if (!also.empty()) entry["also"] = also;
    if (!dead_link.empty()) entry["dead_link"] = dead_link;
    if (archived) {
        Record place;
        place["file"] = archived->file;
        place["record_id"] = archived->record_id;
        place["date"] = archived->date;
        entry["warc"] = std::move(place);
    }
    return entry;
}

ItemEvidence::ItemEvidence(const ChecklistItem& item, std::size_t cap) : item_(item), cap_(cap), tally_(item.cycle) {}

bool ItemEvidence::accepted(EvidenceKind kind) const {
    return std::find(item_.evidence.begin(), item_.evidence.end(), kind) != item_.evidence.end();
}

EvidenceRank ItemEvidence::rank(const Evidence& evidence) const {
    return {evidence_strength(evidence.kind, evidence.usable && evidence.dead_link.empty(), item_.evidence),
            evidence.newest(), evidence.location};
}

void ItemEvidence::add_final(const Evidence& evidence) {
    distinct_.add(evidence.identity);
    const auto same = std::find_if(kept_.begin(), kept_.end(),
                                   [&](const Evidence& kept) { return kept.identity == evidence.identity; });
    if (same != kept_.end()) {
        // The same content again (another URL, or the index and the crawl): one document, several places.
        if (evidence.location != same->location) add_new(same->also, {evidence.location});
        add_new(same->why, evidence.why);
        return;
    }
    if (accepted(evidence.kind)) tally_.add(dated(evidence));
    if (cap_ == 0) return;
    const auto new_rank = rank(evidence);
    if (kept_.size() == cap_ && !ranks_before(new_rank, rank(kept_.back()))) return;
    const auto at = std::find_if(kept_.begin(), kept_.end(),
                                 [&](const Evidence& kept) { return ranks_before(new_rank, rank(kept)); });
    kept_.insert(at, evidence);
    if (kept_.size() > cap_) kept_.pop_back();
}

void ItemEvidence::add_page(const Evidence& evidence) {
    const auto same = std::find_if(pages_.begin(), pages_.end(),
                                   [&](const Evidence& page) { return page.location == evidence.location; });
    if (same != pages_.end()) {
        add_new(same->why, evidence.why);
        return;
    }
    pages_.push_back(evidence);
}

void ItemEvidence::mark_dead_link(const std::string& page_url, const std::string& dead_url) {
    for (auto& page : pages_)
        if (page.location == page_url && page.dead_link.empty()) page.dead_link = dead_url;
}

bool ItemEvidence::has_page(const std::string& page_url) const {
    return std::any_of(pages_.begin(), pages_.end(), [&](const Evidence& page) { return page.location == page_url; });
}

ItemEvidence::Outcome ItemEvidence::finish(date::sys_days as_of) const {
    Outcome outcome;
    FreshnessTally tally = tally_;
    std::vector<Evidence> pages = pages_;
    for (auto& page : pages) {
        if (page.dead_link.empty()) continue;
        // A page whose link to the item's document is dead is not evidence that the item is published.
        page.kind = EvidenceKind::mention;
        page.kind_why = page.dead_link == page.location ? "the page itself could not be opened"
                                                        : "its link to the item's document is dead: " + page.dead_link;
    }
    for (const auto& page : pages) {
        if (accepted(page.kind)) tally.add(dated(page));
        else if (!page.dead_link.empty()) tally.add({false, std::nullopt, std::nullopt});
    }
    outcome.judgement = tally.judge(as_of);
    outcome.total = distinct_.count() + pages_.size();

    std::vector<const Evidence*> all;
    for (const auto& evidence : kept_) all.push_back(&evidence);
    for (const auto& page : pages) all.push_back(&page);
    std::stable_sort(all.begin(), all.end(),
                     [&](const Evidence* a, const Evidence* b) { return ranks_before(rank(*a), rank(*b)); });
    const bool published = outcome.judgement.status != ItemStatus::missing && outcome.judgement.status != ItemStatus::broken;
    for (const auto* evidence : all) {
        if (evidence->kind == EvidenceKind::mention && !published) {
            if (!outcome.mention) outcome.mention = *evidence;
            if (!outcome.dead_mention && !evidence->dead_link.empty()) outcome.dead_mention = *evidence;
        }
    }
    if (all.size() > cap_) all.resize(cap_);
    for (const auto* evidence : all) {
        if (accepted(evidence->kind) && evidence->usable) outcome.published.push_back(evidence->location);
        outcome.shown.push_back(*evidence);
    }
    return outcome;
}

}  // namespace ppid
