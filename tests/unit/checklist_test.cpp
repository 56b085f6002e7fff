#include <ppid/check_match.hpp>
#include <ppid/checklist.hpp>
#include <ppid/error.hpp>

#include <catch2/catch.hpp>

#include <algorithm>

using namespace ppid;
using Json = nlohmann::json;

namespace {

const std::string checklists = std::string(PPID_TEST_DATA_DIR) + "/checklists";

bool matches_item(const ChecklistMatcher& matcher, const std::string& title, std::size_t item) {
    CandidateText text;
    text.title = title;
    const auto found = matcher.match(text);
    return std::any_of(found.begin(), found.end(), [&](const ItemMatch& m) { return m.item == item; });
}

Checklist no_base(const std::string& name) {
    throw Error("no base " + name);
}

}  // namespace

TEST_CASE("every shipped checklist item cites a basis and classifies its own examples", "[checklist]") {
    for (const char* name : {"kpu-kabkota", "kpu-provinsi", "badan-publik"}) {
        const auto checklist = load_checklist(checklists, name);
        const ChecklistMatcher matcher(checklist);
        for (std::size_t i = 0; i < checklist.items.size(); ++i) {
            const auto& item = checklist.items[i];
            INFO(name << " " << item.id);
            CHECK_FALSE(item.basis.empty());
            CHECK_FALSE(item.source.empty());
            REQUIRE_FALSE(item.positive_examples.empty());
            REQUIRE_FALSE(item.negative_examples.empty());
            for (const auto& title : item.positive_examples) {
                INFO("should match: " << title);
                CHECK(matches_item(matcher, title, i));
            }
            for (const auto& title : item.negative_examples) {
                INFO("should not match: " << title);
                CHECK_FALSE(matches_item(matcher, title, i));
            }
        }
    }
}

TEST_CASE("no shipped item cites a revoked rule as its basis", "[checklist]") {
    // PKPU 1/2015 was revoked by PKPU 22/2023 (1 November 2023); Kpts KPU 88/2015 was made under it; Perki 1/2010
    // was replaced by Perki 1/2021. They may be named as history in an item's source, never as its basis.
    for (const char* name : {"kpu-kabkota", "kpu-provinsi", "badan-publik"}) {
        const auto checklist = load_checklist(checklists, name);
        for (const auto& item : checklist.items) {
            const auto basis = checklist.basis_of(item);
            INFO(name << " " << item.id << ": " << basis);
            for (const char* revoked : {"PKPU 1/2015", "88/Kpts/KPU/2015", "Perki 1/2010", "Perki 1/2014"})
                CHECK(basis.find(revoked) == std::string::npos);
        }
    }
    const auto kpu = load_checklist(checklists, "kpu-kabkota");
    CHECK(kpu.basis_of(*kpu.find("layanan.sop")).find("PKPU 22/2023 sebagaimana diubah PKPU 11/2024 dan PKPU 4/2025") !=
          std::string::npos);
    const auto umum = load_checklist(checklists, "badan-publik");
    CHECK(umum.basis_of(*umum.find("layanan.sop")).find("PKPU") == std::string::npos);
}

TEST_CASE("every item's cycle matches the kind of basis it cites, or says why not", "[checklist]") {
    // UU 14/2008 Pasal 12 is yearly; berkala information (UU Pasal 9, Perki 1/2021's list, Perki 1/2019 Pasal 6
    // ayat (1)) at least every 6 months; serta merta (Pasal 10) is announced once, when it happens.
    const auto checklist = load_checklist(checklists, "kpu-kabkota");
    for (const auto& item : checklist.items) {
        const auto& basis = item.basis;
        const auto cites = [&](const char* text) { return basis.find(text) != std::string::npos; };
        const auto& cycle = item.cycle;
        bool agrees = true;
        if (cites("UU 14/2008 Pasal 12")) agrees = cycle.kind == UpdateCycle::Kind::yearly;
        else if (cites("Pasal 9") || cites("informasi berkala") || cites("Pasal 6 ayat (1)"))
            agrees = cycle.kind == UpdateCycle::Kind::months && cycle.months <= 6;
        else if (cites("Pasal 10")) agrees = cycle.kind == UpdateCycle::Kind::once;
        INFO(item.id << " (" << cycle.label() << "): " << basis);
        CHECK((agrees || !item.cycle_note.empty()));
        if (cycle.kind == UpdateCycle::Kind::yearly && cycle.assumed) CHECK_FALSE(item.cycle_note.empty());
    }
    const auto* summary = checklist.find("berkala.ringkasan-akses");
    REQUIRE(summary);
    CHECK(summary->cycle.kind == UpdateCycle::Kind::yearly);
    const auto* dip = checklist.find("layanan.dip");
    CHECK(dip->cycle.assumed);
    CHECK(dip->cycle.grace_days > 0);
}

TEST_CASE("which kinds of evidence satisfy an item is data; forms are forms", "[checklist]") {
    const auto checklist = load_checklist(checklists, "kpu-kabkota");
    for (const auto& item : checklist.items) {
        INFO(item.id);
        CHECK_FALSE(item.evidence.empty());
        CHECK(std::find(item.evidence.begin(), item.evidence.end(), EvidenceKind::mention) == item.evidence.end());
    }
    for (const char* id : {"layanan.formulir-permohonan", "layanan.formulir-keberatan"})
        CHECK(checklist.find(id)->evidence == std::vector<EvidenceKind>{EvidenceKind::form, EvidenceKind::document});
    CHECK(checklist.find("berkala.profil")->evidence ==
          std::vector<EvidenceKind>{EvidenceKind::document, EvidenceKind::page});
    // The law as it stands: items of UU 14/2008 Pasal 11 ayat (1) e-g, Perki 1/2019 and the quarterly PDPB recap.
    for (const char* id : {"setiap-saat.perjanjian", "setiap-saat.pertemuan-terbuka", "setiap-saat.prosedur-kerja",
                           "layanan.biaya-salinan", "pemilu.hak-kewajiban", "pemilu.partisipasi", "pemilu.dip-pemilu",
                           "pemilu.register-pemilu"}) {
        INFO(id);
        CHECK(checklist.find(id));
    }
    const auto* pdpb = checklist.find("pemilu.pdpb");
    REQUIRE(pdpb);
    CHECK(pdpb->applies == Applies::always);  // published every quarter outside election stages
    CHECK(pdpb->cycle.label() == "3M");
}

TEST_CASE("the default checklist has the items of issue 6", "[checklist]") {
    const auto checklist = load_checklist(checklists, "kpu-kabkota");
    for (const char* id :
         {"layanan.profil-ppid", "layanan.maklumat", "layanan.sop", "layanan.formulir-permohonan",
          "layanan.formulir-keberatan", "layanan.tata-cara-sengketa", "layanan.dip", "layanan.dik",
          "layanan.laporan-layanan", "layanan.register-permohonan", "berkala.profil", "berkala.profil-pimpinan",
          "berkala.program-kegiatan", "berkala.kinerja", "berkala.laporan-keuangan", "berkala.dipa",
          "berkala.daftar-aset", "berkala.ringkasan-akses", "berkala.regulasi", "berkala.pengadaan", "berkala.lhkpn",
          "berkala.agenda", "berkala.prosedur-darurat", "berkala.tata-cara-informasi", "pemilu.tahapan-jadwal",
          "pemilu.daftar-pemilih", "pemilu.peserta", "pemilu.dana-kampanye", "pemilu.hasil", "pemilu.badan-adhoc",
          "serta-merta.informasi", "setiap-saat.keputusan"}) {
        INFO(id);
        CHECK(checklist.find(id));
    }
    const auto* report = checklist.find("layanan.laporan-layanan");
    REQUIRE(report);
    CHECK(report->cycle.kind == UpdateCycle::Kind::yearly);
    CHECK(report->cycle.due_month == 3);
    CHECK(report->cycle.due_day == 31);
    CHECK(report->cycle.due_next_year);
    CHECK(checklist.find("berkala.laporan-keuangan")->cycle.label() == "6M");
    CHECK(checklist.find("pemilu.hasil")->applies == Applies::election_stage);
}

TEST_CASE("a checklist with a base replaces and removes items", "[checklist]") {
    const auto provinsi = load_checklist(checklists, "kpu-provinsi");
    const auto kabkota = load_checklist(checklists, "kpu-kabkota");
    CHECK(provinsi.items.size() == kabkota.items.size());
    CHECK(provinsi.find("layanan.dik")->weight == 3);
    const auto umum = load_checklist(checklists, "badan-publik");
    CHECK_FALSE(umum.find("pemilu.hasil"));
    CHECK(umum.find("berkala.lhkpn"));
}

TEST_CASE("bad checklist data is an error naming the item and key", "[checklist]") {
    const auto item = R"({"id": "x.y", "category": "berkala", "title": "T", "title_en": "T", "basis": "UU 14/2008 Pasal 9",
        "source": "s", "confidence": "primary", "cycle": "6M", "weight": 2, "match": {"keywords": ["laporan"]},
        "upload": "u", "upload_en": "u", "examples": {"match": ["Laporan"], "no_match": ["Foto"]}})";
    const auto with = [&](const std::string& key, const std::string& value) {
        auto json = Json::parse(item);
        if (value.empty()) json.erase(key);
        else json[key] = Json::parse(value);
        return Json{{"checklist", "c"}, {"title", "t"}, {"title_en", "t"}, {"items", Json::array({json})}};
    };
    CHECK(parse_checklist(with("weight", "2"), "c.json", no_base).items.size() == 1);
    CHECK_THROWS_WITH(parse_checklist(with("basis", ""), "c.json", no_base), "x.y: needs \"basis\"");
    CHECK_THROWS_WITH(parse_checklist(with("cycle", "\"1W\""), "c.json", no_base), Catch::StartsWith("x.y: \"cycle\" must be"));
    CHECK_THROWS_WITH(parse_checklist(with("cycle", R"({"per": "year", "due": "02-29", "due_year": "next"})"), "c.json", no_base),
                      "x.y.cycle: \"due\" must be a day of the year MM-DD, not 02-29");
    CHECK_THROWS_WITH(parse_checklist(with("category", "\"umum\""), "c.json", no_base), "x.y: unknown category \"umum\"");
    CHECK_THROWS_WITH(parse_checklist(with("examples", R"({"match": ["a"]})"), "c.json", no_base),
                      "x.y.examples: needs \"no_match\"");
    CHECK_THROWS_WITH(parse_checklist(with("keywords", "1"), "c.json", no_base), "x.y: unknown key \"keywords\"");
    CHECK_THROWS_WITH(parse_checklist(with("evidence", R"(["document", "mention"])"), "c.json", no_base),
                      "x.y: \"evidence\" cannot accept a mention: a page that only names the item does not publish it");
    CHECK_THROWS_WITH(parse_checklist(with("evidence", R"(["pdf"])"), "c.json", no_base),
                      "x.y: \"evidence\" must list document, page or form, not \"pdf\"");
    CHECK(parse_checklist(with("evidence", R"(["form"])"), "c.json", no_base).items[0].evidence ==
          std::vector<EvidenceKind>{EvidenceKind::form});
    CHECK(parse_checklist(with("ahead", "true"), "c.json", no_base).items[0].cycle.ahead);
    CHECK_THROWS_WITH(parse_checklist(with("ahead", "\"yes\""), "c.json", no_base), "x.y: \"ahead\" must be true or false");
    CHECK_THROWS_WITH(
        parse_checklist(with("cycle", R"({"per": "year", "due": "01-31", "due_year": "same", "grace_days": 400})"),
                        "c.json", no_base),
        "x.y.cycle: \"grace_days\" must be a whole number from 0 to 365");
    try {
        parse_checklist(with("weight", "-1"), "c.json", no_base);
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(e.where().file == "c.json");
    }
}

TEST_CASE("a checklist is found by name or by path", "[checklist]") {
    CHECK(resolve_data_file("/d", "kpu-kabkota") == "/d/kpu-kabkota.json");
    CHECK(resolve_data_file("/d", "./mine.json") == "./mine.json");
    CHECK(resolve_data_file("/d", "mine.json") == "mine.json");
    CHECK(resolve_data_file("/d", "jateng-2020", "bands-") == "/d/bands-jateng-2020.json");
    CHECK_THROWS_WITH(load_checklist(checklists, "kpu-kecamatan"), Catch::StartsWith("cannot open checklist"));
}
