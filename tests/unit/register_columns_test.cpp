#include "test_support.hpp"

#include <ppid/decision_text.hpp>
#include <ppid/register_columns.hpp>

#include <catch2/catch.hpp>

using namespace ppid;

namespace {

const ColumnRules& shipped_columns() {
    static const ColumnRules rules = ColumnRules::load(std::string(PPID_TEST_DATA_DIR) + "/registers/columns.json");
    return rules;
}

const DecisionTexts& shipped_decisions() {
    static const DecisionTexts texts = DecisionTexts::load(std::string(PPID_TEST_DATA_DIR) + "/registers/decisions.json");
    return texts;
}

std::vector<std::string> fields_of(const std::vector<std::vector<std::string>>& rows,
                                   std::optional<RegisterKind> kind = std::nullopt) {
    const auto map = find_columns(rows, kind, shipped_columns(), {});
    REQUIRE(map);
    return map->fields;
}

}  // namespace

TEST_CASE("the standard request register's headers are recognised under a title", "[register]") {
    const std::vector<std::vector<std::string>> rows{
        {"REGISTER PERMOHONAN INFORMASI PUBLIK"},
        {"KPU KABUPATEN BOYOLALI TAHUN 2024"},
        {"No", "Tanggal", "Nama", "Alamat", "Nomor Kontak\n(Telp/Faks/HP/Email)", "Pekerjaan", "Informasi yang Diminta",
         "Tujuan Penggunaan Informasi", "Status Informasi (di bawah penguasaan / tidak)",
         "Bentuk Informasi yang Dikuasai", "Jenis Permohonan", "Keputusan (sesuai pemberitahuan tertulis)",
         "Alasan Penolakan", "Hari dan Tanggal Pemberitahuan Tertulis", "Biaya & Cara Pembayaran"}};
    const auto map = find_columns(rows, std::nullopt, shipped_columns(), {});
    REQUIRE(map);
    CHECK(map->kind == RegisterKind::request);
    CHECK(map->header_row == 2);
    CHECK(map->fields == std::vector<std::string>{"number", "received", "requester.name", "requester.address",
                                                  "requester.contact", "requester.occupation", "information", "purpose",
                                                  "information_status", "information_form", "request_kind", "decision",
                                                  "rejection_reason", "answered", "fee"});
}

TEST_CASE("headers are matched whatever their case, spacing and punctuation", "[register]") {
    CHECK(fields_of({{"NO.", "TANGGAL  PERMOHONAN", "NAMA PEMOHON", "INFORMASI YANG DIMINTA", "KEPUTUSAN"}}) ==
          std::vector<std::string>{"number", "received", "requester.name", "information", "decision"});
    CHECK(fields_of({{"No. Pendaftaran", "Tgl", "nama", "Rincian informasi yang dibutuhkan", "Tanggal Perpanjangan"}}) ==
          std::vector<std::string>{"id", "received", "requester.name", "information", "extension_notified"});
}

TEST_CASE("the objection register and the DIP are told apart from requests", "[register]") {
    const auto objection = find_columns(
        {{"No", "Nomor Registrasi Keberatan", "Tanggal Diterimanya Keberatan", "Identitas Pemohon",
          "Nomor Pendaftaran Permohonan Informasi Publik", "Informasi yang Diminta", "Tujuan Penggunaan Informasi",
          "Alasan Pengajuan Keberatan", "Keputusan Atasan PPID", "Hari dan Tanggal Pemberian Tanggapan",
          "Nama dan Posisi Atasan PPID", "Tanggapan Pemohon Informasi"}},
        std::nullopt, shipped_columns(), {});
    REQUIRE(objection);
    CHECK(objection->kind == RegisterKind::objection);
    CHECK(objection->fields == std::vector<std::string>{"number", "id", "received", "requester.name", "request_id",
                                                        "information", "purpose", "reason", "decision", "answered",
                                                        "atasan", "requester_response"});
    const auto dip = find_columns({{"No", "Ringkasan Isi Informasi", "Pejabat/Unit/Satuan Kerja yang Menguasai Informasi",
                                    "Penanggung Jawab Pembuatan atau Penerbitan Informasi",
                                    "Waktu dan Tempat Pembuatan Informasi", "Format/Bentuk Informasi yang Tersedia",
                                    "Jangka Waktu Penyimpanan atau Retensi Arsip", "Kategori"}},
                                  std::nullopt, shipped_columns(), {});
    REQUIRE(dip);
    CHECK(dip->kind == RegisterKind::dip);
    CHECK(dip->fields.back() == "category");
}

TEST_CASE("a --map pair wins over the shipped synonyms; no header row is no match", "[register]") {
    const HeaderMap map{{"tgl masuk surat", "received"}, {"pemohon", "requester.name"}};
    const auto found = find_columns({{"Tgl Masuk Surat", "Pemohon", "Informasi yang Diminta"}}, RegisterKind::request,
                                    shipped_columns(), map);
    REQUIRE(found);
    CHECK(found->fields == std::vector<std::string>{"received", "requester.name", "information"});
    CHECK_FALSE(find_columns({{"Laporan Bulanan"}, {"Nama", "Alamat"}}, std::nullopt, shipped_columns(), {}));
}

TEST_CASE("decision texts map to the four decisions; unknown text is not guessed", "[register]") {
    const auto& texts = shipped_decisions();
    CHECK(texts.request_decision("Dikabulkan") == "granted");
    CHECK(texts.request_decision("Diberikan seluruhnya") == "granted");
    CHECK(texts.request_decision("DIBERIKAN SEBAGIAN") == "partial");
    CHECK(texts.request_decision("Ditolak (informasi dikecualikan)") == "rejected");
    CHECK(texts.request_decision("Tidak dikuasai") == "not_held");
    CHECK(texts.request_decision("Tidak dikabulkan") == "rejected");
    CHECK_FALSE(texts.request_decision("Sedang diproses"));
    CHECK(texts.objection_decision("Menguatkan keputusan PPID") == "rejected");
    CHECK(texts.objection_decision("Diterima") == "granted");
}

TEST_CASE("objection reasons are read as the letters of Pasal 35(1)", "[register]") {
    const auto& texts = shipped_decisions();
    CHECK(texts.objection_reason("a") == 'a');
    CHECK(texts.objection_reason("Pasal 35 ayat (1) huruf c") == 'c');
    CHECK(texts.objection_reason("Permohonan informasi ditolak") == 'a');
    CHECK(texts.objection_reason("Permintaan tidak ditanggapi") == 'c');
    CHECK(texts.objection_reason("Biaya yang dikenakan tidak wajar") == 'f');
    CHECK_FALSE(texts.objection_reason("lainnya"));
}

TEST_CASE("a two-row header joins a group cell and its sub-cells, merged or exported as CSV", "[register]") {
    const std::vector<std::string> expected{"number", "received", "requester.name", "requester.address",
                                            "requester.contact", "requester.occupation", "information", "answered"};
    // CSV and .xls: the group's text stands only in its first cell.
    const std::vector<std::vector<std::string>> csv{
        {"REGISTER PERMOHONAN INFORMASI PUBLIK"},
        {"No", "Tgl.", "Identitas Pemohon", "", "", "", "Informasi yang Diminta", "Tanggal"},
        {"", "", "Nama", "Alamat", "No. HP/WA", "Pekerjaan", "", "Jawaban"},
        {"(1)", "(2)", "(3)", "(4)", "(5)", "(6)", "(7)", "(8)"}};
    const auto map = find_columns(csv, std::nullopt, shipped_columns(), {});
    REQUIRE(map);
    CHECK(map->header_row == 1);
    CHECK(map->header_rows == 2);
    CHECK(map->fields == expected);
    CHECK(map->headers[3] == "Identitas Pemohon Alamat");
    // .xlsx and .ods: merged cells are filled, across and down.
    const std::vector<std::vector<std::string>> filled{
        {"No", "Tgl.", "Identitas Pemohon", "Identitas Pemohon", "Identitas Pemohon", "Identitas Pemohon",
         "Informasi yang Diminta", "Tanggal"},
        {"No", "Tgl.", "Nama", "Alamat", "No. HP/WA", "Pekerjaan", "Informasi yang Diminta", "Jawaban"}};
    CHECK(fields_of(filled) == expected);
}

TEST_CASE("a one-row header under a title is not read as two rows", "[register]") {
    const auto map = find_columns({{"REGISTER KEBERATAN", "REGISTER KEBERATAN", "REGISTER KEBERATAN"},
                                   {"No", "Tanggal Keberatan", "Alasan Keberatan"},
                                   {"1", "29/01/2024", "Permohonan ditolak"}},
                                  std::nullopt, shipped_columns(), {});
    REQUIRE(map);
    CHECK(map->kind == RegisterKind::objection);
    CHECK(map->header_row + map->header_rows == 2);
    CHECK(map->fields == std::vector<std::string>{"number", "received", "reason"});
}

TEST_CASE("header words as offices abbreviate them are recognised", "[register]") {
    for (const std::string received : {"Tgl.", "Tgl Permohonan", "TGL PERMOHONAN", "Hari/Tgl", "Tanggal Masuk"})
        CHECK(fields_of({{"No", received, "Nama"}}, RegisterKind::request) ==
              std::vector<std::string>{"number", "received", "requester.name"});
    CHECK(fields_of({{"No", "Tgl.", "No. HP/WA", "Status", "Tgl. Jawaban"}}) ==
          std::vector<std::string>{"number", "received", "requester.contact", "decision", "answered"});
    CHECK(shipped_columns().spelled_out("tgl jawaban") == "tanggal jawaban");
}
