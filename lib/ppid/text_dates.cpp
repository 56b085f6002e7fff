#include <ppid/text_dates.hpp>

#include <ppid/indonesian_date.hpp>
#include <ppid/text_tokens.hpp>

#include <algorithm>

namespace ppid {

namespace {

using text_tokens::Kind;
using text_tokens::Token;

std::size_t digits_at(const std::vector<Token>& tokens, std::size_t i) {
    return i < tokens.size() && tokens[i].kind == Kind::number ? tokens[i].text.size() : 0;
}
bool kind_at(const std::vector<Token>& tokens, std::size_t i, Kind kind) {
    return i < tokens.size() && tokens[i].kind == kind;
}
bool punct_at(const std::vector<Token>& tokens, std::size_t i, std::string_view any) {
    return kind_at(tokens, i, Kind::punct) && any.find(tokens[i].text[0]) != std::string_view::npos;
}

// Returns the date that tokens `first` to `last` spell, read by parse_written_date, or nullopt.
std::optional<date::sys_days> read_date(std::string_view text, const std::vector<Token>& tokens, std::size_t first,
                                        std::size_t last) {
    std::string written(text.substr(tokens[first].begin, tokens[last].end - tokens[first].begin));
    std::replace(written.begin(), written.end(), '_', ' ');
    const WrittenDate parsed = parse_written_date(written);
    // A warning means a weekday in front disagrees: the date then stands without it.
    if (!parsed.warning.empty()) return std::nullopt;
    return parsed.day;
}

// Returns the last token of "29 Agustus 2023", "29-Agu-2023" or "29 Agt. 23" starting at `i`, if shaped so.
std::optional<std::size_t> day_month_year_end(const std::vector<Token>& tokens, std::size_t i) {
    const std::size_t day_digits = digits_at(tokens, i);
    if (day_digits < 1 || day_digits > 2) return std::nullopt;
    std::size_t j = i + 1;
    if (punct_at(tokens, j, "-/.")) ++j;
    if (!kind_at(tokens, j++, Kind::word)) return std::nullopt;
    if (punct_at(tokens, j, ".")) ++j;
    if (punct_at(tokens, j, "-/")) ++j;
    const std::size_t year_digits = digits_at(tokens, j);
    return year_digits == 2 || year_digits == 4 ? std::optional<std::size_t>(j) : std::nullopt;
}

// Returns the last token of "August 29, 2023" or "Aug. 29 2023" starting at `i`, if shaped so.
std::optional<std::size_t> month_day_year_end(const std::vector<Token>& tokens, std::size_t i) {
    if (!kind_at(tokens, i, Kind::word)) return std::nullopt;
    std::size_t j = i + 1;
    if (punct_at(tokens, j, ".")) ++j;
    const std::size_t day_digits = digits_at(tokens, j++);
    if (day_digits < 1 || day_digits > 2) return std::nullopt;
    if (punct_at(tokens, j, ",")) ++j;
    return digits_at(tokens, j) == 4 ? std::optional<std::size_t>(j) : std::nullopt;
}

// Returns the numbers joined by one repeated separator from `i` on: "29-08-2023", "2023.08.29", "1.2.3.4".
std::vector<std::size_t> numeric_run(const std::vector<Token>& tokens, std::size_t i) {
    std::vector<std::size_t> numbers{i};
    for (char separator = 0; i + 2 < tokens.size(); i += 2) {
        const Token& punct = tokens[i + 1];
        if (!punct_at(tokens, i + 1, "/-.") || punct.end - punct.begin != 1 || !punct.joined) break;
        if ((separator && punct.text[0] != separator) || !kind_at(tokens, i + 2, Kind::number) || !tokens[i + 2].joined)
            break;
        separator = punct.text[0];
        numbers.push_back(i + 2);
    }
    return numbers;
}

// Returns the date of a YYYYMMDD number from 2000 to 2099 at `i` ("20230829_notulen.pdf"), or nullopt.
std::optional<date::sys_days> compact_date(const std::vector<Token>& tokens, std::size_t i) {
    if (digits_at(tokens, i) != 8 || tokens[i].text.compare(0, 2, "20") != 0) return std::nullopt;
    // An NIP (civil servant number) opens with its holder's birth date: "NIP. 20010312 202203 1 002".
    if (digits_at(tokens, i + 1) == 6 && digits_at(tokens, i + 2) == 1 && digits_at(tokens, i + 3) == 3)
        return std::nullopt;
    const std::string& d = tokens[i].text;
    return parse_written_date(d.substr(0, 4) + "-" + d.substr(4, 2) + "-" + d.substr(6, 2)).day;
}

// Returns whether the number at `i` is glued to a name before it: "Apache/2.4.41", "v2.4.41" are
// versions, not dates ("SK-29-08-2023" and "SK 29-08-2023" still are).
bool glued_to_name(const std::vector<Token>& tokens, std::size_t i) {
    if (i == 0 || !tokens[i].joined) return false;
    const Token& before = tokens[i - 1];
    return before.kind == Kind::word || (before.kind == Kind::punct && before.text == "/");
}

}  // namespace

std::vector<FoundDate> find_dates(std::string_view text) {
    // Every date form has a digit; most texts a crawl meets (menus, link texts) have none.
    if (text.find_first_of("0123456789") == std::string_view::npos) return {};
    const std::vector<Token> tokens = text_tokens::tokenize(text);
    std::vector<FoundDate> found;
    std::size_t free_from = 0;  // tokens before this one belong to a date already found
    const auto add = [&](date::sys_days day, std::size_t first, std::size_t last) {
        // "Selasa, 29 Agustus 2023" and "Selasa, tanggal 29 ...": the longest agreeing prefix of at most 4 tokens.
        for (std::size_t p = std::max(free_from, first >= 4 ? first - 4 : 0); p < first; ++p) {
            if (tokens[p].kind == Kind::word && read_date(text, tokens, p, last) == day) {
                first = p;
                break;
            }
        }
        found.push_back({day, tokens[first].begin, tokens[last].end - tokens[first].begin});
        free_from = last + 1;
    };
    for (std::size_t i = 0; i < tokens.size();) {
        if (tokens[i].kind == Kind::number) {
            if (const auto run = numeric_run(tokens, i); run.size() >= 2) {
                if (glued_to_name(tokens, i)) {
                    i = run.back() + 1;
                    continue;
                }
                // In a longer run ("1.2.3.4", "29-08-2023-1") only a date with a four-digit year stands out.
                for (std::size_t k = 0; k < run.size();) {
                    const bool alone = run.size() == 3;
                    if (k + 2 < run.size() &&
                        (alone || digits_at(tokens, run[k]) == 4 || digits_at(tokens, run[k + 2]) == 4)) {
                        if (const auto day = read_date(text, tokens, run[k], run[k + 2])) {
                            add(*day, run[k], run[k + 2]);
                            k += 3;
                            continue;
                        }
                    }
                    if (const auto day = compact_date(tokens, run[k])) add(*day, run[k], run[k]);
                    ++k;
                }
                i = run.back() + 1;
                continue;
            }
            if (const auto end = day_month_year_end(tokens, i)) {
                if (const auto day = read_date(text, tokens, i, *end)) {
                    add(*day, i, *end);
                    i = *end + 1;
                    continue;
                }
            }
            if (const auto day = compact_date(tokens, i)) add(*day, i, i);
        } else if (const auto end = month_day_year_end(tokens, i)) {
            if (const auto day = read_date(text, tokens, i, *end)) {
                add(*day, i, *end);
                i = *end + 1;
                continue;
            }
        }
        ++i;
    }
    return found;
}

}  // namespace ppid
