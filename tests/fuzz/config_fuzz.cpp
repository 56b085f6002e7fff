// The office configuration (office.json): any JSON document either validates or is refused with
// an Error naming the file, never a crash or another exception.
#include "fuzz_support.hpp"

#include <ppid/config.hpp>
#include <ppid/error.hpp>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto document = nlohmann::json::parse(data, data + size, nullptr, false);
    if (document.is_discarded()) return 0;
    try {
        const ppid::OfficeConfig config = ppid::parse_config(document, "office.json");
        for (const auto& stage : config.election_stages) ppid::fuzz::check(stage.from <= stage.to, "stages run forwards");
    } catch (const ppid::Error&) {
    }
    return 0;
}
