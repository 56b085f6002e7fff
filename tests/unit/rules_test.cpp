#include "test_support.hpp"

#include <ppid/regime.hpp>

#include <catch2/catch.hpp>

using namespace ppid;
using ppid::test::day;

TEST_CASE("the shipped rule sets carry the numbers of DESIGN.md with their basis", "[rules]") {
    const auto& rules = test::shipped_rules();
    const RuleSet* umum = rules.find("umum");
    const RuleSet* pemilu = rules.find("pemilu");
    REQUIRE(umum);
    REQUIRE(pemilu);
    const std::vector<std::pair<Stage, std::pair<int, int>>> expected{
        {Stage::response, {10, 3}},           {Stage::extension, {7, 2}},
        {Stage::objection_window, {30, 30}},  {Stage::objection_response, {30, 3}},
        {Stage::dispute_filing, {14, 14}},    {Stage::dispute_resolution, {100, 14}}};
    for (const auto& [stage, days] : expected) {
        INFO(to_string(stage));
        CHECK(umum->rule(stage).days == days.first);
        CHECK(pemilu->rule(stage).days == days.second);
        CHECK(umum->rule(stage).unit == DayUnit::working);
        CHECK_THAT(umum->rule(stage).basis, Catch::StartsWith("UU 14/2008 Pasal"));
        CHECK(umum->rule(stage).confidence == "primary");
        CHECK(umum->rule(stage).uncertainty_note().empty());
        CHECK_FALSE(pemilu->rule(stage).uncertainty_note().empty());
    }
    CHECK(pemilu->rule(Stage::dispute_filing).numbers_from == "umum");
    CHECK(pemilu->rule(Stage::objection_window).confidence == "official");
}

TEST_CASE("the regime comes from the record, the option, the election stages, then umum", "[rules]") {
    const auto& rules = test::shipped_rules();
    const std::vector<ElectionStage> stages{{day("2022-06-14"), day("2024-10-20"), "Pemilu 2024"}};
    CHECK(choose_regime(rules, std::string("umum"), std::string("pemilu"), stages, day("2024-01-02")).source == "record");
    CHECK(choose_regime(rules, std::nullopt, std::string("umum"), stages, day("2024-01-02")).source == "option");
    const auto staged = choose_regime(rules, std::nullopt, std::nullopt, stages, day("2024-10-20"));
    CHECK(staged.rules->regime == "pemilu");
    CHECK(staged.stage_name == "Pemilu 2024");
    const auto after = choose_regime(rules, std::nullopt, std::nullopt, stages, day("2024-10-21"));
    CHECK(after.rules->regime == "umum");
    CHECK(after.source == "default");
    CHECK_THROWS_WITH(choose_regime(rules, std::string("darurat"), std::nullopt, stages, day("2024-01-02")),
                      "unknown regime \"darurat\" (known: pemilu, umum)");
}
