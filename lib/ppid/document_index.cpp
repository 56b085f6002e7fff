#include <ppid/document_index.hpp>
#include <ppid/file_facts.hpp>
#include <ppid/file_title.hpp>
#include <ppid/jsonl.hpp>
#include <ppid/text_dates.hpp>
#include <ppid/text_periods.hpp>
#include <ppid/util/ascii.hpp>
#include <ppid/util/iso_date.hpp>
#include <ppid/util/json_text.hpp>
#include <ppid/util/text_encoding.hpp>
#include <ppid/util/timestamp.hpp>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>

namespace ppid {

namespace {

using util::format_iso_date;

std::string two(long value) {
    return (value < 10 ? "0" : "") + std::to_string(value);
}

// "2024-03-01T10:15:00+07:00", with nanoseconds when the file system has them, so that
// --incremental notices a change within the same second.
std::string local_timestamp(std::int64_t seconds, std::int64_t nanoseconds, const date::time_zone& zone) {
    const date::sys_seconds instant{std::chrono::seconds{seconds}};
    const auto info = zone.get_info(instant);
    const auto local = instant + info.offset;
    const auto day = date::floor<date::days>(local);
    const auto time = date::hh_mm_ss<std::chrono::seconds>(local - day);
    std::string text = format_iso_date(date::sys_days{day.time_since_epoch()}) + "T" + two(time.hours().count()) + ":" +
                       two(time.minutes().count()) + ":" + two(time.seconds().count());
    if (nanoseconds > 0) {
        std::string fraction = std::to_string(nanoseconds);
        text += "." + std::string(9 - fraction.size(), '0') + fraction;
    }
    const long offset_minutes = static_cast<long>(info.offset.count() / 60);
    text += (offset_minutes < 0 ? "-" : "+") + two(std::labs(offset_minutes) / 60) + ":" + two(std::labs(offset_minutes) % 60);
    return text;
}

std::string lower_extension(const std::string& path) {
    const auto slash = path.find_last_of('/');
    const auto dot = path.find_last_of('.');
    if (dot == std::string::npos || (slash != std::string::npos && dot < slash)) return {};
    return util::ascii_lowercase(std::string_view(path).substr(dot + 1));
}

// A name that is not UTF-8 is shown with U+FFFD and kept exactly, percent-encoded.
std::string percent_encoded(const std::string& bytes) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (const char ch : bytes) {
        const auto c = static_cast<unsigned char>(ch);
        if (c >= 0x21 && c < 0x7F && c != '%') out += ch;
        else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 0xF];
        }
    }
    return out;
}

std::string percent_decoded(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size()) {
            out += static_cast<char>(std::stoi(text.substr(i + 1, 2), nullptr, 16));
            i += 2;
        } else {
            out += text[i];
        }
    }
    return out;
}

ExtractedContent content_from_reply(const std::string& reply) {
    const auto json = nlohmann::json::parse(reply);
    ExtractedContent content;
    content.title = json.value("title", "");
    content.author = json.value("author", "");
    content.created = json.value("created", "");
    content.modified = json.value("modified", "");
    if (json.contains("pages") && json["pages"].is_number_integer()) content.pages = json["pages"].get<int>();
    content.text_sample = json.value("text_sample", "");
    content.no_text_layer = json.value("no_text_layer", false);
    content.problems = json.value("problems", std::vector<std::string>{});
    return content;
}

// One file's record, built by a worker thread.
class RecordBuilder {
public:
    RecordBuilder(const IndexOptions& options, const date::time_zone& zone, ExtractionPool* pool)
        : options_(options), zone_(zone), pool_(pool) {}

    std::string build(const FoundFile& file) const {
        std::vector<std::string> problems;
        const FileFacts facts = read_file_facts(file.full_path);
        if (!facts.read_error.empty()) problems.emplace_back("unreadable");
        if (file.size == 0) problems.emplace_back("empty");
        const std::string extension = lower_extension(file.path);
        if (file.size > 0 && extension_mismatch(extension, facts.media_type)) problems.emplace_back("type_mismatch");

        ExtractedContent content;
        const ContentKind kind = content_kind_for(facts.media_type);
        if (options_.content && pool_ && kind != ContentKind::other && facts.read_error.empty() && file.size > 0)
            content = extract(file.full_path, kind, problems);
        if (content.no_text_layer) problems.emplace_back("no_text_layer");
        for (const auto& problem : content.problems) problems.push_back(problem);

        const std::string name = file.path.substr(file.path.find_last_of('/') + 1);
        // A misnamed file's own title ("404 Not Found") says what went wrong, not what the document is.
        const bool misnamed = std::find(problems.begin(), problems.end(), "type_mismatch") != problems.end();
        std::string title = misnamed ? std::string() : util::repair_utf8(content.title);
        std::string title_source = title.empty() ? "" : (kind == ContentKind::html ? "html" : "metadata");
        if (title.empty()) {
            title = title_from_file_name(util::repair_utf8(name));
            title_source = "filename";
        }

        std::string text;
        util::JsonObjectText json(text);
        json.string("type", "document").string("root", util::repair_utf8(file.root));
        const std::string shown_path = util::repair_utf8(file.path);
        json.string("path", shown_path);
        if (shown_path != file.path) json.string("path_bytes", percent_encoded(file.path));
        json.number("size", static_cast<long long>(file.size))
            .string("modified", local_timestamp(file.mtime_seconds, file.mtime_nanoseconds, zone_));
        if (!facts.sha256.empty()) json.string("sha256", facts.sha256);
        if (!facts.media_type.empty()) json.string("media_type", facts.media_type);
        json.string("title", title).string("title_source", title_source);
        add_dates(json, title, title_source, name, content, file, problems);
        if (!content.author.empty()) json.string("author", util::repair_utf8(content.author));
        if (!content.created.empty()) json.string("created", content.created);
        if (!content.modified.empty()) json.string("content_modified", content.modified);
        if (content.pages) json.number("pages", *content.pages);
        if (!content.text_sample.empty()) json.string("text_sample", util::repair_utf8(content.text_sample));
        std::string& list = json.raw("problems");
        list += '[';
        for (std::size_t i = 0; i < problems.size(); ++i) {
            if (i) list += ',';
            util::append_json_string(list, problems[i]);
        }
        list += ']';
        json.close();
        return text;
    }

private:
    ExtractedContent extract(const std::string& path, ContentKind kind, std::vector<std::string>& problems) const {
        std::string request;
        util::JsonObjectText json(request);
        // The path travels percent-encoded: a name that is not UTF-8 cannot be JSON text.
        json.string("path", percent_encoded(path)).string("kind", to_string(kind)).close();
        JobResult result;
        try {
            result = pool_->run(request);
        } catch (const std::exception&) {  // no worker could be started: this file's content is unknown
            problems.emplace_back("extraction_failed");
            return {};
        }
        if (!result.ok()) {
            problems.emplace_back(problem_code(*result.failure));
            return {};
        }
        try {
            return content_from_reply(result.reply);
        } catch (const nlohmann::json::exception&) {
            problems.emplace_back("extraction_failed");
            return {};
        }
    }

    // The document's date, the period it covers, and where each was read: the title first (what
    // people see), then the file name, the text, the metadata, and last the file's mtime.
    void add_dates(util::JsonObjectText& json, const std::string& title, const std::string& title_source,
                   const std::string& name, const ExtractedContent& content, const FoundFile& file,
                   std::vector<std::string>& problems) const {
        std::optional<date::sys_days> day;
        std::string source;
        const auto try_source = [&](std::string_view text, const char* where) {
            if (day) return;
            const auto found = find_dates(text);
            if (!found.empty()) day = found.front().day, source = where;
        };
        if (title_source != "filename") try_source(title, "title");
        try_source(name, "filename");
        try_source(content.text_sample, "content");
        if (!day && !content.created.empty()) {
            if (const auto stamp = util::parse_timestamp(content.created)) {
                day = util::to_local(*stamp, zone_).day;
                source = "metadata";
            }
        }
        if (!day) {
            const auto local = zone_.to_local(date::sys_seconds{std::chrono::seconds{file.mtime_seconds}});
            day = date::sys_days{date::floor<date::days>(local).time_since_epoch()};
            source = "mtime";
        }
        json.string("date", format_iso_date(*day)).string("date_source", source);
        if (*day > options_.as_of) problems.emplace_back("future_date");

        std::optional<Period> period = find_period(title);
        if (!period) period = find_period(name);
        if (!period) period = find_period(content.text_sample);
        if (period) {
            util::JsonObjectText object(json.raw("period"));
            object.string("text", period->text).string("kind", period->kind).number("year", period->year);
            if (period->number) object.number("number", period->number);
            object.string("start", format_iso_date(period->start)).string("end", format_iso_date(period->end)).close();
        }
    }

    const IndexOptions& options_;
    const date::time_zone& zone_;
    ExtractionPool* pool_;
};

// The key --incremental matches records by: the root and the path as written in the record, or
// for a name that is not UTF-8 its exact bytes (path_bytes, marked with a leading '%').
using DocumentKey = std::pair<std::string, std::string>;

DocumentKey key_of(const FoundFile& file) {
    const std::string shown = util::repair_utf8(file.path);
    return {util::repair_utf8(file.root), shown == file.path ? shown : "%" + percent_encoded(file.path)};
}

struct PreviousRecord {
    std::uint64_t size = 0;
    std::string modified;
    std::string line;
};

// Problems that may be gone on the next run without the file changing (a worker that failed,
// an as-of date that moved on): a record carrying one is never reused. A corrupt or locked
// document stays so until it changes, and its record is reused like any other.
constexpr const char* transient_problems[] = {"extraction_timeout", "extraction_failed", "future_date"};

// Returns whether a record (ours, or reformatted by jq) lists any problem.
bool lists_problems(std::string_view record) {
    const auto key = record.find("\"problems\":");
    if (key == std::string_view::npos) return false;
    const auto open = record.find_first_not_of(" \t", key + 11);
    if (open == std::string_view::npos || record[open] != '[') return true;
    const auto next = record.find_first_not_of(" \t", open + 1);
    return next == std::string_view::npos || record[next] != ']';
}

// --incremental: the previous run's document records by root and path.
std::map<DocumentKey, PreviousRecord> read_previous(const std::string& path, Diagnostics& diag) {
    std::map<DocumentKey, PreviousRecord> previous;
    scan_records({path}, diag, [&](std::string_view line, const util::ScannedObject& fields, const Location& where) {
        const auto* type = fields.find("type");
        const auto* root = fields.find("root");
        const auto* path_field = fields.find("path");
        const auto* size = fields.find("size");
        const auto* modified = fields.find("modified");
        if (!type || type->text != "document" || !root || !path_field || !modified) return;
        if (!size || size->kind != util::ScannedValue::Kind::number ||
            size->text.find_first_not_of("0123456789") != std::string::npos) {
            diag.error(where, "\"size\" must be a whole number of bytes");
            return;
        }
        for (const char* problem : transient_problems)
            if (line.find(std::string("\"") + problem + "\"") != std::string_view::npos) return;
        const auto* bytes = fields.find("path_bytes");
        const std::string key_path = bytes ? "%" + bytes->text : path_field->text;
        previous[{root->text, key_path}] = {std::stoull(size->text), modified->text, std::string(line)};
    });
    return previous;
}

}  // namespace

std::string answer_extraction_request(const std::string& request) {
    const auto json = nlohmann::json::parse(request);
    const ExtractedContent content =
        extract_content(percent_decoded(json.at("path").get<std::string>()),
                        parse_content_kind(json.at("kind").get<std::string>()).value_or(ContentKind::other));
    std::string reply;
    util::JsonObjectText out(reply);
    out.string("title", util::repair_utf8(content.title))
        .string("author", util::repair_utf8(content.author))
        .string("created", content.created)
        .string("modified", content.modified);
    if (content.pages) out.number("pages", *content.pages);
    out.string("text_sample", util::repair_utf8(content.text_sample)).boolean("no_text_layer", content.no_text_layer);
    std::string& list = out.raw("problems");
    list += '[';
    for (std::size_t i = 0; i < content.problems.size(); ++i) {
        if (i) list += ',';
        util::append_json_string(list, content.problems[i]);
    }
    list += ']';
    out.close();
    return reply;
}

void index_documents(const std::vector<std::string>& roots, const IndexOptions& options, const date::time_zone& zone,
                     ExtractionPool* pool, Diagnostics& diag,
                     const std::function<void(std::string_view, bool)>& emit, const IndexProgress& progress) {
    const auto previous = options.previous ? read_previous(*options.previous, diag)
                                           : std::map<DocumentKey, PreviousRecord>{};
    std::vector<FoundFile> files;
    std::vector<std::string> seen_roots;
    for (const auto& root : roots) {
        // The same folder named twice would give every file twice.
        if (std::find(seen_roots.begin(), seen_roots.end(), normal_root(root)) != seen_roots.end()) continue;
        seen_roots.push_back(normal_root(root));
        auto found = walk_root(root, options.walk, diag);
        files.insert(files.end(), std::make_move_iterator(found.begin()), std::make_move_iterator(found.end()));
    }

    // Workers fill `records` out of order; the caller's thread emits them in order as they complete.
    std::vector<std::optional<std::string>> records(files.size());
    std::mutex mutex;
    std::condition_variable ready;
    std::atomic<std::size_t> next{0};
    const RecordBuilder builder(options, zone, pool);
    const auto work = [&] {
        for (std::size_t i = next++; i < files.size(); i = next++) {
            const FoundFile& file = files[i];
            const auto old = previous.find(key_of(file));
            std::string record;
            if (old != previous.end() && old->second.size == file.size &&
                old->second.modified == local_timestamp(file.mtime_seconds, file.mtime_nanoseconds, zone))
                record = old->second.line;  // unchanged since the last run: not read again
            else
                record = builder.build(file);
            {
                const std::lock_guard<std::mutex> lock(mutex);
                records[i] = std::move(record);
            }
            ready.notify_one();
        }
    };
    std::vector<std::thread> threads;
    for (unsigned t = 0; t < std::max(1u, options.jobs); ++t) threads.emplace_back(work);
    try {
        for (std::size_t i = 0; i < files.size(); ++i) {
            std::string record;
            {
                std::unique_lock<std::mutex> lock(mutex);
                ready.wait(lock, [&] { return records[i].has_value(); });
                record = std::move(*records[i]);
                records[i].reset();
            }
            // Records are ours, old or new: an empty list is always written exactly so.
            emit(record, lists_problems(record));
            if (progress) progress(i + 1, files.size());
        }
    } catch (...) {
        next = files.size();  // a failed write: let the workers stop, then pass the error on
        for (auto& thread : threads) thread.join();
        throw;
    }
    for (auto& thread : threads) thread.join();
}

}  // namespace ppid
