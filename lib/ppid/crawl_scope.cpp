#include <ppid/crawl_scope.hpp>

#include <ppid/document_inspection.hpp>
#include <ppid/error.hpp>
#include <ppid/util/ascii.hpp>

#include <algorithm>
#include <cctype>

namespace ppid {

namespace {

bool is_web(const util::Url& url) {
    return url.scheme == "http" || url.scheme == "https";
}

}  // namespace

CrawlScope::CrawlScope(const std::vector<std::string>& start_urls, const std::vector<std::string>& allowed_hosts,
                       std::vector<std::string> strip_query)
    : strip_query_(std::move(strip_query)) {
    for (const auto& text : start_urls) {
        auto url = util::parse_url(text);
        if (!url || !(is_web(*url) || url->scheme == "file"))
            throw UsageError("not an http, https or file URL: " + text);
        util::strip_session_parameters(*url);
        util::strip_query_parameters(*url, strip_query_);
        if (url->scheme == "file")
            file_folders_.push_back(url->path.substr(0, url->path.rfind('/') + 1));
        else
            hosts_.push_back(url->host_key());
        starts_.push_back(std::move(*url));
    }
    for (const auto& host : allowed_hosts) hosts_.push_back(util::ascii_lowercase(host));
}

std::optional<util::Url> CrawlScope::resolve(const util::Url& base, std::string_view reference) const {
    auto url = util::resolve_url(base, reference);
    if (!url) return std::nullopt;
    util::strip_session_parameters(*url);
    util::strip_query_parameters(*url, strip_query_);
    return url;
}

bool CrawlScope::contains(const util::Url& url) const {
    if (url.scheme == "file") {
        // Compared as the file system will read it: "..%2F" is a way out of the folder too.
        const std::string path = util::percent_decode(url.path);
        if (!is_plain_file_path(path)) return false;
        return std::any_of(file_folders_.begin(), file_folders_.end(), [&](const std::string& folder) {
            return path.compare(0, folder.size(), util::percent_decode(folder)) == 0;
        });
    }
    return is_web(url) && std::find(hosts_.begin(), hosts_.end(), url.host_key()) != hosts_.end();
}

std::string CrawlScope::file_root(const util::Url& url) const {
    if (url.scheme != "file") return {};
    const std::string path = util::percent_decode(url.path);
    for (const auto& folder : file_folders_) {
        std::string decoded = util::percent_decode(folder);
        if (path.compare(0, decoded.size(), decoded) == 0) return decoded;
    }
    return {};
}

bool CrawlScope::fetchable(const util::Url& url) {
    return is_web(url) || url.scheme == "file";
}

bool is_plain_file_path(std::string_view path) {
    if (path.find('\0') != std::string_view::npos) return false;
    std::size_t start = 0;
    while (start <= path.size()) {
        const auto slash = path.find('/', start);
        const auto segment = path.substr(start, slash == std::string_view::npos ? std::string_view::npos : slash - start);
        if (segment == "..") return false;
        if (slash == std::string_view::npos) break;
        start = slash + 1;
    }
    return true;
}

bool looks_like_document(const util::Url& url) {
    static const char* const extensions[] = {"pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "odt", "ods",
                                             "odp", "rtf", "csv", "txt", "zip", "rar", "7z", "gz", "jpg", "jpeg",
                                             "png", "gif", "tif", "tiff", "mp4", "mp3"};
    const std::string extension = lower_extension(url.path);
    return std::find_if(std::begin(extensions), std::end(extensions),
                        [&](const char* known) { return extension == known; }) != std::end(extensions);
}

std::string url_pattern(const util::Url& url) {
    std::string pattern = url.host_key();
    const auto add_masked = [&](std::string_view text) {
        for (std::size_t i = 0; i < text.size(); ++i) {
            if (std::isdigit(static_cast<unsigned char>(text[i]))) {
                pattern += '#';
                while (i + 1 < text.size() && std::isdigit(static_cast<unsigned char>(text[i + 1]))) ++i;
            } else {
                pattern += text[i];
            }
        }
    };
    add_masked(url.path);
    if (url.query) {
        pattern += '?';
        std::string_view rest = *url.query;
        bool first = true;
        while (!rest.empty()) {
            const auto amp = rest.find('&');
            const std::string_view pair = rest.substr(0, amp);
            if (!first) pattern += '&';
            first = false;
            const auto equals = pair.find('=');
            pattern += std::string(pair.substr(0, equals));
            if (equals != std::string_view::npos) {
                pattern += '=';
                add_masked(pair.substr(equals + 1));
            }
            if (amp == std::string_view::npos) break;
            rest.remove_prefix(amp + 1);
        }
    }
    return pattern;
}

namespace {

std::string_view without_index_php(std::string_view path) {
    constexpr std::string_view prefix = "/index.php/";
    return path.rfind(prefix, 0) == 0 ? path.substr(prefix.size() - 1) : path;
}

bool is_digit(char c) {
    return std::isdigit(static_cast<unsigned char>(c)) != 0;
}

}  // namespace

std::string url_template(const util::Url& url) {
    std::string key = url.host_key();
    std::string_view path = without_index_php(url.path);
    while (!path.empty()) {
        const std::size_t slash = path.find('/', 1);
        std::string_view segment = path.substr(0, slash);  // with its leading '/'
        path.remove_prefix(segment.size());
        std::size_t digits = 1;
        while (digits < segment.size() && is_digit(segment[digits])) ++digits;
        if (digits > 1 && digits < segment.size() && (segment[digits] == '_' || segment[digits] == '-')) {
            key += "/#";
            continue;
        }
        for (std::size_t i = 0; i < segment.size(); ++i) {
            key += is_digit(segment[i]) ? '#' : segment[i];
            while (is_digit(segment[i]) && i + 1 < segment.size() && is_digit(segment[i + 1])) ++i;
        }
    }
    if (url.query) {
        key += '?';
        std::string_view rest = *url.query;
        while (!rest.empty()) {
            const std::size_t amp = rest.find('&');
            const std::string_view pair = rest.substr(0, amp);
            key += pair.substr(0, pair.find('='));
            if (amp == std::string_view::npos) break;
            key += '&';
            rest.remove_prefix(amp + 1);
        }
    }
    return key;
}

std::string same_page_key(const util::Url& url) {
    if (url.scheme != "http" && url.scheme != "https") return url.text();
    const std::string_view path = without_index_php(url.path);
    if (path.size() == url.path.size()) return url.text();
    util::Url spelled = url;
    spelled.path = std::string(path);
    return spelled.text();
}

void TrapWatch::page_read(const std::string& template_key, bool yielded) {
    std::size_t& count = barren_in_a_row_[template_key];
    count = yielded ? 0 : count + 1;
}

bool TrapWatch::is_trap(const std::string& template_key) const {
    const auto found = barren_in_a_row_.find(template_key);
    return found != barren_in_a_row_.end() && found->second >= limit_;
}

}  // namespace ppid
