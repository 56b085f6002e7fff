// The fast reading of scan_object (see json_scan.hpp): a validating scanner for the records the
// tools exchange, which gives up (returns false) on anything it does not read exactly as
// nlohmann's parser would, so that parser has the last word on every unusual or invalid line.
#include <ppid/util/json_scan.hpp>

#include <cstring>

namespace ppid::util::detail {

namespace {

constexpr int max_depth = 128;     // deeper nesting is left to nlohmann
constexpr long max_number = 300;   // longer numbers may overflow a double: left to nlohmann

class Scanner {
public:
    Scanner(std::string_view text, ScannedObject& object)
        : p_(text.data()), end_(text.data() + text.size()), object_(object) {}

    bool top_level() {
        skip_whitespace();
        if (p_ == end_ || *p_ != '{') return false;
        ++p_;
        skip_whitespace();
        std::size_t count = 0;
        if (p_ < end_ && *p_ == '}') {
            ++p_;
        } else {
            for (;;) {
                if (count == object_.members.size()) object_.members.emplace_back();
                auto& [key, value] = object_.members[count++];
                key.clear();
                value.text.clear();
                if (p_ == end_ || *p_ != '"' || !string(&key)) return false;
                if (!colon() || !this->value(1, &value)) return false;
                if (!next_member('}')) return false;
                if (p_[-1] == '}') break;
            }
        }
        object_.members.resize(count);
        skip_whitespace();
        return p_ == end_;
    }

private:
    void skip_whitespace() {
        while (p_ < end_ && (*p_ == ' ' || *p_ == '\t' || *p_ == '\n' || *p_ == '\r')) ++p_;
    }

    bool colon() {
        skip_whitespace();
        if (p_ == end_ || *p_ != ':') return false;
        ++p_;
        skip_whitespace();
        return true;
    }

    // After a member or element: a ',' (and whitespace), or the closing `close`. Returns false
    // on anything else; p_[-1] then tells which was read.
    bool next_member(char close) {
        skip_whitespace();
        if (p_ == end_) return false;
        if (*p_ == ',') {
            ++p_;
            skip_whitespace();
            return true;
        }
        if (*p_ != close) return false;
        ++p_;
        return true;
    }

    // Reads a value; `out` (top-level members only) receives its kind and text.
    bool value(int depth, ScannedValue* out) {
        if (p_ == end_) return false;
        switch (*p_) {
            case '"': return set_kind(out, ScannedValue::Kind::string) && string(out ? &out->text : nullptr);
            case '{': return set_kind(out, ScannedValue::Kind::object) && object(depth + 1);
            case '[': return set_kind(out, ScannedValue::Kind::array) && array(depth + 1);
            case 't': return set_kind(out, ScannedValue::Kind::boolean) && literal("true");
            case 'f': return set_kind(out, ScannedValue::Kind::boolean) && literal("false");
            case 'n': return set_kind(out, ScannedValue::Kind::null) && literal("null");
            default: return set_kind(out, ScannedValue::Kind::number) && number(out ? &out->text : nullptr);
        }
    }

    static bool set_kind(ScannedValue* out, ScannedValue::Kind kind) {
        if (out) out->kind = kind;
        return true;
    }

    bool literal(const char* word) {
        const std::size_t size = std::strlen(word);
        if (static_cast<std::size_t>(end_ - p_) < size || std::memcmp(p_, word, size) != 0) return false;
        p_ += size;
        return true;
    }

    bool object(int depth) {
        if (depth > max_depth) return false;
        ++p_;
        skip_whitespace();
        if (p_ < end_ && *p_ == '}') return ++p_, true;
        for (;;) {
            if (p_ == end_ || *p_ != '"' || !string(nullptr) || !colon() || !value(depth, nullptr)) return false;
            if (!next_member('}')) return false;
            if (p_[-1] == '}') return true;
        }
    }

    bool array(int depth) {
        if (depth > max_depth) return false;
        ++p_;
        skip_whitespace();
        if (p_ < end_ && *p_ == ']') return ++p_, true;
        for (;;) {
            if (!value(depth, nullptr)) return false;
            skip_whitespace();
            if (!next_member(']')) return false;
            if (p_[-1] == ']') return true;
        }
    }

    // A number as JSON writes it, without exponent. Its text is what nlohmann gives: as written,
    // except an integer minus zero, which it reads as the integer 0.
    bool number(std::string* out) {
        const char* start = p_;
        if (p_ < end_ && *p_ == '-') ++p_;
        if (p_ == end_) return false;
        if (*p_ == '0') ++p_;
        else if (*p_ >= '1' && *p_ <= '9') skip_digits();
        else return false;
        bool integer = true;
        if (p_ < end_ && *p_ == '.') {
            integer = false;
            ++p_;
            const char* digits = p_;
            skip_digits();
            if (p_ == digits) return false;
        }
        if (p_ < end_ && (*p_ == 'e' || *p_ == 'E')) return false;
        if (p_ - start > max_number) return false;
        if (out) {
            if (integer && p_ - start == 2 && start[0] == '-' && start[1] == '0') out->assign("0");
            else out->assign(start, p_);
        }
        return true;
    }

    void skip_digits() {
        while (p_ < end_ && *p_ >= '0' && *p_ <= '9') ++p_;
    }

    // A string at its opening quote; its value (escapes undone) is appended to `out` when given.
    bool string(std::string* out) {
        const char* run = ++p_;
        while (p_ < end_) {
            const auto c = static_cast<unsigned char>(*p_);
            if (c == '"') {
                if (out) out->append(run, p_);
                ++p_;
                return true;
            }
            if (c < 0x20) return false;
            if (c == '\\') {
                if (out) out->append(run, p_);
                if (++p_ == end_) return false;
                const char escaped = unescape(*p_);
                if (!escaped) return false;  // \u (or an invalid escape): nlohmann's to read
                if (out) out->push_back(escaped);
                run = ++p_;
                continue;
            }
            if (c < 0x80) {
                ++p_;
                continue;
            }
            const std::size_t length = utf8_sequence(p_, end_);
            if (length == 0) return false;
            p_ += length;
        }
        return false;
    }

    static char unescape(char c) {
        switch (c) {
            case '"': return '"';
            case '\\': return '\\';
            case '/': return '/';
            case 'b': return '\b';
            case 'f': return '\f';
            case 'n': return '\n';
            case 'r': return '\r';
            case 't': return '\t';
            default: return 0;
        }
    }

    // Returns the length of the well-formed UTF-8 sequence (RFC 3629, table 3-7 of Unicode) that
    // starts at `p` with a byte of 0x80 or more, 0 when it is not one.
    static std::size_t utf8_sequence(const char* p, const char* end) {
        const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(p[i]); };
        const auto in = [&](std::size_t i, unsigned char low, unsigned char high) {
            return p + i < end && byte(i) >= low && byte(i) <= high;
        };
        const unsigned char lead = byte(0);
        if (lead >= 0xC2 && lead <= 0xDF) return in(1, 0x80, 0xBF) ? 2 : 0;
        if (lead == 0xE0) return in(1, 0xA0, 0xBF) && in(2, 0x80, 0xBF) ? 3 : 0;
        if ((lead >= 0xE1 && lead <= 0xEC) || lead == 0xEE || lead == 0xEF)
            return in(1, 0x80, 0xBF) && in(2, 0x80, 0xBF) ? 3 : 0;
        if (lead == 0xED) return in(1, 0x80, 0x9F) && in(2, 0x80, 0xBF) ? 3 : 0;
        if (lead == 0xF0) return in(1, 0x90, 0xBF) && in(2, 0x80, 0xBF) && in(3, 0x80, 0xBF) ? 4 : 0;
        if (lead >= 0xF1 && lead <= 0xF3) return in(1, 0x80, 0xBF) && in(2, 0x80, 0xBF) && in(3, 0x80, 0xBF) ? 4 : 0;
        if (lead == 0xF4) return in(1, 0x80, 0x8F) && in(2, 0x80, 0xBF) && in(3, 0x80, 0xBF) ? 4 : 0;
        return 0;
    }

    const char* p_;
    const char* end_;
    ScannedObject& object_;
};

}  // namespace

bool scan_object_fast(std::string_view text, ScannedObject& object) {
    return Scanner(text, object).top_level();
}

}  // namespace ppid::util::detail
