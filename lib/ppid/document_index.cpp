#include <ppid/document_index.hpp>
#include <ppid/document_fields.hpp>
#include <ppid/document_inspection.hpp>
#include <ppid/file_title.hpp>
#include <ppid/jsonl.hpp>
#include <ppid/util/iso_date.hpp>
#include <ppid/util/json_text.hpp>
#include <ppid/util/text_encoding.hpp>
#include <ppid/util/timestamp.hpp>
#include <ppid/util/url.hpp>

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

// One file's record, built by a worker thread.
class RecordBuilder {
public:
    RecordBuilder(const IndexOptions& options, const date::time_zone& zone, ExtractionPool* pool)
        : options_(options), zone_(zone), pool_(pool) {}

    std::string build(const FoundFile& file) const {
        const std::string name = file.path.substr(file.path.find_last_of('/') + 1);
        DocumentInspection inspection =
            inspect_document(file.full_path, file.size, name, "", options_.content ? pool_ : nullptr);
        const ExtractedContent& content = inspection.content;
        auto& problems = inspection.problems;
        // Written between the walk and the end of the read: size, hash and content are of no one version.
        if (inspection.facts.read_error.empty() && (inspection.facts.changed || inspection.facts.size != file.size))
            problems.emplace_back("changed_while_read");

        std::string title = inspection.misnamed() ? std::string() : util::repair_utf8(content.title);
        std::string title_source = title.empty() ? "" : (inspection.kind == ContentKind::html ? "html" : "metadata");
        if (title.empty()) {
            title = title_from_file_name(util::repair_utf8(name));
            title_source = "filename";
        }

        std::string text;
        util::JsonObjectText json(text);
        json.string("type", "document").string("root", util::repair_utf8(file.root));
        const std::string shown_path = util::repair_utf8(file.path);
        json.string("path", shown_path);
        if (shown_path != file.path) json.string("path_bytes", util::percent_encode_unprintable(file.path));
        json.number("size", static_cast<long long>(file.size))
            .string("modified", local_timestamp(file.mtime_seconds, file.mtime_nanoseconds, zone_));
        if (!inspection.facts.sha256.empty()) json.string("sha256", inspection.facts.sha256);
        if (!inspection.facts.media_type.empty()) json.string("media_type", inspection.facts.media_type);
        json.string("title", title).string("title_source", title_source);
        add_dates(json, title, title_source, name, content, file, problems);
        write_content_fields(json, content);
        util::append_json_string_array(json.raw("problems"), problems);
        json.close();
        return text;
    }

private:
    // The document's date, the period it covers, and where each was read: the title first (what
    // people see), then the file name, the text, the metadata, and last the file's mtime.
    void add_dates(util::JsonObjectText& json, const std::string& title, const std::string& title_source,
                   const std::string& name, const ExtractedContent& content, const FoundFile& file,
                   std::vector<std::string>& problems) const {
        std::vector<TextSource> sources;
        if (title_source != "filename") sources.push_back({title, "title"});
        sources.push_back({name, "filename"});
        sources.push_back({content.text_sample, "content"});
        std::optional<DocumentDate> date = first_written_date(sources);
        if (!date)
            if (const auto day = metadata_date(content, zone_)) date = DocumentDate{*day, "metadata"};
        if (!date) {
            const auto local = zone_.to_local(date::sys_seconds{std::chrono::seconds{file.mtime_seconds}});
            date = DocumentDate{date::sys_days{date::floor<date::days>(local).time_since_epoch()}, "mtime"};
        }
        const auto period = first_written_period({{title, "title"}, {name, "filename"}, {content.text_sample, "content"}});
        write_date_and_period(json, date, period, options_.as_of, problems);
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
    return {util::repair_utf8(file.root), shown == file.path ? shown : "%" + util::percent_encode_unprintable(file.path)};
}

struct PreviousRecord {
    std::uint64_t size = 0;
    std::string modified;
    std::string line;
};

// Problems that may be gone on the next run without the file changing (a worker that failed,
// an as-of date that moved on): a record carrying one is never reused. A corrupt or locked
// document stays so until it changes, and its record is reused like any other.
constexpr const char* transient_problems[] = {"extraction_timeout", "extraction_failed", "future_date",
                                               "changed_while_read"};

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
