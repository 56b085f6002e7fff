#include <ppid/util/atomic_file.hpp>
#include <ppid/util/temp_folder.hpp>

#include <catch2/catch.hpp>

#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
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

TEST_CASE("a temporary folder whose owner died is removed by the next one, a live one is not", "[temp-folder]") {
    util::TempFolder scratch("ppid-temp-test");  // a TMPDIR of the test's own
    const std::string dir = scratch.path();
    const auto folders_named = [&](const std::string& name) {
        std::size_t count = 0;
        for (const auto& entry : std::filesystem::directory_iterator(dir))
            count += entry.path().filename().string().rfind(name + "-", 0) == 0;
        return count;
    };
    ::setenv("TMPDIR", dir.c_str(), 1);
    {
        // A child holds a folder and dies without cleaning up, as a crawl killed with -9 does.
        const pid_t child = ::fork();
        REQUIRE(child >= 0);
        if (child == 0) {
            util::TempFolder abandoned("ppid-crawl");
            std::ofstream(abandoned.path() + "/body-1") << "halaman";
            ::_exit(0);  // no destructor runs
        }
        int status = 0;
        ::waitpid(child, &status, 0);
    }
    REQUIRE(folders_named("ppid-crawl") == 1);
    {
        util::TempFolder alive("ppid-crawl");
        CHECK(folders_named("ppid-crawl") == 1);  // the dead one gone, this one made
        CHECK(util::remove_abandoned_temp_folders(dir, "ppid-crawl") == 0);  // its lock is held
        CHECK(std::filesystem::exists(alive.path()));
        CHECK(std::filesystem::is_empty(alive.path()));
    }
    CHECK(folders_named("ppid-crawl") == 0);
    ::unsetenv("TMPDIR");
}
