#include <ppid/file_url_fetch.hpp>

#include <ppid/crawl_scope.hpp>
#include <ppid/document_inspection.hpp>
#include <ppid/util/http_date.hpp>
#include <ppid/util/url.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <fstream>
#include <utility>

namespace ppid {

namespace {

// The types a web server's default table gives the files office sites publish.
std::string media_type_for(const std::string& extension) {
    static const std::pair<const char*, const char*> table[] = {
        {"html", "text/html"}, {"htm", "text/html"}, {"xhtml", "application/xhtml+xml"},
        {"pdf", "application/pdf"}, {"txt", "text/plain"}, {"csv", "text/csv"}, {"xml", "application/xml"},
        {"json", "application/json"}, {"doc", "application/msword"},
        {"docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"},
        {"xls", "application/vnd.ms-excel"},
        {"xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"},
        {"ppt", "application/vnd.ms-powerpoint"},
        {"pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"},
        {"odt", "application/vnd.oasis.opendocument.text"}, {"ods", "application/vnd.oasis.opendocument.spreadsheet"},
        {"zip", "application/zip"}, {"rar", "application/vnd.rar"}, {"jpg", "image/jpeg"}, {"jpeg", "image/jpeg"},
        {"png", "image/png"}, {"gif", "image/gif"}};
    for (const auto& [name, type] : table)
        if (extension == name) return type;
    return "application/octet-stream";
}

bool copy_to_body_file(const std::string& path, FetchResponse& response, const std::string& body_dir) {
    std::string pattern = body_dir + "/body-XXXXXX";
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0) return false;
    ::close(fd);
    std::ifstream in(path, std::ios::binary);
    std::ofstream out(pattern, std::ios::binary | std::ios::trunc);
    if (in.peek() != std::ifstream::traits_type::eof()) out << in.rdbuf();  // an empty file copies as nothing
    if (in.bad() || !out.flush()) {
        std::remove(pattern.c_str());
        return false;
    }
    response.body_path = pattern;
    return true;
}

}  // namespace

FetchResponse fetch_file_url(const FetchRequest& request) {
    FetchResponse response;
    response.id = request.id;
    // file:///srv/site/a.pdf (and file://localhost/...): the path starts at the third slash.
    std::string_view rest = std::string_view(request.url).substr(5);
    if (rest.substr(0, 2) == "//") {
        rest.remove_prefix(2);
        rest.remove_prefix(std::min(rest.size(), rest.find('/')));
    }
    rest = rest.substr(0, rest.find('?'));
    std::string path = util::percent_decode(rest);
    if (!is_plain_file_path(path)) {  // "..%2F": a way out of the folder the crawl was given
        response.status = 404;
        response.message = "HTTP 404";
        return response;
    }

    struct stat info {};
    if (::stat(path.c_str(), &info) == 0 && S_ISDIR(info.st_mode)) {
        if (path.empty() || path.back() != '/') {
            response.status = 301;
            response.location = request.url.substr(0, request.url.find('?')) + "/";
            return response;
        }
        path += "index.html";
    }
    if (::stat(path.c_str(), &info) != 0 || !S_ISREG(info.st_mode)) {
        response.status = 404;
        response.message = "HTTP 404";
        return response;
    }
    if (::access(path.c_str(), R_OK) != 0) {
        response.status = 403;
        response.message = "HTTP 403";
        return response;
    }
    const date::sys_seconds mtime{std::chrono::seconds{info.st_mtime}};
    response.last_modified = util::format_http_date(mtime);
    if (!request.if_modified_since.empty()) {
        const auto since = util::parse_http_date(request.if_modified_since);
        if (since && mtime <= *since) {
            response.status = 304;
            return response;
        }
    }
    response.status = 200;
    response.content_type = media_type_for(lower_extension(path));
    const auto size = static_cast<std::uint64_t>(info.st_size);
    response.content_length = size;
    if (request.method != FetchMethod::get || (request.html_only && !is_html_type(response.content_type)))
        return response;
    if (size > request.max_bytes) {
        response.transport_failure = FailureClass::too_large;
        response.message = "larger than --max-bytes (" + std::to_string(request.max_bytes) + " bytes)";
        return response;
    }
    if (is_html_type(response.content_type)) {
        std::ifstream in(path, std::ios::binary);
        response.body.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
        response.body_bytes = response.body.size();
        return response;
    }
    if (!copy_to_body_file(path, response, request.body_dir)) {
        response.status = 0;
        response.transport_failure = FailureClass::connection;
        response.message = "cannot copy " + path;
        return response;
    }
    response.body_bytes = size;
    return response;
}

}  // namespace ppid
