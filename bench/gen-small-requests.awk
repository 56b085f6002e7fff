# Generates N small `request` records, about 160 bytes each, as a register export or a web form
# gives them: type, id, received, subject, channel and, for three in four, answered.
#
#   awk -v n=200000 -v seed=20261207 -f bench/gen-small-requests.awk > small-requests.jsonl
#
# Where bench/gen-requests.awk writes the full records of a register (requester, decision, reasons),
# these carry little besides what ppid-deadline reads, so the fixed cost of each record (the
# deadline and its text) weighs most against `jq -c .`, which only copies the record.
#
# Deterministic as gen-requests.awk: a Park-Miller LCG started from `seed`, no clock. Received
# days are 2019-01-02 .. 2026-12-31 in order, answered 0 to 20 days later, so every count ends
# inside the shipped holiday calendar.

BEGIN {
    if (n == "") n = 200000
    if (seed == "") seed = 20261207
    seed = seed % 2147483647
    if (seed <= 0) seed += 2147483646

    first_day = days_from_civil(2019, 1, 2)
    last_day = days_from_civil(2026, 12, 31)
    span = last_day - first_day + 1

    n_subject = split("Salinan SK penetapan DPT|Daftar calon tetap anggota DPRD|" \
                      "Laporan dana kampanye peserta pemilu|Rekapitulasi hasil penghitungan suara|" \
                      "Notulen rapat pleno terbuka|LHKPN pimpinan|Anggaran hibah pilkada|" \
                      "Data TPS dan jumlah pemilih|SK pembentukan PPK dan PPS|Laporan keuangan tahunan|" \
                      "Jadwal tahapan pemilihan|Berita acara rekapitulasi", subject, "|")
    n_channel = split("email website datang_langsung surat whatsapp", channel, " ")

    for (i = 1; i <= n; i++) {
        day = first_day + int((i - 1) * span / n)
        year = civil_year(day)
        printf "{\"type\":\"request\",\"id\":\"%05d/PPID/%d\",\"received\":\"%sT%02d:%02d:00+07:00\"", i % 100000, year,
               iso_date(day), 6 + pick(10), pick(60) - 1
        printf ",\"subject\":\"%s %d\",\"channel\":\"%s\"", subject[pick(n_subject)], year - pick(3), channel[pick(n_channel)]
        if (pick(4) > 1) printf ",\"answered\":\"%s\"", iso_date(day + pick(21) - 1)
        printf "}\n"
    }
}

# Returns a pseudo-random integer in 1..k.
function pick(k) {
    seed = (seed * 16807) % 2147483647
    return int(seed / 2147483647 * k) + 1
}

# Days since 1970-01-01 of a civil date, and back (Howard Hinnant's algorithms).
function days_from_civil(y, m, d,    era, yoe, doy, doe) {
    y -= (m <= 2)
    era = int((y >= 0 ? y : y - 399) / 400)
    yoe = y - era * 400
    doy = int((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1
    doe = yoe * 365 + int(yoe / 4) - int(yoe / 100) + doy
    return era * 146097 + doe - 719468
}

function civil(z,    era, doe, yoe, doy, mp) {
    z += 719468
    era = int((z >= 0 ? z : z - 146096) / 146097)
    doe = z - era * 146097
    yoe = int((doe - int(doe / 1460) + int(doe / 36524) - int(doe / 146096)) / 365)
    civil_y = yoe + era * 400
    doy = doe - (365 * yoe + int(yoe / 4) - int(yoe / 100))
    mp = int((5 * doy + 2) / 153)
    civil_d = doy - int((153 * mp + 2) / 5) + 1
    civil_m = mp + (mp < 10 ? 3 : -9)
    civil_y += (civil_m <= 2)
}

function civil_year(z) {
    civil(z)
    return civil_y
}

function iso_date(z) {
    civil(z)
    return sprintf("%04d-%02d-%02d", civil_y, civil_m, civil_d)
}
