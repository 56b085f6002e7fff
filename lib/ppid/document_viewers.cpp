#include <ppid/document_viewers.hpp>

#include <string_view>

namespace ppid {

namespace {

// Returns the value of the first `name` parameter of `query`, percent-decoded ('+' as a space, as
// form encoding writes it), or nothing.
std::optional<std::string> parameter(std::string_view query, std::string_view name) {
    while (!query.empty()) {
        const std::size_t amp = query.find('&');
        const std::string_view pair = query.substr(0, amp);
        const std::size_t equals = pair.find('=');
        if (equals != std::string_view::npos && pair.substr(0, equals) == name) {
            std::string value(pair.substr(equals + 1));
            for (char& c : value)
                if (c == '+') c = ' ';
            return util::percent_decode(value);
        }
        if (amp == std::string_view::npos) break;
        query.remove_prefix(amp + 1);
    }
    return std::nullopt;
}

bool ends_with(std::string_view text, std::string_view end) {
    return text.size() >= end.size() && text.substr(text.size() - end.size()) == end;
}

// Google's viewers: /viewer, /gview, and the same under a Workspace domain (/a/DOMAIN/viewer).
bool is_google_viewer(const util::Url& url) {
    if (url.host == "docs.google.com")
        return url.path == "/viewer" || url.path == "/gview" ||
               (url.path.rfind("/a/", 0) == 0 && (ends_with(url.path, "/viewer") || ends_with(url.path, "/gview")));
    return url.host == "drive.google.com" && url.path == "/viewerng/viewer";
}

bool is_pdfjs_viewer(const util::Url& url) {
    const std::string_view last = std::string_view(url.path).substr(url.path.rfind('/') + 1);
    return last == "viewer.html" || last == "viewer.php";
}

}  // namespace

std::optional<std::string> viewed_document(const util::Url& viewer) {
    if (!viewer.query) return std::nullopt;
    const bool web = viewer.scheme == "http" || viewer.scheme == "https";
    std::optional<std::string> wrapped;
    if (web && is_google_viewer(viewer)) wrapped = parameter(*viewer.query, "url");
    else if ((web || viewer.scheme == "file") && is_pdfjs_viewer(viewer)) wrapped = parameter(*viewer.query, "file");
    if (!wrapped || wrapped->find_first_not_of(" \t\r\n") == std::string::npos) return std::nullopt;
    return wrapped;
}

}  // namespace ppid
