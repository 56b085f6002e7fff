#include <ppid/date_names.hpp>
#include <ppid/indonesian_date.hpp>
#include <ppid/register_rows.hpp>
#include <ppid/util/normalize.hpp>

#include <algorithm>

namespace ppid {

namespace {

// A note under a table ("Register ini diisi setiap hari kerja oleh petugas PPID") is a sentence;
// sub-headings inside a table ("PERMOHONAN MELALUI E-MAIL") are a few words.
constexpr std::size_t note_words = 8;

// Signature blocks leave room for the signature: two empty rows or more after the data end it
// when what follows is no record.
constexpr std::size_t empty_rows_ending_table = 2;

bool starts_with_words(const std::string& normalized, const std::string& words) {
    return normalized.compare(0, words.size(), words) == 0 &&
           (normalized.size() == words.size() || normalized[words.size()] == ' ');
}

// The distinct texts of a row: merged cells repeat theirs across the columns they span.
std::vector<std::string> distinct_texts(const TableRow& row) {
    std::vector<std::string> texts;
    for (const auto& cell : row.cells)
        if (!cell.text.empty() && std::find(texts.begin(), texts.end(), cell.text) == texts.end())
            texts.push_back(cell.text);
    return texts;
}

}  // namespace

bool is_column_number_row(const TableRow& row) {
    long expected = 1;
    for (const auto& cell : row.cells) {
        if (cell.text.empty()) continue;
        if (cell.text != std::to_string(expected) && cell.text != "(" + std::to_string(expected) + ")") return false;
        ++expected;
    }
    return expected > 2;
}

bool is_header_continuation(const TableRow& row, const std::vector<std::string>& headers, bool records_have_dates) {
    bool repeats = true, digits = false;
    for (std::size_t column = 0; column < row.cells.size(); ++column) {
        const std::string& text = row.cells[column].text;
        if (text.empty()) continue;
        if (column >= headers.size() || util::normalize_words(text) != util::normalize_words(headers[column])) repeats = false;
        if (text.find_first_of("0123456789") != std::string::npos) digits = true;
    }
    return repeats || (records_have_dates && !digits);
}

bool is_total_or_heading_row(const TableRow& row, std::size_t key_column) {
    const bool has_key = key_column < row.cells.size() && !row.cells[key_column].text.empty();
    if (has_key && row.cells[key_column].text.find_first_not_of("0123456789") != std::string::npos) return false;
    std::size_t filled = 0;
    std::string first;
    for (const auto& cell : row.cells) {
        if (cell.text.empty()) continue;
        if (++filled == 1) first = util::normalize_words(cell.text);
    }
    const std::string first_word = first.substr(0, first.find(' '));
    const bool total = first_word == "jumlah" || first_word == "total" || first_word == "jml";
    const bool heading = !has_key && filled == 1 && first.find_first_of("0123456789") == std::string::npos;
    return total || heading;
}

bool is_signature_line(std::string_view text, const std::vector<std::string>& starts) {
    const std::string normalized = util::normalize_words(text);
    if (std::any_of(starts.begin(), starts.end(), [&](const std::string& words) { return starts_with_words(normalized, words); }))
        return true;
    // A place and a date: "Sukoharjo, 31 Desember 2024". A weekday before the comma makes it a
    // register date ("Selasa, 5 Maret 2024").
    const auto comma = text.find(',');
    if (comma == std::string_view::npos || comma == 0) return false;
    const std::string place = util::normalize_words(text.substr(0, comma));
    if (place.empty() || place.find_first_of("0123456789") != std::string::npos) return false;
    if (std::count(place.begin(), place.end(), ' ') > 3) return false;
    for (const auto word : util::split_words(place))
        if (date_names::look_up(date_names::weekdays, word) || word == "hari") return false;
    return parse_written_date(text.substr(comma + 1)).day.has_value();
}

bool is_signature_or_note_row(const TableRow& row, const std::vector<std::string>& starts) {
    const std::vector<std::string> texts = distinct_texts(row);
    if (texts.empty()) return false;
    if (std::all_of(texts.begin(), texts.end(), [&](const std::string& text) { return is_signature_line(text, starts); }))
        return true;
    return texts.size() == 1 && util::split_words(util::normalize_words(texts.front())).size() >= note_words;
}

bool ends_table(const TableRow& row, std::size_t key_column, const std::vector<std::string>& starts) {
    if (is_signature_or_note_row(row, starts)) return true;
    const std::vector<std::string> texts = distinct_texts(row);
    if (texts.empty() || row.empty_before < empty_rows_ending_table) return false;
    const bool has_key = key_column < row.cells.size() && !row.cells[key_column].text.empty();
    return !has_key || texts.size() < 2;
}

}  // namespace ppid
