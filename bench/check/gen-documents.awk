# bench/check/gen-documents.awk: N `document` records as ppid-index writes them for a large shared drive,
# deterministically (a Park-Miller LCG with a fixed seed; no clock, no $RANDOM).
# usage: awk -v n=1000000 -v seed=20230829 [-v share=100] -f gen-documents.awk > documents.jsonl
# About 12% of the files (`share` percent) are checklist documents with the titles KPU offices give them (all caps,
# abbreviations, "(final)", "revisi", dates and periods in the name); the rest are letters, photos, scans
# and drafts that match no item. 2% are broken (empty or of the wrong type), 3% duplicates.
function rnd(k) { seed = (seed * 16807) % 2147483647; return int(seed / 2147483647 * k) }
function pick(list,    parts, count) { count = split(list, parts, "|"); return parts[rnd(count) + 1] }
function hex64(i,    s, h) { s = sprintf("%08x%08x", i, (i * 2654435761) % 4294967296); h = s s s s; return h }
BEGIN {
    if (seed == "") seed = 20230829
    if (share == "") share = 12
    matching = "LAPORAN_KEUANGAN_TA_%Y (final)|LRA Semester %S %Y|CaLK_Semester_%S_%Y_revisi|LAPORAN LAYANAN INFORMASI PUBLIK TAHUN %Y|DIP_%Y (revisi)|DAFTAR INFORMASI PUBLIK KPU KAB. %O TAHUN %Y|DIPA KPU KABUPATEN %O TA %Y|RENCANA UMUM PENGADAAN (RUP) TA %Y|LKjIP KPU Kab. %O Tahun %Y|SK_No_%N_Kpts_KPU-Kab_%Y|BA Pleno Rekapitulasi DPT %Y (final)|MAKLUMAT PELAYANAN INFORMASI PUBLIK|SOP PPID revisi %Y|Agenda Kegiatan Pimpinan Bulan %M %Y|Register Permohonan Informasi Semester %S %Y|LHKPN Ketua dan Anggota %Y|Profil Anggota KPU Kab. %O"
    other = "Surat Undangan Rapat Koordinasi %D|IMG_%Y%m%d_%N|Scan_%Y%m%d_%N|Foto Kegiatan Sosialisasi %D|Draft Nota Dinas %N|Surat Keluar No %N tahun %Y|Daftar Hadir Bimtek %D|Materi Rakor Divisi Teknis %D|Undangan Sosialisasi Pemilih Pemula %D|Copy of Rekap Absensi Pegawai %M %Y|Notulen Rapat Internal %D|Video Profil %N|Desain Banner %N|Backup Website %D|Kwitansi Perjalanan Dinas %N"
    offices = "BOYOLALI|SRAGEN|KLATEN|SUKOHARJO|WONOGIRI|KARANGANYAR|GROBOGAN|BLORA|REMBANG|PATI|KUDUS|JEPARA|DEMAK|SEMARANG|TEMANGGUNG|KENDAL|BATANG|PEKALONGAN|PEMALANG|TEGAL|BREBES|CILACAP|BANYUMAS|PURBALINGGA|BANJARNEGARA|KEBUMEN|PURWOREJO|WONOSOBO|MAGELANG"
    months = "Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember"
    exts = ".pdf|.pdf|.pdf|.docx|.xlsx|.jpg"
    for (i = 1; i <= n; i++) {
        year = 2019 + rnd(7); month = 1 + rnd(12); day = 1 + rnd(28)
        template = rnd(100) < share ? pick(matching) : pick(other)
        name = template
        gsub(/%Y/, year, name); gsub(/%S/, rnd(2) ? "I" : "II", name); gsub(/%O/, pick(offices), name)
        gsub(/%N/, 1 + rnd(400), name); gsub(/%M/, pick(months), name)
        gsub(/%m%d/, sprintf("%02d%02d", month, day), name); gsub(/%D/, sprintf("%02d-%02d-%d", day, month, year), name)
        ext = pick(exts)
        folder = pick("PPID|Keuangan/" year "|Umum/Surat Keluar/" year "|Hukum/SK " year "|Foto/" year "|Teknis|Data Pemilih|Unduhan")
        title = name; gsub(/_/, " ", title); sub(/ \((final|revisi)\)$/, "", title)
        problems = ""
        r = rnd(100)
        if (r < 1) problems = "\"empty\""; else if (r < 2) problems = "\"type_mismatch\""; else if (r < 5) problems = "\"duplicate\""
        sha = (r >= 2 && r < 5) ? hex64(i - 1 - rnd(50)) : hex64(i)
        period = ""
        if (name ~ /Semester I /) period = sprintf(",\"period\":{\"text\":\"Semester I %d\",\"kind\":\"semester\",\"year\":%d,\"number\":1,\"start\":\"%d-01-01\",\"end\":\"%d-06-30\"}", year, year, year, year)
        else if (name ~ /Semester II /) period = sprintf(",\"period\":{\"text\":\"Semester II %d\",\"kind\":\"semester\",\"year\":%d,\"number\":2,\"start\":\"%d-07-01\",\"end\":\"%d-12-31\"}", year, year, year, year)
        else if (name ~ /(TA|TAHUN|Tahun) [0-9]/) period = sprintf(",\"period\":{\"text\":\"Tahun %d\",\"kind\":\"year\",\"year\":%d,\"start\":\"%d-01-01\",\"end\":\"%d-12-31\"}", year, year, year, year)
        printf "{\"type\":\"document\",\"root\":\"/srv/ppid/dokumen\",\"path\":\"%s/%s%s\",\"size\":%d,\"modified\":\"%d-%02d-%02dT09:%02d:00+07:00\",\"sha256\":\"%s\",\"media_type\":\"%s\",\"title\":\"%s\",\"title_source\":\"filename\",\"date\":\"%d-%02d-%02d\",\"date_source\":\"mtime\"%s,\"problems\":[%s]}\n", \
            folder, name, ext, 1024 + rnd(2000000), year, month, day, rnd(60), sha, ext == ".jpg" ? "image/jpeg" : ext == ".pdf" ? "application/pdf" : "application/octet-stream", \
            title, year, month, day, period, problems
    }
}
