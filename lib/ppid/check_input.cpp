#include <ppid/check_input.hpp>
#include <ppid/util/iso_date.hpp>
#include <ppid/util/one_of.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>

namespace ppid {

namespace {

using Json = nlohmann::json;

// Receives nlohmann's parse events and keeps the fields ppid-check reads. Containers are tracked by depth:
// 1 the record, 2 a member's object or array, 3 an element of found_on/links, 5 an element of its dates.
class CandidateHandler : public nlohmann::json_sax<Json> {
public:
    explicit CandidateHandler(Candidate& candidate) : c_(candidate) {}

    std::string error;

    bool null() override { return true; }
    bool boolean(bool value) override {
        if (depth_ == 1 && top_key_ == "checked") c_.checked = value;
        return depth_ >= 1 || not_object("boolean");
    }
    bool number_integer(number_integer_t value) override { return number(static_cast<long long>(value)); }
    bool number_unsigned(number_unsigned_t value) override { return number(static_cast<long long>(value)); }
    bool number_float(number_float_t, const string_t&) override { return depth_ >= 1 || not_object("number"); }
    bool binary(binary_t&) override { return true; }
    bool string(string_t& value) override {
        if (depth_ == 0) return not_object("string");
        if (depth_ == 1) return top_string(value);
        if (depth_ == 2 && top_ == Top::period) return period_string(value);
        if (depth_ == 2 && top_ == Top::headings) {
            if (c_.first_heading.empty()) c_.first_heading = std::move(value);
            return true;
        }
        if (depth_ == 2 && top_ == Top::problems) {
            c_.problems.push_back(std::move(value));
            return true;
        }
        if (depth_ == 2 && top_ == Top::warc) return warc_string(value);
        if (depth_ == 2 && top_ == Top::failure && inner_key_ == "class") {
            c_.failure = std::move(value);
            return true;
        }
        if (depth_ == 3 && context_) return context_string(value);
        if (depth_ == 5 && context_ && inner_key_ == "date" && !context_->date) {
            context_->date = util::parse_iso_date(value);
            return true;
        }
        return true;
    }
    bool key(string_t& name) override {
        if (depth_ == 1) {
            top_ = name == "period"     ? Top::period
                   : name == "problems" ? Top::problems
                   : name == "failure"  ? Top::failure
                   : name == "found_on" ? Top::found_on
                   : name == "links"    ? Top::links
                   : name == "headings" ? Top::headings
                   : name == "warc"     ? Top::warc
                                        : Top::other;
            top_key_ = std::move(name);
        } else if (depth_ == 2 || depth_ == 3) {
            inner_key_ = std::move(name);
        } else if (depth_ == 5) {
            inner_key_ = std::move(name);
        }
        return true;
    }
    bool start_object(std::size_t) override {
        if (depth_ == 0) {
            depth_ = 1;
            return true;
        }
        if (depth_ == 1 && top_ == Top::period) period_ = CoveredPeriod{};
        if (depth_ == 1 && top_ == Top::failure && c_.failure.empty()) c_.failure = "failed";
        if (depth_ == 1 && top_ == Top::warc) c_.warc = WarcPlace{};
        if (depth_ == 2 && (top_ == Top::found_on || top_ == Top::links)) {
            auto& list = top_ == Top::found_on ? c_.found_on : c_.links;
            list.emplace_back();
            context_ = &list.back();
        }
        ++depth_;
        return true;
    }
    bool start_array(std::size_t) override {
        if (depth_ == 0) return not_object("array");
        if (depth_ == 1 && !(top_ == Top::problems || top_ == Top::found_on || top_ == Top::links ||
                             top_ == Top::headings))
            top_ = Top::other;
        ++depth_;
        return true;
    }
    bool end_object() override {
        --depth_;
        if (depth_ == 1 && top_ == Top::period && period_) {
            if (period_start_ && period_end_) {
                period_->start = *period_start_;
                period_->end = *period_end_;
                c_.period = std::move(period_);
            }
            period_.reset();
            period_start_.reset();
            period_end_.reset();
        }
        if (depth_ == 2) context_ = nullptr;
        // A place without its record id points nowhere: it is dropped.
        if (depth_ == 1 && top_ == Top::warc && c_.warc && c_.warc->record_id.empty()) c_.warc.reset();
        return true;
    }
    bool end_array() override {
        --depth_;
        return true;
    }
    bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& e) override {
        std::string what = e.what();
        const auto bracket = what.find("] ");
        error = "invalid JSON: " + (bracket == std::string::npos ? what : what.substr(bracket + 2));
        return false;
    }

private:
    enum class Top { other, period, problems, failure, found_on, links, headings, warc };

    bool not_object(const char* kind) {
        error = std::string("expected a JSON object, found ") + kind;
        return false;
    }
    bool wrong_type(const std::string& key, const char* expected) {
        error = "field \"" + key + "\" must be " + expected;
        return false;
    }
    bool number(long long value) {
        if (depth_ == 0) return not_object("number");
        if (depth_ == 1 && top_key_ == "status" && value >= 400 && c_.failure.empty())
            c_.failure = "http_" + std::to_string(value / 100) + "xx";
        if (depth_ == 1 && is_text_key(top_key_)) return wrong_type(top_key_, "a string");
        if (depth_ == 1 && top_key_ == "text_chars") c_.text_chars = value;
        if (depth_ == 1 && top_key_ == "status") c_.status = value;
        if (depth_ == 1 && top_key_ == "form_fields") c_.form_fields = static_cast<int>(std::clamp(value, 0LL, 1000LL));
        return true;
    }
    static bool is_text_key(const std::string& key) {
        static const char* const keys[] = {"type", "url", "root", "path", "title", "sha256", "date", "date_source"};
        return util::is_one_of(key, keys);
    }
    bool top_string(std::string& value) {
        if (top_key_ == "type") c_.type = std::move(value);
        else if (top_key_ == "url") c_.url = std::move(value);
        else if (top_key_ == "root") c_.root = std::move(value);
        else if (top_key_ == "path") c_.path = std::move(value);
        else if (top_key_ == "title") c_.title = std::move(value);
        else if (top_key_ == "sha256") c_.sha256 = std::move(value);
        else if (top_key_ == "date_source") c_.date_source = std::move(value);
        else if (top_key_ == "main_heading") c_.first_heading = std::move(value);  // before headings[0]
        else if (top_key_ == "final_url") c_.final_url = std::move(value);
        else if (top_key_ == "date") {
            c_.date = util::parse_iso_date(value);
            if (!c_.date) {
                error = "field \"date\": \"" + value + "\" is not a valid YYYY-MM-DD date";
                return false;
            }
        }
        return true;
    }
    bool period_string(std::string& value) {
        if (!period_) return true;
        if (inner_key_ == "text") period_->text = std::move(value);
        else if (inner_key_ == "start" || inner_key_ == "end") {
            const auto day = util::parse_iso_date(value);
            if (!day) {
                error = "field \"period." + inner_key_ + "\": \"" + value + "\" is not a valid YYYY-MM-DD date";
                return false;
            }
            (inner_key_ == "start" ? period_start_ : period_end_) = day;
        }
        return true;
    }
    bool warc_string(std::string& value) {
        if (!c_.warc) return true;
        if (inner_key_ == "file") c_.warc->file = std::move(value);
        else if (inner_key_ == "record_id") c_.warc->record_id = std::move(value);
        else if (inner_key_ == "date") c_.warc->date = std::move(value);
        return true;
    }
    bool context_string(std::string& value) {
        if (inner_key_ == "url") context_->url = std::move(value);
        else if (inner_key_ == "page") context_->page = std::move(value);
        else if (inner_key_ == "anchor_text") context_->anchor_text = std::move(value);
        else if (inner_key_ == "heading") context_->heading = std::move(value);
        else if (inner_key_ == "group") context_->group = std::move(value);
        else if (inner_key_ == "context") context_->context = std::move(value);
        return true;
    }

    Candidate& c_;
    int depth_ = 0;
    Top top_ = Top::other;
    std::string top_key_;
    std::string inner_key_;
    LinkContext* context_ = nullptr;
    std::optional<CoveredPeriod> period_;
    std::optional<date::sys_days> period_start_, period_end_;
};

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

std::string Candidate::location() const {
    if (!url.empty()) return url;
    if (!root.empty() && !path.empty()) return root + "/" + path;
    return path;
}

std::string Candidate::identity() const {
    return sha256.empty() ? location() : "sha256:" + sha256;
}

std::string read_candidate(std::string_view line, Candidate& candidate) {
    candidate.type.clear();
    candidate.url.clear();
    candidate.root.clear();
    candidate.path.clear();
    candidate.title.clear();
    candidate.sha256.clear();
    candidate.date.reset();
    candidate.date_source.clear();
    candidate.period.reset();
    candidate.problems.clear();
    candidate.failure.clear();
    candidate.found_on.clear();
    candidate.links.clear();
    candidate.first_heading.clear();
    candidate.text_chars.reset();
    candidate.form_fields.reset();
    candidate.checked.reset();
    candidate.status = 0;
    candidate.final_url.clear();
    candidate.warc.reset();
    CandidateHandler handler(candidate);
    Json::sax_parse(line, &handler);
    return handler.error;
}

bool is_unusable_problem(std::string_view problem) {
    static constexpr std::string_view unusable[] = {"empty", "type_mismatch", "unreadable", "http_4xx", "http_5xx",
                                                    "timeout", "dns", "tls", "connection", "redirect_loop",
                                                    "login_required"};
    return util::is_one_of(problem, unusable);
}

std::string file_name_of(std::string_view url_or_path) {
    auto text = url_or_path;
    const auto cut = text.find_first_of("?#");
    if (cut != std::string_view::npos && text.find("://") != std::string_view::npos) text = text.substr(0, cut);
    while (!text.empty() && text.back() == '/') text.remove_suffix(1);
    const auto slash = text.find_last_of('/');
    if (slash != std::string_view::npos) text = text.substr(slash + 1);
    std::string name;
    name.reserve(text.size());
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0) {
            name += static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
            i += 2;
        } else {
            name += text[i];
        }
    }
    return name;
}

}  // namespace ppid
