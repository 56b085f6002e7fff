// Internal to the XLSX reader: the text of cells, from the shared strings part or inline, with
// Excel's _xHHHH_ escapes decoded.
#pragma once

#include <ppid/util/xml_reader.hpp>
#include <ppid/util/zip_archive.hpp>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace ppid::util::xlsx_detail {

// All shared strings in one buffer: a sharedStrings part of tiny <si/> items must not cost a
// std::string each.
class SharedStrings {
public:
    // Appends `text`, its escapes decoded.
    void add(const std::string& text);
    std::size_t size() const { return ends_.size(); }
    // Returns the string at index `i` < size(), valid until the next add.
    std::string_view operator[](std::size_t i) const {
        const std::size_t begin = i == 0 ? 0 : ends_[i - 1];
        return std::string_view(pool_).substr(begin, ends_[i] - begin);
    }

private:
    std::string pool_;
    std::vector<std::size_t> ends_;
};

// Returns the shared strings part `part`, each item's text held up to `max_item_bytes` + 1 bytes
// (see append_up_to). Throws std::runtime_error as the zip archive and the
// XML reader do.
SharedStrings read_shared_strings(ZipArchive& zip, const std::string& part, std::size_t max_item_bytes);

// Returns the text of the <t> elements under the current element, skipping phonetic runs (<rPh>),
// read until the element named `end` closes and held up to `max_bytes` + 1 bytes; used for <si>
// and <is>. Escapes are left as written.
std::string read_string_item(XmlReader& xml, std::string_view end, std::size_t max_bytes);

// Excel writes characters XML cannot hold as _xHHHH_ (UTF-16 units: "_x000D_" is a carriage
// return) and a literal "_x" as "_x005F_x"; returns the text with those decoded, an unpaired
// surrogate as U+FFFD.
std::string decode_escapes(std::string text);

}  // namespace ppid::util::xlsx_detail
