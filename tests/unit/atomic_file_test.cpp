#include <ppid/util/atomic_file.hpp>
#include <ppid/util/temp_folder.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

using namespace ppid;

namespace {

std::string read_whole(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

TEST_CASE("a file is replaced whole and no temporary is left", "[atomic-file]") {
    util::TempFolder folder("ppid-atomic-test");
    const std::filesystem::path path = std::filesystem::path(folder.path()) / "laporan.html";
    util::write_file_atomically(path, "lama");
    util::write_file_atomically(path, "baru\n");
    CHECK(read_whole(path) == "baru\n");
    std::size_t files = 0;
    for (const auto& entry : std::filesystem::directory_iterator(folder.path())) {
        (void)entry;
        ++files;
    }
    CHECK(files == 1);
    const auto permissions = std::filesystem::status(path).permissions();
    CHECK((permissions & std::filesystem::perms::owner_read) != std::filesystem::perms::none);
}

TEST_CASE("a file in a missing folder is an error naming it", "[atomic-file]") {
    util::TempFolder folder("ppid-atomic-test");
    const std::filesystem::path path = std::filesystem::path(folder.path()) / "no-such-folder" / "laporan.csv";
    CHECK_THROWS_WITH(util::write_file_atomically(path, "x"),
                      Catch::Contains("cannot write " + path.string()) && Catch::Contains("No such file"));
}
