// Writes the sample office's register workbook (share/ppid/examples/kpu-boyolali/register-2025.xlsx)
// the way offices keep theirs: a letterhead over the header, a row of column numbers, dates
// typed as Excel dates and as Indonesian text, free-text decisions, a total row, and a second
// sheet for objections. Run by hand when the sample changes: make_sample_register OUTPUT.xlsx
#include "support/xlsx_writer.hpp"

#include <iostream>

namespace {

using ppid::test::NumberStyle;
using ppid::test::XlsxWriter;

// Excel serial of a date (and time): days since 1899-12-30 for dates after February 1900.
double serial(int days_since_1899_12_30, int hour = 0, int minute = 0) {
    return days_since_1899_12_30 + (hour * 60 + minute) / (24.0 * 60);
}

void write_requests(XlsxWriter::Sheet& sheet) {
    sheet.set(1, 0, "REGISTER PERMOHONAN INFORMASI PUBLIK").merge(1, 0, 1, 13);
    sheet.set(2, 0, "KPU KABUPATEN BOYOLALI TAHUN 2025").merge(2, 0, 2, 13);
    const char* headers[] = {"No", "No. Pendaftaran", "Tanggal", "Nama", "Alamat", "Nomor Kontak\n(Telp/Email)",
                             "Pekerjaan", "Informasi yang Diminta", "Tujuan Penggunaan Informasi", "Cara Permohonan",
                             "Tanggal Perpanjangan", "Keputusan", "Alasan Penolakan",
                             "Hari dan Tanggal Pemberitahuan Tertulis"};
    for (std::size_t c = 0; c < 14; ++c) {
        sheet.set(4, c, headers[c]);
        sheet.set_number(5, c, double(c + 1));
    }
    struct Row {
        const char* id;
        double received;  // 0: written as text instead
        const char* received_text;
        const char* name;
        const char* address;
        const char* contact;
        const char* occupation;
        const char* information;
        const char* purpose;
        const char* channel;
        const char* extension;
        const char* decision;
        const char* reason;
        const char* answered;
    };
    // 45663 is 6 January 2025.
    const Row rows[] = {
        {"001/PPID-BYL/I/2025", serial(45663, 9, 12), "", "Siti Rahayu", "Jl. Pandanaran 12, Boyolali", "0812 2700 1111",
         "Mahasiswa", "Salinan SK penetapan hasil Pilkada Boyolali 2024", "Bahan skripsi", "Langsung", "",
         "Diberikan seluruhnya", "", "Senin, 13 Januari 2025"},
        {"002/PPID-BYL/I/2025", 0, "20/01/2025 15.58", "Budi Santoso", "Ds. Mojosongo RT 02/05", "budi@example.com",
         "Wartawan", "Rincian dana hibah Pilkada 2024", "Pemberitaan", "E-mail", "", "Diberikan sebagian", "",
         "10/02/2025"},
        {"003/PPID-BYL/I/2025", serial(45681, 16, 45), "", "LSM Pantau Boyolali", "Jl. Merbabu 3", "0276 321 000", "LSM",
         "Daftar aset tetap per 31 Desember 2024", "Pengawasan", "Langsung", "Senin, 10 Februari 2025",
         "Dikabulkan", "", "17 Feb 2025"},
        {"004/PPID-BYL/II/2025", 0, "Senin, 3 Februari 2025", "Agus Wibowo", "Kec. Ampel", "0813 9000 2222", "Swasta",
         "Data pemilih disabilitas per kecamatan", "Kepentingan usaha", "e-PPID", "", "Ditolak",
         "Informasi dikecualikan (data pribadi)", "Jum'at, 7 Februari 2025"},
        {"005/PPID-BYL/II/2025", serial(45712, 10, 0), "", "Dewi Lestari", "Kartasura, Sukoharjo", "0815 1234 5678",
         "Peneliti", "Laporan keuangan KPU Boyolali TA 2024", "Penelitian", "e-PPID", "", "", "", ""},
        {"006/PPID-BYL/III/2025", 0, "3 Maret 2025 pukul 08.30", "Rudi Hartono", "Kec. Banyudono", "0857 0000 3333",
         "Mahasiswa", "Notulen rapat pleno rekapitulasi", "Tugas kuliah", "Langsung", "", "", "", ""},
        {"007/PPID-BYL/III/2025", serial(45726, 13, 20), "", "Yayasan Suara Warga", "Jl. Solo-Semarang km 25",
         "suarawarga@example.org", "LSM", "SOP pelayanan informasi publik", "Advokasi", "E-mail", "", "", "", ""},
        {"008/PPID-BYL/III/2025", 0, "12-03-2025 09:00", "Eko Prasetyo", "Kec. Teras", "0812 7777 8888", "Guru",
         "Jadwal sosialisasi pendidikan pemilih 2025", "Bahan ajar", "Langsung", "", "Dipenuhi", "", "13/3/2025"},
    };
    std::size_t r = 6;
    for (const Row& row : rows) {
        sheet.set_number(r, 0, double(r - 5));
        sheet.set(r, 1, row.id);
        if (row.received > 0) sheet.set_number(r, 2, row.received, NumberStyle::date_time);
        else sheet.set(r, 2, row.received_text);
        const char* rest[] = {row.name,    row.address,   row.contact,  row.occupation, row.information, row.purpose,
                              row.channel, row.extension, row.decision, row.reason,     row.answered};
        for (std::size_t c = 0; c < 11; ++c)
            if (*rest[c]) sheet.set(r, c + 3, rest[c]);
        ++r;
    }
    sheet.set(r, 0, "Jumlah").set_formula(r, 1, "COUNTA(B6:B13)", "8");
}

void write_objections(XlsxWriter::Sheet& sheet) {
    sheet.set(1, 0, "REGISTER KEBERATAN ATAS PERMOHONAN INFORMASI PUBLIK").merge(1, 0, 1, 11);
    const char* headers[] = {"No", "Nomor Registrasi Keberatan", "Tanggal Diterimanya Keberatan", "Identitas Pemohon",
                             "Nomor Pendaftaran Permohonan Informasi Publik", "Informasi yang Diminta",
                             "Tujuan Penggunaan Informasi", "Alasan Pengajuan Keberatan", "Keputusan Atasan PPID",
                             "Hari dan Tanggal Pemberian Tanggapan", "Nama dan Posisi Atasan PPID",
                             "Tanggapan Pemohon Informasi"};
    for (std::size_t c = 0; c < 12; ++c) sheet.set(3, c, headers[c]);
    sheet.set_number(4, 0, 1).set(4, 1, "K-001/PPID-BYL/II/2025").set_number(4, 2, 45700, NumberStyle::date);
    sheet.set(4, 3, "Agus Wibowo").set(4, 4, "004/PPID-BYL/II/2025").set(4, 5, "Data pemilih disabilitas per kecamatan");
    sheet.set(4, 6, "Kepentingan usaha").set(4, 7, "Penolakan atas dasar pengecualian (Pasal 35 ayat (1) huruf a)");
    sheet.set(4, 10, "Sekretaris KPU Kabupaten Boyolali");
    sheet.set_number(5, 0, 2).set(5, 1, "K-002/PPID-BYL/II/2025").set(5, 2, "Jumat, 14 Februari 2025");
    sheet.set(5, 3, "Budi Santoso").set(5, 4, "002/PPID-BYL/I/2025").set(5, 5, "Rincian dana hibah Pilkada 2024");
    sheet.set(5, 6, "Pemberitaan").set(5, 7, "Permintaan informasi tidak dipenuhi").set(5, 8, "Diterima");
    sheet.set(5, 9, "Rabu, 5 Maret 2025").set(5, 10, "Sekretaris KPU Kabupaten Boyolali").set(5, 11, "Menerima");
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: make_sample_register OUTPUT.xlsx\n";
        return 2;
    }
    XlsxWriter writer;
    write_requests(writer.add_sheet("Register Permohonan"));
    write_objections(writer.add_sheet("Register Keberatan"));
    writer.save(argv[1]);
    return 0;
}
