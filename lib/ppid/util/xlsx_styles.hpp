// Internal to the XLSX reader: what it needs of the styles part, which cell formats show dates.
#pragma once

#include <ppid/util/zip_archive.hpp>

#include <string>
#include <vector>

namespace ppid::util::xlsx_detail {

// Returns, for each cell format (cellXfs) of the styles part `part` in order, whether it shows
// numbers as dates or times (see SheetCell::date_format). Throws std::runtime_error as the zip
// archive and the XML reader do.
std::vector<bool> read_date_styles(ZipArchive& zip, const std::string& part);

}  // namespace ppid::util::xlsx_detail
