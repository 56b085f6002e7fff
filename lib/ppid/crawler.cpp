#include <ppid/crawler.hpp>

#include <ppid/crawl_session.hpp>
#include <ppid/error.hpp>
#include <ppid/runner.hpp>
#include <ppid/warc_writer.hpp>
#include <ppid/util/temp_folder.hpp>

#include <atomic>
#include <fstream>
#include <memory>
#include <thread>

namespace ppid {

namespace {

using Clock = std::chrono::steady_clock;
using std::chrono::milliseconds;

constexpr std::size_t max_in_flight = 64;  // transfers at once, all hosts and offices together

// The records of every office, in the order the offices were given: the first unfinished office
// writes straight through, the others into a file of their own until their turn comes, so one
// slow site never holds up the crawling of the others, only the writing of their records.
class OfficeOutput {
public:
    OfficeOutput(std::size_t offices, const std::string& folder, const CrawlEmit& emit)
        : emit_(emit), folder_(folder), buffered_(offices), finished_(offices, false) {}

    void write(std::size_t office, std::string_view record, bool attention) {
        if (office == head_) return emit_(record, attention);
        auto& file = buffered_[office];
        if (!file) file = std::make_unique<std::fstream>(path(office), std::ios::in | std::ios::out | std::ios::trunc);
        *file << (attention ? '1' : '0') << record << '\n';
        if (!*file) throw Error("cannot write to the temporary folder " + folder_);
    }

    // Marks `office` done and writes out, in order, every office whose turn has come.
    void finish(std::size_t office) {
        finished_[office] = true;
        while (head_ < finished_.size()) {
            replay(head_);
            if (!finished_[head_]) return;  // it writes straight through from now on
            ++head_;
        }
    }

private:
    std::string path(std::size_t office) const { return folder_ + "/office-" + std::to_string(office) + ".jsonl"; }

    void replay(std::size_t office) {
        auto& file = buffered_[office];
        if (!file) return;
        file->seekg(0);
        for (std::string line; std::getline(*file, line);)
            if (!line.empty()) emit_(std::string_view(line).substr(1), line[0] == '1');
        file.reset();
        std::remove(path(office).c_str());
    }

    const CrawlEmit& emit_;
    std::string folder_;
    std::vector<std::unique_ptr<std::fstream>> buffered_;
    std::vector<bool> finished_;
    std::size_t head_ = 0;
};

// Pages are read on every core but one: the crawl loop and the transfers' thread take about a
// core between them, and a reader more than the cores left only adds switches between threads
// (7% slower on bench/crawl's site with two cores).
unsigned page_readers() {
    const unsigned cores = std::thread::hardware_concurrency();
    return cores > 1 ? cores - 1 : 1;
}

class Crawl {
public:
    Crawl(const CrawlOptions& options, const std::vector<CrawlTarget>& targets, const date::time_zone& zone,
          Fetcher& fetcher, ExtractionPool* pool, Diagnostics& diag, const CrawlEmit& emit,
          const std::function<void(const CrawlProgress&)>& progress)
        : options_(options),
          targets_(targets),
          zone_(zone),
          progress_(progress),
          inspection_(options.jobs, [&fetcher] { fetcher.wake(); }),
          page_reading_(page_readers(), [&fetcher] { fetcher.wake(); }),
          shared_{fetcher, pool, inspection_, page_reading_, bodies_.path(), nullptr, diag, max_in_flight},
          output_(targets.size(), bodies_.path(), emit),
          sessions_(targets.size()) {
        if (options.cache_dir) cache_.emplace(*options.cache_dir);
        shared_.cache = cache_ ? &*cache_ : nullptr;
        shared_.records = &records_;
        shared_.stop_reading = &stop_reading_;
        if (options.warc_file) {
            warc_ = std::make_unique<WarcWriter>(*options.warc_file, archive_info());
            shared_.warc = warc_.get();
        }
    }

    // Returns once every record is written and the archive is under its name; rethrows a failed write.
    void finish_writing() {
        records_.drain();
        if (options_.cache_dir) warn_if_cache_failed(shared_, *options_.cache_dir);
        if (warc_) warc_->commit();
    }

    void run() {
        const auto started_at = Clock::now();
        while (done_ < targets_.size()) {
            open_sessions();
            if (options_.deadline && Clock::now() - started_at > *options_.deadline) return stop_at_deadline();
            for (auto& session : sessions_)
                if (session) session->start_transfers();
            for (auto& response : shared_.fetcher.wait(milliseconds(100))) {
                auto* session = session_of(response.id);
                if (session) session->on_response(std::move(response));
            }
            for (auto& [id, inspection] : inspection_.take_done())
                if (auto* session = session_of(id)) session->on_inspected(id, std::move(inspection));
            for (auto& [id, page] : page_reading_.take_done())
                if (auto* session = session_of(id)) session->on_page_read(id, std::move(page));
            for (std::size_t i = 0; i < sessions_.size(); ++i) {
                if (!sessions_[i]) continue;
                sessions_[i]->advance();
                if (sessions_[i]->finished()) close_session(i);
            }
            report_progress();
        }
    }

private:
    // The archive's warcinfo: what made it, for which office, and how.
    warc::Fields archive_info() const {
        std::string offices;
        for (const auto& target : targets_)
            if (!target.office.empty())
                offices += (offices.empty() ? "" : ", ") + target.office +
                           (target.office_name.empty() ? "" : " (" + target.office_name + ")");
        if (offices.empty()) offices = options_.archive_office;
        warc::Fields info = {{"software", std::string("ppid-crawl/") + version() + " (ppid-tools)"},
                             {"format", "WARC File Format 1.1"},
                             {"conformsTo", "https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/"},
                             {"description", "what ppid-crawl fetched: proof of what the site published"},
                             {"http-header-user-agent", options_.user_agent},
                             {"robots", options_.ignore_robots ? "ignore" : "obey"}};
        if (!offices.empty()) info.emplace_back("office", offices);
        for (const auto& target : targets_)
            for (const auto& url : target.start_urls) info.emplace_back("start-url", url);
        return info;
    }

    // Starts the next offices while fewer than --parallel-offices are being crawled.
    void open_sessions() {
        while (next_ < targets_.size() && active_ < std::max<std::size_t>(1, options_.parallel_offices)) open_session(next_++);
    }

    void open_session(std::size_t index) {
        const CrawlTarget& target = targets_[index];
        CrawlOptions options = options_;
        options.start_urls = target.start_urls;
        options.office_name = target.office_name;
        if (!target.allowed_hosts.empty()) options.allowed_hosts = target.allowed_hosts;
        const date::time_zone* zone = &zone_;
        if (!target.time_zone.empty()) {
            try {
                zone = date::locate_zone(target.time_zone);
            } catch (const std::exception&) {
                shared_.diag.warning(Location{"office " + target.office, 0},
                                     "unknown time zone " + target.time_zone + "; " + zone_.name() + " used");
            }
        }
        sessions_[index] = std::make_unique<CrawlSession>(
            std::move(options), target.office, *zone, index, shared_,
            [this, index](std::string_view record, bool attention) { output_.write(index, record, attention); });
        ++active_;
        sessions_[index]->begin();
    }

    void close_session(std::size_t index) {
        sessions_[index]->finish();
        sessions_[index].reset();
        --active_;
        ++done_;
        records_.post([this, index] { output_.finish(index); });  // after the office's records
    }

    CrawlSession* session_of(std::size_t id) {
        const std::size_t index = id >> session_id_bits;
        return index < sessions_.size() ? sessions_[index].get() : nullptr;
    }

    // --deadline: what finished is written, in order; the rest of every office is counted.
    void stop_at_deadline() {
        stop_reading_ = true;  // a page read for minutes would hold up the end (its thread is joined)
        while (next_ < targets_.size()) open_session(next_++);
        for (std::size_t i = 0; i < sessions_.size(); ++i) {
            if (!sessions_[i]) continue;
            sessions_[i]->stop_at_deadline();
            close_session(i);
        }
    }

    void report_progress() {
        if (!progress_) return;
        const auto now = Clock::now();
        if (now - last_progress_ < milliseconds(200)) return;
        last_progress_ = now;
        CrawlProgress progress{0, 0, shared_.fetcher.in_flight()};
        for (const auto& session : sessions_)
            if (session) progress.written += session->written(), progress.known += session->known();
        progress_(progress);
    }

    const CrawlOptions& options_;
    const std::vector<CrawlTarget>& targets_;
    const date::time_zone& zone_;
    const std::function<void(const CrawlProgress&)>& progress_;
    util::TempFolder bodies_{"ppid-crawl"};
    std::atomic<bool> stop_reading_{false};  // outlives the page readers that look at it
    util::BackgroundWork<DocumentInspection> inspection_;
    util::BackgroundWork<PageAnalysis> page_reading_;
    std::optional<CrawlCache> cache_;
    CrawlShared shared_;
    OfficeOutput output_;
    std::unique_ptr<WarcWriter> warc_;  // written on records_' thread: ended after it
    util::SerialWork records_;  // the only thread that writes records: after output_, ended before it
    std::vector<std::unique_ptr<CrawlSession>> sessions_;
    std::size_t next_ = 0, active_ = 0, done_ = 0;
    Clock::time_point last_progress_{};
};

}  // namespace

void crawl_sites(const CrawlOptions& options, const std::vector<CrawlTarget>& targets, const date::time_zone& zone,
                 Fetcher& fetcher, ExtractionPool* pool, Diagnostics& diag, const CrawlEmit& emit,
                 const std::function<void(const CrawlProgress&)>& progress) {
    Crawl crawl(options, targets, zone, fetcher, pool, diag, emit, progress);
    crawl.run();
    crawl.finish_writing();
}

void crawl_site(const CrawlOptions& options, const date::time_zone& zone, Fetcher& fetcher, ExtractionPool* pool,
                Diagnostics& diag, const CrawlEmit& emit, const std::function<void(const CrawlProgress&)>& progress) {
    crawl_sites(options, {CrawlTarget{"", options.start_urls, options.allowed_hosts, "", ""}}, zone, fetcher, pool, diag,
                emit, progress);
}

}  // namespace ppid
