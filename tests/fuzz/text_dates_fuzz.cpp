// Dates found in titles, file names and first pages: find_dates.
#include "fuzz_support.hpp"

#include <ppid/text_dates.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = ppid::fuzz::text_of(data, size);
    std::size_t previous = 0;
    for (const ppid::FoundDate& found : ppid::find_dates(text)) {
        ppid::fuzz::check(found.length > 0 && found.offset + found.length <= size, "a date lies inside the text");
        ppid::fuzz::check(found.offset >= previous, "dates in the order they appear");
        previous = found.offset;
    }
    return 0;
}
