# Generates N realistic `request` records (and ~5% `objection` records) as JSON Lines.
#
#   awk -v n=200000 -v seed=20240405 -f bench/gen-requests.awk > requests.jsonl
#
# Deterministic: the only source of randomness is a Park-Miller LCG (multiplier 16807, modulus
# 2^31-1) started from `seed`; every product stays below 2^53, so mawk, gawk and busybox awk give
# the same bytes. No clock, no $RANDOM. Records are in the order an office register keeps them:
# by received date, spread over 2019-01-02 .. 2026-12-31, mostly on weekdays.
#
# Every record is valid for ppid-deadline: the received day in Asia/Jakarta (the default office
# time zone) is always the generated local day, answered and extension_notified are never before
# it, and every count ends inside the shipped holiday calendar (2019-2027).

BEGIN {
    if (n == "") n = 200000
    if (seed == "") seed = 20240405
    seed = seed % 2147483647
    if (seed <= 0) seed += 2147483646

    first_day = days_from_civil(2019, 1, 2)
    last_day = days_from_civil(2026, 12, 31)
    span = last_day - first_day + 1

    split("I II III IV V VI VII VIII IX X XI XII", roman, " ")

    n_office = split("BYL SKH KLT SRG KRA WNG SLO SMG MGL TMG WSB BJN KDS JPR PTI RBG BLA GRB " \
                     "PKL BTG PML TGL BRB CLP BMS PBG BNR KBM PWR DMK", office, " ")

    n_first = split("Siti Budi Agus Dewi Rudi Eko Sri Wahyu Joko Rina Yuli Dian Ahmad Muhammad " \
                    "Nur Fitri Indah Hendra Bambang Slamet Suryani Teguh Ratna Wulan Arif " \
                    "Bayu Putri Rizki Fajar Aditya Lestari Tri Dwi Anik Heru Yoga Nanik " \
                    "Sutrisno Puji Endang", first_name, " ")
    n_last = split("Rahayu Santoso Wibowo Lestari Hartono Prasetyo Susanto Wijaya Kurniawan " \
                   "Saputra Hidayat Setiawan Nugroho Purnomo Handayani Utami Permana Suharto " \
                   "Kusuma Pratama Maulana Ramadhan Hakim Sulistyo Wahyuni Anggraini Cahyono " \
                   "Firmansyah Gunawan Haryanto", last_name, " ")
    n_org = split("LSM Pantau Pemilu|Yayasan Suara Warga|Forum Warga Peduli Desa|" \
                  "Perkumpulan Jurnalis Lokal|BEM Universitas Muhammadiyah|" \
                  "Lembaga Kajian Demokrasi|Koalisi Masyarakat Sipil untuk Pemilu Bersih|" \
                  "Pusat Studi Hukum dan Kebijakan|Komunitas Difabel Mandiri|" \
                  "Ikatan Pelajar Nahdlatul Ulama|Pemuda Pancasila Ranting Kota", org, "|")
    n_occ = split("Mahasiswa|Wartawan|Peneliti|Guru|Swasta|Wiraswasta|PNS|Petani|Buruh|" \
                  "Ibu Rumah Tangga|Advokat|Dosen|Pelajar|Pensiunan|Perangkat Desa|" \
                  "Anggota Partai Politik|Pegiat Pemilu", occupation, "|")

    n_doc = split("Salinan Keputusan KPU tentang penetapan daftar pemilih tetap|" \
                  "Rekapitulasi hasil penghitungan suara|Berita acara rapat pleno terbuka|" \
                  "Laporan realisasi anggaran dana hibah|Daftar calon anggota DPRD yang ditetapkan|" \
                  "Salinan SK pembentukan PPK dan PPS|Data pemilih disabilitas|" \
                  "Notulen rapat koordinasi pemutakhiran data pemilih|" \
                  "Laporan keuangan dan catatan atas laporan keuangan|" \
                  "Daftar aset tetap dan barang milik negara|Rencana kerja dan anggaran satuan kerja|" \
                  "Laporan dana kampanye peserta pemilu|Formulir Model C Hasil dan D Hasil|" \
                  "SOP pelayanan informasi publik dan pengelolaan keberatan|" \
                  "Jadwal dan tahapan pencalonan kepala daerah|" \
                  "Dokumen pengadaan logistik surat suara dan kotak suara|" \
                  "Daftar informasi publik yang dikecualikan beserta uji konsekuensi|" \
                  "Laporan akuntabilitas kinerja instansi pemerintah|" \
                  "Data jumlah TPS dan pemilih per desa|Hasil verifikasi faktual partai politik", doc, "|")
    n_scope = split("per kecamatan|per desa dan kelurahan|di Daerah Pemilihan 1 sampai 6|" \
                    "untuk seluruh TPS|tingkat kabupaten|di wilayah kerja PPK|" \
                    "beserta lampirannya|per 31 Desember|semester I dan semester II|" \
                    "untuk keperluan penelitian skripsi|untuk bahan pemberitaan", scope, "|")
    n_tail = split("dalam bentuk salinan elektronik (PDF)|dikirim melalui surat elektronik|" \
                   "dalam bentuk cetak yang dilegalisasi|dalam format spreadsheet|" \
                   "untuk diambil langsung di kantor PPID|yang telah ditandatangani pejabat berwenang", tail, "|")
    n_reason = split("Informasi dikecualikan (data pribadi) sesuai Pasal 17 huruf h UU 14/2008|" \
                     "Informasi dikecualikan berdasarkan uji konsekuensi PPID|" \
                     "Informasi belum dikuasai atau belum didokumentasikan|" \
                     "Permohonan tidak memenuhi syarat administrasi|" \
                     "Informasi dapat mengganggu proses penegakan hukum", reason, "|")

    q_head = 1; q_tail = 0          # objection candidates: requests rejected or partly granted
    for (i = 0; i < n; i++) {
        day = first_day + int(i * span / n)
        # offices receive most requests on working days: a weekend request mostly moves to Monday
        wd = weekday(day)
        if ((wd == 6 || wd == 0) && rnd() < 0.85) day += (wd == 6) ? 2 : 1
        if (day > last_day) day = last_day
        if (rnd() < 0.05 && emit_objection(day)) continue
        emit_request(day)
    }
}

function rnd() {
    seed = (seed * 16807) % 2147483647
    return seed / 2147483647
}
function ri(k) { return int(rnd() * k) }
function pick(arr, k) { return arr[1 + ri(k)] }

# Howard Hinnant's days_from_civil / civil_from_days (day 0 = 1970-01-01).
function days_from_civil(y, m, d,    era, yoe, doy, doe) {
    if (m <= 2) y -= 1
    era = int(y / 400)
    yoe = y - era * 400
    doy = int((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1
    doe = yoe * 365 + int(yoe / 4) - int(yoe / 100) + doy
    return era * 146097 + doe - 719468
}
function civil(z,    era, doe, yoe, doy, mp) {
    z += 719468
    era = int(z / 146097)
    doe = z - era * 146097
    yoe = int((doe - int(doe / 1460) + int(doe / 36524) - int(doe / 146096)) / 365)
    C_y = yoe + era * 400
    doy = doe - (365 * yoe + int(yoe / 4) - int(yoe / 100))
    mp = int((5 * doy + 2) / 153)
    C_d = doy - int((153 * mp + 2) / 5) + 1
    C_m = mp + (mp < 10 ? 3 : -9)
    if (C_m <= 2) C_y += 1
}
function iso(z) { civil(z); return sprintf("%04d-%02d-%02d", C_y, C_m, C_d) }
function weekday(z) { return (z + 4) % 7 }   # 0 = Sunday; 1970-01-01 was a Thursday
function next_workday(z,    w) {
    w = weekday(z)
    if (w == 6) return z + 2
    if (w == 0) return z + 1
    return z
}

# The received field: the local (WIB) day is always `z`.
function received_text(z,    r, h, m, s) {
    r = rnd()
    h = 7 + ri(10); m = ri(60); s = ri(60)
    if (r < 0.35) return iso(z)
    if (r < 0.80) return sprintf("%sT%02d:%02d:%02d+07:00", iso(z), h, m, s)
    if (r < 0.85) return sprintf("%sT%02d:%02d:%02d+08:00", iso(z), h + 1, m, s)   # WITA
    if (r < 0.88) return sprintf("%sT%02d:%02d:%02d+09:00", iso(z), h + 2, m, s)   # WIT
    if (r < 0.95) return sprintf("%sT%02d:%02d:%02dZ", iso(z), h - 7, m, s)       # UTC
    return sprintf("%s %02d:%02d", iso(z), h, m)                                  # local, from a spreadsheet
}

function json_escape(s) {
    gsub(/\\/, "\\\\", s)
    gsub(/"/, "\\\"", s)
    return s
}

function requester(    r) {
    if (rnd() < 0.12) return sprintf("{\"name\":\"%s\",\"occupation\":\"LSM\"}", json_escape(pick(org, n_org)))
    return sprintf("{\"name\":\"%s %s\",\"occupation\":\"%s\"}", pick(first_name, n_first),
                   pick(last_name, n_last), pick(occupation, n_occ))
}

# 60 to 120 characters of Indonesian, as officers write them in the register.
function information(year,    text, extra) {
    text = pick(doc, n_doc)
    if (rnd() < 0.7) text = text " " pick(scope, n_scope)
    text = text " tahun " (year - ri(3))
    while (length(text) < 60) text = text " " pick(tail, n_tail)
    if (length(text) > 120) text = substr(text, 1, 120)
    sub(/ +$/, "", text)
    return json_escape(text)
}

function sequence(kind, code, year,    key) {
    key = kind SUBSEP code SUBSEP year
    return ++seq[key]
}

function emit_request(z,    code, year, month, num, id, line, r, answered, delay, ext, decision, who) {
    civil(z); year = C_y; month = C_m
    code = office[1 + ri(n_office)]
    num = sequence("R", code, year)
    id = sprintf("%03d/PPID-%s/%s/%d", num, code, roman[month], year)
    line = sprintf("{\"type\":\"request\",\"id\":\"%s\",\"received\":\"%s\"", id, received_text(z))
    if ((year == 2023 || year == 2024) && rnd() < 0.06) line = line ",\"regime\":\"pemilu\""
    who = requester()
    line = line ",\"requester\":" who ",\"information\":\"" information(year) "\""

    delay = ri(26)
    if (rnd() < 0.6) {
        answered = next_workday(z + delay)
        ext = ""
        if (delay > 8 && rnd() < 0.45) ext = iso(z + 7 + ri(8))   # sometimes after the due date
        if (ext != "") line = line ",\"extension_notified\":\"" ext "\""
        r = rnd()
        if (r < 0.62) decision = "granted"
        else if (r < 0.82) decision = "partial"
        else if (r < 0.93) decision = "rejected"
        else decision = "not_held"
        line = line ",\"decision\":\"" decision "\""
        if (decision == "rejected") line = line ",\"rejection_reason\":\"" json_escape(pick(reason, n_reason)) "\""
        line = line ",\"answered\":\"" iso(answered) "\""
        if (decision != "granted" && rnd() < 0.5) {     # may come back as an objection
            q_tail++
            q_id[q_tail] = id; q_code[q_tail] = code; q_day[q_tail] = answered; q_who[q_tail] = who
            if (q_tail - q_head >= 400) { forget(q_head); q_head++ }
        }
    } else if (rnd() < 0.08) {
        line = line ",\"extension_notified\":\"" iso(z + 5 + ri(8)) "\""
    }
    print line "}"
}

function forget(k) { delete q_id[k]; delete q_code[k]; delete q_day[k]; delete q_who[k] }

# An objection by the requester of a recent rejected or partly granted request answered before `z`
# (the newest such one still waiting, among the last 400).
function emit_objection(z,    k, code, year, month, num, id, line, r, decision) {
    for (k = q_tail; k >= q_head; k--)
        if ((k in q_day) && q_day[k] < z) break
    if (k < q_head) return 0
    civil(z); year = C_y; month = C_m
    code = q_code[k]
    num = sequence("K", code, year)
    id = sprintf("K-%03d/PPID-%s/%s/%d", num, code, roman[month], year)
    line = sprintf("{\"type\":\"objection\",\"id\":\"%s\",\"request_id\":\"%s\",\"received\":\"%s\",\"reason\":\"%s\"",
                   id, q_id[k], received_text(z), substr("abcdefg", 1 + ri(7), 1))
    line = line ",\"requester\":" q_who[k]
    forget(k)
    if (rnd() < 0.6) {
        r = rnd()
        decision = r < 0.5 ? "granted" : (r < 0.8 ? "partial" : "rejected")
        line = line ",\"decision\":\"" decision "\",\"answered\":\"" iso(next_workday(z + ri(41))) "\""
    }
    print line "}"
    return 1
}
