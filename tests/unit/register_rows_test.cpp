#include <ppid/register_columns.hpp>
#include <ppid/register_rows.hpp>

#include <catch2/catch.hpp>

using namespace ppid;

namespace {

const std::vector<std::string>& starts() {
    static const ColumnRules rules = ColumnRules::load(std::string(PPID_TEST_DATA_DIR) + "/registers/columns.json");
    return rules.table_end_starts();
}

TableRow row(const std::vector<std::string>& texts, std::size_t empty_before = 0) {
    TableRow result{10, empty_before, {}};
    for (const auto& text : texts) result.cells.push_back({text, std::nullopt, false});
    return result;
}

}  // namespace

TEST_CASE("the lines of a signature block are told from register dates", "[register]") {
    CHECK(is_signature_line("Sukoharjo, 31 Desember 2024", starts()));
    CHECK(is_signature_line("Kota Surakarta, 2 Januari 2025", starts()));
    CHECK(is_signature_line("Mengetahui,", starts()));
    CHECK(is_signature_line("NIP. 19700101 199503 2 001", starts()));
    CHECK(is_signature_line("a.n. Ketua KPU Kabupaten Sukoharjo", starts()));
    CHECK(is_signature_line("Pejabat Pengelola Informasi dan Dokumentasi", starts()));
    CHECK_FALSE(is_signature_line("Selasa, 5 Maret 2024", starts()));
    CHECK_FALSE(is_signature_line("Hari Selasa, 5 Maret 2024", starts()));
    CHECK_FALSE(is_signature_line("5 Maret 2024", starts()));
    CHECK_FALSE(is_signature_line("Jl. Kenanga 5, Sukoharjo", starts()));
    CHECK_FALSE(is_signature_line("Nipah", starts()));
}

TEST_CASE("a table ends at a signature block, a note, or what no record follows after empty rows", "[register]") {
    const std::size_t key = 2;
    // Merged cells spill the place and date into the date columns.
    CHECK(ends_table(row({"", "", "Mengetahui,", "Mengetahui,", "", "", "Sukoharjo, 31 Desember 2024",
                          "Sukoharjo, 31 Desember 2024"}), key, starts()));
    CHECK(ends_table(row({"Register ini diisi oleh petugas layanan informasi setiap hari kerja"}), key, starts()));
    CHECK(ends_table(row({"", "", "", "Dra. Siti Aminah, M.Si."}, 3), key, starts()));
    CHECK_FALSE(ends_table(row({"", "", "", "Dra. Siti Aminah, M.Si."}, 1), key, starts()));
    CHECK_FALSE(ends_table(row({"4", "004/PPID/III/2024", "Selasa, 5 Maret 2024", "Dewi"}, 3), key, starts()));
    CHECK_FALSE(ends_table(row({"", "", "", "FEBRUARI"}), key, starts()));
    CHECK_FALSE(ends_table(row({"2", "", "15/01/2024", "Ketua RT 05"}), key, starts()));
}

TEST_CASE("column numbers, header continuations and totals are no records", "[register]") {
    CHECK(is_column_number_row(row({"(1)", "(2)", "(3)"})));
    CHECK(is_column_number_row(row({"1", "2", "", "3"})));
    CHECK_FALSE(is_column_number_row(row({"1", "002/PPID", "3"})));
    CHECK(is_header_continuation(row({"No", "Tanggal", "Jam"}), {"No", "Tanggal", "Tanggal"}, true));
    CHECK(is_total_or_heading_row(row({"Jumlah", "", "4"}), 2));
    CHECK(is_total_or_heading_row(row({"JANUARI"}), 2));
    CHECK_FALSE(is_total_or_heading_row(row({"1", "", "08/01/2024"}), 2));
}

TEST_CASE("a signature block or note is told apart from a record that lacks its date", "[register]") {
    CHECK(is_signature_or_note_row(row({"", "", "", "", "Sukoharjo, 31 Januari 2024"}), starts()));
    CHECK(is_signature_or_note_row(row({"Catatan: diisi setiap hari kerja"}), starts()));
    CHECK_FALSE(is_signature_or_note_row(row({"3", "", "", "Budi", "Diterima"}), starts()));
    CHECK_FALSE(is_signature_or_note_row(row({}), starts()));
}
