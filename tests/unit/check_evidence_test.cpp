#include "test_support.hpp"

#include <ppid/check_evidence.hpp>
#include <ppid/check_item_evidence.hpp>
#include <ppid/checklist.hpp>

#include <catch2/catch.hpp>

using namespace ppid;

namespace {

PageFacts named_page(std::string_view url, std::string_view title) {
    PageFacts page;
    page.url = url;
    page.title = title;
    page.named_by_itself = true;
    return page;
}

ChecklistItem item_taking(std::vector<EvidenceKind> kinds, UpdateCycle cycle = {}) {
    ChecklistItem item;
    item.id = "x.y";
    item.evidence = std::move(kinds);
    item.cycle = cycle;
    return item;
}

Evidence piece(const std::string& location, EvidenceKind kind, bool usable = true, const char* day = nullptr) {
    Evidence evidence;
    evidence.identity = location;
    evidence.is_url = true;
    evidence.location = location;
    evidence.kind = kind;
    evidence.usable = usable;
    if (day) evidence.date = test::day(day);
    return evidence;
}

std::vector<std::string> locations(const ItemEvidence::Outcome& outcome) {
    std::vector<std::string> result;
    for (const auto& evidence : outcome.shown) result.push_back(evidence.location);
    return result;
}

}  // namespace

TEST_CASE("a page is the information only when it names the item and its own text carries it", "[evidence]") {
    auto maklumat = named_page("https://boyolalikabppid.kpu.go.id/maklumat", "Maklumat Pelayanan Informasi Publik");
    maklumat.text_chars = 1450;
    const auto page = classify_page(maklumat, false);
    CHECK(page.kind == EvidenceKind::page);
    CHECK(page.why == "its title or heading names the item and its own text has 1450 characters");

    // Without the crawl's text_chars nothing shows the page carries the item: the safe side is a mention.
    maklumat.text_chars.reset();
    CHECK(classify_page(maklumat, false).kind == EvidenceKind::mention);
    maklumat.text_chars = page_text_minimum - 1;
    CHECK(classify_page(maklumat, false).kind == EvidenceKind::mention);

    auto linked_only = named_page("https://kab-contoh.kpu.go.id/page/read/ppid", "PPID");
    linked_only.named_by_itself = false;
    linked_only.text_chars = 5000;
    CHECK(classify_page(linked_only, false).why ==
          "only the links to the page name the item, not its title, heading or address");
}

TEST_CASE("news posts, listings and reports of events are mentions whatever their text", "[evidence]") {
    for (const char* url : {"https://kab-pati.kpu.go.id/index.php/blog/category/104?page=110",
                            "https://kab-grobogan.kpu.go.id/blog/read/9297_rapat-pleno-dpb",
                            "https://kab-contoh.kpu.go.id/berita/laporan-keuangan-2023", "https://x.go.id/?p=123",
                            "https://x.go.id/index.php?page=2"}) {
        INFO(url);
        auto post = named_page(url, "Laporan Keuangan 2023");
        post.text_chars = 4000;
        CHECK(classify_page(post, true).kind == EvidenceKind::mention);
        CHECK(is_post_or_listing_url(url));
    }
    CHECK_FALSE(is_post_or_listing_url("https://semarangkotappid.kpu.go.id/profil_ppid"));
    CHECK_FALSE(is_post_or_listing_url("https://jateng.kpu.go.id/page/read/frequently-ask-question-faq"));
    auto meeting = named_page("https://kab-contoh.kpu.go.id/page/read/dpb", "KPU Gelar Rapat Pleno Rekapitulasi DPB");
    meeting.text_chars = 2000;
    CHECK(classify_page(meeting, false).kind == EvidenceKind::mention);
    CHECK(reports_an_event("Sosialisasi PKPU 4/2025"));
    CHECK_FALSE(reports_an_event("Profil Singkat PPID"));
}

TEST_CASE("a form page with fields is a form for the items that take forms", "[evidence]") {
    auto form = named_page("https://boyolalikabppid.kpu.go.id/formulir-permohonan", "Formulir Permohonan Informasi");
    form.form_fields = 7;
    const auto verdict = classify_page(form, true);
    CHECK(verdict.kind == EvidenceKind::form);
    CHECK(verdict.why == "an online form with 7 fields");
    // A search box is not a request form; an item that takes no forms sees the page as a page or a mention.
    form.form_fields = 1;
    CHECK(classify_page(form, true).kind == EvidenceKind::mention);
    form.form_fields = 7;
    CHECK(classify_page(form, false).kind == EvidenceKind::mention);
}

namespace {

EvidenceKind checked_link(std::string_view url, std::string_view final_url = "") {
    return classify_link({url, true, final_url, "", 0}).kind;
}

}  // namespace

TEST_CASE("a checked link not followed is a document, a form or a mention by its address", "[evidence]") {
    CHECK(checked_link("https://jdih.kpu.go.id/data/data_pkpu/2023pkpu022.pdf") == EvidenceKind::document);
    CHECK(checked_link("https://x.go.id/files/DIP%202024.XLSX?download=1") == EvidenceKind::document);
    CHECK(checked_link("https://forms.gle/AbC123") == EvidenceKind::form);
    CHECK(checked_link("https://docs.google.com/forms/d/e/1FAIpQL/viewform") == EvidenceKind::form);
    // A file shared on Google Drive is a document, though its address names no file type; a folder is not.
    CHECK(checked_link("https://docs.google.com/document/d/1/edit") == EvidenceKind::document);
    CHECK(checked_link("https://drive.google.com/file/d/1LhKpN/view?usp=sharing") == EvidenceKind::document);
    CHECK(checked_link("https://drive.google.com/drive/folders/1AbC") == EvidenceKind::mention);
    CHECK(checked_link("https://jdih.kpu.go.id/blog/read/24985/pkpu") == EvidenceKind::mention);
    CHECK(checked_link("https://x.go.id/v1.2/daftar") == EvidenceKind::mention);
    // A short link is what it led to.
    CHECK(checked_link("https://s.id/DIP-KPU-2024", "https://drive.google.com/file/d/1AbC/view") == EvidenceKind::document);
    CHECK(checked_link("https://bit.ly/skm-kpu", "https://docs.google.com/forms/d/e/1FAIpQL/viewform") == EvidenceKind::form);
    CHECK(checked_link("https://s.id/kpu-berita", "https://kab-contoh.kpu.go.id/blog/read/1") == EvidenceKind::mention);
    CHECK(checked_link("https://s.id/DIP", "https://accounts.google.com/ServiceLogin?continue=x") == EvidenceKind::mention);
}

TEST_CASE("a link the crawl never checked is never more than a mention", "[evidence]") {
    // A dead or private Drive file, or a PDF gone from another site, must not make an item ok.
    for (const auto* url : {"https://drive.google.com/file/d/1LhKpN/view", "https://jdih.kpu.go.id/a/pkpu.pdf",
                            "https://forms.gle/AbC123", "https://s.id/DIP-KPU-2024"}) {
        const auto verdict = classify_link({url, false, "", "", 0});
        CHECK(verdict.kind == EvidenceKind::mention);
        CHECK(verdict.why.find("never opened") != std::string::npos);
    }
    CHECK(classify_link({"https://kpu.go.id/", false, "", "", 0}).why.find("not read") != std::string::npos);
}

TEST_CASE("a checked link the crawl could not reach is not known to open; a dead or private one is a document that does not",
          "[evidence]") {
    // The crawling machine's network or the other site's rate limit says nothing of the file.
    for (const auto& [failure, status] : std::vector<std::pair<std::string_view, long long>>{
             {"dns", 0}, {"timeout", 0}, {"connection", 0}, {"http_4xx", 429}}) {
        const auto verdict = classify_link({"https://drive.google.com/file/d/1Ab/view", true, "", failure, status});
        CHECK(verdict.kind == EvidenceKind::mention);
        CHECK(verdict.unopened);
        CHECK(verdict.why.find("could not be reached") != std::string::npos);
    }
    // A 404 or a sign-in page is what a visitor gets too: a document, and the record's problems make it unusable.
    CHECK(classify_link({"https://jdih.kpu.go.id/a/pkpu.pdf", true, "", "http_4xx", 404}).kind == EvidenceKind::document);
    CHECK(classify_link({"https://jdih.kpu.go.id/a/pkpu.pdf", true, "", "http_5xx", 503}).kind == EvidenceKind::document);
    CHECK(classify_link({"https://drive.google.com/file/d/1Ab/view", true, "https://accounts.google.com/ServiceLogin", "", 200})
              .kind == EvidenceKind::document);
}

TEST_CASE("evidence kinds are named and never accept a mention", "[evidence]") {
    for (const auto kind : {EvidenceKind::document, EvidenceKind::page, EvidenceKind::form, EvidenceKind::mention})
        CHECK(parse_evidence_kind(to_string(kind)) == kind);
    CHECK_FALSE(parse_evidence_kind("link"));
    const std::vector<EvidenceKind> forms{EvidenceKind::form, EvidenceKind::document};
    CHECK(evidence_strength(EvidenceKind::form, true, forms) < evidence_strength(EvidenceKind::document, true, forms));
    CHECK(evidence_strength(EvidenceKind::document, true, forms) < evidence_strength(EvidenceKind::form, false, forms));
    CHECK(evidence_strength(EvidenceKind::form, false, forms) < evidence_strength(EvidenceKind::mention, true, forms));
    // A kind the item does not take ranks with the mentions.
    CHECK(evidence_strength(EvidenceKind::page, true, forms) > evidence_strength(EvidenceKind::form, false, forms));
}

TEST_CASE("the strongest and newest come first, at most N, every piece counted", "[evidence]") {
    const auto item = item_taking({EvidenceKind::document, EvidenceKind::page});
    ItemEvidence evidence(item, 2);
    evidence.add_page(piece("https://x/berita/lk", EvidenceKind::mention));
    evidence.add_final(piece("https://x/lk-2021.pdf", EvidenceKind::document, true, "2021-07-01"));
    evidence.add_final(piece("https://x/lk-2023.pdf", EvidenceKind::document, true, "2023-07-01"));
    evidence.add_final(piece("https://x/lk-2024.pdf", EvidenceKind::document, false, "2024-07-01"));
    evidence.add_final(piece("https://x/lk-2022.pdf", EvidenceKind::document, true, "2022-07-01"));
    evidence.add_final(piece("https://x/lk-2022.pdf", EvidenceKind::document, true, "2022-07-01"));  // once
    const auto outcome = evidence.finish(test::day("2024-08-29"));
    CHECK(outcome.judgement.status == ItemStatus::ok);
    CHECK(locations(outcome) == std::vector<std::string>{"https://x/lk-2023.pdf", "https://x/lk-2022.pdf"});
    CHECK(outcome.total == 5);
    CHECK_FALSE(outcome.mention);  // it is published: the mention changes nothing

    ItemEvidence none(item, 0);
    none.add_final(piece("https://x/lk.pdf", EvidenceKind::document));
    CHECK(none.finish(test::day("2024-08-29")).shown.empty());
    CHECK(none.finish(test::day("2024-08-29")).total == 1);
}

TEST_CASE("a mention alone never publishes an item", "[evidence]") {
    const auto item = item_taking({EvidenceKind::document, EvidenceKind::page});
    ItemEvidence evidence(item, 5);
    evidence.add_page(piece("https://x/blog/read/1_rapat-pleno-dpt", EvidenceKind::mention));
    evidence.add_final(piece("https://other/page", EvidenceKind::mention));
    const auto outcome = evidence.finish(test::day("2024-08-29"));
    CHECK(outcome.judgement.status == ItemStatus::missing);
    REQUIRE(outcome.mention);
    CHECK(outcome.total == 2);

    // A form does not satisfy an item that takes documents and pages only.
    ItemEvidence form_only(item, 5);
    form_only.add_page(piece("https://x/formulir", EvidenceKind::form));
    CHECK(form_only.finish(test::day("2024-08-29")).judgement.status == ItemStatus::missing);
}

TEST_CASE("a page whose link to the item's document is dead is not evidence", "[evidence]") {
    const auto item = item_taking({EvidenceKind::document, EvidenceKind::page});
    ItemEvidence evidence(item, 5);
    evidence.add_page(piece("https://ppid/maklumat", EvidenceKind::page));
    CHECK(evidence.finish(test::day("2024-08-29")).judgement.status == ItemStatus::ok);
    CHECK(evidence.has_page("https://ppid/maklumat"));
    evidence.mark_dead_link("https://ppid/maklumat", "https://ppid/maklumat.pdf");
    const auto outcome = evidence.finish(test::day("2024-08-29"));
    CHECK(outcome.judgement.status == ItemStatus::broken);
    REQUIRE(outcome.dead_mention);
    CHECK(outcome.dead_mention->dead_link == "https://ppid/maklumat.pdf");
    REQUIRE(outcome.shown.size() == 1);
    CHECK(outcome.shown[0].kind == EvidenceKind::mention);
    CHECK(outcome.shown[0].to_json()["dead_link"] == "https://ppid/maklumat.pdf");
}

TEST_CASE("freshness counts every accepted piece, also those not kept", "[evidence]") {
    UpdateCycle six_months;
    six_months.kind = UpdateCycle::Kind::months;
    six_months.months = 6;
    const auto item = item_taking({EvidenceKind::document}, six_months);
    ItemEvidence evidence(item, 1);
    evidence.add_final(piece("https://x/a-dead.pdf", EvidenceKind::document, false, "2024-08-01"));
    evidence.add_final(piece("https://x/b-old.pdf", EvidenceKind::document, true, "2023-01-01"));
    const auto outcome = evidence.finish(test::day("2024-08-29"));
    CHECK(outcome.judgement.status == ItemStatus::stale);  // the usable one is old; the new one is dead
    CHECK(locations(outcome) == std::vector<std::string>{"https://x/b-old.pdf"});
}

TEST_CASE("distinct identities are counted in constant space per identity", "[evidence]") {
    DistinctCounter counter;
    for (int round = 0; round < 3; ++round)
        for (int i = 0; i < 10000; ++i) counter.add("sha256:" + std::to_string(i));
    CHECK(counter.count() == 10000);
}
