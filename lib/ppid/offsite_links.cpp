#include <ppid/offsite_links.hpp>

#include <ppid/crawl_scope.hpp>
#include <ppid/util/ascii.hpp>
#include <ppid/util/one_of.hpp>
#include <ppid/util/url.hpp>

#include <string>

namespace ppid {

namespace {

bool starts_with(std::string_view text, std::string_view prefix) {
    return text.substr(0, prefix.size()) == prefix;
}

// Whether the last segment of `path` is the sign-in page of a CMS or an identity provider.
bool is_sign_in_path(std::string_view path) {
    const auto slash = path.rfind('/');
    const std::string_view last = slash == std::string_view::npos ? path : path.substr(slash + 1);
    static constexpr std::string_view names[] = {"login",  "signin", "sign-in", "servicelogin",
                                                 "wp-login.php", "login.php"};
    return util::is_one_of(last, names);
}

}  // namespace

OffsiteTarget offsite_target(std::string_view text) {
    const auto url = util::parse_url(text);
    if (!url || (url->scheme != "http" && url->scheme != "https") || url->host.empty()) return OffsiteTarget::page;
    const std::string& host = url->host;
    const std::string path = util::ascii_lowercase(url->path);
    static constexpr std::string_view sign_in_hosts[] = {"accounts.google.com", "login.microsoftonline.com",
                                                         "login.live.com"};
    if (util::is_one_of(host, sign_in_hosts) || is_sign_in_path(path))
        return OffsiteTarget::sign_in;
    if (host == "forms.gle" || (host == "docs.google.com" && starts_with(path, "/forms/")))
        return OffsiteTarget::form;
    // Offices share files from Google Drive: the URL names no file type, but it is a file, not a page.
    if ((host == "drive.google.com" && (starts_with(path, "/file/d/") || path == "/uc" || path == "/open")) ||
        (host == "docs.google.com" && (starts_with(path, "/document/d/") || starts_with(path, "/spreadsheets/d/") ||
                                       starts_with(path, "/presentation/d/"))))
        return OffsiteTarget::shared_file;
    if (looks_like_document(*url)) return OffsiteTarget::file;  // the crawler's own list of file types
    // The shorteners Indonesian public bodies use most (s.id above all), then the international ones.
    static constexpr std::string_view shorteners[] = {"s.id",  "bit.ly", "tinyurl.com", "cutt.ly", "rb.gy",
                                                      "shorturl.at", "t.ly", "is.gd", "ow.ly", "goo.gl"};
    if (util::is_one_of(host, shorteners)) return OffsiteTarget::short_link;
    return OffsiteTarget::page;
}

bool is_checked_as_document(OffsiteTarget target) {
    return target == OffsiteTarget::file || target == OffsiteTarget::shared_file || target == OffsiteTarget::form ||
           target == OffsiteTarget::short_link;
}

}  // namespace ppid
