// What ppid-check keeps of one checklist item's evidence while the records stream by: the strongest and newest
// N pieces (--evidence N), the freshness tally of every accepted piece, every page that names the item (a page's
// kind can still change when a link on it turns out dead) and a count of them all. Memory grows with N and with
// the pages that name the item, never with the documents that match it.
#pragma once

#include <ppid/check_evidence.hpp>
#include <ppid/check_freshness.hpp>
#include <ppid/check_input.hpp>
#include <ppid/checklist.hpp>
#include <ppid/jsonl.hpp>

#include <date/date.h>

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace ppid {

// One piece of evidence: a document, page, form or mention, with why it matched and what it covers.
struct Evidence {
    std::string identity;  // the sha256 when known, else the location: one content, one piece of evidence
    bool is_url = false;
    std::string location;
    std::string title;
    EvidenceKind kind = EvidenceKind::document;
    std::string kind_why;
    std::vector<std::string> why;
    std::optional<date::sys_days> date;
    std::string date_source;
    std::optional<CoveredPeriod> period;
    std::string period_source;
    std::vector<std::string> problems;
    bool usable = true;
    std::vector<std::string> also;  // the same content elsewhere
    std::string dead_link;          // a page: its link to the item's document that is dead (or its own URL when dead)
    bool unopened = false;          // a link to a file on another site the crawl did not open, or could not reach
    std::optional<WarcPlace> archived;  // where its bytes are in a web archive (ppid-crawl --warc)

    // Returns the newest day it covers: its period's end, else its date.
    std::optional<date::sys_days> newest() const;
    // Returns its record in the item's `evidence` list, keys in their fixed order.
    Record to_json() const;
};

class ItemEvidence {
public:
    // `item` must outlive this; at most `cap` pieces are written.
    ItemEvidence(const ChecklistItem& item, std::size_t cap);

    // Adds a document or link whose kind is final; the same identity again only adds its location and reasons.
    void add_final(const Evidence& evidence);

    // Adds a page's evidence (a page, form or mention); the same page again only adds its reasons.
    void add_page(const Evidence& evidence);

    // Notes that the page at `page_url`, if it is evidence here, links to the item's document at `dead_url`,
    // which is dead: the page is then a mention of a dead link, not evidence that the item is published.
    void mark_dead_link(const std::string& page_url, const std::string& dead_url);

    // Returns whether a page at `page_url` is evidence here.
    bool has_page(const std::string& page_url) const;

    struct Outcome {
        Judgement judgement;                  // over every accepted piece (a dead-linked mention counts as broken)
        std::vector<Evidence> shown;          // the strongest and newest, at most `cap`
        std::size_t total = 0;                // every distinct piece
        std::optional<Evidence> mention;      // the strongest mention, when the item is not published
        std::optional<Evidence> dead_mention;  // a mention whose link to the document is dead, then
        std::vector<std::string> published;   // the locations of the usable accepted pieces shown
    };

    // Returns the verdict on `as_of` and what to write.
    Outcome finish(date::sys_days as_of) const;

private:
    bool accepted(EvidenceKind kind) const;
    EvidenceRank rank(const Evidence& evidence) const;

    const ChecklistItem& item_;
    std::size_t cap_;
    FreshnessTally tally_;          // documents and links of an accepted kind
    std::vector<Evidence> kept_;    // documents and links, strongest first, at most cap_
    DistinctCounter distinct_;      // documents and links
    std::vector<Evidence> pages_;   // pages, forms and mentions from page records, all of them
};

}  // namespace ppid
