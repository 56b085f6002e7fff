#include "test_support.hpp"

#include <ppid/file_title.hpp>
#include <ppid/text_dates.hpp>
#include <ppid/text_periods.hpp>

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using namespace ppid;
using ppid::test::iso;

namespace {

struct Example {
    const char* text;
    std::vector<std::string> expected;
};

// Returns each date found in `text` as "what was written = YYYY-MM-DD", so a wrong span shows as plainly as a
// wrong day.
std::vector<std::string> dates_in(const std::string& text) {
    std::vector<std::string> seen;
    for (const FoundDate& found : find_dates(text)) {
        REQUIRE(found.offset + found.length <= text.size());
        seen.push_back(text.substr(found.offset, found.length) + " = " + iso(found.day));
    }
    return seen;
}

void check_dates(const std::vector<Example>& examples) {
    for (const Example& example : examples) {
        INFO(example.text);
        CHECK(dates_in(example.text) == example.expected);
    }
}

// Returns the period found in `text` as "text | kind | number | year | start | end", or "none".
std::string period_in(const std::string& text) {
    const std::optional<Period> period = find_period(text);
    if (!period) return "none";
    return period->text + " | " + period->kind + " | " + std::to_string(period->number) + " | " +
           std::to_string(period->year) + " | " + iso(period->start) + " | " + iso(period->end);
}

struct Case {
    const char* text;
    const char* expected;
};

void check_periods(const std::vector<Case>& cases) {
    for (const Case& example : cases) {
        INFO(example.text);
        CHECK(period_in(example.text) == example.expected);
    }
}

void check_titles(const std::vector<Case>& cases) {
    for (const Case& example : cases) {
        INFO(example.text);
        CHECK(title_from_file_name(example.text) == example.expected);
    }
}

}  // namespace

TEST_CASE("dates written out in titles and running text", "[text_dates]") {
    check_dates({
        {"Berita Acara Rapat Pleno 29-08-2023.pdf", {"29-08-2023 = 2023-08-29"}},
        {"DPT Pemilu 2024 - Rekap per Kecamatan (update 12 Januari 2024)", {"12 Januari 2024 = 2024-01-12"}},
        {"Undangan Rapat Koordinasi, Selasa, 29 Agt 2023", {"Selasa, 29 Agt 2023 = 2023-08-29"}},
        {"Pengumuman (29/8/2023) tentang hasil seleksi PPK", {"29/8/2023 = 2023-08-29"}},
        {"Diunggah 2023-08-29 oleh admin", {"2023-08-29 = 2023-08-29"}},
        {"Notulen 29.08.2023", {"29.08.2023 = 2023-08-29"}},
        {"Surat tgl 29/08/23 perihal undangan", {"29/08/23 = 2023-08-29"}},
        {"Signed on August 29, 2023 by the chair", {"August 29, 2023 = 2023-08-29"}},
        {"Tuesday, Aug. 29, 2023", {"Tuesday, Aug. 29, 2023 = 2023-08-29"}},
        {"Jum\u2019at, 1 Maret 2024", {"Jum\u2019at, 1 Maret 2024 = 2024-03-01"}},
        {"Selasa, tanggal 29 Agustus 2023", {"Selasa, tanggal 29 Agustus 2023 = 2023-08-29"}},
        {"29-Agu-2023", {"29-Agu-2023 = 2023-08-29"}},
        {"29\u00A0Agustus\u00A02023", {"29\u00A0Agustus\u00A02023 = 2023-08-29"}},
        {"", {}},
        {"Daftar Informasi Publik KPU Kabupaten Boyolali", {}},
    });
}

TEST_CASE("several dates come in the order written", "[text_dates]") {
    check_dates({
        {"Rapat pada hari Selasa, 29 Agustus 2023 pukul 10.00 WIB dilanjutkan Jumat, 1 September 2023.",
         {"Selasa, 29 Agustus 2023 = 2023-08-29", "Jumat, 1 September 2023 = 2023-09-01"}},
        {"Undangan Rapat 5-2-2024 dan 12-02-2024", {"5-2-2024 = 2024-02-05", "12-02-2024 = 2024-02-12"}},
        {"rekap_20230829-20230830.xlsx", {"20230829 = 2023-08-29", "20230830 = 2023-08-30"}},
        {"Masa sanggah 1 s.d. 3 Januari 2024, pengumuman 04/01/2024",
         {"3 Januari 2024 = 2024-01-03", "04/01/2024 = 2024-01-04"}},
    });
}

TEST_CASE("dates inside file names", "[text_dates]") {
    check_dates({
        {"SK_29-08-2023.pdf", {"29-08-2023 = 2023-08-29"}},
        {"20230829_notulen.pdf", {"20230829 = 2023-08-29"}},
        {"20240214_rekap.pdf", {"20240214 = 2024-02-14"}},
        {"Notulen_Rapat_29_Agustus_2023.docx", {"29_Agustus_2023 = 2023-08-29"}},
        {"BA-Pleno-2024-03-20.pdf", {"2024-03-20 = 2024-03-20"}},
        {"SK_29-08-2023-1.pdf", {"29-08-2023 = 2023-08-29"}},
        {"scan_001-15-01-2024.pdf", {"15-01-2024 = 2024-01-15"}},
        {"20230829-2.pdf", {"20230829 = 2023-08-29"}},
        {"IMG_20240214_101532.jpg", {"20240214 = 2024-02-14"}},
        {"WhatsApp Image 2024-02-14 at 10.15.32.jpeg", {"2024-02-14 = 2024-02-14"}},
    });
}

TEST_CASE("day and month are never swapped and impossible dates are skipped", "[text_dates]") {
    check_dates({
        {"Rapat 08/29/2023", {}},  // read day first, there is no month 29
        {"Rapat 29/13/2023", {}},
        {"SK 31-02-2023", {}},
        {"30 Februari 2024", {}},
        {"20231301_x.pdf", {}},
        {"19991231_arsip.pdf", {}},  // YYYYMMDD only from 2000 to 2099
        {"21000101_arsip.pdf", {}},
        {"arsip_29082023.pdf", {}},  // not YYYYMMDD, and day-first digits are not guessed
        {"SK 31-02-2023 diganti 01-03-2023", {"01-03-2023 = 2023-03-01"}},
    });
}

TEST_CASE("numbers that only look like dates", "[text_dates]") {
    check_dates({
        {"Pasal 5 ayat 2023", {}},
        {"versi 1.2.3 server 192.168.1.10", {}},
        {"Anggaran Rp 1.500.000 dan Rp 12.250.000", {}},
        {"Nomor: 12/PL.01-Pu/3303/2023", {}},
        {"PKPU Nomor 3 Tahun 2022", {}},
        {"NIP. 20010312 202203 1 002", {}},  // an NIP opens with its holder's birth date
        {"Telp. 0276-321123", {}},
        {"Semester I 2023", {}},
        {"Periode Januari 2024", {}},
        {"Senin, 29 Agustus 2023", {"29 Agustus 2023 = 2023-08-29"}},  // a Tuesday: the weekday is left out
    });
}

TEST_CASE("offsets are bytes of UTF-8 text, which may be broken", "[text_dates]") {
    check_dates({
        {"Rapat \u201C29 Agustus 2023\u201D di Aula", {"29 Agustus 2023 = 2023-08-29"}},
        {"\xFF\xFE 29-08-2023 \xC3", {"29-08-2023 = 2023-08-29"}},
        {"Ringkasan\u00A0\u2013\u00A029 Agustus 2023", {"29 Agustus 2023 = 2023-08-29"}},
        {"29 Agust\u00F6 2023", {}},  // a longer word, not "Agust"
    });
    const std::string text = "Berita Acara Rapat Pleno 29-08-2023.pdf";
    const auto found = find_dates(text);
    REQUIRE(found.size() == 1);
    CHECK(found[0].offset == 25);
    CHECK(found[0].length == 10);
}

TEST_CASE("periods named by semester and quarter", "[text_dates]") {
    check_periods({
        {"Laporan Realisasi Anggaran Semester I Tahun 2023",
         "Semester I 2023 | semester | 1 | 2023 | 2023-01-01 | 2023-06-30"},
        {"Semester 2 Tahun 2023", "Semester II 2023 | semester | 2 | 2023 | 2023-07-01 | 2023-12-31"},
        {"LRA_SMT_II_2023.pdf", "Semester II 2023 | semester | 2 | 2023 | 2023-07-01 | 2023-12-31"},
        {"Laporan Semester Pertama TA 2023", "Semester I 2023 | semester | 1 | 2023 | 2023-01-01 | 2023-06-30"},
        {"Triwulan III 2024", "Triwulan III 2024 | quarter | 3 | 2024 | 2024-07-01 | 2024-09-30"},
        {"Laporan Keuangan TW 3 2024", "Triwulan III 2024 | quarter | 3 | 2024 | 2024-07-01 | 2024-09-30"},
        {"Realisasi Triwulan ke-3 T.A. 2024", "Triwulan III 2024 | quarter | 3 | 2024 | 2024-07-01 | 2024-09-30"},
        {"Kinerja Q4 2024", "Triwulan IV 2024 | quarter | 4 | 2024 | 2024-10-01 | 2024-12-31"},
        {"Triwulan I/2025", "Triwulan I 2025 | quarter | 1 | 2025 | 2025-01-01 | 2025-03-31"},
        {"Semester III 2023", "Tahun 2023 | year | 0 | 2023 | 2023-01-01 | 2023-12-31"},  // no such semester
    });
}

TEST_CASE("periods named as years", "[text_dates]") {
    check_periods({
        {"Tahun Anggaran 2022", "Tahun Anggaran 2022 | year | 0 | 2022 | 2022-01-01 | 2022-12-31"},
        {"Laporan Keuangan TA 2022", "Tahun Anggaran 2022 | year | 0 | 2022 | 2022-01-01 | 2022-12-31"},
        {"Laporan Keuangan T.A. 2022", "Tahun Anggaran 2022 | year | 0 | 2022 | 2022-01-01 | 2022-12-31"},
        {"LAPORAN_KEUANGAN-TA_2022 (final).pdf", "Tahun Anggaran 2022 | year | 0 | 2022 | 2022-01-01 | 2022-12-31"},
        {"LKjIP KPU Kabupaten Boyolali Tahun 2022", "Tahun 2022 | year | 0 | 2022 | 2022-01-01 | 2022-12-31"},
        {"Laporan Keuangan 2022", "Tahun 2022 | year | 0 | 2022 | 2022-01-01 | 2022-12-31"},
        {"DIP-2024_rev.xlsx", "Tahun 2024 | year | 0 | 2024 | 2024-01-01 | 2024-12-31"},
        {"Renstra KPU 2020-2024", "Tahun 2020-2024 | years | 0 | 2020 | 2020-01-01 | 2024-12-31"},
        {"DIPA Tahun Anggaran 2023/2024", "Tahun Anggaran 2023-2024 | years | 0 | 2023 | 2023-01-01 | 2024-12-31"},
    });
}

TEST_CASE("periods named as months", "[text_dates]") {
    check_periods({
        {"Periode Januari 2024", "Januari 2024 | month | 1 | 2024 | 2024-01-01 | 2024-01-31"},
        {"Laporan Layanan Informasi Bulan Maret 2024", "Maret 2024 | month | 3 | 2024 | 2024-03-01 | 2024-03-31"},
        {"Rekap Permohonan Februari 2024", "Februari 2024 | month | 2 | 2024 | 2024-02-01 | 2024-02-29"},
        {"Bulan Agustus Tahun 2023", "Agustus 2023 | month | 8 | 2023 | 2023-08-01 | 2023-08-31"},
        {"Laporan Januari - Mei 2024", "Januari-Mei 2024 | months | 0 | 2024 | 2024-01-01 | 2024-05-31"},
        {"Laporan Januari s.d. Juni 2024", "Semester I 2024 | semester | 1 | 2024 | 2024-01-01 | 2024-06-30"},
        {"Periode April\u2013Juni 2024", "Triwulan II 2024 | quarter | 2 | 2024 | 2024-04-01 | 2024-06-30"},
        {"Januari sampai dengan Desember 2023", "Tahun 2023 | year | 0 | 2023 | 2023-01-01 | 2023-12-31"},
    });
}

TEST_CASE("the most specific period wins, and a named one beats a bare one", "[text_dates]") {
    check_periods({
        {"LRA Semester I 2023 (Januari - Juni 2023)",
         "Semester I 2023 | semester | 1 | 2023 | 2023-01-01 | 2023-06-30"},
        {"Laporan Tahunan 2023 - Triwulan IV 2023", "Triwulan IV 2023 | quarter | 4 | 2023 | 2023-10-01 | 2023-12-31"},
        {"Laporan Pelayanan Informasi Tahun 2024 Periode Januari 2024",
         "Januari 2024 | month | 1 | 2024 | 2024-01-01 | 2024-01-31"},
        {"Laporan Pelayanan Informasi Tahun 2023 (diperbarui Maret 2024)",
         "Tahun 2023 | year | 0 | 2023 | 2023-01-01 | 2023-12-31"},
        // A regulation's number and year cite it; they say nothing of the period.
        {"Laporan Layanan Informasi 2023 sesuai UU Nomor 14 Tahun 2008",
         "Tahun 2023 | year | 0 | 2023 | 2023-01-01 | 2023-12-31"},
        {"Keputusan KPU Nomor 12 Tahun 2023", "Tahun 2023 | year | 0 | 2023 | 2023-01-01 | 2023-12-31"},
    });
}

TEST_CASE("years inside dates are no period", "[text_dates]") {
    check_periods({
        {"Berita Acara Rapat Pleno 29-08-2023.pdf", "none"},
        {"20240214_rekap.pdf", "none"},
        {"DPT Pemilu 2024 - Rekap per Kecamatan (update 12 Januari 2024)",
         "Tahun 2024 | year | 0 | 2024 | 2024-01-01 | 2024-12-31"},
        {"Daftar Informasi Publik", "none"},
        {"SK_KPU_No_045.pdf", "none"},
        {"Arsip 1998", "none"},  // a bare year counts from 2000 to 2099
        {"Kode wilayah 3303", "none"},
        {"", "none"},
    });
}

TEST_CASE("titles from file names as offices name them", "[text_dates]") {
    check_titles({
        {"LAPORAN_KEUANGAN-TA_2022 (final).pdf", "Laporan Keuangan TA 2022"},
        {"sk_kpu_no_12_2023.pdf", "SK KPU No 12 2023"},
        {"DIP-2024_rev.xlsx", "DIP 2024"},
        {"LKjIP_KPU_Kab_Boyolali_2022.pdf", "LKjIP KPU Kab Boyolali 2022"},
        {"calk_2023.pdf", "CaLK 2023"},
        {"Berita Acara Rapat Pleno 29-08-2023.pdf", "Berita Acara Rapat Pleno 29-08-2023"},
        {"20240214_rekap.pdf", "20240214 Rekap"},
        {"DPT Pemilu 2024 - Rekap per Kecamatan (update 12 Januari 2024).xlsx",
         "DPT Pemilu 2024 Rekap per Kecamatan (Update 12 Januari 2024)"},
        {"LAPORAN REALISASI ANGGARAN SEMESTER II TAHUN 2023.pdf", "Laporan Realisasi Anggaran Semester II Tahun 2023"},
        {"PENGUMUMAN_HASIL_SELEKSI_PPK_DAN_PPS.pdf", "Pengumuman Hasil Seleksi PPK dan PPS"},
        {"dan_lain_lain.pdf", "Dan Lain Lain"},
        {"Renstra_KPU_2020-2024.pdf", "Renstra KPU 2020-2024"},
        {"laporan_keuangan_T.A._2022.pdf", "Laporan Keuangan T.A. 2022"},
        {"Laporan Januari s.d. Juni 2024.pdf", "Laporan Januari s.d. Juni 2024"},
        {"arsip/2023/LAPORAN_TAHUNAN_PPID.pdf", "Laporan Tahunan PPID"},
        {"x", "X"},
    });
}

TEST_CASE("version noise is dropped from titles", "[text_dates]") {
    check_titles({
        {"LAPORAN REALISASI ANGGARAN SEMESTER I TAHUN 2023 (1).pdf",
         "Laporan Realisasi Anggaran Semester I Tahun 2023"},
        {"CALK_2023_final_fix.pdf", "CaLK 2023"},
        {"Copy of SOP_Pelayanan_Informasi_v2.docx", "SOP Pelayanan Informasi"},
        {"rekap_dps_kecamatan - Copy (2).xlsx", "Rekap DPS Kecamatan"},
        {"Renstra_KPU_2020-2024_revisi_2.pdf", "Renstra KPU 2020-2024"},
        {"Jadwal_Tahapan_Pemilu_2024_(FINAL)_rev3.pdf", "Jadwal Tahapan Pemilu 2024"},
        {"laporan.v1.2.pdf", "Laporan"},
        {"Pedoman PPID versi 2 [revisi].docx", "Pedoman PPID"},
        {"Revisi DIPA 2024.pdf", "Revisi DIPA 2024"},  // a revised DIPA is a document of its own
        {"DIPA Revisi 2 TA 2024.pdf", "DIPA Revisi 2 TA 2024"},
        {"DIPA_KPU_2023_revisi_ke_3.pdf", "DIPA KPU 2023"},
        {"RKA_KPU_TA_2024_(revisi).xlsx", "RKA KPU TA 2024"},
    });
}

TEST_CASE("a title is never empty and changes only ASCII letters", "[text_dates]") {
    check_titles({
        {"final.pdf", "final"},
        {"(1).pdf", "(1)"},
        {"___.pdf", "___"},
        {"LAPORAN_KEGIATAN_CAF\u00C9_2023.pdf", "Laporan Kegiatan CAF\u00C9 2023"},  // kept as written
        {"rekap_\xFF\xFE_2023.pdf", "Rekap \xFF\xFE 2023"},
        {"Jum'at_bersih.pdf", "Jum'at Bersih"},
        {"Laporan-Akhir", "Laporan Akhir"},
    });
}

TEST_CASE("version numbers glued to a name are not dates", "[text_dates]") {
    CHECK(find_dates("Apache/2.4.41 Server at kab-boyolali.kpu.go.id").empty());
    CHECK(find_dates("installer v2.4.41").empty());
    REQUIRE(find_dates("SK-29-08-2023.pdf").size() == 1);
    CHECK(find_dates("SK-29-08-2023.pdf")[0].day == date::sys_days{date::year{2023} / 8 / 29});
}
