// Month and weekday names as Indonesian and English writers spell them, for every reader of written dates
// (parse_written_date reads whole cells, text_dates finds dates and periods in running text).
#pragma once

#include <cstddef>
#include <optional>
#include <string_view>

namespace ppid::date_names {

struct Name {
    std::string_view text;
    unsigned value;
};

// Lower case, apostrophes removed; values 1-12. Abbreviations include the ones offices use ("Agt", "Ags", "Nop").
inline constexpr Name months[] = {
    {"januari", 1},   {"january", 1},   {"jan", 1},   {"februari", 2}, {"pebruari", 2},  {"february", 2},  {"feb", 2},
    {"peb", 2},       {"maret", 3},     {"march", 3}, {"mar", 3},      {"april", 4},     {"apr", 4},       {"mei", 5},
    {"may", 5},       {"juni", 6},      {"june", 6},  {"jun", 6},      {"juli", 7},      {"july", 7},      {"jul", 7},
    {"agustus", 8},   {"august", 8},    {"agu", 8},   {"ags", 8},      {"agt", 8},       {"agst", 8},      {"aug", 8},
    {"september", 9}, {"sep", 9},       {"sept", 9},  {"oktober", 10}, {"october", 10},  {"okt", 10},      {"oct", 10},
    {"november", 11}, {"nopember", 11}, {"nov", 11},  {"nop", 11},     {"desember", 12}, {"december", 12}, {"des", 12},
    {"dec", 12},
};

// Lower case, apostrophes removed ("Jum'at" is "jumat"); values are date::weekday encodings (0 = Sunday).
inline constexpr Name weekdays[] = {
    {"minggu", 0}, {"ahad", 0},   {"min", 0}, {"sunday", 0},   {"sun", 0}, {"senin", 1}, {"sen", 1}, {"monday", 1},
    {"mon", 1},    {"selasa", 2}, {"sel", 2}, {"tuesday", 2},  {"tue", 2}, {"rabu", 3},  {"rab", 3}, {"wednesday", 3},
    {"wed", 3},    {"kamis", 4},  {"kam", 4}, {"thursday", 4}, {"thu", 4}, {"jumat", 5}, {"jum", 5}, {"friday", 5},
    {"fri", 5},    {"sabtu", 6},  {"sab", 6}, {"saturday", 6}, {"sat", 6},
};

// For writing: index 0 is January (or Sunday).
inline constexpr std::string_view indonesian_months[] = {"Januari",   "Februari", "Maret",    "April",
                                                         "Mei",       "Juni",     "Juli",     "Agustus",
                                                         "September", "Oktober",  "November", "Desember"};
inline constexpr std::string_view english_months[] = {"January",   "February", "March",    "April",
                                                      "May",       "June",     "July",     "August",
                                                      "September", "October",  "November", "December"};
inline constexpr std::string_view english_weekdays[] = {"Sunday",   "Monday", "Tuesday", "Wednesday",
                                                        "Thursday", "Friday", "Saturday"};

// Returns the value of `word` (lower case, apostrophes removed) in `names`, or nullopt when it is not one of them.
template <std::size_t N>
constexpr std::optional<unsigned> look_up(const Name (&names)[N], std::string_view word) {
    for (const Name& name : names)
        if (name.text == word) return name.value;
    return std::nullopt;
}

}  // namespace ppid::date_names
