#include <ppid/indonesian_date.hpp>

#include <ppid/date_names.hpp>

#include <algorithm>
#include <cmath>
#include <initializer_list>
#include <vector>

namespace ppid {

namespace {

using date_names::english_months;
using date_names::english_weekdays;
using date_names::look_up;
using date_names::Name;

enum class TokenKind { number, word, punct };

struct Token {
    TokenKind kind;
    std::string text;  // the digits, the lower-case word, or the punctuation character
    int value = 0;     // numbers only
};

bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}
bool is_digit(char c) {
    return c >= '0' && c <= '9';
}
bool is_letter(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// Returns the length of an apostrophe at `pos`: ASCII ', or the UTF-8 typographic ‘ and ’ that word processors
// put in "Jum’at"; 0 when there is none.
std::size_t apostrophe_at(std::string_view text, std::size_t pos) {
    if (text[pos] == '\'') return 1;
    if (text.substr(pos, 3) == "\xE2\x80\x99" || text.substr(pos, 3) == "\xE2\x80\x98") return 3;
    return 0;
}

// Returns the words, numbers and separators of `text`, or nullopt on a character no date contains.
std::optional<std::vector<Token>> tokenize(std::string_view text) {
    std::vector<Token> tokens;
    std::size_t pos = 0;
    while (pos < text.size()) {
        const char c = text[pos];
        if (is_space(c)) {
            ++pos;
        } else if (text.substr(pos, 2) == "\xC2\xA0") {  // no-break space, common in copied documents
            pos += 2;
        } else if (is_digit(c)) {
            Token number{TokenKind::number, {}};
            for (; pos < text.size() && is_digit(text[pos]); ++pos) number.text += text[pos];
            if (number.text.size() > 4) return std::nullopt;  // no day, month, year, hour or minute has more
            number.value = std::stoi(number.text);
            tokens.push_back(std::move(number));
        } else if (is_letter(c)) {
            Token word{TokenKind::word, {}};
            while (pos < text.size()) {
                if (is_letter(text[pos])) {
                    word.text += static_cast<char>(text[pos] | 0x20);  // ASCII lower case
                    ++pos;
                } else if (const std::size_t length = apostrophe_at(text, pos)) {
                    pos += length;
                } else {
                    break;
                }
            }
            tokens.push_back(std::move(word));
        } else if (std::string_view("/-.,:").find(c) != std::string_view::npos) {
            tokens.push_back({TokenKind::punct, std::string(1, c)});
            ++pos;
        } else {
            return std::nullopt;
        }
    }
    return tokens;
}

// A cursor over the tokens; each take_ reads one token of the kind asked for, or reports a mismatch (false, 0,
// nullptr, nullopt) and moves nothing, so optional parts of a date are simply taken or not.
class TokenCursor {
public:
    explicit TokenCursor(const std::vector<Token>& tokens) : tokens_(tokens) {}

    bool at_end() const { return pos_ == tokens_.size(); }
    std::size_t position() const { return pos_; }
    void rewind(std::size_t position) { pos_ = position; }

    // Returns the punctuation character taken, one of `any`, or 0.
    char take_punct(std::string_view any) {
        const Token* punct = current(TokenKind::punct);
        if (!punct || any.find(punct->text[0]) == std::string_view::npos) return 0;
        ++pos_;
        return punct->text[0];
    }
    // Returns whether a word, one of `any`, was taken.
    bool take_word(std::initializer_list<std::string_view> any) {
        const Token* word = current(TokenKind::word);
        if (!word || std::find(any.begin(), any.end(), word->text) == any.end()) return false;
        ++pos_;
        return true;
    }
    // Returns a number written with `min_digits` to `max_digits` digits, or nullptr.
    const Token* take_number(std::size_t min_digits, std::size_t max_digits) {
        const Token* number = current(TokenKind::number);
        if (!number || number->text.size() < min_digits || number->text.size() > max_digits) return nullptr;
        ++pos_;
        return number;
    }
    // Returns the value of the month or weekday name taken, or nullopt.
    template <std::size_t N>
    std::optional<unsigned> take_name(const Name (&names)[N]) {
        const Token* word = current(TokenKind::word);
        const auto value = word ? look_up(names, word->text) : std::nullopt;
        if (value) ++pos_;
        return value;
    }

private:
    const Token* current(TokenKind kind) const {
        return pos_ < tokens_.size() && tokens_[pos_].kind == kind ? &tokens_[pos_] : nullptr;
    }

    const std::vector<Token>& tokens_;
    std::size_t pos_ = 0;
};

// The fields as written, not yet checked against the calendar.
struct Reading {
    std::optional<unsigned> weekday;
    int year = 0;
    int month = 0;
    int day = 0;
    bool numeric_day_first = false;  // "08/29/2023" earns a hint that numbers are read day first
    std::optional<int> hours, minutes, seconds;
};

int full_year(const Token& year) {
    return year.text.size() == 2 ? 2000 + year.value : year.value;
}

// "29 Agustus 2023", "29-Agu-2023", "29 Agt. 23".
bool read_day_month_year(TokenCursor& in, Reading& out) {
    const Token* day = in.take_number(1, 2);
    if (!day) return false;
    in.take_punct("-/.");
    const auto month = in.take_name(date_names::months);
    if (!month) return false;
    in.take_punct(".");
    in.take_punct("-/");
    const Token* year = in.take_number(2, 4);
    if (!year || year->text.size() == 3) return false;
    out.day = day->value;
    out.month = static_cast<int>(*month);
    out.year = full_year(*year);
    return true;
}

// "August 29, 2023", "Aug. 29 2023".
bool read_month_day_year(TokenCursor& in, Reading& out) {
    const auto month = in.take_name(date_names::months);
    if (!month) return false;
    in.take_punct(".");
    const Token* day = in.take_number(1, 2);
    if (!day) return false;
    in.take_punct(",");
    const Token* year = in.take_number(4, 4);
    if (!year) return false;
    out.day = day->value;
    out.month = static_cast<int>(*month);
    out.year = year->value;
    return true;
}

// "29/08/2023", "29-8-23", "29.08.2023", and year first "2023-08-29", "2023/08/29".
bool read_numeric(TokenCursor& in, Reading& out) {
    const Token* first = in.take_number(1, 4);
    const char separator = first ? in.take_punct("/-.") : 0;
    const Token* second = separator ? in.take_number(1, 2) : nullptr;
    const Token* third = second && in.take_punct({&separator, 1}) ? in.take_number(1, 4) : nullptr;
    if (!third) return false;
    const std::size_t first_digits = first->text.size(), third_digits = third->text.size();
    out.month = second->value;
    if (first_digits == 4 && third_digits <= 2) {
        out.year = first->value;
        out.day = third->value;
    } else if (first_digits <= 2 && (third_digits == 2 || third_digits == 4)) {
        out.day = first->value;
        out.year = full_year(*third);
        out.numeric_day_first = true;
    } else {
        return false;
    }
    return true;
}

// "14:05", "14.05", "pukul 14.05 WIB", "T14:05:33"; seconds are read so they can be checked.
bool read_time(TokenCursor& in, Reading& out) {
    in.take_punct(",");
    if (in.take_word({"pukul", "pkl", "jam"}))
        in.take_punct(".");
    else
        in.take_word({"t"});
    const Token* hours = in.take_number(1, 2);
    const char separator = hours ? in.take_punct(":.") : 0;
    const Token* minutes = separator ? in.take_number(2, 2) : nullptr;
    if (!minutes) return false;
    out.hours = hours->value;
    out.minutes = minutes->value;
    if (in.take_punct({&separator, 1})) {
        const Token* seconds = in.take_number(2, 2);
        if (!seconds) return false;
        out.seconds = seconds->value;
    }
    // Offices write their zone out of habit; the time stays the office's wall clock.
    in.take_word({"wib", "wita", "wit"});
    return true;
}

bool read_written(const std::vector<Token>& tokens, Reading& out) {
    TokenCursor in(tokens);
    if ((out.weekday = in.take_name(date_names::weekdays))) {
        in.take_punct(",");
        if (in.take_word({"tanggal", "tgl"})) in.take_punct(".");
    }
    const std::size_t start = in.position();
    bool found = false;
    for (const auto reader : {read_day_month_year, read_month_day_year, read_numeric}) {
        in.rewind(start);
        if ((found = reader(in, out))) break;
    }
    if (!found) return false;
    if (!in.at_end() && !read_time(in, out)) return false;
    return in.at_end();
}

// Returns why the date read is not a day of the calendar, or "" when it is.
std::string impossible_date_reason(const Reading& in) {
    if (in.month < 1 || in.month > 12) {
        std::string reason = "there is no month " + std::to_string(in.month);
        if (in.numeric_day_first && in.day >= 1 && in.day <= 12) reason += "; numeric dates are read day first";
        return reason;
    }
    if (in.day < 1) return "there is no day 0";
    const date::year_month month{date::year{in.year}, date::month{static_cast<unsigned>(in.month)}};
    const int days = static_cast<int>(static_cast<unsigned>((month / date::last).day()));
    if (in.day <= days) return "";
    // Only February's length depends on the year, so only February names it.
    const std::string which =
        std::string(english_months[in.month - 1]) + (in.month == 2 ? " " + std::to_string(in.year) : std::string());
    return which + " has " + std::to_string(days) + " days";
}

// Returns why the time read is not a time of day, or "" when it is (or there is none).
std::string impossible_time_reason(const Reading& in) {
    if (!in.hours) return "";
    if (*in.hours > 23) return "there is no hour " + std::to_string(*in.hours);
    if (*in.minutes > 59) return "there is no minute " + std::to_string(*in.minutes);
    if (in.seconds.value_or(0) > 60) return "there is no second " + std::to_string(*in.seconds);
    return "";
}

// Quotes `text` for a message; control characters (a NUL would end the line a terminal shows)
// are written as \xNN.
std::string quoted(std::string_view text) {
    std::string out = "\"";
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte < 0x20 || byte == 0x7F) {
            static constexpr char hex[] = "0123456789abcdef";
            out += "\\x";
            out += hex[byte >> 4];
            out += hex[byte & 0xF];
        } else {
            out += c;
        }
    }
    return out + "\"";
}

std::string english_date(date::sys_days day) {
    const date::year_month_day ymd{day};
    return std::to_string(static_cast<unsigned>(ymd.day())) + " " +
           std::string(english_months[static_cast<unsigned>(ymd.month()) - 1]) + " " +
           std::to_string(static_cast<int>(ymd.year()));
}

WrittenDate failure(std::string message) {
    return {std::nullopt, std::nullopt, std::move(message), {}};
}

// Returns the date of a spreadsheet cell exported as its serial number ("45167", "45167.5"), or nullopt when
// the text is not one. Only five-digit serials from 20000 (1954) to 80000 (2119) count, so "2023" is no date.
std::optional<WrittenDate> read_excel_serial(std::string_view text) {
    std::size_t digits = 0;
    while (digits < text.size() && is_digit(text[digits])) ++digits;
    if (digits != 5) return std::nullopt;
    const int whole = std::stoi(std::string(text.substr(0, digits)));
    if (whole < 20000 || whole > 80000) return std::nullopt;
    double fraction = 0, scale = 1;
    const bool has_fraction = digits < text.size();
    if (has_fraction) {
        if ((text[digits] != '.' && text[digits] != ',') || digits + 1 == text.size()) return std::nullopt;
        for (std::size_t i = digits + 1; i < text.size(); ++i) {
            if (!is_digit(text[i])) return std::nullopt;
            scale /= 10;
            fraction += (text[i] - '0') * scale;
        }
    }
    // A fraction just short of midnight rounds to the next day rather than to 24:00.
    const long long total_minutes = whole * 1440LL + std::llround(fraction * 1440);
    WrittenDate written;
    written.day = excel_serial_to_date(static_cast<double>(total_minutes / 1440));
    if (has_fraction) written.time_of_day = std::chrono::minutes{total_minutes % 1440};
    return written;
}

std::string_view trimmed(std::string_view text) {
    while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
    return text;
}

}  // namespace

WrittenDate parse_written_date(std::string_view text) {
    const std::string_view written = trimmed(text);
    if (written.empty()) return failure("empty date");
    std::string_view inner = written;
    if (inner.size() >= 2 && inner.front() == '(' && inner.back() == ')')
        inner = trimmed(inner.substr(1, inner.size() - 2));
    if (auto serial = read_excel_serial(inner)) return *serial;

    const auto tokens = tokenize(inner);
    Reading reading;
    if (!tokens || !read_written(*tokens, reading)) return failure(quoted(written) + " is not a date");
    if (const std::string reason = impossible_date_reason(reading); !reason.empty())
        return failure(quoted(written) + " is not a real date (" + reason + ")");
    if (const std::string reason = impossible_time_reason(reading); !reason.empty())
        return failure(quoted(written) + " is not a real time of day (" + reason + ")");

    WrittenDate result;
    result.day = date::sys_days{date::year{reading.year} / reading.month / reading.day};
    if (reading.hours) result.time_of_day = std::chrono::hours{*reading.hours} + std::chrono::minutes{*reading.minutes};
    const unsigned actual = date::weekday{*result.day}.c_encoding();
    if (reading.weekday && *reading.weekday != actual)
        result.warning = quoted(written) + ": " + english_date(*result.day) + " is a " +
                         std::string(english_weekdays[actual]) + ", not a " +
                         std::string(english_weekdays[*reading.weekday]);
    return result;
}

std::optional<date::sys_days> excel_serial_to_date(double serial) {
    // 2958465 is 9999-12-31, the last day Excel knows.
    if (!(serial >= 1 && serial < 2958466)) return std::nullopt;
    const auto whole = static_cast<int>(std::floor(serial));
    if (whole == 60) return std::nullopt;
    // Excel counts a 29 February 1900 that never was (Lotus 1-2-3 did), so from 1 March 1900 it is one day ahead.
    const date::sys_days day_zero = date::sys_days{date::year{1899} / 12 / (whole < 60 ? 31 : 30)};
    return day_zero + date::days{whole};
}

}  // namespace ppid
