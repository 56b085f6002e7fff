// Evidence of a checklist item, and how strong it is. A published file (`document`), a page that is the
// information itself (`page`), an online form (`form`), or a page that only names the item in passing
// (`mention`: a news teaser, a listing, a post about a meeting). Which kinds satisfy an item is checklist data;
// a mention never does. When the crawl did not write what tells a page from a mention, the page is a mention:
// a false "ok" is the worst error ppid-check can make.
#pragma once

#include <date/date.h>

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace ppid {

enum class EvidenceKind { document, page, form, mention };

// Returns the output name: "document", "page", "form", "mention".
std::string_view to_string(EvidenceKind kind);

// Returns the kind named `name`, or nullopt for any other text.
std::optional<EvidenceKind> parse_evidence_kind(std::string_view name);

// A page's own text must be at least this long (characters, outside navigation and link texts) to carry the
// information: a maklumat, a PPID profile or a request procedure is a few sentences at least (the shortest
// seen in the kpu-2025 fixture's e-PPID pages, a list of four rights, has 247); a page that only says "log
// in to fill the form" or "download the file below" is not the information.
inline constexpr long long page_text_minimum = 200;

// A form with fewer fields than this is a search box or a newsletter sign-up, not a request form.
inline constexpr int form_fields_minimum = 2;

// What the crawl says of a page, as far as telling its kind needs.
struct PageFacts {
    std::string_view url;
    std::string_view title;
    bool named_by_itself = false;          // its title, first heading or URL's last segment named the item
    std::optional<long long> text_chars;   // `text_chars` of the page record, when the crawl wrote it
    std::optional<int> form_fields;        // `form_fields` of the page record: the fields of its forms, if any
};

// The kind of one piece of evidence and the reason, for the evidence record's `kind_why`.
struct KindVerdict {
    EvidenceKind kind = EvidenceKind::mention;
    std::string why;
    bool unopened = false;  // a link to a file on another site the crawl did not open, or could not reach
};

// Returns the kind of a `page` record's evidence for an item: a news post, a listing or a page about an event
// is a mention; a page the item is named on only by the links to it is a mention; otherwise a form when one of
// its forms have enough fields and `takes_forms`, a page when its own text is long enough, else a mention (also
// when the crawl did not write `text_chars`). Never fails.
KindVerdict classify_page(const PageFacts& page, bool takes_forms);

// What the crawl says of a link it did not follow (a `link` record).
struct LinkFacts {
    std::string_view url;
    bool checked = false;        // whether the crawl asked for it (`checked`; a record without it was not)
    std::string_view final_url;  // where its redirects led, "" when it has none
    std::string_view failure;    // the class of the failure of a checked link (`failure.class`), "" when none
    long long status = 0;        // the HTTP status of a checked link, 0 when none
};

// Returns the kind of a `link` record's evidence. A link the crawl checked is a document when it names a file
// (.pdf, .docx, ...) or a Google Drive file, a form on Google Forms, the same for where a short link (s.id,
// bit.ly) led; else a mention: the page behind it was never read. A link never checked is a mention whatever
// it names: nothing says it opens, and a dead or private file must not make an item ok. So is a checked link
// the crawl could not reach (dns, timeout, connection, HTTP 429): that may be the crawling machine's network
// or the other site's rate limit, not the file; a dead or private file (4xx, 5xx, login_required) is a
// document that cannot be used.
KindVerdict classify_link(const LinkFacts& link);

// Returns whether `url` has the shape of a news post or a listing of posts on the CMSs KPU offices run
// (/blog/read/, /blog/category/, /berita/, ?page=N, ...): such pages report on information, they are not it.
bool is_post_or_listing_url(std::string_view url);

// Returns whether `title` reports an event (a meeting, a plenary, a socialisation, a visit).
bool reports_an_event(std::string_view title);

// Where a piece of evidence stands among an item's: lower `strength` first, then the newest covered day, then
// the location (so that equal evidence keeps a stable order).
struct EvidenceRank {
    int strength = 0;
    std::optional<date::sys_days> newest;
    std::string location;
};

// Returns the strength of `kind` for an item that accepts `accepted` (in its order of preference): accepted
// and usable evidence first, in that order, then accepted but unusable evidence, then mentions.
int evidence_strength(EvidenceKind kind, bool usable, const std::vector<EvidenceKind>& accepted);

// Returns whether `a` comes before `b`: stronger, else newer (undated last), else by location.
bool ranks_before(const EvidenceRank& a, const EvidenceRank& b);

// Counts distinct pieces of evidence in 8 bytes each (a 64-bit hash of their identity), so that an item matched
// by a million documents is counted without keeping them.
class DistinctCounter {
public:
    // Notes one identity.
    void add(std::string_view identity);
    // Returns how many distinct identities were noted (two with the same 64-bit hash count once).
    std::size_t count() const;

private:
    mutable std::vector<unsigned long long> hashes_;
    mutable std::size_t sorted_ = 0;  // hashes_[0, sorted_) is sorted and unique
};

}  // namespace ppid
