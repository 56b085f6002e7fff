#include "support/temp_dir.hpp"

#include <ppid/error.hpp>
#include <ppid/tool_dispatch.hpp>

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>

namespace {

namespace fs = std::filesystem;

fs::path write_program(const fs::path& path, const std::string& body, bool executable = true) {
    fs::create_directories(path.parent_path());
    std::ofstream(path) << "#!/bin/sh\n" << body;
    fs::permissions(path, executable ? fs::perms::owner_all : fs::perms::owner_read | fs::perms::owner_write);
    return path;
}

}  // namespace

TEST_CASE("a tool name becomes its program name", "[tool_dispatch]") {
    CHECK(ppid::tool_program_name("crawl") == "ppid-crawl");
    CHECK(ppid::tool_program_name("ppid-crawl") == "ppid-crawl");
    CHECK_THROWS_AS(ppid::tool_program_name(""), ppid::UsageError);
    CHECK_THROWS_AS(ppid::tool_program_name("--help"), ppid::UsageError);
    CHECK_THROWS_AS(ppid::tool_program_name("../../bin/sh"), ppid::UsageError);
}

TEST_CASE("tools are found in the dispatcher's folder first, then on PATH", "[tool_dispatch]") {
    ppid::test::TempDir dir;
    const auto own = dir / "own", first = dir / "first", second = dir / "second";
    write_program(own / "ppid-crawl", "echo own\n");
    write_program(first / "ppid-crawl", "echo first\n");
    write_program(first / "ppid-index", "echo first\n", false);  // not executable: skipped
    write_program(second / "ppid-index", "echo second\n");
    write_program(second / "ppid-report", "exit 3\n");
    const ppid::ToolSearch search{own, first.string() + ":" + second.string()};

    CHECK(ppid::find_tool("ppid-crawl", search) == own / "ppid-crawl");
    CHECK(ppid::find_tool("ppid-index", search) == second / "ppid-index");
    CHECK_FALSE(ppid::find_tool("ppid-stats", search).has_value());

    const auto tools = ppid::list_tools(search);
    REQUIRE(tools.size() == 3);
    CHECK(tools[0].name == "ppid-crawl");
    CHECK(tools[0].path == own / "ppid-crawl");
    CHECK(tools[1].name == "ppid-index");
    CHECK(tools[1].path == second / "ppid-index");
    CHECK(tools[2].name == "ppid-report");
}

TEST_CASE("a tool's summary is the first line of its --help", "[tool_dispatch]") {
    ppid::test::TempDir dir;
    const auto good = write_program(dir / "ppid-good", "[ \"$1\" = --help ] || exit 2\necho 'Does one thing well'\necho 'Usage: ...'\n");
    const auto bad = write_program(dir / "ppid-bad", "echo 'half a summary'\nexit 2\n");
    CHECK(ppid::tool_summary(good) == "Does one thing well");
    CHECK(ppid::tool_summary(bad).empty());
    CHECK(ppid::tool_summary(dir / "ppid-missing").empty());
}

TEST_CASE("programs run quietly report their exit status", "[tool_dispatch]") {
    ppid::test::TempDir dir;
    CHECK(ppid::run_quietly(write_program(dir / "three", "echo noise; echo more >&2; exit 3\n").string(), {}) == 3);
    CHECK(ppid::run_quietly((dir / "absent").string(), {}) == std::nullopt);
}

TEST_CASE("man pages are looked for beside the install (compressed), then in the source tree", "[tool_dispatch]") {
    const auto candidates = ppid::man_page_candidates("ppid-daily.1", "/opt/ppid/bin");
    REQUIRE(candidates.size() == 3);
    CHECK(candidates[0] == fs::path("/opt/ppid/share/man/man1/ppid-daily.1.gz"));
    CHECK(candidates[2].filename() == "ppid-daily.1");
    CHECK(candidates[2].parent_path().filename() == "man");
}
