#include <ppid/util/external_sort.hpp>

#include "support/temp_dir.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cstddef>
#include <filesystem>
#include <iterator>
#include <string>
#include <vector>

using namespace ppid;

namespace {

// `count` records with keys in a scrambled order, many repeated, some with NULs and high bytes.
std::vector<util::SortRecord> generated(std::size_t count) {
    std::vector<util::SortRecord> records;
    for (std::size_t i = 0; i < count; ++i) {
        std::string key = "k" + std::to_string((i * 7919) % 1009);
        if (i % 13 == 0) key += std::string(1, '\0') + "nul";
        if (i % 17 == 0) key += "\xc3\xa9";
        records.push_back(util::SortRecord{key, i + 1, "line " + std::to_string(i + 1) + std::string(i % 50, 'x')});
    }
    return records;
}

// Returns `records` after passing through a sorter with these limits.
std::vector<util::SortRecord> sorted_by(std::vector<util::SortRecord> records, std::size_t memory, std::size_t fan_in,
                                        const std::filesystem::path& dir) {
    util::ExternalSorter sorter(util::ExternalSortOptions{memory, dir, fan_in, "external-sort-test"});
    for (auto& record : records) sorter.add(std::move(record));
    sorter.finish();
    std::vector<util::SortRecord> out;
    util::SortRecord record;
    while (sorter.next(record)) out.push_back(record);
    return out;
}

bool same(const std::vector<util::SortRecord>& a, const std::vector<util::SortRecord>& b) {
    return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](const auto& x, const auto& y) {
        return x.key == y.key && x.line == y.line && x.text == y.text;
    });
}

}  // namespace

TEST_CASE("records sorted through a tiny buffer match std::sort and leave no files", "[external_sort]") {
    const test::TempDir dir("ppid-external-sort-test-");
    auto expected = generated(4000);
    const auto input = expected;
    std::sort(expected.begin(), expected.end(), util::sorts_before);

    SECTION("in memory") { CHECK(same(sorted_by(input, std::size_t{1} << 30, 64, dir.path()), expected)); }
    SECTION("spilled runs merged in several passes, two at a time") {
        CHECK(same(sorted_by(input, 512, 2, dir.path()), expected));
    }
    SECTION("spilled runs merged four at a time") { CHECK(same(sorted_by(input, 2048, 4, dir.path()), expected)); }
    SECTION("a run of one record each") { CHECK(same(sorted_by(input, 1, 3, dir.path()), expected)); }
    CHECK(std::distance(std::filesystem::directory_iterator(dir.path()), std::filesystem::directory_iterator()) == 0);
}

TEST_CASE("equal keys come out in line order", "[external_sort]") {
    const test::TempDir dir("ppid-external-sort-test-");
    std::vector<util::SortRecord> input;
    for (std::size_t line = 300; line > 0; --line) input.push_back(util::SortRecord{"same", line, std::to_string(line)});
    const auto out = sorted_by(input, 256, 2, dir.path());
    REQUIRE(out.size() == 300);
    for (std::size_t i = 0; i < out.size(); ++i) CHECK(out[i].line == i + 1);
}

TEST_CASE("nothing added gives nothing", "[external_sort]") {
    const test::TempDir dir("ppid-external-sort-test-");
    CHECK(sorted_by({}, 16, 2, dir.path()).empty());
}

TEST_CASE("a folder that cannot hold temporary files is named in the error", "[external_sort]") {
    const test::TempDir dir("ppid-external-sort-test-");
    util::ExternalSorter sorter(util::ExternalSortOptions{1, dir / "missing", 2, "external-sort-test"});
    CHECK_THROWS_WITH(sorter.add(util::SortRecord{"a", 1, "a"}),
                      Catch::Contains("cannot create a temporary file in " + (dir / "missing").string()));
}
