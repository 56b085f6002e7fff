// The period a document covers, as written in its title, its file name ("LAPORAN_KEUANGAN-TA_2022 (final).pdf")
// or the text of its first page: a year, a range of years, a semester, a quarter, a month or a range of months.
// Text is UTF-8 but need not be valid; only ASCII letters are ever case-folded.
#pragma once

#include <date/date.h>

#include <optional>
#include <string>
#include <string_view>

namespace ppid {

// The period a document covers, as written in its title or name.
struct Period {
    std::string text;           // a label for people: "Tahun 2022", "Tahun Anggaran 2022", "Semester I 2023",
                                // "Triwulan III 2024", "Januari 2024", "Januari-Mei 2024", "Tahun 2020-2024"
    int year = 0;               // the (first) year covered
    std::string kind;           // "year", "years" (a range), "semester", "quarter", "month", "months" (a range)
    int number = 0;             // semester 1-2, quarter 1-4, month 1-12; 0 for the other kinds
    date::sys_days start, end;  // the first and last day covered
};

// Returns the period written in `text`: "Semester I 2023", "Semester 2 Tahun 2023", "SMT II 2023",
// "Triwulan III 2024", "TW 3 2024", "Q3 2024", "Tahun Anggaran 2022", "TA 2022", "T.A. 2022", "Tahun 2022",
// "Periode Januari 2024", "Bulan Maret 2024", "Januari s.d. Juni 2024", "Renstra 2020-2024", or a bare year
// 2000-2099 ("Laporan Keuangan 2022"). Years inside dates (find_dates) do not count. When several appear, a
// period named by its kind (Semester, Triwulan, Tahun, Periode, Bulan) beats one that is not, and the shortest
// such period wins (the first written on a tie); a year cited with a number before it ("UU Nomor 14 Tahun 2008")
// counts only as a bare year. Returns nullopt when no period is written.
std::optional<Period> find_period(std::string_view text);

}  // namespace ppid
