// Dates as offices type them in registers: parse_written_date, and Excel serials read from text.
#include "fuzz_support.hpp"

#include <ppid/indonesian_date.hpp>

#include <cstring>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text = ppid::fuzz::text_of(data, size);
    const ppid::WrittenDate written = ppid::parse_written_date(text);
    ppid::fuzz::check(written.day.has_value() == written.error.empty(), "a date xor an error");
    ppid::fuzz::check(written.day || !written.time_of_day, "no time without a date");
    if (written.time_of_day)
        ppid::fuzz::check(written.time_of_day->count() >= 0 && written.time_of_day->count() < 24 * 60,
                          "time of day within the day");

    if (size == sizeof(double)) {
        double serial = 0;
        std::memcpy(&serial, data, sizeof serial);
        (void)ppid::excel_serial_to_date(serial);
    }
    return 0;
}
