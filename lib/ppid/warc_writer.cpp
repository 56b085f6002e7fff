#include <ppid/warc_writer.hpp>

#include <ppid/error.hpp>

#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <thread>

namespace ppid {

namespace {

constexpr std::size_t chunk = 1 << 20;  // bytes of a body read, hashed and compressed at a time

// Removes a body's file however write() ends.
struct RemoveFile {
    const std::string& path;
    ~RemoveFile() {
        if (!path.empty()) std::remove(path.c_str());
    }
};

// Calls `use` on each piece of the body: `body`, or the file at `path` when there is one, read
// into `buffer` (kept from one body to the next: thousands of documents are archived).
template <class Use>
void each_piece(const std::string& path, std::string_view body, std::string& buffer, Use&& use) {
    if (path.empty()) return use(body);
    std::ifstream in(path, std::ios::binary);
    if (!in) throw Error("cannot read a downloaded body for the web archive: " + path);
    if (buffer.size() < chunk) buffer.resize(chunk);
    while (in) {
        in.read(buffer.data(), static_cast<std::streamsize>(chunk));
        if (in.gcount() > 0) use(std::string_view(buffer.data(), static_cast<std::size_t>(in.gcount())));
    }
    if (in.bad()) throw Error("cannot read a downloaded body for the web archive: " + path);
}

std::uint64_t body_size(const std::string& path, std::string_view body) {
    if (path.empty()) return body.size();
    struct stat info {};
    if (::stat(path.c_str(), &info) != 0) throw Error("cannot read a downloaded body for the web archive: " + path);
    return static_cast<std::uint64_t>(info.st_size);
}

void add_optional(warc::Fields& fields, const char* name, const std::string& value) {
    if (!value.empty()) fields.emplace_back(name, value);
}

}  // namespace

WarcWriter::WarcWriter(const std::string& path, const warc::Fields& info) {
    path_ = std::filesystem::absolute(path).lexically_normal().string();
    temporary_ = path_ + ".tmp-XXXXXX";
    const mode_t mask = ::umask(0);  // the archive gets the mode a file the shell makes would get
    ::umask(mask);
    const int fd = ::mkstemp(temporary_.data());
    if (fd < 0) throw Error("cannot write the web archive " + path_ + ": " + std::strerror(errno));
    ::fchmod(fd, 0666 & ~mask);
    file_ = ::fdopen(fd, "wb");
    if (!file_) {
        ::close(fd);
        std::remove(temporary_.c_str());
        throw Error("cannot write the web archive " + path_);
    }
    std::string block;
    for (const auto& [name, value] : info) block += name + ": " + value + "\r\n";
    warc::Sha1 digest;
    digest.update(block);
    info_id_ = warc::new_record_id();
    const warc::Fields fields = {{"WARC-Type", "warcinfo"},
                                 {"WARC-Record-ID", info_id_},
                                 {"WARC-Date", warc::warc_date(std::chrono::system_clock::now())},
                                 {"WARC-Filename", std::filesystem::path(path_).filename().string()},
                                 {"WARC-Block-Digest", digest.finish()},
                                 {"Content-Type", "application/warc-fields"}};
    put(fields, block, "", "");
    // Reading, hashing and compressing bodies ahead on every core (two at least: the crawl's
    // other threads are mostly waiting on the network or on document workers).
    const unsigned preparers = std::clamp(std::thread::hardware_concurrency(), 2u, 4u);
    for (unsigned i = 0; i < preparers; ++i) preparers_.push_back(std::make_unique<util::SerialWork>());
}

WarcWriter::~WarcWriter() {
    if (!file_) return;
    std::fclose(file_);
    std::remove(temporary_.c_str());
}

bool WarcWriter::can_refer_to(const std::optional<WarcRef>& ref) const {
    return ref && !ref->place.record_id.empty() && ref->place.file != path_ &&
           ::access(ref->place.file.c_str(), F_OK) == 0;
}

void WarcWriter::put(const warc::Fields& fields, std::string_view block_head, const std::string& body_path,
                     std::string_view body) {
    warc::GzipMember& member = member_;
    member.add(warc::record_head(fields, block_head.size() + body_size(body_path, body)), out_);
    member.add(block_head, out_);
    each_piece(body_path, body, piece_, [&](std::string_view piece) {
        member.add(piece, out_);
        if (out_.size() >= chunk) {
            append(out_);
            out_.clear();
        }
    });
    member.finish(out_);
    append(out_);
    out_.clear();
}

namespace {

bool is_file_url(const WarcCapture& capture) { return capture.url.compare(0, 5, "file:") == 0; }

// A 2xx: the archived body is the capture's; else the error page's, if any.
bool succeeded(const WarcCapture& capture) { return capture.status >= 200 && capture.status < 300; }

// What a capture's answer is, as the archive keeps it.
struct Answer {
    std::string date;
    const std::string* body_path = nullptr;  // empty when the body is in `body`
    std::string_view body;
    std::uint64_t size = 0;
    std::string head;  // the archived HTTP head; empty for a file: URL
};

const std::string no_file;

Answer read_answer(const WarcCapture& capture) {
    Answer answer;
    answer.date = warc::warc_date(capture.exchange ? capture.exchange->at : std::chrono::system_clock::now());
    // An error page's body is in the exchange (the fetcher keeps no file of it).
    const bool success = succeeded(capture);
    answer.body_path = success ? &capture.body_path : &no_file;
    answer.body = capture.body;
    if (!success) answer.body = capture.exchange ? std::string_view(capture.exchange->error_body) : std::string_view();
    answer.size = body_size(*answer.body_path, answer.body);
    if (!is_file_url(capture) && capture.exchange) answer.head = warc::archived_http_head(capture.exchange->response_head, answer.size);
    return answer;
}

// Bodies prepared ahead and not yet written may hold this much memory; past it, the archive's
// own thread reads the next body from its file a piece at a time.
constexpr std::uint64_t prepared_budget = std::uint64_t{64} << 20;

}  // namespace

warc::Fields WarcWriter::response_fields(const WarcCapture& capture, const PreparedResponse& response) const {
    const bool is_file = is_file_url(capture);
    warc::Fields fields = {{"WARC-Type", is_file ? "resource" : "response"},
                           {"WARC-Record-ID", response.record_id},
                           {"WARC-Date", response.date},
                           {"WARC-Target-URI", capture.url},
                           {"WARC-Warcinfo-ID", info_id_}};
    if (capture.exchange) add_optional(fields, "WARC-IP-Address", capture.exchange->ip);
    fields.emplace_back("WARC-Block-Digest", response.block_digest);
    fields.emplace_back("WARC-Payload-Digest", response.payload_digest);
    fields.emplace_back("Content-Type", is_file ? (capture.content_type.empty() ? "application/octet-stream"
                                                                                 : capture.content_type)
                                                : "application/http; msgtype=response");
    return fields;
}

namespace {

// Fills in `response` what write() decides on: a fresh record id, the digests (the body read).
void describe(const Answer& answer, PreparedResponse& response) {
    response.record_id = warc::new_record_id();
    response.date = answer.date;
    response.head = answer.head;
    response.size = answer.size;
    thread_local std::string piece;  // a body file's bytes, a piece at a time
    warc::Sha1 payload, block;
    block.update(answer.head);
    each_piece(*answer.body_path, answer.body, piece, [&](std::string_view bytes) {
        payload.update(bytes);
        block.update(bytes);
    });
    response.payload_digest = payload.finish();
    response.block_digest = block.finish();
}

}  // namespace

std::shared_ptr<const PreparedResponse> WarcWriter::prepare(const WarcCapture& capture) {
    if (capture.not_modified && can_refer_to(capture.earlier)) return nullptr;  // a small revisit
    const Answer answer = read_answer(capture);
    if (prepared_bytes_.fetch_add(answer.size) + answer.size > prepared_budget && answer.size > 0) {
        prepared_bytes_ -= answer.size;
        return nullptr;
    }
    auto prepared = std::make_shared<PreparedResponse>();
    prepared->held = answer.size;
    prepared->budget = &prepared_bytes_;
    // A body in a file is read once, into the memory the budget allows, then hashed and compressed
    // (and let go: a preparer does not keep its largest body's memory).
    Answer in_memory = answer;
    std::string whole;
    if (!answer.body_path->empty()) {
        whole.resize(answer.size);
        std::ifstream in(*answer.body_path, std::ios::binary);
        if (!in.read(whole.data(), static_cast<std::streamsize>(whole.size())))
            throw Error("cannot read a downloaded body for the web archive: " + *answer.body_path);
        in_memory.body = whole;
        in_memory.body_path = &no_file;
    }
    describe(in_memory, *prepared);
    thread_local warc::GzipMember member;
    std::string& out = prepared->member;
    member.add(warc::record_head(response_fields(capture, *prepared), answer.head.size() + answer.size), out);
    member.add(answer.head, out);
    member.add(in_memory.body, out);
    member.finish(out);
    return prepared;
}

std::shared_future<std::shared_ptr<const PreparedResponse>>
WarcWriter::prepare_ahead(std::shared_ptr<const WarcCapture> capture) {
    auto promise = std::make_shared<std::promise<std::shared_ptr<const PreparedResponse>>>();
    std::shared_future<std::shared_ptr<const PreparedResponse>> prepared = promise->get_future().share();
    util::SerialWork& preparer = *preparers_[next_preparer_++ % preparers_.size()];
    preparer.post([this, promise, capture = std::move(capture)] {
        try {
            promise->set_value(prepare(*capture));
        } catch (const std::exception&) {  // a body that cannot be read: write() says why
            promise->set_value(nullptr);
        }
    });
    return prepared;
}

WarcRef WarcWriter::write(const WarcCapture& capture, const PreparedResponse* prepared) {
    const RemoveFile remove{capture.body_path};
    if (capture.not_modified && can_refer_to(capture.earlier)) {
        const Answer answer = read_answer(capture);
        return write_revisit(capture, *capture.earlier, answer.head, answer.date);
    }
    // What was prepared ahead already holds the head, size and digests: the body is not looked
    // at again here.
    std::optional<Answer> answer;
    PreparedResponse described;
    if (!prepared) {
        answer = read_answer(capture);
        describe(*answer, described);
    }
    const PreparedResponse& response = prepared ? *prepared : described;
    WarcRef ref{{path_, response.record_id, response.date}, capture.url, response.payload_digest};
    const bool has_payload = succeeded(capture) && response.size > 0;
    if (has_payload) {
        if (capture.earlier && capture.earlier->payload_digest == ref.payload_digest && can_refer_to(capture.earlier))
            return write_revisit(capture, *capture.earlier, response.head, response.date);
        if (const auto same = payloads_.find(ref.payload_digest); same != payloads_.end())
            return write_revisit(capture, same->second, response.head, response.date);
    }
    put_request(capture, ref.place.record_id, response.date);
    if (prepared) append(prepared->member);
    else put(response_fields(capture, response), answer->head, *answer->body_path, answer->body);
    if (has_payload) payloads_.emplace(ref.payload_digest, ref);
    return ref;
}

void WarcWriter::append(std::string_view member) {
    if (std::fwrite(member.data(), 1, member.size(), file_) != member.size())
        throw Error("cannot write the web archive " + temporary_ + ": " + std::strerror(errno));
}

WarcRef WarcWriter::write_revisit(const WarcCapture& capture, const WarcRef& earlier, const std::string& head,
                                  const std::string& date) {
    // "Not modified" is the server's word for this URL's own earlier copy; any other copy with
    // the same bytes is an identical payload.
    const bool not_modified = capture.not_modified && earlier.target_uri == capture.url;
    warc::Sha1 block;
    block.update(head);
    const std::string id = warc::new_record_id();
    warc::Fields fields = {{"WARC-Type", "revisit"},
                           {"WARC-Record-ID", id},
                           {"WARC-Date", date},
                           {"WARC-Target-URI", capture.url},
                           {"WARC-Warcinfo-ID", info_id_}};
    if (capture.exchange) add_optional(fields, "WARC-IP-Address", capture.exchange->ip);
    fields.insert(fields.end(),
                  {{"WARC-Profile", not_modified ? "http://netpreserve.org/warc/1.1/revisit/server-not-modified"
                                                 : "http://netpreserve.org/warc/1.1/revisit/identical-payload-digest"},
                   {"WARC-Refers-To", earlier.place.record_id},
                   {"WARC-Refers-To-Target-URI", earlier.target_uri},
                   {"WARC-Refers-To-Date", earlier.place.date},
                   {"WARC-Block-Digest", block.finish()},
                   {"WARC-Payload-Digest", earlier.payload_digest}});
    if (!head.empty()) fields.emplace_back("Content-Type", "application/http; msgtype=response");
    put_request(capture, id, date);
    put(fields, head, "", "");
    return earlier;
}

void WarcWriter::put_request(const WarcCapture& capture, const std::string& concurrent_to, const std::string& date) {
    if (!capture.exchange || capture.exchange->request_head.empty()) return;  // a file: URL asks nothing
    warc::Sha1 digest;
    digest.update(capture.exchange->request_head);
    warc::Fields fields = {{"WARC-Type", "request"},
                           {"WARC-Record-ID", warc::new_record_id()},
                           {"WARC-Date", date},
                           {"WARC-Target-URI", capture.url},
                           {"WARC-Warcinfo-ID", info_id_}};
    add_optional(fields, "WARC-IP-Address", capture.exchange->ip);
    fields.insert(fields.end(), {{"WARC-Concurrent-To", concurrent_to},
                                 {"WARC-Block-Digest", digest.finish()},
                                 {"Content-Type", "application/http; msgtype=request"}});
    put(fields, capture.exchange->request_head, "", "");
}

void WarcWriter::commit() {
    if (!file_) return;
    const bool flushed = std::fflush(file_) == 0 && ::fsync(::fileno(file_)) == 0;
    const bool closed = std::fclose(file_) == 0;
    file_ = nullptr;
    if (!flushed || !closed || std::rename(temporary_.c_str(), path_.c_str()) != 0) {
        const std::string reason = std::strerror(errno);
        std::remove(temporary_.c_str());
        throw Error("cannot write the web archive " + path_ + ": " + reason);
    }
}

}  // namespace ppid
