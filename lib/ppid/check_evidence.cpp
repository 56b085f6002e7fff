#include <ppid/check_evidence.hpp>

#include <ppid/offsite_links.hpp>
#include <ppid/util/ascii.hpp>
#include <ppid/util/normalize.hpp>
#include <ppid/util/one_of.hpp>

#include <algorithm>
#include <array>

namespace ppid {

namespace {

// The URL without scheme and host, in lower case: "/blog/read/9297_slug?page=2".
std::string path_of(std::string_view url) {
    const auto scheme = url.find("://");
    if (scheme != std::string_view::npos) {
        const auto slash = url.find('/', scheme + 3);
        url = slash == std::string_view::npos ? std::string_view("/") : url.substr(slash);
    }
    const auto fragment = url.find('#');
    return util::ascii_lowercase(url.substr(0, fragment));
}

}  // namespace

std::string_view to_string(EvidenceKind kind) {
    switch (kind) {
        case EvidenceKind::document: return "document";
        case EvidenceKind::page: return "page";
        case EvidenceKind::form: return "form";
        case EvidenceKind::mention: return "mention";
    }
    return "mention";
}

std::optional<EvidenceKind> parse_evidence_kind(std::string_view name) {
    for (const auto kind : {EvidenceKind::document, EvidenceKind::page, EvidenceKind::form, EvidenceKind::mention})
        if (to_string(kind) == name) return kind;
    return std::nullopt;
}

bool is_post_or_listing_url(std::string_view url) {
    const std::string path = path_of(url);
    // The KPU CMS (/blog/read/<id>_<slug>, /blog/category/<id>), WordPress and the usual news sections.
    static constexpr std::string_view post_parts[] = {"/blog/read/", "/blog/category/", "/blog/tag/", "/berita/",
                                                     "/news/",      "/post/",          "/posts/",    "/artikel/",
                                                     "/category/",  "/kategori/",      "/tag/",      "/search",
                                                     "/pencarian",  "/arsip/",         "/archives/"};
    if (std::any_of(std::begin(post_parts), std::end(post_parts),
                    [&](std::string_view part) { return path.find(part) != std::string::npos; }))
        return true;
    const auto query = path.find('?');
    if (query == std::string::npos) return false;
    const std::string_view parameters = std::string_view(path).substr(query);
    return parameters.find("?page=") != std::string_view::npos || parameters.find("&page=") != std::string_view::npos ||
           parameters.find("?p=") != std::string_view::npos || parameters.find("?cat=") != std::string_view::npos;
}

bool reports_an_event(std::string_view title) {
    // Words of news about a meeting or an activity; no page that is the information itself is titled so.
    static constexpr std::string_view event_words[] = {
        "rapat",      "pleno",     "gelar",      "menggelar", "digelar",   "ikuti",     "mengikuti", "hadiri",
        "menghadiri", "sosialisasi", "bimtek",   "rakor",     "audiensi",  "kunjungan", "kunjungi",  "silaturahmi",
        "melaksanakan", "laksanakan", "lakukan", "melakukan", "terima",    "menerima",  "serahkan",  "menyerahkan",
        "launching",  "peluncuran", "webinar",   "workshop",  "apel",      "upacara"};
    const auto words = util::normalize_words(title);
    for (const auto word : util::split_words(words))
        if (util::is_one_of(word, event_words)) return true;
    return false;
}

KindVerdict classify_page(const PageFacts& page, bool takes_forms) {
    if (is_post_or_listing_url(page.url))
        return {EvidenceKind::mention, "a news post or a listing (by its URL): it reports on the item, it is not it"};
    if (reports_an_event(page.title))
        return {EvidenceKind::mention, "a page about an event (by its title): it reports on the item, it is not it"};
    if (!page.named_by_itself)
        return {EvidenceKind::mention, "only the links to the page name the item, not its title, heading or address"};
    if (takes_forms && page.form_fields && *page.form_fields >= form_fields_minimum)
        return {EvidenceKind::form, "an online form with " + std::to_string(*page.form_fields) + " fields"};
    if (page.text_chars && *page.text_chars >= page_text_minimum)
        return {EvidenceKind::page, "its title or heading names the item and its own text has " +
                                        std::to_string(*page.text_chars) + " characters"};
    if (page.text_chars)
        return {EvidenceKind::mention, "its own text has only " + std::to_string(*page.text_chars) +
                                           " characters: it names the item but does not carry it"};
    return {EvidenceKind::mention, "the crawl did not record the page's own text (text_chars), so it cannot show "
                                   "that the page carries the item"};
}

KindVerdict classify_link(const LinkFacts& link) {
    const OffsiteTarget named = offsite_target(link.url);
    if (!link.checked) {
        if (is_checked_as_document(named))
            return {EvidenceKind::mention,
                    "a link to a file on another site that was never opened (ppid-crawl checks such links with "
                    "--check-external-documents): nothing shows it is there",
                    true};
        return {EvidenceKind::mention, "a link to a page on another site, which was not read"};
    }
    const bool unreached = util::is_one_of(link.failure, std::array<std::string_view, 3>{"dns", "timeout", "connection"}) ||
                           link.status == 429;
    if (unreached && is_checked_as_document(named))
        return {EvidenceKind::mention,
                "a link to a file on another site that could not be reached from here (" +
                    (link.status == 429 ? std::string("HTTP 429, too many requests") : std::string(link.failure)) +
                    "): not known whether it opens",
                true};
    const OffsiteTarget reached = named == OffsiteTarget::short_link && !link.final_url.empty()
                                      ? offsite_target(link.final_url)
                                      : named;
    switch (reached) {
    case OffsiteTarget::form: return {EvidenceKind::form, "a link to an online form (Google Forms), checked"};
    case OffsiteTarget::shared_file: return {EvidenceKind::document, "a file shared on Google Drive, checked"};
    case OffsiteTarget::file: return {EvidenceKind::document, "a link to a file on another site, checked"};
    case OffsiteTarget::sign_in: return {EvidenceKind::mention, "a link that leads to a sign-in page"};
    case OffsiteTarget::short_link:
    case OffsiteTarget::page: break;
    }
    return {EvidenceKind::mention, "a link to a page on another site, which was not read"};
}

int evidence_strength(EvidenceKind kind, bool usable, const std::vector<EvidenceKind>& accepted) {
    const auto found = std::find(accepted.begin(), accepted.end(), kind);
    if (kind == EvidenceKind::mention || found == accepted.end()) return 2 * 16 + static_cast<int>(kind);
    const int preference = static_cast<int>(found - accepted.begin());
    return (usable ? 0 : 16) + preference;
}

bool ranks_before(const EvidenceRank& a, const EvidenceRank& b) {
    if (a.strength != b.strength) return a.strength < b.strength;
    if (a.newest != b.newest) {
        if (!a.newest || !b.newest) return a.newest.has_value();
        return *a.newest > *b.newest;
    }
    return a.location < b.location;
}

void DistinctCounter::add(std::string_view identity) {
    // FNV-1a, 64 bits: collisions among a million identities are a one-in-ten-million chance.
    unsigned long long hash = 14695981039346656037ULL;
    for (const char c : identity) {
        hash ^= static_cast<unsigned char>(c);
        hash *= 1099511628211ULL;
    }
    hashes_.push_back(hash);
    if (hashes_.size() >= 2 * sorted_ + 4096) count();
}

std::size_t DistinctCounter::count() const {
    if (sorted_ != hashes_.size()) {
        std::sort(hashes_.begin(), hashes_.end());
        hashes_.erase(std::unique(hashes_.begin(), hashes_.end()), hashes_.end());
        sorted_ = hashes_.size();
    }
    return hashes_.size();
}

}  // namespace ppid
