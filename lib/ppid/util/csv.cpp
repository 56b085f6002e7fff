#include <ppid/util/csv.hpp>

#include <algorithm>
#include <cstring>
#include <stdexcept>

namespace ppid::util {

namespace {

constexpr std::size_t sample_records = 20;

// Returns how many of the first records `delimiter` splits into the most common field count
// above one, counting only records read without stray quotes (a wrong delimiter leaves quotes
// in mid-field); 0 when none splits.
std::size_t split_consistency(std::string_view text, char delimiter) {
    CsvReader reader(text, delimiter);
    CsvRecord record;
    std::vector<std::size_t> counts;  // per record: its field count, or 0 with stray quotes
    try {
        while (counts.size() < sample_records) {
            const std::size_t strays_before = reader.stray_quotes();
            if (!reader.next(record)) break;
            counts.push_back(reader.stray_quotes() == strays_before ? record.fields.size() : 0);
        }
    } catch (const std::runtime_error&) {
        // A quote this delimiter never sees closed ends the sample; what was read still counts.
    }
    std::size_t mode = 0;
    std::size_t mode_frequency = 0;
    for (const std::size_t count : counts) {
        if (count < 2) continue;
        const auto frequency = static_cast<std::size_t>(std::count(counts.begin(), counts.end(), count));
        if (frequency > mode_frequency || (frequency == mode_frequency && count > mode)) {
            mode = count;
            mode_frequency = frequency;
        }
    }
    return mode_frequency;
}

}  // namespace

char detect_csv_delimiter(std::string_view text) {
    char best = ',';
    std::size_t best_score = 0;
    for (const char candidate : {';', ',', '\t'}) {  // in order of preference on a tie
        const std::size_t score = split_consistency(text, candidate);
        if (score > best_score) {
            best = candidate;
            best_score = score;
        }
    }
    return best;
}

bool is_empty_record(const CsvRecord& record) {
    return std::all_of(record.fields.begin(), record.fields.end(), [](const std::string& f) { return f.empty(); });
}

CsvReader::CsvReader(std::string_view text, char delimiter, std::size_t max_field_bytes)
    : cursor_(text.data()), end_(text.data() + text.size()), delimiter_(delimiter), max_held_(max_field_bytes + 1) {
    if (delimiter == '"' || delimiter == '\r' || delimiter == '\n') {
        throw std::invalid_argument("a CSV delimiter cannot be a quote or a line break");
    }
    if (text.substr(0, 3) == "\xEF\xBB\xBF") cursor_ += 3;
    stops_[static_cast<unsigned char>(delimiter)] = true;
    stops_[static_cast<unsigned char>('\n')] = true;
    stops_[static_cast<unsigned char>('"')] = true;
}

bool CsvReader::next(CsvRecord& record) {
    for (;;) {  // blank lines carry no record
        if (cursor_ == end_) return false;
        if (*cursor_ == '\n') {
            ++cursor_;
            ++line_;
        } else if (*cursor_ == '\r' && (cursor_ + 1 == end_ || cursor_[1] == '\n')) {
            ++cursor_;
        } else {
            break;
        }
    }
    record.line = line_;
    std::vector<std::string>& fields = record.fields;
    std::size_t count = 0;
    for (;;) {
        if (count == fields.size()) fields.emplace_back();
        read_field(fields[count++]);
        if (cursor_ == end_) break;
        if (*cursor_ == '\n') {
            ++cursor_;
            ++line_;
            break;
        }
        ++cursor_;  // the delimiter
    }
    fields.resize(count);
    return true;
}

void CsvReader::read_field(std::string& field) {
    if (cursor_ != end_ && *cursor_ == '"') {
        read_quoted_field(field);
        return;
    }
    const char* start = cursor_;
    cursor_ = scan_unquoted(start);
    field.clear();
    append_held(field, start, without_cr(start, cursor_));
}

void CsvReader::read_quoted_field(std::string& field) {
    const std::size_t opening_line = line_;
    field.clear();
    const char* p = cursor_ + 1;
    for (;;) {
        const void* found = std::memchr(p, '"', static_cast<std::size_t>(end_ - p));
        if (!found) {
            cursor_ = end_;
            throw std::runtime_error("line " + std::to_string(opening_line) + ": unterminated quoted field");
        }
        const char* quote = static_cast<const char*>(found);
        line_ += static_cast<std::size_t>(std::count(p, quote, '\n'));
        append_held(field, p, quote);
        p = quote + 1;
        if (p == end_ || *p != '"') break;
        append_held(field, p, p + 1);  // a doubled quote
        ++p;
    }
    // Text between the closing quote and the delimiter is kept, as Excel does.
    const char* stop = scan_unquoted(p);
    const char* kept_end = without_cr(p, stop);
    if (kept_end != p) {
        ++stray_quotes_;
        append_held(field, p, kept_end);
    }
    cursor_ = stop;
}

const char* CsvReader::scan_unquoted(const char* p) {
    for (;;) {
        while (p != end_ && !stops_[static_cast<unsigned char>(*p)]) ++p;
        if (p == end_ || *p != '"') return p;
        ++stray_quotes_;
        ++p;
    }
}

void CsvReader::append_held(std::string& field, const char* first, const char* last) const {
    if (field.size() >= max_held_) return;
    field.append(first, std::min(static_cast<std::size_t>(last - first), max_held_ - field.size()));
}

const char* CsvReader::without_cr(const char* start, const char* stop) const {
    const bool ends_line = stop == end_ || *stop == '\n';
    return ends_line && stop != start && stop[-1] == '\r' ? stop - 1 : stop;
}

}  // namespace ppid::util
