// Dates read from what people write around a document: its title, its file name ("SK_29-08-2023.pdf",
// "20240214_rekap.pdf") and the text of its first page. Dates keep the rules of parse_written_date (day first,
// never swapped; names in Indonesian or English). Text is UTF-8 but need not be valid; offsets are in bytes and
// only ASCII letters are ever case-folded. The period a document covers is read by text_periods.hpp, a title
// made from its file name by file_title.hpp.
#pragma once

#include <date/date.h>

#include <cstddef>
#include <string_view>
#include <vector>

namespace ppid {

// A date found inside running text or a file name; `offset` and `length` (bytes) cover the date as written,
// with its weekday when one that agrees is written in front ("Selasa, 29 Agustus 2023").
struct FoundDate {
    date::sys_days day;
    std::size_t offset = 0;
    std::size_t length = 0;
};

// Returns the dates written in `text`, in the order they appear: "29 Agustus 2023", "Selasa, 29 Agt 2023",
// "August 29, 2023", "29/8/2023", "29-08-2023", "29.08.23", "2023-08-29", and in file names with '_' for spaces
// ("SK_29-08-2023.pdf", "Rapat_29_Agustus_2023.pdf") or as YYYYMMDD between 2000 and 2099 ("20230829_notulen").
// Impossible dates ("31-02-2023") are skipped, as are numbers that only look like dates inside longer ones
// ("1.2.3.4", an NIP's "20010312 200312 1 002"); an empty result means no date is written.
std::vector<FoundDate> find_dates(std::string_view text);

}  // namespace ppid
