#include <ppid/crawl_records.hpp>

#include <ppid/document_fields.hpp>
#include <ppid/file_title.hpp>
#include <ppid/offsite_links.hpp>
#include <ppid/text_dates.hpp>
#include <ppid/util/ascii.hpp>
#include <ppid/util/http_date.hpp>
#include <ppid/util/iso_date.hpp>
#include <ppid/util/json_text.hpp>
#include <ppid/util/media_type.hpp>
#include <ppid/util/normalize.hpp>
#include <ppid/util/url.hpp>

#include <algorithm>

namespace ppid {

namespace {

using util::JsonObjectText;

std::string_view to_string(LinkReason reason) {
    switch (reason) {
    case LinkReason::external: return "external";
    case LinkReason::file_scheme: return "file_scheme";
    case LinkReason::redirect_out_of_scope: return "redirect_out_of_scope";
    }
    return "";
}

std::vector<FoundDate> dates_in(std::string_view text, DatesMemo* memo) {
    return memo ? memo->dates_in(text) : find_dates(text);
}

// The dates written around a link: in its row or paragraph, else in its own text.
void write_dates(JsonObjectText& json, const LinkPlace& place, DatesMemo* memo) {
    std::string_view text = place.context;
    std::string_view source = "context";
    auto found = dates_in(text, memo);
    if (found.empty()) {
        text = place.anchor_text;
        source = "anchor";
        found = dates_in(text, memo);
    }
    if (found.empty()) return;
    std::string& list = json.raw("dates");
    list += '[';
    for (std::size_t i = 0; i < found.size(); ++i) {
        if (i) list += ',';
        JsonObjectText date(list);
        date.string("date", util::format_iso_date(found[i].day))
            .string("source", source)
            .string("text", text.substr(found[i].offset, found[i].length))
            .close();
    }
    list += ']';
}

void write_place_fields(JsonObjectText& json, const LinkPlace& place, DatesMemo* memo) {
    if (!place.anchor_text.empty()) json.string("anchor_text", place.anchor_text);
    if (!place.heading.empty()) json.string("heading", place.heading);
    if (!place.group.empty()) json.string("group", place.group);
    if (!place.context.empty())
        json.string("context", place.context).string("context_kind", to_string(place.context_kind));
    if (!place.via.empty()) json.string("via", place.via);
    if (!place.viewer.empty()) json.string("viewer", place.viewer);
    write_dates(json, place, memo);
}

void write_found_on(JsonObjectText& json, const std::vector<LinkPlace>& places, DatesMemo* memo) {
    if (places.empty()) return;
    std::string& list = json.raw("found_on");
    list += '[';
    for (std::size_t i = 0; i < places.size(); ++i) {
        if (i) list += ',';
        JsonObjectText place(list);
        place.string("page", places[i].page);
        write_place_fields(place, places[i], memo);
        place.close();
    }
    list += ']';
}

void write_office(JsonObjectText& json, const RecordSettings& settings) {
    if (!settings.office.empty()) json.string("office", settings.office);
    // The name from the offices file, so reports can say "KPU Kabupaten Boyolali", not "kab-boyolali".
    if (!settings.office.empty() && !settings.office_name.empty()) json.string("office_name", settings.office_name);
}

void write_redirects(JsonObjectText& json, const CrawlItem& item) {
    if (item.redirects.empty()) return;
    std::string& list = json.raw("redirects");
    list += '[';
    for (std::size_t i = 0; i < item.redirects.size(); ++i) {
        if (i) list += ',';
        JsonObjectText hop(list);
        hop.string("url", item.redirects[i].url).number("status", item.redirects[i].status).close();
    }
    list += ']';
}

void write_fetch_fields(JsonObjectText& json, const CrawlItem& item) {
    json.string("url", item.url.text());
    json.string("final_url", item.current.text());
    if (item.response && item.response->status) json.number("status", item.response->status);
    json.number("depth", item.depth);
    write_redirects(json, item);
    if (!item.tls_problem.empty()) json.boolean("tls_verified", false).string("tls_problem", item.tls_problem);
}

void write_last_modified(JsonObjectText& json, const CrawlItem& item) {
    if (!item.response) return;
    if (const auto moment = util::parse_http_date(item.response->last_modified))
        json.string("modified", util::format_utc_timestamp(*moment));
}

// Where the answer's bytes are in the web archive (--warc): proof of what was published, and when.
void write_archive_place(JsonObjectText& json, const CrawlItem& item) {
    if (!item.warc || !item.warc->ref) return;
    const WarcPlace& place = item.warc->ref->place;
    JsonObjectText warc(json.raw("warc"));
    warc.string("file", place.file).string("record_id", place.record_id).string("date", place.date).close();
}

void write_failure(JsonObjectText& json, const CrawlItem& item) {
    if (item.failure == FailureClass::none) return;
    JsonObjectText failure(json.raw("failure"));
    failure.string("class", to_string(item.failure)).string("message", item.failure_message).number("attempts", item.attempts);
    if (item.response && !item.response->tls_problem.empty()) failure.string("tls_problem", item.response->tls_problem);
    failure.close();
}

void add_failure_problem(const CrawlItem& item, std::vector<std::string>& problems) {
    if (item.failure != FailureClass::none) problems.emplace_back(to_string(item.failure));
    // "tls" stays for readers that know only it; the precise cause follows.
    if (item.failure == FailureClass::tls && item.response && !item.response->tls_problem.empty())
        problems.push_back(item.response->tls_problem);
}

// Ends a record with its problems, which are known last.
CrawlRecord finish(std::string& text, JsonObjectText& json, const std::vector<std::string>& problems) {
    util::append_json_string_array(json.raw("problems"), problems);
    json.close();
    return {std::move(text), !problems.empty()};
}

// Link texts that say "download" and nothing of what: the document needs another title.
bool says_nothing(const std::string& anchor) {
    static const char* const generic[] = {
        "unduh", "download", "disini", "di sini", "klik", "klik disini", "klik di sini", "unduh disini",
        "unduh di sini", "download disini", "download di sini", "lihat", "lihat disini", "lihat dokumen", "view",
        "baca", "selengkapnya", "baca selengkapnya", "link", "tautan", "file", "dokumen", "lampiran", "pdf",
        "here", "click here", "open", "buka", "unduh dokumen", "download file", "unduh file", "detail", "more"};
    const std::string words = util::normalize_words(anchor);
    if (words.size() < 3) return true;
    return std::any_of(std::begin(generic), std::end(generic), [&](const char* g) { return words == g; });
}

}  // namespace

const std::vector<FoundDate>& DatesMemo::dates_in(std::string_view text) {
    constexpr std::size_t bound = 20000;  // distinct texts kept: a few MiB
    const std::string key(text);
    if (const auto found = seen_.find(key); found != seen_.end()) return found->second;
    if (seen_.size() >= bound) seen_.clear();
    return seen_.emplace(key, find_dates(text)).first->second;
}

CrawlRecord page_record(const CrawlItem& item, const RecordSettings& settings) {
    std::string text;
    JsonObjectText json(text);
    json.string("type", "page");
    write_office(json, settings);
    write_fetch_fields(json, item);
    std::vector<std::string> problems;
    if (item.response && !item.response->content_type.empty())
        json.string("media_type", util::bare_media_type(item.response->content_type));
    if (item.page) {
        if (!item.page->charset.empty()) json.string("charset", item.page->charset);
        if (item.response) json.number("size", static_cast<long long>(item.response->body_bytes));
    }
    write_last_modified(json, item);
    write_archive_place(json, item);
    if (item.page) {
        json.string("title", item.page->title);
        if (!item.page->main_heading.empty()) json.string("main_heading", item.page->main_heading);
        if (item.page->form_fields > 0) json.number("form_fields", static_cast<long long>(item.page->form_fields));
        json.number("text_chars", static_cast<long long>(item.page->text_chars));
        if (item.page->links_dropped > 0) json.number("links_dropped", static_cast<long long>(item.page->links_dropped));
        std::string& headings = json.raw("headings");
        util::append_json_string_array(headings, item.page->headings);
        std::string& links = json.raw("links");
        links += '[';
        for (std::size_t i = 0; i < item.links_out.size(); ++i) {
            if (i) links += ',';
            JsonObjectText link(links);
            link.string("url", item.links_out[i].url);
            write_place_fields(link, item.links_out[i], settings.dates.get());
            link.close();
        }
        links += ']';
        if (!item.placeholders.empty()) {
            std::string& list = json.raw("placeholder_links");
            list += '[';
            for (std::size_t i = 0; i < item.placeholders.size(); ++i) {
                if (i) list += ',';
                JsonObjectText link(list);
                link.string("href", item.placeholders[i].href);
                if (!item.placeholders[i].anchor_text.empty()) link.string("anchor_text", item.placeholders[i].anchor_text);
                if (!item.placeholders[i].context.empty()) link.string("context", item.placeholders[i].context);
                link.close();
            }
            list += ']';
            problems.emplace_back("placeholder_link");
        }
    }
    add_failure_problem(item, problems);
    write_failure(json, item);
    return finish(text, json, problems);
}

CrawlRecord document_record(const CrawlItem& item, const std::vector<LinkPlace>& found_on,
                            const std::string& duplicate_of, const RecordSettings& settings) {
    std::string text;
    JsonObjectText json(text);
    json.string("type", "document");
    write_office(json, settings);
    write_fetch_fields(json, item);
    std::vector<std::string> problems;
    const DocumentInspection* document = item.document ? &*item.document : nullptr;
    if (document) json.number("size", static_cast<long long>(item.response ? item.response->body_bytes : 0));
    else if (item.response && item.response->content_length)
        json.number("size", static_cast<long long>(*item.response->content_length));
    if (document && !document->facts.media_type.empty()) json.string("media_type", document->facts.media_type);
    if (item.response && !item.response->content_type.empty())
        json.string("media_type_header", util::bare_media_type(item.response->content_type));
    if (document && !document->facts.sha256.empty()) json.string("sha256", document->facts.sha256);
    write_last_modified(json, item);
    write_archive_place(json, item);

    // The title a person sees on the site, unless the link only says "Unduh".
    const std::string segment = util::percent_decode(item.current.path.substr(item.current.path.rfind('/') + 1));
    const LinkPlace* first_place = found_on.empty() ? nullptr : &found_on.front();
    std::string title, title_source;
    if (first_place && !says_nothing(first_place->anchor_text)) {
        title = first_place->anchor_text;
        title_source = "anchor";
    } else if (document && !document->misnamed() && !document->content.title.empty()) {
        title = document->content.title;
        title_source = "metadata";
    } else {
        title = title_from_file_name(segment);
        title_source = "filename";
    }
    json.string("title", title).string("title_source", title_source);

    const ExtractedContent empty_content;
    const ExtractedContent& content = document ? document->content : empty_content;
    std::vector<TextSource> sources;
    if (first_place) sources.push_back({first_place->context, "context"});
    if (title_source != "filename") sources.push_back({title, "title"});
    sources.push_back({segment, "filename"});
    sources.push_back({content.text_sample, "content"});
    std::optional<DocumentDate> date = first_written_date(sources);
    if (!date && settings.zone)
        if (const auto day = metadata_date(content, *settings.zone)) date = DocumentDate{*day, "metadata"};
    if (!date && item.response)
        if (const auto moment = util::parse_http_date(item.response->last_modified))
            date = DocumentDate{date::floor<date::days>(*moment), "last_modified"};
    std::vector<TextSource> period_sources{{title, "title"}};
    if (first_place) period_sources.push_back({first_place->context, "context"});
    period_sources.push_back({segment, "filename"});
    period_sources.push_back({content.text_sample, "content"});
    if (document) problems = document->problems;
    write_date_and_period(json, date, first_written_period(period_sources), settings.as_of, problems);
    write_content_fields(json, content);
    write_found_on(json, found_on, settings.dates.get());
    if (!duplicate_of.empty()) {
        problems.emplace_back("duplicate");
        json.string("duplicate_of", duplicate_of);
    }
    add_failure_problem(item, problems);
    write_failure(json, item);
    return finish(text, json, problems);
}

CrawlRecord link_record(const CrawlItem& item, const std::vector<LinkPlace>& found_on, const RecordSettings& settings) {
    std::string text;
    JsonObjectText json(text);
    // A redirect off the site keeps the URL on the site as its key (two such URLs may lead to the
    // same place) and names where it led in final_url, as page and document records do.
    json.string("type", "link");
    write_office(json, settings);
    json.string("url", item.url.text());
    // A checked link to another site is followed to its end (a short link to a Drive file): where it led
    // is said the same way.
    if (item.reason == LinkReason::redirect_out_of_scope || !item.redirects.empty()) {
        json.string("final_url", item.current.text());
        write_redirects(json, item);
    }
    json.boolean("external", item.reason != LinkReason::file_scheme).string("reason", to_string(item.reason));
    write_found_on(json, found_on, settings.dates.get());
    std::vector<std::string> problems;
    if (item.kind == ItemKind::external) {
        json.boolean("checked", item.fetched);
        if (item.fetched && item.response && item.response->status) json.number("status", item.response->status);
        add_failure_problem(item, problems);
        // A private Drive file or a members-only page sends a visitor to sign in: not published.
        if (item.fetched && item.reason == LinkReason::external && offsite_target(item.current.text()) == OffsiteTarget::sign_in &&
            offsite_target(item.url.text()) != OffsiteTarget::sign_in)
            problems.push_back("login_required");
        write_failure(json, item);
    }
    return finish(text, json, problems);
}

CrawlRecord item_record(const CrawlItem& item, const std::vector<LinkPlace>& found_on, const std::string& duplicate_of,
                        const RecordSettings& settings) {
    if (item.kind == ItemKind::external) return link_record(item, found_on, settings);
    if (item.kind == ItemKind::document) return document_record(item, found_on, duplicate_of, settings);
    return page_record(item, settings);
}

CrawlItem take_for_record(CrawlItem& item) {
    CrawlItem taken = std::move(item);
    item = CrawlItem{};
    item.sequence = taken.sequence;
    item.kind = taken.kind;
    item.url = taken.url;
    item.current = taken.current;
    item.depth = taken.depth;
    item.reason = taken.reason;
    item.started = taken.started;
    item.fetched = taken.fetched;
    item.done = taken.done;
    item.attempts = taken.attempts;
    item.failure = taken.failure;
    item.from_cache = taken.from_cache;
    return taken;
}

std::string summary_record(const CrawlTotals& totals, const RecordSettings& settings) {
    std::string text;
    JsonObjectText json(text);
    json.string("type", "crawl_summary");
    write_office(json, settings);
    util::append_json_string_array(json.raw("start_urls"), totals.start_urls);
    json.number("pages", static_cast<long long>(totals.pages))
        .number("documents", static_cast<long long>(totals.documents))
        .number("links", static_cast<long long>(totals.links))
        .number("failed", static_cast<long long>(totals.failed));
    if (totals.unreachable) json.boolean("unreachable", true);
    JsonObjectText not_fetched(json.raw("not_fetched"));
    for (const auto& [bound, count] : totals.not_fetched) not_fetched.number(bound, static_cast<long long>(count));
    not_fetched.close();
    if (!totals.trap_patterns.empty()) {
        std::string& list = json.raw("traps");
        list += '[';
        bool first = true;
        for (const auto& [pattern, count] : totals.trap_patterns) {
            if (!first) list += ',';
            first = false;
            JsonObjectText trap(list);
            trap.string("pattern", pattern).number("skipped", static_cast<long long>(count)).close();
        }
        list += ']';
    }
    if (!totals.tls_problems.empty()) {  // a problem of the site, read anyway (--tls-errors report)
        JsonObjectText hosts(json.raw("tls_problems"));
        for (const auto& [host, problem] : totals.tls_problems) hosts.string(host, problem);
        hosts.close();
    }
    json.close();
    return text;
}

}  // namespace ppid
