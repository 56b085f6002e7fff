// Writes the documents bench/run adds to its indexing tree: what a KPU office's shared folder holds
// beside random bytes. About 60% text PDFs of 1 to 20 pages (budget reports, decrees, minutes, the
// list of public information), 15% scans (PDFs whose pages only paint an image), 15% Word files,
// 5% web pages saved from the office's site and 5% broken files (a download cut short, an error
// page saved as .pdf, an empty .pdf, a PDF locked with a password), in folders and under names as
// offices keep them. Titles, dates and text are Indonesian; PDF text is ASCII, as the test writer
// draws it in Helvetica.
//
// Deterministic: one fixed-seed LCG decides everything (no clock, no random device), and each
// file's modification time is set from the date written in it, so the same COUNT gives the same
// names, bytes and times on every machine.
//
// usage: make_bench_documents DIR COUNT   (DIR is created; existing files of the same names are
// replaced). Prints one summary line.
#include "support/pdf_writer.hpp"
#include "support/xlsx_writer.hpp"

#include <fcntl.h>
#include <sys/stat.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <exception>
#include <filesystem>
#include <iostream>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace {

namespace fs = std::filesystem;
using ppid::test::PdfWriter;
using ppid::test::ZipEntry;

// ---------------------------------------------------------------------------------------------
// Chance: a 64-bit LCG (Knuth's MMIX constants), the high bits used.
class Lcg {
public:
    explicit Lcg(std::uint64_t seed) : state_(seed) {}

    std::uint32_t next() {
        state_ = state_ * 6364136223846793005ull + 1442695040888963407ull;
        return static_cast<std::uint32_t>(state_ >> 33);
    }
    // A number in [0, n).
    std::size_t below(std::size_t n) { return n ? next() % n : 0; }
    // A number in [low, high].
    int between(int low, int high) { return low + static_cast<int>(below(static_cast<std::size_t>(high - low + 1))); }
    bool chance(int percent) { return below(100) < static_cast<std::size_t>(percent); }
    template <typename T, std::size_t N>
    const T& pick(const T (&items)[N]) {
        return items[below(N)];
    }

private:
    std::uint64_t state_;
};

// ---------------------------------------------------------------------------------------------
// Dates: days since 1970-01-01 (Howard Hinnant's civil algorithms), written the Indonesian way.
struct Day {
    int year = 0, month = 0, day = 0;
};

long days_from_civil(Day d) {
    const int y = d.year - (d.month <= 2);
    const int era = (y >= 0 ? y : y - 399) / 400;
    const int yoe = y - era * 400;
    const int doy = (153 * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5 + d.day - 1;
    const int doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return long(era) * 146097 + doe - 719468;
}

Day civil_from_days(long z) {
    z += 719468;
    const long era = (z >= 0 ? z : z - 146096) / 146097;
    const int doe = static_cast<int>(z - era * 146097);
    const int yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const int doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const int mp = (5 * doy + 2) / 153;
    const int day = doy - (153 * mp + 2) / 5 + 1;
    const int month = mp < 10 ? mp + 3 : mp - 9;
    return {static_cast<int>(era * 400 + yoe + (month <= 2)), month, day};
}

const char* const month_names[] = {"Januari", "Februari", "Maret",     "April",   "Mei",      "Juni",
                                   "Juli",    "Agustus",  "September", "Oktober", "November", "Desember"};
const char* const weekday_names[] = {"Kamis", "Jumat",  "Sabtu", "Minggu",
                                     "Senin", "Selasa", "Rabu"};  // from 1970-01-01
const char* const roman[] = {"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"};

std::string two(int n) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%02d", n);
    return buffer;
}

std::string long_date(Day d) {  // "29 Agustus 2023"
    return std::to_string(d.day) + " " + month_names[d.month - 1] + " " + std::to_string(d.year);
}
std::string weekday(Day d) {
    return weekday_names[((days_from_civil(d) % 7) + 7) % 7];
}
std::string dashed(Day d) {
    return two(d.day) + "-" + two(d.month) + "-" + std::to_string(d.year);
}  // 29-08-2023
std::string slashed(Day d) {
    return two(d.day) + "/" + two(d.month) + "/" + std::to_string(d.year);
}
std::string compact(Day d) {
    return std::to_string(d.year) + two(d.month) + two(d.day);
}  // 20230829

// A working day from 2 January 2019 to 31 December 2024; a weekend moves to the Monday after.
Day working_day(Lcg& lcg, int first_year = 2019, int last_year = 2024) {
    const long first = days_from_civil({first_year, 1, 2}), last = days_from_civil({last_year, 12, 27});
    long z = first + static_cast<long>(lcg.below(static_cast<std::size_t>(last - first + 1)));
    const long weekday_index = ((z % 7) + 7) % 7;  // 2: Saturday, 3: Sunday
    if (weekday_index == 2) z += 2;
    if (weekday_index == 3) z += 1;
    return civil_from_days(z);
}

Day plus_days(Day d, long days) {
    return civil_from_days(days_from_civil(d) + days);
}

// ---------------------------------------------------------------------------------------------
// Words.
const char* const people[] = {"Siti Rahayu",   "Budi Santoso",  "Agus Wibowo",        "Dewi Lestari",
                              "Eko Prasetyo",  "Sri Wahyuni",   "Bambang Supriyanto", "Rina Kusumawati",
                              "Joko Susilo",   "Nur Hidayah",   "Ahmad Fauzi",        "Endang Sulistyowati",
                              "Teguh Raharjo", "Wahyu Nugroho", "Fitri Handayani",    "Slamet Riyadi",
                              "Puji Astuti",   "Heru Cahyono",  "Yuli Setyaningsih",  "Mukhlis Ardiansyah"};
const char* const districts[] = {"Ampel",     "Andong",     "Banyudono",   "Boyolali",  "Cepogo",    "Gladagsari",
                                 "Juwangi",   "Karanggede", "Kemusu",      "Klego",     "Mojosongo", "Musuk",
                                 "Ngemplak",  "Nogosari",   "Sambi",       "Sawit",     "Selo",      "Simo",
                                 "Tamansari", "Teras",      "Wonosamodro", "Wonosegoro"};
const char* const authors[] = {"Sekretariat KPU Kab. Boyolali",
                               "Subbag Keuangan",
                               "Subbag Hukum",
                               "PPID KPU Boyolali",
                               "user",
                               "Admin",
                               "ASUS",
                               "HP",
                               "Lenovo",
                               "KPU Boyolali"};
const char* const pdf_producers[] = {"Microsoft\xC2\xAE Word 2016",
                                     "Microsoft\xC2\xAE Word 2019",
                                     "Microsoft\xC2\xAE Excel\xC2\xAE 2016",
                                     "LibreOffice 7.3",
                                     "Nitro Pro 13",
                                     "WPS Office"};
const char* const scanners[] = {"Canon iR-ADV C3530", "EPSON L3150 Series", "HP LaserJet MFP M428fdw",
                                "Brother DCP-T720DW", "CamScanner",         "Fuji Xerox DocuCentre"};

const char* const sentences[] = {
    "Komisi Pemilihan Umum Kabupaten Boyolali melaksanakan tugas, wewenang dan kewajiban sesuai dengan ketentuan "
    "peraturan perundang-undangan.",
    "Pelaksanaan kegiatan dibiayai dari Daftar Isian Pelaksanaan Anggaran (DIPA) Tahun Anggaran {year}.",
    "Realisasi belanja sampai dengan akhir periode pelaporan mencapai {pct} persen dari pagu anggaran.",
    "Informasi publik yang dikuasai oleh Badan Publik dapat diakses oleh setiap Pemohon Informasi Publik "
    "dengan cepat, tepat waktu, biaya ringan dan cara sederhana.",
    "Rapat dihadiri oleh Ketua dan Anggota KPU Kabupaten Boyolali, Sekretaris, serta para Kepala Subbagian.",
    "Hasil rapat dituangkan dalam berita acara yang ditandatangani oleh seluruh anggota yang hadir.",
    "Bawaslu Kabupaten Boyolali dan perwakilan partai politik peserta pemilu turut hadir sebagai saksi.",
    "Data pemilih dimutakhirkan secara berkelanjutan berdasarkan data kependudukan dari Dinas Kependudukan "
    "dan Pencatatan Sipil.",
    "Penyusunan laporan ini berpedoman pada Peraturan Menteri Keuangan tentang Sistem Akuntansi dan Pelaporan "
    "Keuangan Pemerintah Pusat.",
    "Pejabat Pengelola Informasi dan Dokumentasi bertanggung jawab atas penyimpanan, pendokumentasian dan "
    "pelayanan informasi publik.",
    "Permohonan informasi dapat diajukan secara langsung, melalui surat, e-mail, atau laman e-PPID KPU.",
    "Keberatan atas tanggapan permohonan informasi diajukan kepada atasan PPID paling lambat 30 hari kerja "
    "sejak ditemukannya alasan keberatan.",
    "Sosialisasi dan pendidikan pemilih dilaksanakan di {n} kecamatan dengan sasaran pemilih pemula, "
    "perempuan dan penyandang disabilitas.",
    "Jumlah Tempat Pemungutan Suara (TPS) ditetapkan sebanyak {tps} TPS yang tersebar di 267 desa dan kelurahan.",
    "Segala biaya yang timbul akibat ditetapkannya keputusan ini dibebankan pada anggaran KPU Kabupaten Boyolali.",
    "Pengadaan barang dan jasa dilaksanakan melalui katalog elektronik sesuai ketentuan yang berlaku.",
    "Pembentukan badan ad hoc dilakukan secara terbuka dengan memperhatikan keterwakilan perempuan paling "
    "sedikit 30 persen.",
    "Capaian indikator kinerja utama pada tahun {year} menunjukkan hasil yang baik dibandingkan dengan tahun "
    "sebelumnya.",
    "Penerimaan Negara Bukan Pajak berasal dari pengembalian belanja dan jasa giro sebesar Rp {small}.",
    "Saldo kas di bendahara pengeluaran pada akhir periode pelaporan adalah sebesar Rp {small}.",
    "Rekapitulasi daftar pemilih dilakukan secara berjenjang mulai dari tingkat desa, kecamatan hingga kabupaten.",
    "Setiap anggota badan ad hoc wajib menandatangani pakta integritas sebelum melaksanakan tugasnya.",
    "Dokumen yang dikecualikan ditetapkan melalui uji konsekuensi sebagaimana diatur dalam Undang-Undang Nomor 14 "
    "Tahun 2008 tentang Keterbukaan Informasi Publik.",
    "Seluruh kegiatan telah dipertanggungjawabkan dengan bukti pengeluaran yang sah dan lengkap.",
};

const char* const decree_subjects[] = {
    "Penetapan Daftar Pemilih Tetap Pemilihan Umum Tahun 2024",
    "Penetapan Jumlah dan Lokasi Tempat Pemungutan Suara",
    "Pembentukan Panitia Pemilihan Kecamatan",
    "Pengangkatan Anggota Panitia Pemungutan Suara",
    "Penetapan Daftar Calon Tetap Anggota Dewan Perwakilan Rakyat Daerah Kabupaten Boyolali",
    "Penetapan Rekapitulasi Hasil Penghitungan Suara",
    "Standar Layanan Informasi Publik",
    "Daftar Informasi Publik yang Dikecualikan",
    "Penunjukan Pejabat Pengelola Informasi dan Dokumentasi",
    "Penetapan Kelompok Penyelenggara Pemungutan Suara",
    "Tim Pelaksana Sosialisasi dan Pendidikan Pemilih",
    "Penetapan Pasangan Calon Bupati dan Wakil Bupati Boyolali",
};
const char* const decree_short[] = {"Penetapan DPT", "Lokasi TPS",  "Pembentukan PPK", "Pengangkatan PPS",
                                    "DCT DPRD",      "Rekap Suara", "Standar Layanan", "DIK",
                                    "PPID",          "KPPS",        "Tim Sosialisasi", "Paslon"};
const char* const minutes_subjects[] = {"Rapat Pleno Terbuka Rekapitulasi Daftar Pemilih Hasil Pemutakhiran",
                                        "Rapat Pleno Terbuka Rekapitulasi Hasil Penghitungan Suara",
                                        "Rapat Pleno Penetapan Daftar Calon Sementara",
                                        "Serah Terima Logistik Pemilu",
                                        "Pemusnahan Surat Suara Rusak",
                                        "Uji Konsekuensi Informasi yang Dikecualikan"};
const char* const minutes_short[] = {
    "rekap_DPHP", "rekap_suara", "pleno_DCS", "serah_terima_logistik", "pemusnahan_surat_suara", "uji_konsekuensi"};
const char* const letters[] = {"Undangan Rapat Koordinasi Persiapan Pemilu 2024",
                               "Undangan Bimbingan Teknis Badan Ad Hoc",
                               "Pemberitahuan Jadwal Rekrutmen PPK dan PPS",
                               "Permohonan Data Kependudukan untuk Pemutakhiran Daftar Pemilih",
                               "Penyampaian Laporan Dana Kampanye",
                               "Tanggapan atas Permohonan Informasi Publik"};
const char* const letter_short[] = {"Undangan Rakor",           "Undangan Bimtek",       "Pemberitahuan Rekrutmen",
                                    "Permohonan Data Dukcapil", "Laporan Dana Kampanye", "Tanggapan Permohonan"};
const char* const accounts[] = {"Belanja Pegawai",
                                "Belanja Barang Operasional",
                                "Belanja Barang Non Operasional",
                                "Belanja Honor Badan Ad Hoc",
                                "Belanja Perjalanan Dinas",
                                "Belanja Jasa",
                                "Belanja Pemeliharaan",
                                "Belanja Modal Peralatan dan Mesin",
                                "Belanja Sewa"};

// "1.234.567.000": an amount in rupiah, the Indonesian way.
std::string rupiah(std::uint64_t value) {
    std::string digits = std::to_string(value), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i && (digits.size() - i) % 3 == 0) out += '.';
        out += digits[i];
    }
    return out;
}

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
    for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
        text.replace(at, from.size(), to);
    return text;
}

std::string sentence(Lcg& lcg, int year) {
    std::string text = lcg.pick(sentences);
    text = replace_all(text, "{year}", std::to_string(year));
    const int whole = lcg.between(41, 99), hundredths = lcg.between(0, 99);
    text = replace_all(text, "{pct}", std::to_string(whole) + "," + two(hundredths));
    text = replace_all(text, "{n}", std::to_string(lcg.between(5, 22)));
    text = replace_all(text, "{tps}", rupiah(static_cast<std::uint64_t>(lcg.between(2800, 3400))));
    text = replace_all(text, "{small}", rupiah(static_cast<std::uint64_t>(lcg.between(100, 90000)) * 1000));
    return text;
}

std::string paragraph(Lcg& lcg, int year, int sentences_count) {
    std::string text;
    for (int i = 0; i < sentences_count; ++i) text += (i ? " " : "") + sentence(lcg, year);
    return text;
}

// Helvetica's advance widths (its AFM, thousandths of the font size) for ASCII 32 to 126 in
// WinAnsiEncoding: PdfWriter draws in 12-point Helvetica from x = 72 on a 595-point page, and text
// past the page's edge is cut off by every reader, so lines are wrapped to fit a 72-point margin.
constexpr short helvetica_widths[95] = {278,  278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,
                                        556,  556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556,
                                        1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778,
                                        667,  778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556,
                                        333,  556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556,
                                        556,  556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584};
constexpr long line_width = (595 - 2 * 72) * 1000 / 12;  // in thousandths of 12 points

long text_width(const std::string& text) {
    long width = 0;
    for (const char c : text) width += c >= 32 && c <= 126 ? helvetica_widths[c - 32] : 556;
    return width;
}

// Returns `text` in lines that fit the page, broken between words.
std::vector<std::string> wrap(const std::string& text) {
    std::vector<std::string> lines;
    std::string line;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find(' ', start);
        if (end == std::string::npos) end = text.size();
        const std::string word = text.substr(start, end - start);
        if (!line.empty() && text_width(line + " " + word) > line_width) lines.push_back(std::move(line)), line.clear();
        line += (line.empty() ? "" : " ") + word;
        start = end + 1;
    }
    if (!line.empty() || lines.empty()) lines.push_back(line);
    return lines;
}

std::string upper(std::string text) {
    for (char& c : text)
        if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
    return text;
}

std::string first_name(const std::string& name) {
    return name.substr(0, name.find(' '));
}

std::string underscored(std::string text) {
    return replace_all(std::move(text), " ", "_");
}

std::string xml_escape(const std::string& text) {
    std::string out;
    for (const char c : text) {
        if (c == '&')
            out += "&amp;";
        else if (c == '<')
            out += "&lt;";
        else if (c == '>')
            out += "&gt;";
        else if (c == '"')
            out += "&quot;";
        else
            out += c;
    }
    return out;
}

// ---------------------------------------------------------------------------------------------
// A document's text laid out in pages of at most 46 lines, the page number on top of the next ones.
class Pages {
public:
    // Adds `text`, over several lines if it is too wide for one.
    void line(const std::string& text) {
        for (const auto& piece : wrap(text)) {
            if (pages_.empty() || pages_.back().size() >= 46) {
                pages_.emplace_back();
                if (pages_.size() > 1) pages_.back().push_back("- " + std::to_string(pages_.size()) + " -"), blank();
            }
            pages_.back().push_back(piece);
        }
    }
    void blank() { pages_.back().push_back(""); }
    void lines(const std::vector<std::string>& texts) {
        for (const auto& text : texts) line(text);
    }
    void text(const std::string& paragraph_text) {
        line(paragraph_text);
        line("");
    }
    std::size_t count() const { return pages_.size(); }
    std::size_t last_lines() const { return pages_.empty() ? 0 : pages_.back().size(); }
    const std::vector<std::vector<std::string>>& pages() const { return pages_; }

private:
    std::vector<std::vector<std::string>> pages_;
};

const std::string letterhead = "KOMISI PEMILIHAN UMUM KABUPATEN BOYOLALI";
const std::string address = "Jl. Perintis Kemerdekaan, Komplek Perkantoran Terpadu Kabupaten Boyolali";

// Fills `pages` with body text (sections, paragraphs and, for budgets, tables) up to `target` pages.
void fill_body(Lcg& lcg, Pages& pages, int year, std::size_t target, bool budget_tables) {
    int section = 1;
    while (pages.count() < target || pages.last_lines() < 24) {
        if (budget_tables && lcg.chance(40)) {
            pages.line("Kode Akun   Uraian   Pagu (Rp)   Realisasi (Rp)   %");
            for (int row = lcg.between(6, 14); row > 0; --row) {
                const std::uint64_t budget = static_cast<std::uint64_t>(lcg.between(20, 9000)) * 1000000;
                const std::uint64_t spent = budget / 100 * static_cast<std::uint64_t>(lcg.between(35, 100));
                const int group = lcg.between(1, 5), account = lcg.between(111, 999);
                pages.line("52" + std::to_string(group) + std::to_string(account) + "   " + lcg.pick(accounts) + "   " +
                           rupiah(budget) + "   " + rupiah(spent) + "   " + std::to_string(spent * 100 / budget) +
                           ",00");
            }
            pages.line("");
        } else {
            if (lcg.chance(30)) pages.line(roman[(section - 1) % 12] + std::string(". ") + upper(lcg.pick(accounts)));
            ++section;
            pages.text(paragraph(lcg, year, lcg.between(2, 5)));
        }
    }
}

void signature(Lcg& lcg, Pages& pages, Day signed_on, const char* role) {
    pages.line("");
    pages.line("Ditetapkan di Boyolali");
    pages.line("pada tanggal " + long_date(signed_on));
    pages.line(role);
    pages.line("");
    pages.line("ttd.");
    pages.line("");
    pages.line(upper(lcg.pick(people)));
}

// One document: where it goes, what it is called and what it says.
struct Document {
    std::string folder;
    std::string name;
    std::string title;
    Day day;
    Pages pages;
};

// ---------------------------------------------------------------------------------------------
// Text PDFs, one template each.
Document budget_report(Lcg& lcg) {
    Document doc;
    const int year = lcg.between(2019, 2024);
    const bool first_half = lcg.chance(50);
    const std::string semester = first_half ? "I" : "II";
    doc.day = first_half ? Day{year, 7, lcg.between(5, 25)} : Day{year + 1, 1, lcg.between(10, 28)};
    if (doc.day.year > 2024) doc.day = Day{2024, 12, 20};
    doc.title = "Laporan Realisasi Anggaran Semester " + semester + " Tahun " + std::to_string(year);
    const std::string names[] = {
        "LRA_Semester_" + semester + "_" + std::to_string(year) + ".pdf",
        "LRA Smt " + semester + " " + std::to_string(year) + ".pdf", doc.title + ".pdf",
        "lra_smt" + std::string(first_half ? "1" : "2") + "_" + std::to_string(year) + "_fix.pdf"};
    doc.name = lcg.pick(names);
    doc.folder = "Keuangan/" + std::to_string(year);
    doc.pages.lines(
        {letterhead, "LAPORAN REALISASI ANGGARAN",
         "UNTUK PERIODE YANG BERAKHIR " + upper(long_date(first_half ? Day{year, 6, 30} : Day{year, 12, 31})),
         "(Dalam Rupiah)", ""});
    fill_body(lcg, doc.pages, year, static_cast<std::size_t>(lcg.between(1, 8)), true);
    signature(lcg, doc.pages, doc.day, "Kuasa Pengguna Anggaran,");
    return doc;
}

Document financial_statement(Lcg& lcg) {
    Document doc;
    const int year = lcg.between(2019, 2023);
    doc.day = Day{year + 1, lcg.between(2, 3), lcg.between(1, 28)};
    doc.title = "Laporan Keuangan KPU Kabupaten Boyolali Tahun Anggaran " + std::to_string(year);
    const std::string names[] = {"LK_KPU_Boyolali_TA_" + std::to_string(year) + ".pdf",
                                 "Laporan Keuangan TA " + std::to_string(year) + " (audited).pdf",
                                 "CaLK " + std::to_string(year) + ".pdf"};
    doc.name = lcg.pick(names);
    doc.folder = "Keuangan/" + std::to_string(year);
    doc.pages.lines(
        {letterhead, "LAPORAN KEUANGAN", "TAHUN ANGGARAN " + std::to_string(year), "", "BAB I PENDAHULUAN", ""});
    fill_body(lcg, doc.pages, year, static_cast<std::size_t>(lcg.between(8, 20)), true);
    signature(lcg, doc.pages, doc.day, "Sekretaris,");
    return doc;
}

Document decree(Lcg& lcg) {
    Document doc;
    doc.day = working_day(lcg, 2019, 2024);
    const int number = lcg.between(1, 260);
    const std::size_t subject = lcg.below(std::size(decree_subjects));
    const std::string n = std::to_string(number), y = std::to_string(doc.day.year);
    doc.title = (lcg.chance(50) ? "SK KPU Kabupaten Boyolali Nomor " : "Keputusan KPU Kabupaten Boyolali Nomor ") + n +
                " Tahun " + y + " tentang " + decree_subjects[subject];
    const std::string names[] = {"SK-KPU-" + n + "-" + y + " (final).pdf", "SK_" + n + "_" + y + ".pdf",
                                 "SK Nomor " + n + " Tahun " + y + " ttg " + decree_short[subject] + ".pdf",
                                 "sk " + n + " th " + y + " rev.pdf",
                                 "Kpt_" + n + "_PL.02.1-Kpt_3309_KPU-Kab_" + y + ".pdf"};
    doc.name = lcg.pick(names);
    doc.folder = "Hukum/SK " + y;
    doc.pages.lines({"KEPUTUSAN " + letterhead, "NOMOR " + n + " TAHUN " + y, "TENTANG"});
    doc.pages.line(upper(decree_subjects[subject]));
    doc.pages.lines({"", "DENGAN RAHMAT TUHAN YANG MAHA ESA", "", "KETUA " + letterhead + ",", ""});
    doc.pages.text("Menimbang : a. bahwa " + paragraph(lcg, doc.day.year, 1));
    doc.pages.text(
        "b. bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a, perlu menetapkan Keputusan "
        "Komisi Pemilihan Umum Kabupaten Boyolali tentang " +
        std::string(decree_subjects[subject]) + ";");
    doc.pages.text(
        "Mengingat : 1. Undang-Undang Nomor 7 Tahun 2017 tentang Pemilihan Umum; 2. Undang-Undang Nomor 14 "
        "Tahun 2008 tentang Keterbukaan Informasi Publik; 3. Peraturan Komisi Pemilihan Umum Nomor 8 Tahun "
        "2019 tentang Tata Kerja Komisi Pemilihan Umum;");
    doc.pages.lines({"MEMUTUSKAN:", ""});
    doc.pages.text("Menetapkan : KEPUTUSAN KOMISI PEMILIHAN UMUM KABUPATEN BOYOLALI TENTANG " +
                   upper(decree_subjects[subject]) + ".");
    doc.pages.text("KESATU : " + paragraph(lcg, doc.day.year, 2));
    doc.pages.text("KEDUA : " + paragraph(lcg, doc.day.year, 1));
    signature(lcg, doc.pages, doc.day, "KETUA,");
    const auto target = static_cast<std::size_t>(lcg.between(1, 6));
    if (doc.pages.count() < target) {  // an attachment: the people or places the decree names
        doc.pages.lines({"", "LAMPIRAN KEPUTUSAN KPU KABUPATEN BOYOLALI NOMOR " + n + " TAHUN " + y, ""});
        for (int row = 1; doc.pages.count() < target || doc.pages.last_lines() < 30; ++row) {
            const std::string person = lcg.pick(people), district = lcg.pick(districts);
            doc.pages.line(std::to_string(row) + ". " + person + "   Kecamatan " + district + "   " +
                           (lcg.chance(20) ? "Ketua" : "Anggota"));
        }
    }
    return doc;
}

Document minutes(Lcg& lcg) {
    Document doc;
    doc.day = working_day(lcg, 2019, 2024);
    const std::size_t subject = lcg.below(std::size(minutes_subjects));
    const int serial = lcg.between(1, 400), code = lcg.between(1, 9);
    const std::string number =
        std::to_string(serial) + "/PL.01." + std::to_string(code) + "-BA/3309/" + std::to_string(doc.day.year);
    doc.title = "Berita Acara " + std::string(minutes_subjects[subject]);
    const std::string names[] = {"BA_" + std::string(minutes_short[subject]) + "_" + dashed(doc.day) + ".pdf",
                                 "Berita Acara " + std::string(minutes_subjects[subject]) + ".pdf",
                                 "BA " + long_date(doc.day) + ".pdf"};
    doc.name = lcg.pick(names);
    doc.folder = "Teknis/Berita Acara";
    doc.pages.lines({"BERITA ACARA", upper(minutes_subjects[subject]), "NOMOR: " + number, ""});
    doc.pages.text("Pada hari ini " + weekday(doc.day) + " tanggal " + long_date(doc.day) +
                   ", bertempat di Kantor KPU Kabupaten Boyolali, " + address + ", telah dilaksanakan " +
                   minutes_subjects[subject] + ".");
    fill_body(lcg, doc.pages, doc.day.year, static_cast<std::size_t>(lcg.between(1, 4)), false);
    doc.pages.lines({"", "Boyolali, " + long_date(doc.day), "KETUA,", "", "ttd.", "", upper(lcg.pick(people))});
    return doc;
}

Document information_list(Lcg& lcg) {
    Document doc;
    const int year = lcg.between(2019, 2024);
    doc.day = Day{year, 1, lcg.between(3, 31)};
    doc.title = "Daftar Informasi Publik KPU Kabupaten Boyolali Tahun " + std::to_string(year);
    const std::string names[] = {"DIP_" + std::to_string(year) + ".pdf",
                                 "Daftar Informasi Publik " + std::to_string(year) + " (update).pdf",
                                 "DIP KPU Boyolali " + std::to_string(year) + ".pdf"};
    doc.name = lcg.pick(names);
    doc.folder = "PPID/DIP";
    doc.pages.lines({"DAFTAR INFORMASI PUBLIK", "PEJABAT PENGELOLA INFORMASI DAN DOKUMENTASI",
                     letterhead + " TAHUN " + std::to_string(year), "",
                     "No   Ringkasan Isi Informasi   Penanggung Jawab   Waktu Pembuatan   Jangka Waktu Penyimpanan"});
    const char* const items[] = {"Profil KPU Kabupaten Boyolali",
                                 "Laporan Keuangan",
                                 "Rencana Strategis",
                                 "Laporan Kinerja Instansi Pemerintah",
                                 "Daftar Aset",
                                 "Keputusan KPU",
                                 "Jadwal Tahapan Pemilu",
                                 "Daftar Pemilih Tetap per Kecamatan",
                                 "Standar Operasional Prosedur",
                                 "Laporan Layanan Informasi Publik"};
    const char* const holders[] = {"Subbagian Keuangan, Umum dan Logistik", "Subbagian Hukum dan SDM",
                                   "Subbagian Teknis Penyelenggaraan Pemilu",
                                   "Subbagian Perencanaan, Data dan Informasi"};
    const auto target = static_cast<std::size_t>(lcg.between(2, 6));
    for (int row = 1; doc.pages.count() < target || doc.pages.last_lines() < 30; ++row) {
        const std::string item = lcg.pick(items), holder = lcg.pick(holders);
        const int made = year - static_cast<int>(lcg.below(3));
        doc.pages.line(std::to_string(row) + ".   " + item + "   " + holder + "   " + std::to_string(made) + "   " +
                       (lcg.chance(50) ? "Selama berlaku" : "5 tahun"));
    }
    signature(lcg, doc.pages, doc.day, "PPID KPU Kabupaten Boyolali,");
    return doc;
}

Document service_report(Lcg& lcg) {
    Document doc;
    const int year = lcg.between(2019, 2023);
    doc.day = Day{year + 1, lcg.between(1, 3), lcg.between(2, 28)};
    doc.title = "Laporan Layanan Informasi Publik PPID KPU Kabupaten Boyolali Tahun " + std::to_string(year);
    const std::string names[] = {"Laporan_PPID_" + std::to_string(year) + ".pdf",
                                 "Laporan Layanan Informasi Publik " + std::to_string(year) + ".pdf",
                                 "LAPORAN PPID TAHUN " + std::to_string(year) + " FINAL.pdf"};
    doc.name = lcg.pick(names);
    doc.folder = "PPID/Laporan";
    const int requests = lcg.between(12, 140);
    const int granted = requests * lcg.between(60, 90) / 100;
    doc.pages.lines({"LAPORAN LAYANAN INFORMASI PUBLIK", letterhead, "TAHUN " + std::to_string(year), "",
                     "Jumlah permohonan informasi publik: " + std::to_string(requests),
                     "Permohonan dikabulkan seluruhnya: " + std::to_string(granted),
                     "Permohonan dikabulkan sebagian: " + std::to_string((requests - granted) / 2),
                     "Permohonan ditolak: " + std::to_string(requests - granted - (requests - granted) / 2),
                     "Rata-rata waktu layanan: " + std::to_string(lcg.between(2, 9)) + " hari kerja", ""});
    fill_body(lcg, doc.pages, year, static_cast<std::size_t>(lcg.between(4, 12)), false);
    doc.pages.lines(
        {"", "Boyolali, " + long_date(doc.day), "PPID KPU Kabupaten Boyolali", "", upper(lcg.pick(people))});
    return doc;
}

Document announcement(Lcg& lcg) {
    Document doc;
    doc.day = working_day(lcg, 2019, 2024);
    const std::string number = std::to_string(lcg.between(1, 150)) + "/PP.04.1-Pu/3309/" + std::to_string(doc.day.year);
    const char* const subjects[] = {
        "Hasil Seleksi Administrasi Calon Anggota PPK", "Hasil Seleksi Tertulis Calon Anggota PPS",
        "Daftar Calon Sementara Anggota DPRD Kabupaten Boyolali", "Rekrutmen Petugas Pemutakhiran Data Pemilih",
        "Jadwal Penyerahan Dukungan Calon Perseorangan"};
    const std::string subject = lcg.pick(subjects);
    doc.title = "Pengumuman Nomor " + number + " tentang " + subject;
    const std::string names[] = {"Pengumuman_" + underscored(subject) + "_" + std::to_string(doc.day.year) + ".pdf",
                                 "PENGUMUMAN " + upper(subject) + ".pdf", "pengumuman-" + compact(doc.day) + ".pdf"};
    doc.name = lcg.pick(names);
    doc.folder = "Umum/Pengumuman";
    doc.pages.lines({letterhead, "PENGUMUMAN", "NOMOR: " + number, "TENTANG", upper(subject), ""});
    fill_body(lcg, doc.pages, doc.day.year, static_cast<std::size_t>(lcg.between(1, 3)), false);
    doc.pages.lines(
        {"", "Boyolali, " + long_date(doc.day), "KETUA KPU KABUPATEN BOYOLALI,", "", upper(lcg.pick(people))});
    return doc;
}

Document letter(Lcg& lcg) {
    Document doc;
    doc.day = working_day(lcg, 2019, 2024);
    const std::size_t subject = lcg.below(std::size(letters));
    doc.title = letters[subject];
    const std::string names[] = {std::string(letter_short[subject]) + " " + dashed(doc.day) + ".pdf",
                                 underscored(letter_short[subject]) + "_" + compact(doc.day) + ".pdf",
                                 "Surat " + std::to_string(lcg.between(1, 900)) + " " + letter_short[subject] + ".pdf"};
    doc.name = lcg.pick(names);
    doc.folder = "Umum/Surat Keluar/" + std::to_string(doc.day.year);
    doc.pages.lines(
        {letterhead, address, "",
         "Nomor   : " + std::to_string(lcg.between(1, 900)) + "/PP.01-Und/3309/" + std::to_string(doc.day.year),
         "Sifat   : Penting", "Lampiran: -", "Perihal : " + std::string(letters[subject]), "",
         "Boyolali, " + long_date(doc.day), "", "Kepada Yth.", "Ketua PPK se-Kabupaten Boyolali", "di tempat", ""});
    doc.pages.text("Dalam rangka " + paragraph(lcg, doc.day.year, 1) + " kami mengundang Saudara untuk hadir pada:");
    const Day meeting = plus_days(doc.day, lcg.between(2, 7));
    doc.pages.lines({"hari, tanggal : " + weekday(meeting) + ", " + long_date(meeting),
                     "pukul         : " + two(lcg.between(8, 13)) + ".00 WIB s.d. selesai",
                     "tempat        : Aula KPU Kabupaten Boyolali", ""});
    fill_body(lcg, doc.pages, doc.day.year, static_cast<std::size_t>(lcg.between(1, 2)), false);
    doc.pages.lines({"Sekretaris,", "", "ttd.", "", upper(lcg.pick(people))});
    return doc;
}

Document performance_report(Lcg& lcg) {
    Document doc;
    const bool strategic = lcg.chance(30);
    const int year = strategic ? 2020 : lcg.between(2019, 2023);
    doc.day = strategic ? Day{2020, lcg.between(2, 6), lcg.between(1, 28)} : Day{year + 1, 2, lcg.between(1, 28)};
    if (strategic) {
        doc.title = "Rencana Strategis Sekretariat KPU Kabupaten Boyolali 2020-2024";
        const std::string names[] = {"RENSTRA 2020-2024.pdf", "Renstra_KPU_Boyolali_2020-2024.pdf"};
        doc.name = lcg.pick(names);
    } else {
        doc.title = "Laporan Kinerja Instansi Pemerintah (LKjIP) KPU Kabupaten Boyolali Tahun " + std::to_string(year);
        const std::string names[] = {"LKjIP_" + std::to_string(year) + ".pdf",
                                     "LKJIP KPU BOYOLALI " + std::to_string(year) + ".pdf",
                                     "Laporan Kinerja " + std::to_string(year) + " rev1.pdf"};
        doc.name = lcg.pick(names);
    }
    doc.folder = "Perencanaan";
    doc.pages.lines({upper(doc.title), "", "KATA PENGANTAR", ""});
    const auto target = static_cast<std::size_t>(lcg.between(10, 20));
    fill_body(lcg, doc.pages, year, target, lcg.chance(50));
    doc.pages.lines({"", "Boyolali, " + long_date(doc.day), "Sekretaris,", "", upper(lcg.pick(people))});
    return doc;
}

Document text_document(Lcg& lcg) {
    switch (lcg.below(12)) {
        case 0:
        case 1:
            return budget_report(lcg);
        case 2:
            return financial_statement(lcg);
        case 3:
        case 4:
        case 5:
            return decree(lcg);
        case 6:
            return minutes(lcg);
        case 7:
            return information_list(lcg);
        case 8:
            return service_report(lcg);
        case 9:
            return announcement(lcg);
        case 10:
            return letter(lcg);
        default:
            return performance_report(lcg);
    }
}

// A time of day from `first_hour` to `last_hour`, as "101500".
std::string clock(Lcg& lcg, int first_hour, int last_hour) {
    const int hour = lcg.between(first_hour, last_hour), minute = lcg.between(0, 59), second = lcg.between(0, 59);
    return two(hour) + two(minute) + two(second);
}

std::string pdf_date(Lcg& lcg, Day d) {  // "D:20230829101500+07'00'", in office hours (WIB)
    return "D:" + compact(d) + clock(lcg, 7, 16) + "+07'00'";
}

std::string stem(const std::string& name) {
    return name.substr(0, name.find_last_of('.'));
}

PdfWriter text_pdf(Lcg& lcg, const Document& doc) {
    PdfWriter pdf;
    // Producers fill the Title from the document's properties, Word from the file name it saved,
    // and some leave it out.
    const std::size_t title_kind = lcg.below(20);
    if (title_kind < 11)
        pdf.info("Title", doc.title);
    else if (title_kind < 16)
        pdf.info("Title", "Microsoft Word - " + stem(doc.name) + ".docx");
    pdf.info("Author", lcg.pick(authors));
    const std::string producer = lcg.pick(pdf_producers);
    pdf.info("Creator", producer).info("Producer", producer);
    pdf.info("CreationDate", pdf_date(lcg, doc.day));
    if (lcg.chance(40)) pdf.info("ModDate", pdf_date(lcg, plus_days(doc.day, lcg.between(0, 30))));
    for (const auto& page : doc.pages.pages()) pdf.add_text_page(page);
    return pdf;
}

// ---------------------------------------------------------------------------------------------
// Scans: a signed paper run through the office's copier, pages that only paint an image.
Document scanned(Lcg& lcg, PdfWriter& pdf) {
    Document doc;
    doc.day = working_day(lcg, 2019, 2024);
    const std::size_t subject = lcg.below(std::size(minutes_short));
    const std::string names[] = {
        "scan_berita_acara_" + dashed(doc.day) + ".pdf",
        "Scan_" + compact(doc.day) + "_" + clock(lcg, 7, 16) + ".pdf",
        "DOC" + two(doc.day.day) + two(doc.day.month) + two(doc.day.year % 100) + "-" + compact(doc.day) +
            std::to_string(lcg.between(100000, 999999)) + ".pdf",
        "SK " + std::to_string(lcg.between(1, 260)) + " " + std::to_string(doc.day.year) + " ttd.pdf",
        "Daftar Hadir Rapat Pleno " + long_date(doc.day) + ".pdf",
        "BA_" + std::string(minutes_short[subject]) + "_ttd_" + compact(doc.day) + ".pdf",
        "IMG_" + compact(doc.day) + "_" + two(lcg.between(0, 99)) + ".pdf"};
    doc.name = lcg.pick(names);
    doc.folder = "Scan/" + std::to_string(doc.day.year);
    const std::string scanner = lcg.pick(scanners);
    pdf.info("Creator", scanner).info("Producer", scanner + " PDF");
    pdf.info("CreationDate", pdf_date(lcg, doc.day));
    const int count = lcg.chance(70) ? lcg.between(1, 4) : lcg.between(5, 10);
    for (int i = 0; i < count; ++i) pdf.add_image_page();
    return doc;
}

// ---------------------------------------------------------------------------------------------
// Word files: letters, minutes and drafts as the office saves them.
constexpr const char* xml_head = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n";

std::string w3cdtf(Lcg& lcg, Day d) {  // local office hours in WIB, written in UTC as Word does
    const std::string time = clock(lcg, 1, 9);
    return std::to_string(d.year) + "-" + two(d.month) + "-" + two(d.day) + "T" + time.substr(0, 2) + ":" +
           time.substr(2, 2) + ":" + time.substr(4, 2) + "Z";
}

std::string word_paragraph(Lcg& lcg, const std::string& text, bool centered = false, bool bold = false) {
    std::string runs_xml;
    const std::string properties = bold ? "<w:rPr><w:b/></w:rPr>" : "";
    // Word splits paragraphs into runs wherever editing or spell checking touched them.
    const std::size_t split = text.size() > 20 && lcg.chance(40) ? text.find(' ', text.size() / 2) : std::string::npos;
    if (split == std::string::npos) {
        runs_xml = "<w:r>" + properties + "<w:t>" + xml_escape(text) + "</w:t></w:r>";
    } else {
        runs_xml = "<w:r>" + properties + "<w:t xml:space=\"preserve\">" + xml_escape(text.substr(0, split + 1)) +
                   "</w:t></w:r><w:proofErr w:type=\"spellStart\"/><w:r>" + properties + "<w:t>" +
                   xml_escape(text.substr(split + 1)) + "</w:t></w:r><w:proofErr w:type=\"spellEnd\"/>";
    }
    return std::string("<w:p>") + (centered ? "<w:pPr><w:jc w:val=\"center\"/></w:pPr>" : "") + runs_xml + "</w:p>";
}

Document word_document(Lcg& lcg, std::vector<ZipEntry>& parts) {
    Document doc;
    doc.day = working_day(lcg, 2019, 2024);
    std::vector<std::string> body;
    std::string title;
    switch (lcg.below(4)) {
        case 0: {
            const std::size_t subject = lcg.below(std::size(letters));
            title = letters[subject];
            const std::string names[] = {std::string(letter_short[subject]) + " " + long_date(doc.day) + ".docx",
                                         "Surat " + std::string(letter_short[subject]) + ".docx",
                                         std::string(letter_short[subject]) + " (2).docx"};
            doc.name = lcg.pick(names);
            doc.folder = "Umum/Surat Keluar/" + std::to_string(doc.day.year);
            body = {letterhead,
                    "Nomor: " + std::to_string(lcg.between(1, 900)) + "/PP.01-Und/3309/" + std::to_string(doc.day.year),
                    "Perihal: " + title, "Boyolali, " + long_date(doc.day),
                    "Kepada Yth. Ketua PPK se-Kabupaten Boyolali"};
            break;
        }
        case 1: {
            const std::size_t subject = lcg.below(std::size(minutes_subjects));
            title = "Notulen " + std::string(minutes_subjects[subject]);
            const std::string names[] = {"NOTULEN RAPAT PLENO " + dashed(doc.day) + ".docx",
                                         "notulen_" + std::string(minutes_short[subject]) + ".docx",
                                         "Notulen " + long_date(doc.day) + ".docx"};
            doc.name = lcg.pick(names);
            doc.folder = "Teknis/Notulen";
            body = {"NOTULEN", upper(minutes_subjects[subject]),
                    "Hari/Tanggal: " + weekday(doc.day) + ", " + long_date(doc.day),
                    "Tempat: Ruang Rapat KPU Kabupaten Boyolali", "Pimpinan Rapat: " + std::string(lcg.pick(people))};
            break;
        }
        case 2: {
            const std::size_t subject = lcg.below(std::size(decree_subjects));
            title = "Rancangan Keputusan KPU Kabupaten Boyolali tentang " + std::string(decree_subjects[subject]);
            const std::string names[] = {
                "draft SK " + std::string(decree_short[subject]) + " rev" + std::to_string(lcg.between(1, 4)) + ".docx",
                "Draf_SK_" + underscored(decree_short[subject]) + "_" + std::to_string(doc.day.year) + ".docx",
                "SK " + std::string(decree_short[subject]) + " (edit " + first_name(lcg.pick(people)) + ").docx"};
            doc.name = lcg.pick(names);
            doc.folder = "Hukum/Draft";
            body = {"RANCANGAN", "KEPUTUSAN " + letterhead, "NOMOR ... TAHUN " + std::to_string(doc.day.year),
                    "TENTANG", upper(decree_subjects[subject])};
            break;
        }
        default: {
            const char* const activities[] = {"Sosialisasi Pemilih Pemula", "Bimbingan Teknis KPPS",
                                              "Pencocokan dan Penelitian Data Pemilih",
                                              "Monitoring Distribusi Logistik"};
            const std::string activity = lcg.pick(activities);
            title = "Laporan Kegiatan " + activity;
            const std::string names[] = {"Laporan Kegiatan " + activity + ".docx",
                                         "LAPORAN " + upper(activity) + " " + dashed(doc.day) + ".docx",
                                         "lap_keg_" + compact(doc.day) + ".docx"};
            doc.name = lcg.pick(names);
            doc.folder = "Teknis/Laporan Kegiatan";
            // The weekday as people type it: "Jum\u2019at" with Word's curly apostrophe, a dash before the place.
            const std::string day_name = weekday(doc.day) == "Jumat" ? "Jum\xE2\x80\x99"
                                                                       "at"
                                                                     : weekday(doc.day);
            body = {"LAPORAN KEGIATAN", upper(activity),
                    day_name + ", " + long_date(doc.day) + " \xE2\x80\x94 Kecamatan " + lcg.pick(districts)};
        }
    }
    std::string xml;
    for (std::size_t i = 0; i < body.size(); ++i) xml += word_paragraph(lcg, body[i], i < 2, i < 2);
    for (int i = lcg.between(8, 60); i > 0; --i)
        xml += word_paragraph(lcg, paragraph(lcg, doc.day.year, lcg.between(1, 4)));
    xml += word_paragraph(lcg, "Boyolali, " + long_date(doc.day));
    xml += word_paragraph(lcg, lcg.pick(people));
    const int pages = 1 + static_cast<int>(xml.size() / 6000);

    const std::string creator = lcg.pick(authors), last_modified_by = lcg.pick(authors);
    const int revision = lcg.between(1, 12), editing_minutes = lcg.between(1, 300);
    // Word leaves the title empty unless someone fills in the properties.
    const std::string core_title =
        lcg.chance(45) ? "<dc:title>" + xml_escape(title) + "</dc:title>" : "<dc:title></dc:title>";
    const std::string created = w3cdtf(lcg, doc.day), modified = w3cdtf(lcg, plus_days(doc.day, lcg.between(0, 20)));
    parts = {
        {"[Content_Types].xml",
         std::string(xml_head) +
             "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
             "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
             "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
             "<Override PartName=\"/word/document.xml\" "
             "ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
             "<Override PartName=\"/docProps/core.xml\" "
             "ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>"
             "<Override PartName=\"/docProps/app.xml\" "
             "ContentType=\"application/vnd.openxmlformats-officedocument.extended-properties+xml\"/></Types>"},
        {"_rels/.rels",
         std::string(xml_head) +
             "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
             "<Relationship Id=\"rId3\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
             "extended-properties\" Target=\"docProps/app.xml\"/>"
             "<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/"
             "core-properties\" Target=\"docProps/core.xml\"/>"
             "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/"
             "officeDocument\" Target=\"word/document.xml\"/></Relationships>"},
        // Word writes the main part third: libmagic looks there to tell a Word file from any zip.
        {"word/document.xml",
         std::string(xml_head) +
             "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body>" + xml +
             "<w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/></w:sectPr></w:body></w:document>"},
        {"docProps/core.xml",
         std::string(xml_head) +
             "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" "
             "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" "
             "xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" "
             "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">" +
             core_title + "<dc:subject></dc:subject><dc:creator>" + xml_escape(creator) +
             "</dc:creator><cp:keywords></cp:keywords><cp:lastModifiedBy>" + xml_escape(last_modified_by) +
             "</cp:lastModifiedBy><cp:revision>" + std::to_string(revision) +
             "</cp:revision><dcterms:created xsi:type=\"dcterms:W3CDTF\">" + created +
             "</dcterms:created><dcterms:modified xsi:type=\"dcterms:W3CDTF\">" + modified +
             "</dcterms:modified></cp:coreProperties>"},
        {"docProps/app.xml", std::string(xml_head) +
                                 "<Properties xmlns=\"http://schemas.openxmlformats.org/officeDocument/2006/"
                                 "extended-properties\"><Template>Normal.dotm</Template><TotalTime>" +
                                 std::to_string(editing_minutes) + "</TotalTime><Pages>" + std::to_string(pages) +
                                 "</Pages><Application>Microsoft Office Word</Application></Properties>"}};
    doc.title = title;
    return doc;
}

// ---------------------------------------------------------------------------------------------
// Web pages saved from the office's site ("Save page as..."): scripts and styles around an article.
std::string site_chrome(Lcg& lcg) {  // the theme's inline CSS and JavaScript, as big as such pages carry
    std::string text = "<style>\n";
    for (int i = lcg.between(40, 200); i > 0; --i) {
        const int margin = lcg.between(4, 32), colour = lcg.between(100, 999);
        text += ".wp-block-" + std::to_string(i) + "{margin:0 0 " + std::to_string(margin) +
                "px;padding:0;font-family:\"Open Sans\",sans-serif;color:#" + std::to_string(colour) + "}\n";
    }
    text += "</style>\n<script>\nwindow.dataLayer=window.dataLayer||[];\n";
    for (int i = lcg.between(40, 200); i > 0; --i)
        text += "jQuery(function($){$('.menu-item-" + std::to_string(i) +
                "').on('click',function(e){e.preventDefault();"
                "$(this).toggleClass('open');});});\n";
    return text + "</script>\n";
}

Document web_page(Lcg& lcg, std::string& html) {
    Document doc;
    doc.day = working_day(lcg, 2019, 2024);
    const char* const headlines[] = {"Rapat Pleno Terbuka Penetapan DPT Pemilu 2024",
                                     "KPU Boyolali Gelar Sosialisasi Pemilih Pemula di SMA Negeri 1 Boyolali",
                                     "Pengumuman Hasil Seleksi Calon Anggota PPK",
                                     "KPU Boyolali Terima Kunjungan Komisi Informasi Provinsi Jawa Tengah",
                                     "Bimbingan Teknis Pemungutan dan Penghitungan Suara bagi KPPS",
                                     "Penyerahan Laporan Awal Dana Kampanye Partai Politik"};
    const std::string headline = lcg.pick(headlines);
    std::string slug;
    for (const char c : headline) slug += c == ' ' ? '-' : static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    const std::string names[] = {slug + ".html", headline + " - KPU Kabupaten Boyolali.html",
                                 "berita_" + compact(doc.day) + ".htm"};
    doc.name = lcg.pick(names);
    doc.folder = "Unduhan/Website";
    doc.title = headline + " \xE2\x80\x93 KPU Kabupaten Boyolali";
    html = "<!DOCTYPE html>\n<html lang=\"id-ID\">\n<head>\n<meta charset=\"UTF-8\">\n<title>" + xml_escape(doc.title) +
           "</title>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n" + site_chrome(lcg) +
           "</head>\n<body class=\"post-template-default single\">\n<nav><ul><li><a href=\"/\">Beranda</a></li>"
           "<li><a href=\"/profil\">Profil</a></li><li><a href=\"/ppid\">PPID</a></li><li><a href=\"/berita\">Berita"
           "</a></li></ul></nav>\n<article>\n<h1>" +
           xml_escape(headline) + "</h1>\n<p class=\"meta\"><span class=\"date\">" + weekday(doc.day) + ", " +
           long_date(doc.day) + "</span> &middot; Humas KPU Boyolali</p>\n";
    for (int i = lcg.between(3, 12); i > 0; --i)
        html += "<p>" + xml_escape(paragraph(lcg, doc.day.year, lcg.between(2, 4))) + "</p>\n";
    html += "<p class=\"updated\">Diperbarui " + slashed(plus_days(doc.day, 1)) + "</p>\n";
    html += "</article>\n<footer>&copy; " + std::to_string(doc.day.year) + " KPU Kabupaten Boyolali &middot; " +
            address +
            "</footer>\n<script>jQuery(document).ready(function(){"
            "window.initTheme&&window.initTheme();});</script>\n</body>\n</html>\n";
    return doc;
}

// ---------------------------------------------------------------------------------------------
// Broken files: a download cut short, an error page saved under the document's name, an empty
// file and a PDF locked with a password.
Document broken(Lcg& lcg, std::size_t which, std::string& bytes) {
    Document doc;
    switch (which % 4) {
        case 0: {
            doc = text_document(lcg);
            const std::string whole = text_pdf(lcg, doc).bytes();
            bytes = whole.substr(0, whole.size() * static_cast<std::size_t>(lcg.between(30, 70)) / 100);
            doc.name = stem(doc.name) + " (1).pdf";
            break;
        }
        case 1: {
            doc.day = working_day(lcg, 2019, 2024);
            doc.name = "SK-KPU-" + std::to_string(lcg.between(1, 260)) + "-" + std::to_string(doc.day.year) + ".pdf";
            const char* const pages[] = {
                "<html>\r\n<head><title>404 Not Found</title></head>\r\n<body>\r\n<center><h1>404 Not Found</h1>"
                "</center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n",
                "<!DOCTYPE html><html lang=\"id\"><head><meta charset=\"utf-8\"><title>Sesi Berakhir - JDIH KPU "
                "Kabupaten Boyolali</title></head><body><div class=\"alert\">Sesi Anda telah berakhir. Silakan masuk "
                "kembali untuk mengunduh dokumen.</div><form action=\"/login\" method=\"post\"><input name=\"user\">"
                "<input type=\"password\" name=\"pass\"><button>Masuk</button></form></body></html>\n",
                "<!DOCTYPE html>\n<html><head><title>403 Forbidden</title></head><body><h1>Forbidden</h1><p>You don't "
                "have permission to access this resource.</p><hr><address>Apache/2.4.41 (Ubuntu) Server at "
                "kab-boyolali.kpu.go.id Port 443</address></body></html>\n"};
            bytes = lcg.pick(pages);
            break;
        }
        case 2: {
            doc.day = working_day(lcg, 2019, 2024);
            const std::string names[] = {
                "Lampiran SK " + std::to_string(lcg.between(1, 260)) + " " + std::to_string(doc.day.year) + ".pdf",
                "Laporan_Keuangan_TA_" + std::to_string(doc.day.year) + ".pdf"};
            doc.name = lcg.pick(names);
            bytes.clear();
            break;
        }
        default: {
            doc = text_document(lcg);
            bytes = text_pdf(lcg, doc).lock().bytes();
            doc.name = stem(doc.name) + " (terkunci).pdf";
        }
    }
    doc.folder = "Unduhan";
    return doc;
}

// ---------------------------------------------------------------------------------------------
// Writing.
class Output {
public:
    explicit Output(fs::path dir) : dir_(std::move(dir)) {}

    // Returns a path for `doc` that no earlier document took: "name (2).pdf" as browsers do.
    fs::path claim(const Document& doc) {
        const std::string base = stem(doc.name), extension = doc.name.substr(base.size());
        std::string name = doc.name;
        for (int n = 2; !taken_.insert(doc.folder + "/" + name).second; ++n)
            name = base + " (" + std::to_string(n) + ")" + extension;
        const fs::path folder = dir_ / doc.folder;
        fs::create_directories(folder);
        return folder / name;
    }

    // The file was saved a little after the date written in it, in office hours (WIB).
    static void set_time(Lcg& lcg, const fs::path& path, Day day) {
        const int days_later = lcg.between(0, 3), hour_utc = lcg.between(1, 9), second = lcg.between(0, 3599);
        const long long seconds = days_from_civil(plus_days(day, days_later)) * 86400LL + hour_utc * 3600LL + second;
        struct timespec times[2];
        times[0].tv_sec = times[1].tv_sec = static_cast<time_t>(seconds);
        times[0].tv_nsec = times[1].tv_nsec = 0;
        if (utimensat(AT_FDCWD, path.c_str(), times, 0) != 0)
            throw std::runtime_error("cannot set the time of " + path.string() + ": " + std::strerror(errno));
    }

private:
    fs::path dir_;
    std::set<std::string> taken_;
};

enum class Kind { text_pdf, scan, docx, html, broken };

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: make_bench_documents DIR COUNT\n";
        return 2;
    }
    const std::string count_text = argv[2];
    if (count_text.empty() || count_text.size() > 6 ||
        count_text.find_first_not_of("0123456789") != std::string::npos) {
        std::cerr << "make_bench_documents: COUNT must be a number from 0 to 999999: " << count_text << "\n";
        return 2;
    }
    const std::size_t count = std::stoul(count_text);
    try {
        // Exact shares, then shuffled: 60% text PDFs, 15% scans, 15% Word, 5% web pages, the rest broken.
        std::vector<Kind> kinds;
        const std::pair<Kind, std::size_t> shares[] = {{Kind::text_pdf, count * 60 / 100},
                                                       {Kind::scan, count * 15 / 100},
                                                       {Kind::docx, count * 15 / 100},
                                                       {Kind::html, count * 5 / 100}};
        for (const auto& [kind, n] : shares) kinds.insert(kinds.end(), n, kind);
        kinds.resize(count, Kind::broken);
        Lcg lcg(20240214);
        for (std::size_t i = kinds.size(); i > 1; --i) std::swap(kinds[i - 1], kinds[lcg.below(i)]);

        Output output{fs::path(argv[1])};
        std::size_t tally[5] = {};
        std::size_t broken_count = 0;
        for (const Kind kind : kinds) {
            Document doc;
            std::string bytes;
            std::vector<ZipEntry> parts;
            switch (kind) {
                case Kind::text_pdf:
                    doc = text_document(lcg);
                    bytes = text_pdf(lcg, doc).bytes();
                    break;
                case Kind::scan: {
                    PdfWriter pdf;
                    doc = scanned(lcg, pdf);
                    bytes = pdf.bytes();
                    break;
                }
                case Kind::docx:
                    doc = word_document(lcg, parts);
                    break;
                case Kind::html:
                    doc = web_page(lcg, bytes);
                    break;
                case Kind::broken:
                    doc = broken(lcg, broken_count++, bytes);
                    break;
            }
            const fs::path path = output.claim(doc);
            if (kind == Kind::docx)
                ppid::test::write_zip(path, parts);
            else
                ppid::test::write_file(path, bytes);
            Output::set_time(lcg, path, doc.day);
            ++tally[static_cast<int>(kind)];
        }
        std::cout << "make_bench_documents: " << count << " documents in " << argv[1] << ": " << tally[0]
                  << " text PDFs, " << tally[1] << " scans, " << tally[2] << " DOCX, " << tally[3] << " HTML, "
                  << tally[4] << " broken\n";
    } catch (const std::exception& error) {
        std::cerr << "make_bench_documents: " << error.what() << "\n";
        return 1;
    }
    return 0;
}
