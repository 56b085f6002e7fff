// Why a site's HTTPS certificate was refused, in the words records use: public bodies' sites often
// serve a certificate that has expired, that names another host, or without the intermediate
// certificate between it and a trusted root (browsers fetch that one themselves; libcurl does not).
#pragma once

#include <string>
#include <string_view>

namespace ppid {

// Returns, for a transfer whose peer failed verification, from OpenSSL's verification result and
// libcurl's error text:
// - "tls_hostname": issued for another name (libcurl checks the name itself, before it records
//   a verification result, and says "subject name" or "host name" in its text);
// - "tls_expired": expired, or not valid yet;
// - "tls_incomplete_chain": the issuer of a certificate the server sent is unknown ("unable to get
//   local issuer certificate"): for a public body's site under a public CA, the server left out
//   the intermediate certificate that browsers fetch by themselves. A private root that the server
//   does not send reads the same, and is reported so;
// - "tls_untrusted": any other failure, such as a self-signed certificate or a root sent but not
//   trusted.
std::string tls_problem_name(long verify_result, std::string_view curl_error);

}  // namespace ppid
