# Writes a request register as Indonesian offices export it from Excel: ';'-separated, a title
# line above the header, Indonesian dates in several forms, quoted cells holding ';' and line
# breaks, free-text decisions. Deterministic: usage awk -v n=ROWS -v seed=N -f gen-register.awk
function rnd() { seed = (seed * 1103515245 + 12345) % 2147483648; return seed / 2147483648 }
function pick(list, count) { return list[int(rnd() * count) + 1] }
BEGIN {
    split("Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember", month, " ")
    split("Jan Feb Mar Apr Mei Jun Jul Agt Sep Okt Nop Des", short, " ")
    split("31 28 31 30 31 30 31 31 30 31 30 31", days_in, " ")
    n_name = split("Siti Rahayu|Budi Santoso|Agus Wibowo|Dewi Lestari|Rudi Hartono|Eko Prasetyo|Sri Wahyuni|Joko Susilo|LSM Pantau Pemilu|Yayasan Suara Warga", name, "|")
    n_job = split("Mahasiswa|Wartawan|Peneliti|Guru|Swasta|PNS|Petani|LSM", job, "|")
    n_info = split("Salinan SK penetapan DPT|Rekapitulasi hasil penghitungan suara per TPS|Laporan keuangan TA 2024; CaLK dan LRA|Daftar aset tetap|\"Notulen rapat pleno\" terbuka|SOP pelayanan informasi", info, "|")
    n_dec = split("Diberikan seluruhnya|Dikabulkan|Diberikan sebagian|Ditolak|Tidak dikuasai|", decision, "|")
    print "REGISTER PERMOHONAN INFORMASI PUBLIK;;;;;;;;;;;"
    print "No;No. Pendaftaran;Tanggal;Nama;Alamat;Nomor Kontak;Pekerjaan;Informasi yang Diminta;Tujuan Penggunaan Informasi;Keputusan;Alasan Penolakan;Hari dan Tanggal Pemberitahuan Tertulis"
    for (i = 1; i <= n; i++) {
        # One year, as an office keeps a register (ppid-import warns on a date more than a year from
        # the register's); the draw is kept so the other columns are as before.
        rnd(); y = 2024; m = int(rnd() * 12) + 1; d = int(rnd() * 28) + 1
        form = int(rnd() * 4)
        if (form == 0) received = d " " month[m] " " y
        else if (form == 1) received = sprintf("%02d/%02d/%d", d, m, y)
        else if (form == 2) received = d " " short[m] " " y " 14.05"
        else received = sprintf("%d-%02d-%02d", y, m, d)
        dec = pick(decision, n_dec)
        answered = ""
        if (dec != "") { ad = d + 3; am = m; if (ad > 28) { ad -= 28; am = m % 12 + 1 }; answered = ad " " month[am] " " (am < m ? y + 1 : y) }
        reason = (dec == "Ditolak") ? "\"Informasi dikecualikan;\nPasal 17 huruf h\"" : ""
        info_text = pick(info, n_info)
        gsub(/"/, "\"\"", info_text)
        if (info_text ~ /[;"]/) info_text = "\"" info_text "\""
        printf "%d;%03d/PPID/%d;%s;%s;\"Jl. Merdeka %d; RT %02d/%02d\";08%09d;%s;%s;Penelitian;%s;%s;%s\n", \
            i, i % 1000, y, received, pick(name, n_name), i % 97, i % 9, i % 7, i, pick(job, n_job), info_text, dec, reason, answered
    }
}
