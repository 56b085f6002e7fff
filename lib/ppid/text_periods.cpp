#include <ppid/text_periods.hpp>

#include <ppid/date_names.hpp>
#include <ppid/text_dates.hpp>
#include <ppid/text_tokens.hpp>

#include <algorithm>
#include <initializer_list>
#include <utility>

namespace ppid {

namespace {

using text_tokens::Kind;
using text_tokens::Token;

// The tokens of a text with those inside its dates hidden, so "12 Januari 2024" is no month and no year.
struct Scan {
    std::vector<Token> tokens;
    std::vector<bool> in_date;

    const Token* at(std::size_t i, Kind kind) const {
        return i < tokens.size() && tokens[i].kind == kind && !in_date[i] ? &tokens[i] : nullptr;
    }
    bool word(std::size_t i, std::initializer_list<std::string_view> any) const {
        const Token* token = at(i, Kind::word);
        return token && std::find(any.begin(), any.end(), token->text) != any.end();
    }
    bool punct(std::size_t i, std::string_view any) const {
        const Token* token = at(i, Kind::punct);
        return token && any.find(token->text[0]) != std::string_view::npos;
    }
    std::size_t skip_punct(std::size_t i, std::string_view any) const {
        while (punct(i, any)) ++i;
        return i;
    }
    std::optional<int> year(std::size_t i, int min_year) const {
        const Token* number = at(i, Kind::number);
        if (!number || number->text.size() != 4) return std::nullopt;
        const int value = std::stoi(number->text);
        return value >= min_year && value <= 2099 ? std::optional<int>(value) : std::nullopt;
    }
    std::optional<unsigned> month(std::size_t i) const {
        const Token* name = at(i, Kind::word);
        return name ? date_names::look_up(date_names::months, name->text) : std::nullopt;
    }
    // Returns whether a word in `any` stands before `i`, perhaps with a colon ("Periode: Januari 2024").
    bool preceded_by(std::size_t i, std::initializer_list<std::string_view> any) const {
        if (i > 0 && punct(i - 1, ":")) --i;
        return i > 0 && word(i - 1, any);
    }
};

Scan scan(std::string_view text) {
    Scan scan{text_tokens::tokenize(text), {}};
    const std::vector<FoundDate> dates = find_dates(text);
    for (const Token& token : scan.tokens)
        scan.in_date.push_back(std::any_of(dates.begin(), dates.end(), [&](const FoundDate& date) {
            return token.begin >= date.offset && token.begin < date.offset + date.length;
        }));
    return scan;
}

constexpr std::string_view roman[] = {"", "I", "II", "III", "IV"};

// Lower-case numbers written after "Semester" and "Triwulan".
constexpr date_names::Name ordinals[] = {{"i", 1},      {"ii", 2},    {"iii", 3},    {"iv", 4},     {"pertama", 1},
                                         {"kesatu", 1}, {"kedua", 2}, {"ketiga", 3}, {"keempat", 4}};

Period make_period(std::string text, std::string kind, int number, int first_year, unsigned first_month, int last_year,
                   unsigned last_month) {
    Period period{std::move(text), first_year, std::move(kind), number, {}, {}};
    period.start = date::sys_days{date::year{first_year} / date::month{first_month} / 1};
    period.end = date::sys_days{date::year{last_year} / date::month{last_month} / date::last};
    return period;
}

Period years_period(int first, int last, bool fiscal) {
    std::string text = (fiscal ? "Tahun Anggaran " : "Tahun ") + std::to_string(first);
    if (last != first) text += "-" + std::to_string(last);
    return make_period(std::move(text), last != first ? "years" : "year", 0, first, 1, last, 12);
}

// Returns the period of `number` in a year cut into `parts` (2 semesters or 4 quarters).
Period part_period(int parts, int number, int year) {
    const bool semester = parts == 2;
    const auto months = static_cast<unsigned>(12 / parts), last = static_cast<unsigned>(number) * months;
    return make_period(
        std::string(semester ? "Semester " : "Triwulan ") + std::string(roman[number]) + " " + std::to_string(year),
        semester ? "semester" : "quarter", number, year, last - months + 1, year, last);
}

// Returns the months `first` to `last` of `year`, named as the year, semester or quarter they make when they do.
Period months_period(unsigned first, unsigned last, int year) {
    const unsigned count = last - first + 1;
    if (count == 12) return years_period(year, year, false);
    if (count == 6 && first % 6 == 1) return part_period(2, static_cast<int>(last / 6), year);
    if (count == 3 && first % 3 == 1) return part_period(4, static_cast<int>(last / 3), year);
    std::string text(date_names::indonesian_months[first - 1]);
    if (count > 1) text += "-" + std::string(date_names::indonesian_months[last - 1]);
    return make_period(std::move(text) + " " + std::to_string(year), count > 1 ? "months" : "month",
                       count > 1 ? 0 : static_cast<int>(first), year, first, year, last);
}

// Returns the position after a range's "-", "/", "s.d.", "s/d", "sd", "sampai (dengan)" or "hingga", if one is at i.
std::optional<std::size_t> range_connector(const Scan& s, std::size_t i) {
    if (s.punct(i, "-/") || s.word(i, {"sd", "hingga"})) return i + 1;
    if (s.word(i, {"sampai"})) return s.word(i + 1, {"dengan"}) ? i + 2 : i + 1;
    if (s.word(i, {"s"}) && s.punct(i + 1, "./") && s.word(i + 2, {"d"})) return s.punct(i + 3, ".") ? i + 4 : i + 3;
    return std::nullopt;
}

struct Match {
    Period period;
    bool named;        // the text says what kind of period it is, or writes a range
    std::size_t next;  // the token after the period
};

// "2022", "2020-2024", "2023/2024" at `i`.
std::optional<Match> read_years(const Scan& s, std::size_t i, int min_year, bool fiscal) {
    const auto first = s.year(i, min_year);
    if (!first) return std::nullopt;
    if (const auto after = range_connector(s, i + 1)) {
        const auto last = s.year(*after, min_year);
        if (last && *last > *first && *last - *first <= 10)
            return Match{years_period(*first, *last, fiscal), true, *after + 1};
    }
    return Match{years_period(*first, *first, fiscal), false, i + 1};
}

struct YearIntro {
    std::size_t next;
    bool named, fiscal;
};

// Skips what may stand before a year: punctuation, "Tahun", "Thn", "Tahun Anggaran", "TA", "T.A.".
YearIntro year_intro(const Scan& s, std::size_t i) {
    i = s.skip_punct(i, ",-/.:");
    YearIntro intro{i, false, false};
    if (s.word(i, {"tahun", "thn"}))
        intro = s.word(i + 1, {"anggaran", "ang"}) ? YearIntro{i + 2, true, true} : YearIntro{i + 1, true, false};
    else if (s.word(i, {"ta"}))
        intro = {i + 1, true, true};
    else if (s.word(i, {"t"}) && s.punct(i + 1, ".") && s.word(i + 2, {"a"}))
        intro = {i + 3, true, true};
    intro.next = s.skip_punct(intro.next, ".:-");
    return intro;
}

// "Semester I 2023", "SMT 2 Tahun 2023", "Triwulan ke-3 TA 2024", "TW III 2024", "Q3 2024".
std::optional<Match> read_part(const Scan& s, std::size_t i) {
    const int parts = s.word(i, {"semester", "smt", "smstr", "sem"})                    ? 2
                      : s.word(i, {"triwulan", "tw", "trw", "kuartal", "quarter", "q"}) ? 4
                                                                                        : 0;
    if (!parts) return std::nullopt;
    std::size_t j = i + 1;
    if (s.word(j, {"ke"})) j = s.skip_punct(j + 1, "-");
    std::optional<unsigned> number;
    if (const Token* digits = s.at(j, Kind::number); digits && digits->text.size() <= 2)
        number = static_cast<unsigned>(std::stoi(digits->text));
    else if (const Token* word = s.at(j, Kind::word))
        number = date_names::look_up(ordinals, word->text);
    if (!number || *number < 1 || *number > static_cast<unsigned>(parts)) return std::nullopt;
    const YearIntro intro = year_intro(s, j + 1);
    const auto year = s.year(intro.next, 1900);
    if (!year) return std::nullopt;
    return Match{part_period(parts, static_cast<int>(*number), *year), true, intro.next + 1};
}

// "Tahun 2022", "Tahun Anggaran 2022", "TA 2022", "T.A. 2022", "Tahun 2020-2024".
std::optional<Match> read_named_years(const Scan& s, std::size_t i) {
    if (!s.at(i, Kind::word)) return std::nullopt;
    const YearIntro intro = year_intro(s, i);
    if (!intro.named) return std::nullopt;
    // "UU Nomor 14 Tahun 2008" cites a regulation by number and year; that year says nothing of what is covered.
    const bool citation = i > 0 && s.at(i - 1, Kind::number);
    auto match = read_years(s, intro.next, citation ? 2000 : 1900, intro.fiscal);
    if (match) match->named = !citation;
    return match;
}

// "Januari 2024", "Periode Januari 2024", "Bulan Maret Tahun 2024", "Januari s.d. Juni 2024".
std::optional<Match> read_months(const Scan& s, std::size_t i) {
    const auto first = s.month(i);
    if (!first) return std::nullopt;
    std::size_t j = s.skip_punct(i + 1, ".");
    unsigned last = *first;
    if (const auto after = range_connector(s, j)) {
        if (const auto end = s.month(*after); end && *end > *first) last = *end, j = s.skip_punct(*after + 1, ".");
    }
    j = s.skip_punct(j, ",-/");
    if (s.word(j, {"tahun", "thn"})) ++j;
    const auto year = s.year(j, 1900);
    if (!year) return std::nullopt;
    const bool named = last != *first || s.preceded_by(i, {"periode", "bulan", "bulanan", "bln"});
    return Match{months_period(*first, last, *year), named, j + 1};
}

// "2022" alone, the weakest evidence unless "Periode" names it; or a range, "2020-2024".
std::optional<Match> read_bare_years(const Scan& s, std::size_t i) {
    auto match = read_years(s, i, 2000, false);
    if (match && s.preceded_by(i, {"periode"})) match->named = true;
    return match;
}

}  // namespace

std::optional<Period> find_period(std::string_view text) {
    const Scan s = scan(text);
    std::optional<Match> best;
    for (std::size_t i = 0; i < s.tokens.size();) {
        std::optional<Match> match = read_part(s, i);
        if (!match) match = read_named_years(s, i);
        if (!match) match = read_months(s, i);
        if (!match) match = read_bare_years(s, i);
        if (!match) {
            ++i;
            continue;
        }
        const auto span = [](const Period& p) { return p.end - p.start; };
        if (!best || match->named > best->named ||
            (match->named == best->named && span(match->period) < span(best->period)))
            best = match;
        i = match->next;
    }
    if (!best) return std::nullopt;
    return best->period;
}

}  // namespace ppid
