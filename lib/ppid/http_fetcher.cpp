#include <ppid/http_fetcher.hpp>

#include <ppid/tls_problem.hpp>

#include <ppid/error.hpp>
#include <ppid/file_url_fetch.hpp>
#include <ppid/util/ascii.hpp>
#include <ppid/util/http_date.hpp>
#include <ppid/util/media_type.hpp>

#include <curl/curl.h>

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <deque>
#include <fstream>
#include <map>

namespace ppid {

std::string_view to_string(FailureClass failure) {
    switch (failure) {
    case FailureClass::none: return "";
    case FailureClass::http_4xx: return "http_4xx";
    case FailureClass::http_5xx: return "http_5xx";
    case FailureClass::timeout: return "timeout";
    case FailureClass::dns: return "dns";
    case FailureClass::tls: return "tls";
    case FailureClass::connection: return "connection";
    case FailureClass::too_large: return "too_large";
    case FailureClass::robots: return "robots";
    case FailureClass::redirect_loop: return "redirect_loop";
    }
    return "";
}

bool is_html_type(std::string_view content_type) {
    const std::string type = util::bare_media_type(content_type);
    return type == "text/html" || type == "application/xhtml+xml";
}

std::string read_response_body(const FetchResponse& response, std::size_t limit) {
    if (response.body_path.empty()) return response.body.substr(0, limit);
    std::ifstream in(response.body_path, std::ios::binary);
    std::string text(limit, '\0');
    in.read(text.data(), static_cast<std::streamsize>(limit));
    text.resize(static_cast<std::size_t>(in.gcount()));
    return text;
}

namespace {

std::string trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    return std::string(text.substr(first, last - first + 1));
}

// The most of an error page's body kept for a web archive: error pages are small, a larger one is cut.
constexpr std::size_t kept_error_body = 1 << 20;

// Why a body stopped arriving on purpose: a write callback returning 0 makes libcurl report a
// write error, which is no failure when we asked for it.
enum class Cutoff { none, too_large, probe_done };

// One transfer in flight: the request, what has arrived, and where the body goes.
struct Transfer {
    FetchRequest request;
    FetchResponse response;
    curl_slist* headers = nullptr;
    std::FILE* body_file = nullptr;
    bool body_decided = false;  // whether the body goes to memory or to a file is known
    bool discard_body = false;  // an error page: its body is not wanted
    Cutoff cutoff = Cutoff::none;
    char error[CURL_ERROR_SIZE] = {};  // libcurl's own words for a failure: names the certificate's fault
    std::shared_ptr<FetchExchange> exchange;  // with request.keep_exchange: outlives the response resets below

    ~Transfer() {
        if (headers) curl_slist_free_all(headers);
        if (body_file) std::fclose(body_file);
    }
};

std::optional<double> retry_after(std::string_view value, std::string_view date_header) {
    const std::string text = trimmed(value);
    if (text.empty()) return std::nullopt;
    if (text.find_first_not_of("0123456789") == std::string::npos) return std::strtod(text.c_str(), nullptr);
    // An HTTP date counts from the server's own Date, never from our clock.
    const auto until = util::parse_http_date(text);
    const auto now = util::parse_http_date(date_header);
    if (!until || !now) return std::nullopt;
    const auto seconds = (*until - *now).count();
    return seconds > 0 ? static_cast<double>(seconds) : 0.0;
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
    auto& transfer = *static_cast<Transfer*>(user);
    auto& response = transfer.response;
    const std::string_view line(data, size * count);
    if (transfer.exchange) {
        if (line.substr(0, 5) == "HTTP/") transfer.exchange->response_head.clear();
        transfer.exchange->response_head.append(line);
    }
    if (line.substr(0, 5) == "HTTP/") {  // a new response (after 100 Continue): forget the last
        const FetchRequest request = std::move(transfer.request);
        const auto id = response.id;
        response = FetchResponse{};
        response.id = id;
        transfer.request = request;
        const auto space = line.find(' ');
        if (space != std::string_view::npos) response.status = std::strtol(std::string(line.substr(space + 1, 3)).c_str(), nullptr, 10);
        return size * count;
    }
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) {
        // The blank line ending the headers: a body announced too large is refused before it comes.
        if (response.status >= 200 && response.status < 300 && transfer.request.method == FetchMethod::get &&
            response.content_length && *response.content_length > transfer.request.max_bytes) {
            transfer.cutoff = Cutoff::too_large;
            return 0;
        }
        return size * count;
    }
    const std::string name = util::ascii_lowercase(line.substr(0, colon));
    const std::string value = trimmed(line.substr(colon + 1));
    if (name == "content-type") response.content_type = value;
    else if (name == "etag") response.etag = value;
    else if (name == "last-modified") response.last_modified = value;
    else if (name == "location") response.location = value;
    else if (name == "date") response.date = value;
    else if (name == "content-length" && !value.empty() && value.find_first_not_of("0123456789") == std::string::npos)
        response.content_length = std::strtoull(value.c_str(), nullptr, 10);
    else if (name == "content-range") {  // "bytes 0-0/12345": the whole size behind a probe
        const auto slash = value.rfind('/');
        if (slash != std::string::npos && value.find_first_not_of("0123456789", slash + 1) == std::string::npos &&
            slash + 1 < value.size())
            response.content_length = std::strtoull(value.c_str() + slash + 1, nullptr, 10);
    } else if (name == "retry-after") {
        response.retry_after_seconds = retry_after(value, response.date);
    }
    return size * count;
}

bool open_body_file(Transfer& transfer) {
    std::string pattern = transfer.request.body_dir + "/body-XXXXXX";
    const int fd = ::mkstemp(pattern.data());
    if (fd < 0) return false;
    transfer.body_file = ::fdopen(fd, "wb");
    if (!transfer.body_file) {
        ::close(fd);
        ::unlink(pattern.c_str());
        return false;
    }
    transfer.response.body_path = pattern;
    return true;
}

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
    auto& transfer = *static_cast<Transfer*>(user);
    auto& response = transfer.response;
    const std::size_t length = size * count;
    if (!transfer.body_decided) {
        transfer.body_decided = true;
        transfer.discard_body = response.status < 200 || response.status >= 300;
        if (!transfer.discard_body && transfer.request.html_only && !is_html_type(response.content_type)) {
            transfer.cutoff = Cutoff::probe_done;  // its headers said what was wanted
            return 0;
        }
        if (!transfer.discard_body && !is_html_type(response.content_type) && !open_body_file(transfer)) return 0;
    }
    if (transfer.discard_body) {
        if (transfer.exchange && transfer.exchange->whole) {  // an error page, kept for the archive up to a bound
            if (transfer.exchange->error_body.size() + length <= kept_error_body) transfer.exchange->error_body.append(data, length);
            else transfer.exchange->whole = false;
        }
        return length;
    }
    response.body_bytes += length;
    if (transfer.request.method == FetchMethod::probe) {
        transfer.cutoff = Cutoff::probe_done;
        return 0;
    }
    if (response.body_bytes > transfer.request.max_bytes) {
        transfer.cutoff = Cutoff::too_large;
        return 0;
    }
    if (transfer.body_file) return std::fwrite(data, 1, length, transfer.body_file);
    response.body.append(data, length);
    return length;
}

// The request as sent: libcurl tells it only to a debug callback.
int on_debug(CURL*, curl_infotype type, char* data, std::size_t size, void* user) {
    if (type == CURLINFO_HEADER_OUT) static_cast<Transfer*>(user)->exchange->request_head.assign(data, size);
    return 0;
}

FailureClass classify(CURLcode code) {
    switch (code) {
    case CURLE_OK: return FailureClass::none;
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_RESOLVE_PROXY: return FailureClass::dns;
    case CURLE_OPERATION_TIMEDOUT: return FailureClass::timeout;
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_CRL_BADFILE: return FailureClass::tls;
    default: return FailureClass::connection;
    }
}

// Whether libcurl stopped because a response header was over its size limit (100 kB): CURLE_TOO_LARGE
// from 8.6 on; before that its buffer for a header line fails to grow and it says CURLE_OUT_OF_MEMORY,
// which a real lack of memory in a crawl of this size never is.
bool rejected_header(CURLcode code) {
#if LIBCURL_VERSION_NUM >= 0x080600
    if (code == CURLE_TOO_LARGE) return true;
#endif
    return code == CURLE_OUT_OF_MEMORY;
}

// How long a transfer cut by a time limit ran, and when its request went out (0: never).
struct TimeoutFacts {
    curl_off_t total_us = 0;
    curl_off_t sent_us = 0;  // when the request went out (a reused connection has no connect time)
};

std::string seconds_text(std::chrono::milliseconds duration) {
    char text[32];
    std::snprintf(text, sizeof text, "%g", static_cast<double>(duration.count()) / 1000.0);
    return text;
}

// Says which limit cut a transfer, in the words of the options that set it.
std::string timeout_message(const FetchRequest& request, const TimeoutFacts& timing) {
    const auto ran = std::chrono::milliseconds(timing.total_us / 1000);
    if (request.max_time.count() > 0 && ran + std::chrono::milliseconds(100) >= request.max_time)
        return "cut after " + seconds_text(ran) + " s: the transfer took longer than --max-time (" +
               seconds_text(request.max_time) + " s)";
    if (timing.sent_us == 0)
        return "no connection within --timeout (" + seconds_text(request.timeout) + " s)";
    return "cut after " + seconds_text(ran) + " s: fewer than --min-speed (" + std::to_string(request.min_speed) +
           ") bytes a second for --timeout (" + seconds_text(request.timeout) + " s)";
}

class NetworkFetcher final : public Fetcher {
public:
    NetworkFetcher() {
        static const CURLcode global = curl_global_init(CURL_GLOBAL_DEFAULT);
        if (global != CURLE_OK) throw Error("cannot initialise libcurl");
        multi_ = curl_multi_init();
        if (!multi_) throw Error("cannot initialise libcurl");
        curl_multi_setopt(multi_, CURLMOPT_MAXCONNECTS, 64L);
    }

    ~NetworkFetcher() override {
        for (auto& [handle, transfer] : transfers_) {
            curl_multi_remove_handle(multi_, handle);
            curl_easy_cleanup(handle);
            if (!transfer->response.body_path.empty()) std::remove(transfer->response.body_path.c_str());
        }
        curl_multi_cleanup(multi_);
    }

    void start(FetchRequest request) override {
        if (util::ascii_lowercase(request.url.substr(0, 5)) == "file:") {
            ready_.push_back(fetch_file_url(request));
            if (request.keep_exchange) {
                auto exchange = std::make_shared<FetchExchange>();
                exchange->at = std::chrono::system_clock::now();
                ready_.back().exchange = std::move(exchange);
            }
            return;
        }
        auto transfer = std::make_unique<Transfer>();
        transfer->response.id = request.id;
        transfer->request = std::move(request);
        const FetchRequest& r = transfer->request;
        CURL* handle = curl_easy_init();
        if (!handle) {
            FetchResponse failed;
            failed.id = r.id;
            failed.transport_failure = FailureClass::connection;
            failed.message = "cannot start a transfer";
            ready_.push_back(std::move(failed));
            return;
        }
        curl_easy_setopt(handle, CURLOPT_URL, r.url.c_str());
        curl_easy_setopt(handle, CURLOPT_PROTOCOLS_STR, "http,https");
        curl_easy_setopt(handle, CURLOPT_NOSIGNAL, 1L);
        curl_easy_setopt(handle, CURLOPT_USERAGENT, r.user_agent.c_str());
        curl_easy_setopt(handle, CURLOPT_ACCEPT_ENCODING, "");  // gzip, deflate: decoded before counting
        const long seconds = std::max(1L, static_cast<long>((r.timeout.count() + 999) / 1000));
        curl_easy_setopt(handle, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(r.timeout.count()));
        // A stalled server, and one never silent but dripping a few bytes a second, are both cut
        // when under min_speed for the whole timeout; max_time bounds a transfer that is merely slow.
        curl_easy_setopt(handle, CURLOPT_LOW_SPEED_LIMIT, static_cast<long>(std::max<std::uint64_t>(1, r.min_speed)));
        curl_easy_setopt(handle, CURLOPT_LOW_SPEED_TIME, seconds);
        if (r.max_time.count() > 0) curl_easy_setopt(handle, CURLOPT_TIMEOUT_MS, static_cast<long>(r.max_time.count()));
        curl_easy_setopt(handle, CURLOPT_HEADERFUNCTION, on_header);
        curl_easy_setopt(handle, CURLOPT_HEADERDATA, transfer.get());
        curl_easy_setopt(handle, CURLOPT_WRITEFUNCTION, on_body);
        curl_easy_setopt(handle, CURLOPT_WRITEDATA, transfer.get());
        if (r.fresh_connection) {
            curl_easy_setopt(handle, CURLOPT_FRESH_CONNECT, 1L);
            curl_easy_setopt(handle, CURLOPT_FORBID_REUSE, 1L);
        }
        curl_easy_setopt(handle, CURLOPT_ERRORBUFFER, transfer->error);
        if (r.keep_exchange) {
            transfer->exchange = std::make_shared<FetchExchange>();
            curl_easy_setopt(handle, CURLOPT_DEBUGFUNCTION, on_debug);
            curl_easy_setopt(handle, CURLOPT_DEBUGDATA, transfer.get());
            curl_easy_setopt(handle, CURLOPT_VERBOSE, 1L);
        }
        if (!r.ca_file.empty()) curl_easy_setopt(handle, CURLOPT_CAINFO, r.ca_file.c_str());
        if (!r.verify_tls) {
            curl_easy_setopt(handle, CURLOPT_SSL_VERIFYPEER, 0L);
            curl_easy_setopt(handle, CURLOPT_SSL_VERIFYHOST, 0L);
        }
        if (r.method == FetchMethod::head) curl_easy_setopt(handle, CURLOPT_NOBODY, 1L);
        if (r.method == FetchMethod::probe) curl_easy_setopt(handle, CURLOPT_RANGE, "0-0");
        if (!r.if_none_match.empty())
            transfer->headers = curl_slist_append(transfer->headers, ("If-None-Match: " + r.if_none_match).c_str());
        if (!r.if_modified_since.empty())
            transfer->headers =
                curl_slist_append(transfer->headers, ("If-Modified-Since: " + r.if_modified_since).c_str());
        if (transfer->headers) curl_easy_setopt(handle, CURLOPT_HTTPHEADER, transfer->headers);
        curl_multi_add_handle(multi_, handle);
        transfers_.emplace(handle, std::move(transfer));
    }

    std::vector<FetchResponse> wait(std::chrono::milliseconds max_wait) override {
        std::vector<FetchResponse> done(std::make_move_iterator(ready_.begin()), std::make_move_iterator(ready_.end()));
        ready_.clear();
        int running = 0;
        curl_multi_perform(multi_, &running);
        collect(done);
        if (done.empty() && !transfers_.empty()) {
            curl_multi_poll(multi_, nullptr, 0, static_cast<int>(max_wait.count()), nullptr);
            curl_multi_perform(multi_, &running);
            collect(done);
        } else if (done.empty()) {
            curl_multi_poll(multi_, nullptr, 0, static_cast<int>(max_wait.count()), nullptr);  // woken, or idle
        }
        return done;
    }

    void wake() override { curl_multi_wakeup(multi_); }

    std::size_t in_flight() const override { return transfers_.size() + ready_.size(); }

private:
    void collect(std::vector<FetchResponse>& done) {
        int queued = 0;
        while (CURLMsg* message = curl_multi_info_read(multi_, &queued)) {
            if (message->msg != CURLMSG_DONE) continue;
            CURL* handle = message->easy_handle;
            const CURLcode code = message->data.result;
            auto found = transfers_.find(handle);
            long verify_result = 0;  // why OpenSSL refused the certificate, asked before the handle goes
            if (code == CURLE_PEER_FAILED_VERIFICATION)
                curl_easy_getinfo(handle, CURLINFO_SSL_VERIFYRESULT, &verify_result);
            TimeoutFacts timing;  // which limit cut a transfer, also asked before the handle goes
            if (code == CURLE_OPERATION_TIMEDOUT) {
                curl_easy_getinfo(handle, CURLINFO_TOTAL_TIME_T, &timing.total_us);
                curl_easy_getinfo(handle, CURLINFO_PRETRANSFER_TIME_T, &timing.sent_us);
            }
            if (found != transfers_.end() && found->second->exchange) {
                char* ip = nullptr;
                if (curl_easy_getinfo(handle, CURLINFO_PRIMARY_IP, &ip) == CURLE_OK && ip) found->second->exchange->ip = ip;
                found->second->exchange->at = std::chrono::system_clock::now();
            }
            curl_multi_remove_handle(multi_, handle);
            curl_easy_cleanup(handle);
            if (found == transfers_.end()) continue;
            std::unique_ptr<Transfer> transfer = std::move(found->second);
            transfers_.erase(found);
            finish(*transfer, code, verify_result, timing);
            done.push_back(std::move(transfer->response));
        }
    }

    static void finish(Transfer& transfer, CURLcode code, long verify_result, const TimeoutFacts& timing) {
        auto& response = transfer.response;
        if (transfer.body_file) {
            if (std::fclose(transfer.body_file) != 0 && code == CURLE_OK) code = CURLE_WRITE_ERROR;
            transfer.body_file = nullptr;
        }
        if (transfer.cutoff == Cutoff::probe_done && code == CURLE_WRITE_ERROR) code = CURLE_OK;
        if (transfer.exchange) {
            if (transfer.cutoff != Cutoff::none) transfer.exchange->whole = false;
            response.exchange = std::move(transfer.exchange);
        }
        if (transfer.cutoff == Cutoff::too_large) {
            response.transport_failure = FailureClass::too_large;
            response.message = "larger than --max-bytes (" + std::to_string(transfer.request.max_bytes) + " bytes)";
        } else if (rejected_header(code)) {
            response.transport_failure = FailureClass::too_large;
            response.message = "a response header larger than libcurl reads (100 kB)";
            if (transfer.error[0] != '\0') response.message += std::string(": ") + transfer.error;
        } else if (code != CURLE_OK) {
            response.transport_failure = classify(code);
            response.message = curl_easy_strerror(code);
            if (code == CURLE_OPERATION_TIMEDOUT) response.message = timeout_message(transfer.request, timing);
            if (code == CURLE_PEER_FAILED_VERIFICATION) {
                response.tls_problem = tls_problem_name(verify_result, transfer.error);
                if (transfer.error[0] != '\0') response.message = transfer.error;
            }
        }
        if (response.transport_failure != FailureClass::none || response.status < 200 || response.status >= 300) {
            if (!response.body_path.empty()) std::remove(response.body_path.c_str());
            response.body_path.clear();
            response.body.clear();
        }
    }

    CURLM* multi_ = nullptr;
    std::map<CURL*, std::unique_ptr<Transfer>> transfers_;
    std::deque<FetchResponse> ready_;
};

}  // namespace

std::unique_ptr<Fetcher> make_network_fetcher() {
    return std::make_unique<NetworkFetcher>();
}

}  // namespace ppid
