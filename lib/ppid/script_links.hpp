// Links that only a script opens, read as text (no script is run): what a person with a browser
// reaches by clicking, and a crawler without JavaScript would otherwise never see.
//
// Recognised in an element's attributes:
// - data-href and data-url: the URL as written (a table row or card made clickable by a script);
// - onclick (and the other on* handlers are not read): the first string literal, in single or double
//   quotes or backticks without ${}, passed to window.open( / open( / location.assign( /
//   location.replace( or assigned to location / location.href / window.location / window.location.href /
//   document.location / top.location / self.location / parent.location ("location.href='x.pdf'").
// Escapes in the literal (\' \" \\ \/ \xHH \uHHHH) are undone; a literal built from variables or
// concatenation ("'a' + id") is not a URL and is left out.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace ppid {

// Returns the URL the script `code` (an onclick attribute's value) opens, or nothing.
std::optional<std::string> script_link_target(std::string_view code);

}  // namespace ppid
