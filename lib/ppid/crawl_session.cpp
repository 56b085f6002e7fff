#include <ppid/crawl_session.hpp>

#include <ppid/crawl_archive.hpp>
#include <ppid/crawl_hosts.hpp>
#include <ppid/crawl_item.hpp>
#include <ppid/crawl_records.hpp>
#include <ppid/crawl_scope.hpp>
#include <ppid/document_viewers.hpp>
#include <ppid/error.hpp>
#include <ppid/offsite_links.hpp>
#include <ppid/robots.hpp>
#include <ppid/sitemap.hpp>
#include <ppid/util/serial_work.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <deque>
#include <fstream>
#include <map>
#include <unordered_map>
#include <unordered_set>

namespace ppid {

void warn_if_cache_failed(CrawlShared& shared, const std::string& cache_dir) {
    if (!shared.cache_failed || shared.cache_warned) return;
    shared.cache_warned = true;
    shared.diag.warning(Location{cache_dir, 0}, "cannot write to the cache; the next run fetches more");
}

namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

constexpr int max_redirects = 10;
constexpr std::size_t max_sitemaps = 50;
constexpr std::size_t robots_id_base = std::size_t{1} << (session_id_bits - 1);  // local ids that fetch robots.txt

// The cache keeps its own copy of what an item holds by pointer.
template <class Value>
std::optional<Value> copy_of(const std::unique_ptr<Value>& held) {
    return held ? std::optional<Value>(*held) : std::nullopt;
}

bool is_retryable(const FetchResponse& response) {
    switch (response.transport_failure) {
    case FailureClass::timeout:
    case FailureClass::connection: return true;
    case FailureClass::none: return response.status >= 500 || response.status == 429;
    default: return false;
    }
}

}  // namespace

class CrawlSession::Impl {
public:
    Impl(CrawlOptions options, std::string office, const date::time_zone& zone, std::size_t index, CrawlShared& shared,
         CrawlEmit emit)
        : options_(std::move(options)),
          index_(index),
          shared_(shared),
          emit_(std::move(emit)),
          scope_(options_.start_urls, options_.allowed_hosts, options_.strip_query),
          settings_{options_.as_of, &zone, std::move(office), std::make_shared<DatesMemo>(), options_.office_name} {
        for (const auto& start : scope_.starts()) totals_.start_urls.push_back(start.text());
    }

    void begin() {
        for (const auto& start : scope_.starts()) admit(start, 0, ItemKind::page, nullptr);
        start_count_ = items_.size();
    }

    bool finished() const { return next_emit_ == items_.size() && in_flight_ == 0; }

    std::size_t written() const { return next_emit_; }
    std::size_t known() const { return items_.size(); }

    void finish() {
        emit_in_order();
        for (const auto& [url, template_key] : trapped_)
            if (!known_.count(url)) {
                ++totals_.not_fetched["trap"];
                ++totals_.trap_patterns[template_key];
            }
        // An office whose start URLs all failed at the network, and nothing else answered, was
        // not reached: what it publishes is unknown, not missing.
        totals_.unreachable = start_count_ > 0;
        for (std::size_t i = 0; i < start_count_; ++i) {
            const auto failure = items_[i].failure;
            if (failure != FailureClass::dns && failure != FailureClass::connection && failure != FailureClass::timeout &&
                failure != FailureClass::tls)  // precise causes in the records: see tls_problem.hpp
                totals_.unreachable = false;
        }
        for (const auto& item : items_)
            if (item.fetched && item.failure == FailureClass::none && item.kind != ItemKind::external)
                totals_.unreachable = false;
        post_record([summary = summary_record(totals_, settings_)] { return CrawlRecord{summary, false}; });
        warn_about_bounds();
    }

    std::size_t global_id(std::size_t local) const { return (index_ << session_id_bits) | local; }
    static std::size_t local_id(std::size_t global) { return global & ((std::size_t{1} << session_id_bits) - 1); }
    std::string office_prefix() const { return settings_.office.empty() ? "" : "office " + settings_.office; }

    // ---- Discovery -------------------------------------------------------------------------

    // Adds `url` to the crawl unless it is known or a bound leaves it out; `place` is where it
    // was linked from, `reason` why a link out of scope is not followed.
    // Returns whether the URL was new to the crawl.
    bool admit(const util::Url& url, int depth, ItemKind kind, const LinkPlace* place,
               LinkReason reason = LinkReason::external) {
        const std::string key = same_page_key(url);
        if (const auto known = known_.find(key); known != known_.end()) {
            // Only places on earlier pages go in a record (see emit_item): the rest is not kept.
            if (place && place->page_sequence < known->second) items_[known->second].found_on.push_back(*place);
            return false;
        }
        if (kind == ItemKind::page && looks_like_document(url)) kind = ItemKind::document;
        if (kind == ItemKind::page) {
            if (left_out_.count(key)) return false;  // counted once, however often it is linked
            if (depth > options_.max_depth) return leave_out(key, "max_depth");
            // A trap is a template that links to itself without end yielding nothing (next month,
            // next empty page): only links among its own pages are cut, so the posts of a listing
            // and the pages of a long archive are never taken for one.
            // A URL cut here may still come in through a page of another template (a listing
            // names the post a trap of posts did not follow): it is counted at the end if not.
            if (place && traps_.is_trap(template_of_page(place->page_sequence)) &&
                template_of_page(place->page_sequence) == url_template(url)) {
                trapped_.emplace(key, template_of_page(place->page_sequence));
                return false;
            }
            if (pages_admitted_ >= options_.max_pages) return leave_out(key, "max_pages");
            ++pages_admitted_;
        }
        CrawlItem item;
        item.sequence = items_.size();
        item.kind = kind;
        item.url = url;
        item.current = url;
        item.depth = depth;
        item.reason = reason;
        if (place) item.found_on.push_back(*place);
        known_.emplace(key, item.sequence);
        // A file: link out of scope is never read, not even to check it: the files are the
        // crawling machine's, not the site's.
        const bool fetch = kind != ItemKind::external ||
                           (reason == LinkReason::external && url.scheme != "file" &&
                            (options_.check_external ||
                             (options_.check_external_documents && is_checked_as_document(offsite_target(url.text())))));
        items_.push_back(std::move(item));
        if (fetch) enqueue(items_.back());
        else items_.back().done = true;
        return true;
    }

    // Returns the URL template of the page at `sequence`, computed once for all its links.
    const std::string& template_of_page(std::size_t sequence) {
        if (sequence != templated_page_) {
            templated_page_ = sequence;
            page_template_ = url_template(items_[sequence].current);
        }
        return page_template_;
    }

    bool leave_out(const std::string& url, const char* bound) {
        left_out_.insert(url);
        ++totals_.not_fetched[bound];
        return false;
    }

    // Reads pages and sitemaps for new URLs strictly in discovery order, so that every URL gets
    // the same sequence number on every run; documents and links do not hold this up.
    void discover_in_order() {
        if (!sitemaps_added_ && !add_sitemaps()) return;
        while (next_discovery_ < items_.size()) {
            CrawlItem& item = items_[next_discovery_];
            const bool reads_links = item.kind == ItemKind::page || item.kind == ItemKind::sitemap;
            if (reads_links && !item.done) return;
            if (item.kind == ItemKind::page && item.page) discover_links(item);
            if (item.kind == ItemKind::sitemap && item.response) discover_sitemap(item);
            ++next_discovery_;
        }
    }

    void discover_links(CrawlItem& item) {
        PageAnalysis& page = *item.page;
        util::Url base = item.current;
        if (!page.base_href.empty())
            if (auto declared = scope_.resolve(item.current, page.base_href)) base = *declared;
        const std::string own_template = template_of_page(item.sequence);
        bool yielded = false;
        if (page.links_dropped > 0) {  // a cut is said: in the record, the summary and here
            totals_.not_fetched["max_links"] += page.links_dropped;
            shared_.diag.warning(Location{item.current.text(), 0},
                                 std::to_string(page.links_dropped) + " links past the page's first " +
                                     std::to_string(page.links.size()) + " not read");
        }
        // The page's links are taken apart here, not copied: the record is written from links_out.
        const std::string page_url = item.current.text(), folder = folder_key(base);
        item.links_out.reserve(page.links.size());
        for (PageLink& link : page.links) {
            if (link.placeholder) {
                item.placeholders.push_back(std::move(link));
                continue;
            }
            auto target = resolve_link(base, folder, link.href);
            if (!target || !CrawlScope::fetchable(*target)) continue;  // mailto:, tel:, data:
            const bool scripted = link.attribute == "onclick" || link.attribute == "data-href" || link.attribute == "data-url";
            LinkPlace place{item.sequence, page_url, target->text(), std::move(link.anchor_text), std::move(link.heading),
                            std::move(link.group), std::move(link.context), link.context_kind,
                            scripted ? std::move(link.attribute) : std::string(), ""};
            if (const std::optional<std::string> document = viewed_document(*target))
                if (auto inside = scope_.resolve(*target, *document); inside && CrawlScope::fetchable(*inside)) {
                    place.viewer = place.url;
                    place.url = inside->text();
                    target = std::move(inside);
                }
            if (const auto off_site = off_site_reason(item, *target)) {
                yielded = admit(*target, 0, ItemKind::external, &place, *off_site) || yielded;
            } else if (!link.nofollow && !page.robots_nofollow) {
                // A listing's next page and a post's sibling post are no step deeper into the site.
                const bool sibling = url_template(*target) == own_template;
                yielded = (admit(*target, item.depth + (sibling ? 0 : 1), ItemKind::page, &place) && !sibling) || yielded;
            }
            item.links_out.push_back(std::move(place));
        }
        page.links = {};  // taken apart above; the record needs only the count of those past the limit
        traps_.page_read(own_template, yielded);
        if (!page.meta_refresh.empty()) discover_refresh(item, base);
    }

    // A refresh <meta> sends the reader on like a redirect: followed on the site, and recorded as
    // an external link when it leaves it (as a redirect off the site is), so the move is seen.
    void discover_refresh(CrawlItem& item, const util::Url& base) {
        const auto target = scope_.resolve(base, item.page->meta_refresh);
        if (!target || !CrawlScope::fetchable(*target)) return;
        LinkPlace place{item.sequence, item.current.text(), target->text(), "", "", "", "", ContextKind::none,
                        "refresh", ""};
        if (const auto off_site = off_site_reason(item, *target))
            admit(*target, 0, ItemKind::external, &place, *off_site);
        else
            admit(*target, item.depth + 1, ItemKind::page, &place);
        item.links_out.push_back(std::move(place));
    }

    // Why a link from `item` to `target` is recorded as a link to another site, not crawled: a
    // file: URL from a page on the web (the crawling machine's files), or a URL out of scope;
    // nothing when it is on the site.
    std::optional<LinkReason> off_site_reason(const CrawlItem& item, const util::Url& target) const {
        if (target.scheme == "file" && item.current.scheme != "file") return LinkReason::file_scheme;
        if (!scope_.contains(target)) return LinkReason::external;
        return std::nullopt;
    }

    static std::string folder_key(const util::Url& base) {
        return base.scheme + "://" + base.userinfo + "@" + base.host_key() + base.path.substr(0, base.path.rfind('/') + 1) +
               '\n';
    }

    // Resolves a link as scope_.resolve does. Pages in one folder link the same menu and files:
    // a reference that is not only a query or fragment resolves the same from every page of the
    // folder (RFC 3986 5.2: the base's query and last segment play no part), so it is remembered.
    // `folder` is folder_key(base), made once for all the links of a page.
    std::optional<util::Url> resolve_link(const util::Url& base, const std::string& folder, const std::string& href) {
        if (href.empty() || href[0] == '?' || href[0] == '#') return scope_.resolve(base, href);
        std::string key;
        key.reserve(folder.size() + href.size());
        key.append(folder).append(href);
        if (const auto found = resolved_.find(key); found != resolved_.end()) return found->second;
        if (resolved_.size() >= 50000) resolved_.clear();  // a bound, not a leak
        return resolved_.emplace(std::move(key), scope_.resolve(base, href)).first->second;
    }

    // The sitemaps of the start hosts come right after the start URLs, once their robots.txt
    // (which may name more sitemaps) is known.
    bool add_sitemaps() {
        std::vector<util::Url> sitemaps;
        for (const auto& start : scope_.starts()) {
            if (start.scheme == "file") continue;
            const HostState& host = hosts_[start.host_key()];
            if (!options_.ignore_robots && host.robots != HostState::Robots::known) return false;
            // A relative Sitemap: line is read against robots.txt's own URL, as a browser would.
            for (const auto& named : host.rules.sitemaps())
                if (auto url = util::resolve_url(host.robots_url, named); url && scope_.contains(*url))
                    sitemaps.push_back(*url);
            if (auto fallback = util::resolve_url(start, "/sitemap.xml")) sitemaps.push_back(*fallback);
        }
        sitemaps_added_ = true;
        for (const auto& url : sitemaps) admit_sitemap(url);
        return true;
    }

    void admit_sitemap(const util::Url& url) {
        if (known_.count(same_page_key(url)) || sitemaps_seen_ >= max_sitemaps) return;
        ++sitemaps_seen_;
        admit(url, 0, ItemKind::sitemap, nullptr);
    }

    void discover_sitemap(CrawlItem& item) {
        if (item.failure != FailureClass::none || !item.response || item.response->status != 200) return;
        // A site without a sitemap often answers /sitemap.xml with an HTML page: nothing to say.
        if (is_html_type(item.response->content_type)) return;
        Sitemap sitemap;
        try {
            sitemap = read_sitemap(item.sitemap_body, options_.max_bytes);
        } catch (const Error& error) {
            shared_.diag.warning(Location{item.current.text(), 0}, error.what());
            return;
        }
        item.sitemap_body.clear();
        for (const auto& entry : sitemap.pages)
            if (auto url = scope_.resolve(item.current, entry.loc); url && scope_.contains(*url))
                admit(*url, 1, ItemKind::page, nullptr);
        for (const auto& child : sitemap.child_sitemaps)
            if (auto url = scope_.resolve(item.current, child); url && scope_.contains(*url)) admit_sitemap(*url);
    }

    // ---- Transfers -------------------------------------------------------------------------

    // Link checks wait in a line of their own per host: they need no robots.txt.
    static std::string queue_key(const CrawlItem& item) {
        return (item.kind == ItemKind::external ? "~" : "") + item.current.host_key();
    }

    // The host a line of items (a queue_key) waits on, as every office of the run counts it: link
    // checks and pages of one host share it.
    SharedHost& shared_host_of(const std::string& queue_key) {
        return shared_.hosts[queue_key[0] == '~' ? queue_key.substr(1) : queue_key];
    }

    void enqueue(CrawlItem& item) { hosts_[queue_key(item)].queue.push_back(item.sequence); }

    void start_transfers() {
        const auto now = Clock::now();
        for (auto& [key, host] : hosts_) {
            if (host.queue.empty()) continue;
            if (!ready_for(key, host)) continue;
            // --concurrency and --delay bound a host over every office of the run: a national
            // run's offices share Google Drive, s.id or jdih, and offices on one platform its host.
            SharedHost& shared_host = shared_host_of(key);
            while (!host.queue.empty() && shared_host.transfers < options_.concurrency &&
                   shared_host.next_start <= now && shared_.fetcher.in_flight() < shared_.max_in_flight) {
                // Items waiting for a retry stay in line behind their time; the others go first.
                auto next = std::find_if(host.queue.begin(), host.queue.end(),
                                         [&](std::size_t id) { return items_[id].not_before <= now; });
                if (next == host.queue.end()) break;
                const std::size_t id = *next;
                host.queue.erase(next);
                CrawlItem& item = items_[id];
                if (item.kind != ItemKind::external && !host.rules.allows(item.current.path_and_query())) {
                    ++totals_.not_fetched["robots"];
                    finish_failed(item, FailureClass::robots, "disallowed by robots.txt");
                    continue;
                }
                start(item, shared_host);
                shared_host.next_start = now + std::max(host.delay, options_.delay);
            }
        }
    }

    // Returns whether the host's robots.txt is known, starting its fetch when it is not.
    bool ready_for(const std::string& key, HostState& host) {
        if (options_.ignore_robots || host.robots == HostState::Robots::known) return true;
        const CrawlItem& first = items_[host.queue.front()];
        if (first.current.scheme == "file" || (!key.empty() && key.front() == '~')) {
            host.robots = HostState::Robots::known;  // no robots.txt for files, nor for link checks
            return true;
        }
        if (host.robots == HostState::Robots::unknown) {
            host.robots = HostState::Robots::fetching;
            host.robots_url = *util::resolve_url(first.current, "/robots.txt");
            fetch_robots(key, host);
        }
        return false;
    }

    void fetch_robots(const std::string& key, HostState& host) {
        const std::size_t local = robots_id_base + robots_hosts_.size();
        robots_hosts_[local] = key;
        FetchRequest request = base_request(host.robots_url);
        request.id = global_id(local);
        ++in_flight_;
        request.max_bytes = RobotsRules::kMaxBytes;
        shared_.fetcher.start(std::move(request));
    }

    FetchRequest base_request(const util::Url& url) const {
        FetchRequest request;
        request.url = url.text();
        request.max_bytes = options_.max_bytes;
        request.timeout = options_.timeout;
        request.min_speed = options_.min_speed;
        request.max_time = options_.max_time;
        request.user_agent = options_.user_agent;
        request.body_dir = shared_.bodies_dir;
        request.file_root = scope_.file_root(url);
        request.ca_file = options_.ca_file;
        request.verify_tls = !totals_.tls_problems.count(url.host_key());
        return request;
    }

    // Link checks, and documents under --no-content, are asked for their headers only.
    bool asks_headers_only(const CrawlItem& item) const {
        return item.kind == ItemKind::external || (item.kind == ItemKind::document && !options_.content);
    }

    // Starts `item`'s transfer on `shared_host`, its host as every office counts it.
    void start(CrawlItem& item, SharedHost& shared_host) {
        FetchRequest request = base_request(item.current);
        request.id = global_id(item.sequence);
        const bool headers_only = asks_headers_only(item);
        if (headers_only) request.method = item.probe ? FetchMethod::probe : FetchMethod::head;
        request.html_only = !options_.content && item.kind != ItemKind::sitemap;  // a sitemap is no document
        request.keep_exchange = shared_.warc && !headers_only;
        // The entry asked about is kept for the answer: a 304 reuses it without reading it again.
        item.cached.reset();
        if (shared_.cache && !headers_only && item.kind != ItemKind::sitemap)
            if (auto found = shared_.cache->find(request.url)) {
                item.cached = std::make_unique<CacheEntry>(std::move(*found));
                if (!can_stand_for(*item.cached, item.kind == ItemKind::page) ||
                    !archive_may_revisit(shared_.warc, *item.cached)) {
                    item.cached.reset();  // of the wrong kind, or not archived: fetched whole
                } else {
                    request.if_none_match = item.cached->etag;
                    request.if_modified_since = item.cached->last_modified;
                }
            }
        request.fresh_connection = item.attempts > 0;
        ++item.attempts;
        item.started = true;
        ++shared_host.transfers;
        ++in_flight_;
        shared_.fetcher.start(std::move(request));
    }

    void on_response(FetchResponse response) {
        --in_flight_;
        response.id = local_id(response.id);
        if (response.id >= robots_id_base) return on_robots(std::move(response));
        CrawlItem& item = items_[response.id];
        const std::string key = queue_key(item);
        HostState& host = hosts_[key];
        --shared_host_of(key).transfers;
        const auto now = Clock::now();
        if (read_despite_certificate(item.current, response)) {
            --item.attempts;  // the unverified request is the first real one
            host.queue.push_front(item.sequence);
            return;
        }
        if (const auto problem = totals_.tls_problems.find(item.current.host_key()); problem != totals_.tls_problems.end())
            item.tls_problem = problem->second;
        if (is_retryable(response) && item.attempts <= options_.retries && item.current.scheme != "file") {
            double wait = std::ldexp(1.0, item.attempts - 1);  // 1, 2, 4... seconds
            if (response.retry_after_seconds) wait = std::min(*response.retry_after_seconds, max_wait_seconds);
            item.not_before = now + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(wait));
            host.queue.push_back(item.sequence);
            if (!response.body_path.empty()) std::remove(response.body_path.c_str());
            return;
        }
        if (asks_headers_only(item) && !item.probe && (response.status == 405 || response.status == 501)) {
            item.probe = true;  // a server that refuses HEAD: ask for the first byte instead
            host.queue.push_front(item.sequence);
            return;
        }
        if (shared_.warc) item.warc = archive_response(*shared_.warc, shared_.records, item, response);
        if (response.status >= 300 && response.status < 400 && response.status != 304 && !response.location.empty())
            return on_redirect(item, std::move(response));
        const std::unique_ptr<CacheEntry> cached = std::move(item.cached);
        if (response.status == 304 && cached) return use_cached(item, std::move(response), std::move(*cached));
        item.response = std::make_unique<FetchResponse>(std::move(response));
        FetchResponse& got = *item.response;
        if (got.transport_failure != FailureClass::none) return finish_failed(item, got.transport_failure, got.message);
        if (got.status >= 400 || got.status < 200 || got.status == 304)
            return finish_failed(item, got.status >= 500 ? FailureClass::http_5xx : FailureClass::http_4xx,
                                 got.message.empty() ? "HTTP " + std::to_string(got.status) : got.message);
        item.fetched = true;
        if (item.kind == ItemKind::external) {
            item.done = true;
        } else if (item.kind == ItemKind::sitemap) {
            item.sitemap_body = read_response_body(got, options_.max_bytes);
            if (!got.body_path.empty()) std::remove(got.body_path.c_str());
            item.done = true;
        } else if (item.kind == ItemKind::page && is_html_type(got.content_type)) {
            read_page(item);
        } else if (!options_.content) {
            if (item.kind == ItemKind::page) item.kind = ItemKind::document;  // not HTML: its headers say enough
            item.done = true;
        } else {
            inspect(item);
        }
    }

    void on_redirect(CrawlItem& item, FetchResponse response) {
        item.redirects.push_back({item.current.text(), response.status});
        const auto target = scope_.resolve(item.current, response.location);
        const bool loops = target && (target->text() == item.url.text() ||
                                      std::any_of(item.redirects.begin(), item.redirects.end(),
                                                  [&](const RedirectHop& hop) { return hop.url == target->text(); }));
        item.response = std::make_unique<FetchResponse>(std::move(response));
        if (!target) return finish_failed(item, FailureClass::connection, "a redirect to a bad URL: " + item.response->location);
        if (loops || static_cast<int>(item.redirects.size()) > max_redirects) {
            item.current = *target;
            return finish_failed(item, FailureClass::redirect_loop,
                                 loops ? "redirected in a loop" : "more than " + std::to_string(max_redirects) + " redirects");
        }
        item.current = *target;
        // A link to another site is checked to its end (a short link to a Drive file), but only over HTTP:
        // a redirect to file: must never read the crawling machine's files.
        if (item.kind == ItemKind::external && target->scheme != "http" && target->scheme != "https")
            return finish_failed(item, FailureClass::connection, "a redirect to a URL that is not http or https");
        if (item.kind != ItemKind::external && !scope_.contains(*target)) {  // recorded, not followed
            item.kind = ItemKind::external;
            item.reason = LinkReason::redirect_out_of_scope;
            item.done = true;
            return;
        }
        if (item.kind == ItemKind::page && looks_like_document(*target)) item.kind = ItemKind::document;
        item.attempts = 0;
        item.not_before = {};
        enqueue(item);
    }

    void use_cached(CrawlItem& item, FetchResponse response, CacheEntry entry) {
        response.status = 200;
        response.content_type = entry.content_type;
        response.body_bytes = entry.size;
        if (response.last_modified.empty()) response.last_modified = entry.last_modified;
        item.response = std::make_unique<FetchResponse>(std::move(response));
        item.fetched = true;
        item.from_cache = true;
        item.done = true;
        if (entry.page && item.kind == ItemKind::page) item.page = std::make_unique<PageAnalysis>(std::move(*entry.page));
        else if (entry.document) {
            item.document = std::make_unique<DocumentInspection>(std::move(*entry.document));
            if (item.kind == ItemKind::page) item.kind = ItemKind::document;
        }
    }

    void inspect(CrawlItem& item) {
        FetchResponse& got = *item.response;
        if (item.kind == ItemKind::page) item.kind = ItemKind::document;  // not HTML after all
        std::string path = got.body_path;
        got.body_path.clear();
        if (path.empty()) {  // an HTML body where a document was expected: inspected like any file
            path = shared_.bodies_dir + "/page-as-document-" + std::to_string(global_id(item.sequence));
            std::ofstream(path, std::ios::binary) << got.body;
            got.body.clear();
        }
        item.inspecting = true;
        const std::uint64_t size = got.body_bytes;
        std::string name = item.current.path.substr(item.current.path.rfind('/') + 1);
        ExtractionPool* pool = shared_.pool;
        ++in_flight_;
        shared_.inspection.submit(
            global_id(item.sequence),
            [path, size, name = std::move(name), type = got.content_type, pool] {
                DocumentInspection inspection = inspect_document(path, size, name, type, pool);
                std::remove(path.c_str());
                return inspection;
            },
            [path] { std::remove(path.c_str()); });
    }

    void on_inspected(std::size_t id, DocumentInspection inspection) {
        --in_flight_;
        CrawlItem& item = items_[local_id(id)];
        item.document = std::make_unique<DocumentInspection>(std::move(inspection));
        item.inspecting = false;
        item.done = true;
        store_in_cache(item);
    }

    // Pages are read on every core; what they link to is still taken in discovery order.
    void read_page(CrawlItem& item) {
        FetchResponse& got = *item.response;
        ++in_flight_;
        shared_.page_reading.submit(global_id(item.sequence), [body = std::move(got.body), type = got.content_type,
                                                               stop = shared_.stop_reading] {
            return analyse_page(body, type, max_page_links, stop);
        });
        got.body = {};
    }

    void on_page_read(std::size_t id, PageAnalysis page) {
        --in_flight_;
        CrawlItem& item = items_[local_id(id)];
        item.page = std::make_unique<PageAnalysis>(std::move(page));
        item.done = true;
        store_in_cache(item);
    }

    void store_in_cache(const CrawlItem& item) {
        if (!shared_.cache || !item.response) return;
        const FetchResponse& got = *item.response;
        if (got.etag.empty() && got.last_modified.empty()) return;  // nothing to ask "changed since?" with
        if (item.document) {  // a worker that failed may succeed next time: not kept
            for (const auto& problem : item.document->problems)
                if (problem == "extraction_timeout" || problem == "extraction_failed") return;
        }
        CacheEntry entry{item.current.text(), got.etag, got.last_modified, got.content_type, got.body_bytes,
                         copy_of(item.page), copy_of(item.document), std::nullopt};
        if (shared_.warc)  // with the place of its bytes, once archived
            store_with_archive_place(*shared_.cache, shared_.records, std::move(entry), item.warc, shared_.cache_failed);
        else if (!shared_.cache->store(entry))
            shared_.cache_failed = true;
        warn_if_cache_failed(shared_, *options_.cache_dir);
    }

    // With --tls-errors report, a certificate refused for the first time marks its host to be read
    // without verification, as a reviewer's browser would show it after a warning; returns whether
    // the request is to be made again.
    bool read_despite_certificate(const util::Url& url, const FetchResponse& response) {
        // An unverified request reports no certificate problem: this cannot repeat.
        if (!options_.tls_report || response.tls_problem.empty()) return false;
        totals_.tls_problems.emplace(url.host_key(), response.tls_problem);
        return true;
    }

    void on_robots(FetchResponse response) {
        const auto key = robots_hosts_.at(response.id);
        HostState& host = hosts_[key];
        if (read_despite_certificate(host.robots_url, response)) return fetch_robots(key, host);
        if (response.status >= 300 && response.status < 400 && !response.location.empty() && host.robots_redirects < 5) {
            if (auto target = util::resolve_url(host.robots_url, response.location)) {
                ++host.robots_redirects;
                host.robots_url = *target;
                return fetch_robots(key, host);
            }
        }
        learn_robots(host, response, options_.user_agent, options_.delay, shared_.diag);
        if (!response.body_path.empty()) std::remove(response.body_path.c_str());
    }

    void finish_failed(CrawlItem& item, FailureClass failure, std::string message) {
        item.failure = failure;
        item.failure_message = std::move(message);
        if (item.response) {
            if (!item.response->body_path.empty()) std::remove(item.response->body_path.c_str());
            item.response->body_path.clear();
            item.response->body.clear();
        }
        item.fetched = true;
        item.done = true;
    }

    // ---- Records ---------------------------------------------------------------------------

    void emit_in_order() {
        while (next_emit_ < items_.size() && next_emit_ < next_discovery_ && items_[next_emit_].done) {
            emit_item(items_[next_emit_]);
            ++next_emit_;
        }
    }

    void emit_item(CrawlItem& item) {
        if (item.kind == ItemKind::sitemap) return;
        // Only places on earlier pages: later ones depend on timing, and are in those pages' records.
        std::vector<LinkPlace> found_on;
        for (const auto& place : item.found_on)
            if (place.page_sequence < item.sequence) found_on.push_back(place);
        std::string duplicate_of;
        if (item.kind == ItemKind::external) {
            ++totals_.links;
        } else if (item.kind == ItemKind::document) {
            if (item.document && !item.document->facts.sha256.empty()) {
                const auto [first, inserted] = first_with_hash_.emplace(item.document->facts.sha256, item.current.text());
                if (!inserted) duplicate_of = first->second;
            }
            ++totals_.documents;
        } else {
            ++totals_.pages;
        }
        if (item.failure != FailureClass::none) ++totals_.failed;
        // The record is written on the record thread, in order; what it holds leaves the item
        // (memory stays flat on large sites) and this thread goes back to the network.
        auto taken = std::make_shared<CrawlItem>(take_for_record(item));
        post_record([taken, found_on = std::move(found_on), duplicate_of = std::move(duplicate_of), settings = settings_] {
            return item_record(*taken, found_on, duplicate_of, settings);
        });
    }

    // Writes the record `make` returns through emit_: on shared_.records' thread when there is
    // one (after every record posted before), else here.
    void post_record(std::function<CrawlRecord()> make) {
        if (!shared_.records) {
            const CrawlRecord record = make();
            return emit_(record.text, record.attention);
        }
        shared_.records->post([make = std::move(make), emit = emit_] {
            const CrawlRecord record = make();
            emit(record.text, record.attention);
        });
    }

    void stop_at_deadline() {
        std::size_t left = 0;
        for (std::size_t i = next_emit_; i < items_.size(); ++i)
            if (!items_[i].done) ++left;
        totals_.not_fetched["deadline"] += left;
        // Records of what did finish still come out, in order; the rest is counted.
        while (next_emit_ < items_.size() && next_emit_ < next_discovery_) {
            if (items_[next_emit_].done) emit_item(items_[next_emit_]);
            ++next_emit_;
        }
        next_emit_ = items_.size();
    }

    void warn_about_bounds() {
        static const std::map<std::string, std::string> options_named = {
            {"max_depth", "--max-depth"}, {"max_pages", "--max-pages"}, {"trap", "--max-per-pattern"},
            {"deadline", "--deadline"}};
        for (const auto& [bound, count] : totals_.not_fetched) {
            const auto option = options_named.find(bound);
            if (count && option != options_named.end())
                shared_.diag.warning(Location{office_prefix(), 0}, std::to_string(count) + " URL" + (count == 1 ? "" : "s") +
                                                   " not fetched: " + option->second + " reached");
        }
    }



    const CrawlOptions options_;
    const std::size_t index_;  // the session's place among the crawl's offices: the top bits of its ids
    CrawlShared& shared_;
    CrawlEmit emit_;
    CrawlScope scope_;
    RecordSettings settings_;

    std::deque<CrawlItem> items_;
    std::unordered_map<std::string, std::size_t> known_;
    std::unordered_map<std::string, std::optional<util::Url>> resolved_;  // see resolve_link
    std::unordered_set<std::string> left_out_;
    std::map<std::string, std::string> trapped_;  // URL -> template: links a trap did not follow
    std::map<std::string, HostState> hosts_;
    std::map<std::size_t, std::string> robots_hosts_;
    TrapWatch traps_{options_.max_per_pattern};
    std::size_t templated_page_ = SIZE_MAX;  // see template_of_page
    std::string page_template_;
    std::unordered_map<std::string, std::string> first_with_hash_;
    std::size_t pages_admitted_ = 0, sitemaps_seen_ = 0, start_count_ = 0;
    std::size_t next_discovery_ = 0, next_emit_ = 0;
    std::size_t in_flight_ = 0;  // transfers, page readings and inspections under way
    bool sitemaps_added_ = false;
    CrawlTotals totals_;
};

CrawlSession::CrawlSession(CrawlOptions options, std::string office, const date::time_zone& zone, std::size_t index,
                           CrawlShared& shared, CrawlEmit emit)
    : impl_(std::make_unique<Impl>(std::move(options), std::move(office), zone, index, shared, std::move(emit))) {}

CrawlSession::~CrawlSession() = default;

void CrawlSession::begin() { impl_->begin(); }
void CrawlSession::start_transfers() { impl_->start_transfers(); }
void CrawlSession::on_response(FetchResponse response) { impl_->on_response(std::move(response)); }
void CrawlSession::on_inspected(std::size_t id, DocumentInspection inspection) {
    impl_->on_inspected(id, std::move(inspection));
}
void CrawlSession::on_page_read(std::size_t id, PageAnalysis page) { impl_->on_page_read(id, std::move(page)); }
void CrawlSession::advance() {
    impl_->discover_in_order();
    impl_->emit_in_order();
}
bool CrawlSession::finished() const { return impl_->finished(); }
void CrawlSession::stop_at_deadline() { impl_->stop_at_deadline(); }
void CrawlSession::finish() { impl_->finish(); }
std::size_t CrawlSession::written() const { return impl_->written(); }
std::size_t CrawlSession::known() const { return impl_->known(); }

}  // namespace ppid
