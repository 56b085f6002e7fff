// Membership in a short fixed list of names, the way parsers test a word against keywords.
#pragma once

#include <algorithm>
#include <iterator>

namespace ppid::util {

// Returns whether `value` equals an element of `list` (an array or any other range); never fails.
template <typename Value, typename List>
bool is_one_of(const Value& value, const List& list) {
    return std::find(std::begin(list), std::end(list), value) != std::end(list);
}

}  // namespace ppid::util
