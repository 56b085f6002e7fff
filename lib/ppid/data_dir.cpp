#include <ppid/data_dir.hpp>
#include <ppid/error.hpp>

#include <system_error>
#include <vector>

namespace ppid {

namespace fs = std::filesystem;

namespace {

bool looks_like_data_dir(const fs::path& dir) {
    std::error_code ec;
    return fs::is_directory(dir / "calendars", ec);
}

}  // namespace

fs::path find_data_dir(const DataDirSearch& search) {
    if (search.env_override && !search.env_override->empty()) {
        const fs::path dir{*search.env_override};
        if (!looks_like_data_dir(dir))
            throw Error("PPID_DATA_DIR=" + dir.string() + " has no calendars/ folder");
        return dir;
    }
    std::vector<fs::path> candidates;
    if (!search.executable_dir.empty())
        candidates.push_back(search.executable_dir / ".." / "share" / "ppid");
    candidates.emplace_back(PPID_INSTALL_DATADIR);
    candidates.emplace_back(PPID_SOURCE_DATADIR);
    std::string tried;
    for (const auto& dir : candidates) {
        if (looks_like_data_dir(dir)) return dir.lexically_normal();
        tried += (tried.empty() ? "" : ", ") + dir.lexically_normal().string();
    }
    throw Error("cannot find the ppid data folder (tried " + tried + "); set PPID_DATA_DIR");
}

fs::path current_executable_dir() {
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    return ec ? fs::path{} : exe.parent_path();
}

}  // namespace ppid
