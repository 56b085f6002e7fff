#include <ppid/file_url_fetch.hpp>

#include <ppid/crawl_scope.hpp>
#include <ppid/document_inspection.hpp>
#include <ppid/regular_file.hpp>
#include <ppid/util/http_date.hpp>
#include <ppid/util/url.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
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

// A file written, closed on every way out.
struct FileDescriptor {
    int fd = -1;
    ~FileDescriptor() {
        if (fd >= 0) ::close(fd);
    }
};

// Returns the path the open descriptor reads, links resolved; "" when unknown.
std::string resolved_path(int fd, const std::string& path) {
    char buffer[PATH_MAX];
    const std::string link = "/proc/self/fd/" + std::to_string(fd);
    const ssize_t length = ::readlink(link.c_str(), buffer, sizeof buffer - 1);
    if (length > 0 && buffer[0] == '/') return std::string(buffer, static_cast<std::size_t>(length));
    return ::realpath(path.c_str(), buffer) ? std::string(buffer) : std::string();
}

// Returns whether `resolved` lies inside the folder `root` once the root's own links are resolved.
bool inside_folder(const std::string& resolved, const std::string& root) {
    char buffer[PATH_MAX];
    if (resolved.empty() || !::realpath(root.c_str(), buffer)) return false;
    std::string folder(buffer);
    if (folder.empty() || folder.back() != '/') folder += '/';
    return resolved.compare(0, folder.size(), folder) == 0;
}

// The file's validator: its size, its mtime to the nanosecond and its ctime, which no copy
// (cp -p, tar, rsync -t) can set back, so that any replacement of the file shows.
std::string file_etag(const struct stat& info) {
    char text[96];
    std::snprintf(text, sizeof text, "\"%llx-%llx.%lx-%llx.%lx\"", static_cast<unsigned long long>(info.st_size),
                  static_cast<unsigned long long>(info.st_mtim.tv_sec), static_cast<long>(info.st_mtim.tv_nsec),
                  static_cast<unsigned long long>(info.st_ctim.tv_sec), static_cast<long>(info.st_ctim.tv_nsec));
    return text;
}

// Reads the open file to its end, at most `limit` + 1 bytes, into `sink`; returns false on a
// read error.
template <typename Sink>
bool read_all(RegularFile& file, std::uint64_t limit, Sink&& sink) {
    char buffer[65536];
    std::uint64_t total = 0;
    while (total <= limit) {
        const long got = file.read(buffer, sizeof buffer);
        if (got < 0) return false;
        if (got == 0) break;
        total += static_cast<std::uint64_t>(got);
        if (!sink(buffer, static_cast<std::size_t>(got))) return false;
    }
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
    // Opened without blocking and its type read from the descriptor: a file that became a FIFO
    // or a device since it was linked never holds the crawl up.
    RegularFile file(path);
    if (!file.is_open()) {
        const bool forbidden = file.open_errno() == EACCES;
        response.status = forbidden ? 403 : 404;
        response.message = forbidden ? "HTTP 403" : "HTTP 404";
        return response;
    }
    info = file.opened();
    // A symbolic link (to a file or a folder on the way) is followed only inside the export.
    if (!request.file_root.empty() && !inside_folder(resolved_path(file.descriptor(), path), request.file_root)) {
        response.status = 403;
        response.message = "HTTP 403: a symbolic link out of " + request.file_root;
        return response;
    }
    const date::sys_seconds mtime{std::chrono::seconds{info.st_mtime}};
    response.last_modified = util::format_http_date(mtime);
    response.etag = file_etag(info);
    // Unchanged means the same file, not merely no newer: a document restored from a backup
    // (cp -p, an older mtime) is read again.
    bool unchanged = false;
    if (!request.if_none_match.empty()) unchanged = request.if_none_match == response.etag;
    else if (!request.if_modified_since.empty()) unchanged = util::parse_http_date(request.if_modified_since) == mtime;
    if (unchanged) {
        response.status = 304;
        return response;
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
    bool read = false;
    if (is_html_type(response.content_type)) {
        read = read_all(file, request.max_bytes, [&](const char* data, std::size_t length) {
            response.body.append(data, length);
            return true;
        });
        response.body_bytes = response.body.size();
    } else {
        std::string pattern = request.body_dir + "/body-XXXXXX";
        FileDescriptor out{::mkstemp(pattern.data())};
        if (out.fd >= 0) {
            response.body_path = pattern;
            read = read_all(file, request.max_bytes, [&](const char* data, std::size_t length) {
                response.body_bytes += length;
                for (std::size_t done = 0; done < length;) {
                    const ssize_t wrote = ::write(out.fd, data + done, length - done);
                    if (wrote < 0 && errno == EINTR) continue;
                    if (wrote <= 0) return false;
                    done += static_cast<std::size_t>(wrote);
                }
                return true;
            });
        }
    }
    if (read && response.body_bytes > request.max_bytes) {  // it grew while it was read
        if (!response.body_path.empty()) std::remove(response.body_path.c_str());
        response.body_path.clear();
        response.body.clear();
        response.transport_failure = FailureClass::too_large;
        response.message = "larger than --max-bytes (" + std::to_string(request.max_bytes) + " bytes)";
        return response;
    }
    if (!read) {
        if (!response.body_path.empty()) std::remove(response.body_path.c_str());
        response.body_path.clear();
        response.body.clear();
        response.status = 0;
        response.transport_failure = FailureClass::connection;
        response.message = "cannot read " + path;
    }
    return response;
}

}  // namespace ppid
