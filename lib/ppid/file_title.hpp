// A title for people made from a document's file name, for documents whose own metadata has none:
// "LAPORAN_KEUANGAN-TA_2022 (final).pdf" is "Laporan Keuangan TA 2022". Names are UTF-8 but need not be
// valid; only ASCII letters are ever case-folded.
#pragma once

#include <string>
#include <string_view>

namespace ppid {

// Returns a title for people made from a file name (a path's directories are dropped): extension dropped;
// '_', '-', '.' and runs of spaces turned into single spaces, except '-', '.' and '/' between digits
// ("29-08-2023", "2020-2024") and dotted initials ("T.A." -> "TA"); ALL CAPS and all-lower-case words
// title-cased except known abbreviations (SK, TA, LKjIP, CaLK...), Roman numerals, and Indonesian conjunctions
// and prepositions after the first word ("per", "dan", "tentang"); words with digits or non-ASCII bytes kept as
// written; version noise removed: "(final)", "final", "fix", "copy", "Copy of", "(1)", "v2", and a trailing
// "rev", "revisi 2". E.g. "LAPORAN_KEUANGAN-TA_2022 (final).pdf" -> "Laporan Keuangan TA 2022". Never returns
// an empty string for a non-empty name: when nothing is left it returns the name without its extension.
std::string title_from_file_name(std::string_view file_name);

}  // namespace ppid
