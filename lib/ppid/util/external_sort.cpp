#include <ppid/util/external_sort.hpp>

#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iterator>
#include <stdexcept>

namespace ppid::util {

namespace {

std::size_t record_size(const SortRecord& r) {
    return sizeof(SortRecord) + r.key.size() + r.text.size();
}

}  // namespace

bool sorts_before(const SortRecord& a, const SortRecord& b) {
    const int c = a.key.compare(b.key);
    return c != 0 ? c < 0 : a.line < b.line;
}

// A sorted run spilled to an anonymous temporary file (unlinked at once: nothing to clean up).
class ExternalSorter::RunFile {
public:
    RunFile(const std::filesystem::path& dir, const std::string& prefix) : dir_(dir.string()) {
        std::string name = (dir / (prefix + ".XXXXXX")).string();
        const int fd = ::mkstemp(name.data());
        if (fd < 0) fail("cannot create a temporary file");
        ::unlink(name.c_str());
        file_.reset(::fdopen(fd, "w+b"));
        if (!file_) {
            ::close(fd);
            fail("cannot open a temporary file");
        }
    }

    void write(const SortRecord& record) {
        put_number(record.line);
        put_text(record.key);
        put_text(record.text);
    }

    void start_reading() {
        if (std::fflush(file_.get()) != 0 || std::fseek(file_.get(), 0, SEEK_SET) != 0)
            fail("cannot write a temporary file");
    }

    // Returns false at the end of the run.
    bool read(SortRecord& record) {
        std::uint64_t line = 0;
        if (std::fread(&line, sizeof line, 1, file_.get()) != 1) {
            if (std::ferror(file_.get())) fail("cannot read a temporary file");
            return false;
        }
        record.line = static_cast<std::size_t>(line);
        get_text(record.key);
        get_text(record.text);
        return true;
    }

private:
    [[noreturn]] void fail(const std::string& what) const {
        const int error = errno;
        throw std::runtime_error(what + " in " + dir_ + ": " + std::strerror(error) +
                                 (error == ENOSPC ? " (set TMPDIR to a folder with more room)" : ""));
    }
    void put_number(std::uint64_t n) {
        if (std::fwrite(&n, sizeof n, 1, file_.get()) != 1) fail("cannot write a temporary file");
    }
    void put_text(const std::string& text) {
        put_number(text.size());
        if (!text.empty() && std::fwrite(text.data(), 1, text.size(), file_.get()) != text.size())
            fail("cannot write a temporary file");
    }
    void get_text(std::string& text) {
        std::uint64_t size = 0;
        if (std::fread(&size, sizeof size, 1, file_.get()) != 1) fail("cannot read a temporary file");
        text.resize(static_cast<std::size_t>(size));
        if (size != 0 && std::fread(text.data(), 1, text.size(), file_.get()) != text.size())
            fail("cannot read a temporary file");
    }

    std::string dir_;
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> file_{nullptr, &std::fclose};
};

// Yields the records of several sorted runs in order (a k-way merge over a heap of run heads).
class ExternalSorter::RunMerger {
public:
    explicit RunMerger(Runs runs) : runs_(std::move(runs)), heads_(runs_.size()) {
        for (std::size_t i = 0; i < runs_.size(); ++i) {
            runs_[i]->start_reading();
            if (runs_[i]->read(heads_[i])) push(i);
        }
    }

    bool next(SortRecord& out) {
        if (heap_.empty()) return false;
        std::pop_heap(heap_.begin(), heap_.end(), later());
        const std::size_t i = heap_.back();
        heap_.pop_back();
        out = std::move(heads_[i]);
        if (runs_[i]->read(heads_[i])) push(i);
        return true;
    }

private:
    // Heap order: the run whose head comes first is on top.
    struct Later {
        const std::vector<SortRecord>* heads;
        bool operator()(std::size_t a, std::size_t b) const { return sorts_before((*heads)[b], (*heads)[a]); }
    };
    Later later() const { return Later{&heads_}; }
    void push(std::size_t i) {
        heap_.push_back(i);
        std::push_heap(heap_.begin(), heap_.end(), later());
    }

    Runs runs_;
    std::vector<SortRecord> heads_;
    std::vector<std::size_t> heap_;
};

ExternalSorter::ExternalSorter(ExternalSortOptions options) : options_(std::move(options)) {
    options_.memory = std::max<std::size_t>(options_.memory, 1);
}

ExternalSorter::~ExternalSorter() = default;

void ExternalSorter::add(SortRecord record) {
    used_ += record_size(record);
    buffer_.push_back(std::move(record));
    if (used_ > options_.memory) spill();
}

void ExternalSorter::finish() {
    if (runs_.empty()) {
        std::sort(buffer_.begin(), buffer_.end(), sorts_before);
        return;
    }
    if (!buffer_.empty()) spill();
    while (runs_.size() > fan_in()) merge_oldest();
    merger_ = std::make_unique<RunMerger>(std::move(runs_));
}

bool ExternalSorter::next(SortRecord& out) {
    if (merger_) return merger_->next(out);
    if (position_ == buffer_.size()) return false;
    out = std::move(buffer_[position_++]);
    return true;
}

void ExternalSorter::spill() {
    std::sort(buffer_.begin(), buffer_.end(), sorts_before);
    auto run = std::make_unique<RunFile>(options_.temp_dir, options_.file_prefix);
    for (const auto& record : buffer_) run->write(record);
    runs_.push_back(std::move(run));
    buffer_ = {};
    used_ = 0;
    // Merging as runs pile up keeps the open temporary files few, however long the input.
    if (runs_.size() >= 2 * fan_in()) merge_oldest();
}

std::size_t ExternalSorter::fan_in() const {
    return std::max<std::size_t>(options_.fan_in, 2);
}

// Replaces the oldest fan_in() runs by one run merged from them.
void ExternalSorter::merge_oldest() {
    Runs group(std::make_move_iterator(runs_.begin()), std::make_move_iterator(runs_.begin() + fan_in()));
    runs_.erase(runs_.begin(), runs_.begin() + fan_in());
    RunMerger merger(std::move(group));
    auto merged = std::make_unique<RunFile>(options_.temp_dir, options_.file_prefix);
    SortRecord record;
    while (merger.next(record)) merged->write(record);
    runs_.push_back(std::move(merged));
}

}  // namespace ppid::util
