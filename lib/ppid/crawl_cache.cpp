#include <ppid/crawl_cache.hpp>

#include <ppid/error.hpp>

#include <nlohmann/json.hpp>
#include <openssl/evp.h>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include <cstdio>
#include <filesystem>
#include <fstream>

namespace ppid {

namespace {

// Bumped when the entries' layout changes: older entries are then ignored, not misread.
constexpr int cache_version = 3;  // 2: main heading, form fields, the attribute of a link; 3: own text

std::string sha256_hex(const std::string& text) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_Digest(text.data(), text.size(), digest, &length, EVP_sha256(), nullptr);
    static constexpr char hex[] = "0123456789abcdef";
    std::string out;
    for (unsigned int i = 0; i < length; ++i) {
        out += hex[digest[i] >> 4];
        out += hex[digest[i] & 0xF];
    }
    return out;
}

nlohmann::json page_to_json(const PageAnalysis& page) {
    nlohmann::json links = nlohmann::json::array();
    for (const auto& link : page.links)
        links.push_back({{"href", link.href}, {"element", link.element}, {"attribute", link.attribute},
                         {"anchor_text", link.anchor_text},
                         {"heading", link.heading}, {"group", link.group}, {"context", link.context},
                         {"context_kind", to_string(link.context_kind)}, {"placeholder", link.placeholder},
                         {"nofollow", link.nofollow}});
    return {{"title", page.title}, {"main_heading", page.main_heading}, {"headings", page.headings},
            {"form_fields", page.form_fields}, {"text_chars", page.text_chars}, {"links", links},
            {"links_dropped", page.links_dropped}, {"base_href", page.base_href}, {"charset", page.charset},
            {"meta_refresh", page.meta_refresh}, {"robots_noindex", page.robots_noindex},
            {"robots_nofollow", page.robots_nofollow}};
}

ContextKind context_kind_named(const std::string& name) {
    for (const auto kind : {ContextKind::table_row, ContextKind::list_item, ContextKind::paragraph, ContextKind::block})
        if (to_string(kind) == name) return kind;
    return ContextKind::none;
}

PageAnalysis page_from_json(const nlohmann::json& json) {
    PageAnalysis page;
    page.title = json.at("title").get<std::string>();
    page.main_heading = json.at("main_heading").get<std::string>();
    page.headings = json.at("headings").get<std::vector<std::string>>();
    page.form_fields = json.at("form_fields").get<std::size_t>();
    page.text_chars = json.at("text_chars").get<std::size_t>();
    for (const auto& item : json.at("links")) {
        PageLink link;
        link.href = item.at("href").get<std::string>();
        link.element = item.at("element").get<std::string>();
        link.attribute = item.at("attribute").get<std::string>();
        link.anchor_text = item.at("anchor_text").get<std::string>();
        link.heading = item.at("heading").get<std::string>();
        link.group = item.at("group").get<std::string>();
        link.context = item.at("context").get<std::string>();
        link.context_kind = context_kind_named(item.at("context_kind").get<std::string>());
        link.placeholder = item.at("placeholder").get<bool>();
        link.nofollow = item.at("nofollow").get<bool>();
        page.links.push_back(std::move(link));
    }
    page.links_dropped = json.at("links_dropped").get<std::size_t>();
    page.base_href = json.at("base_href").get<std::string>();
    page.charset = json.at("charset").get<std::string>();
    page.meta_refresh = json.at("meta_refresh").get<std::string>();
    page.robots_noindex = json.at("robots_noindex").get<bool>();
    page.robots_nofollow = json.at("robots_nofollow").get<bool>();
    return page;
}

nlohmann::json document_to_json(const DocumentInspection& document) {
    const auto& content = document.content;
    nlohmann::json json = {{"sha256", document.facts.sha256},
                           {"media_type", document.facts.media_type},
                           {"kind", to_string(document.kind)},
                           {"title", content.title},
                           {"author", content.author},
                           {"created", content.created},
                           {"modified", content.modified},
                           {"text_sample", content.text_sample},
                           {"no_text_layer", content.no_text_layer},
                           {"content_problems", content.problems},
                           {"problems", document.problems}};
    if (content.pages) json["pages"] = *content.pages;
    return json;
}

DocumentInspection document_from_json(const nlohmann::json& json) {
    DocumentInspection document;
    document.facts.sha256 = json.at("sha256").get<std::string>();
    document.facts.media_type = json.at("media_type").get<std::string>();
    document.kind = parse_content_kind(json.at("kind").get<std::string>()).value_or(ContentKind::other);
    auto& content = document.content;
    content.title = json.at("title").get<std::string>();
    content.author = json.at("author").get<std::string>();
    content.created = json.at("created").get<std::string>();
    content.modified = json.at("modified").get<std::string>();
    content.text_sample = json.at("text_sample").get<std::string>();
    content.no_text_layer = json.at("no_text_layer").get<bool>();
    content.problems = json.at("content_problems").get<std::vector<std::string>>();
    if (json.contains("pages")) content.pages = json.at("pages").get<int>();
    document.problems = json.at("problems").get<std::vector<std::string>>();
    return document;
}

// Returns the text of the entry file at `path`, or nothing when it is missing, not a regular file
// (a folder or a FIFO put in its place) or unreadable: a stale entry is a miss, never a failure.
std::optional<std::string> read_entry_file(const std::string& path) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
    if (fd < 0) return std::nullopt;
    std::optional<std::string> text;
    struct stat info {};
    if (::fstat(fd, &info) == 0 && S_ISREG(info.st_mode)) {
        text.emplace();
        char buffer[65536];
        while (true) {
            const ssize_t got = ::read(fd, buffer, sizeof buffer);
            if (got < 0 && errno == EINTR) continue;
            if (got < 0) text.reset();
            if (got <= 0) break;
            text->append(buffer, static_cast<std::size_t>(got));
        }
    }
    ::close(fd);
    return text;
}

nlohmann::json warc_to_json(const WarcRef& ref) {
    return {{"file", ref.place.file},       {"record_id", ref.place.record_id},
            {"date", ref.place.date},       {"target_uri", ref.target_uri},
            {"payload_digest", ref.payload_digest}};
}

WarcRef warc_from_json(const nlohmann::json& json) {
    return {{json.at("file").get<std::string>(), json.at("record_id").get<std::string>(), json.at("date").get<std::string>()},
            json.at("target_uri").get<std::string>(),
            json.at("payload_digest").get<std::string>()};
}

nlohmann::json json_of(const CacheEntry& entry) {
    nlohmann::json json = {{"version", cache_version}, {"url", entry.url},
                           {"etag", entry.etag},       {"last_modified", entry.last_modified},
                           {"content_type", entry.content_type}, {"size", entry.size}};
    if (entry.page) json["page"] = page_to_json(*entry.page);
    if (entry.document) json["document"] = document_to_json(*entry.document);
    if (entry.warc) json["warc"] = warc_to_json(*entry.warc);
    return json;
}

// Writes `json` to a temporary file beside `path` and renames it over `path`.
bool write_entry_file(const std::string& path, const nlohmann::json& json) {
    std::error_code error;
    std::filesystem::create_directories(path.substr(0, path.rfind('/')), error);
    std::string temporary = path + ".XXXXXX";
    const int fd = ::mkstemp(temporary.data());
    if (fd < 0) return false;
    ::close(fd);
    {
        std::ofstream out(temporary, std::ios::binary | std::ios::trunc);
        // Invalid UTF-8 is replaced: the texts came from outside.
        out << json.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        if (!out.flush()) {
            std::remove(temporary.c_str());
            return false;
        }
    }
    if (std::rename(temporary.c_str(), path.c_str()) != 0) {
        std::remove(temporary.c_str());
        return false;
    }
    return true;
}

}  // namespace

bool can_stand_for(const CacheEntry& entry, bool page_expected) {
    return entry.document.has_value() || (page_expected && entry.page.has_value());
}

CrawlCache::CrawlCache(std::string folder) : folder_(std::move(folder)) {
    std::error_code error;
    std::filesystem::create_directories(folder_, error);
    if (error || !std::filesystem::is_directory(folder_))
        throw Error("cannot create the cache folder " + folder_ + ": " + error.message());
}

std::string CrawlCache::path_for(const std::string& url) const {
    const std::string hash = sha256_hex(url);
    return folder_ + "/" + hash.substr(0, 2) + "/" + hash + ".json";
}

std::optional<CacheEntry> CrawlCache::find(const std::string& url) const {
    const std::optional<std::string> text = read_entry_file(path_for(url));
    if (!text) return std::nullopt;
    try {
        const auto json = nlohmann::json::parse(*text);
        if (json.at("version").get<int>() != cache_version || json.at("url").get<std::string>() != url)
            return std::nullopt;
        CacheEntry entry;
        entry.url = url;
        entry.etag = json.at("etag").get<std::string>();
        entry.last_modified = json.at("last_modified").get<std::string>();
        entry.content_type = json.at("content_type").get<std::string>();
        entry.size = json.at("size").get<std::uint64_t>();
        if (json.contains("page")) entry.page = page_from_json(json.at("page"));
        if (json.contains("document")) entry.document = document_from_json(json.at("document"));
        // An entry holds what was read from one answer: a page or a document, never both or neither.
        if (entry.page.has_value() == entry.document.has_value()) return std::nullopt;
        if (json.contains("warc")) entry.warc = warc_from_json(json.at("warc"));
        return entry;
    } catch (const nlohmann::json::exception&) {
        return std::nullopt;
    }
}

bool CrawlCache::store(const CacheEntry& entry) const {
    return write_entry_file(path_for(entry.url), json_of(entry));
}

}  // namespace ppid
