// The period a document covers, from its title or first page: find_period.
#include "fuzz_support.hpp"

#include <ppid/text_periods.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto period = ppid::find_period(ppid::fuzz::text_of(data, size));
    if (!period) return 0;
    ppid::fuzz::check(period->start <= period->end, "a period starts before it ends");
    ppid::fuzz::check(!period->text.empty() && !period->kind.empty(), "a period has a label and a kind");
    return 0;
}
