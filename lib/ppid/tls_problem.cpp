#include <ppid/tls_problem.hpp>

#include <openssl/x509_vfy.h>

namespace ppid {

std::string tls_problem_name(long verify_result, std::string_view curl_error) {
    if (curl_error.find("subject name") != std::string_view::npos || curl_error.find("host name") != std::string_view::npos)
        return "tls_hostname";
    switch (verify_result) {
    case X509_V_ERR_HOSTNAME_MISMATCH:
    case X509_V_ERR_IP_ADDRESS_MISMATCH: return "tls_hostname";
    case X509_V_ERR_CERT_HAS_EXPIRED:
    case X509_V_ERR_CERT_NOT_YET_VALID: return "tls_expired";
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    case X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE: return "tls_incomplete_chain";
    default: return "tls_untrusted";
    }
}

}  // namespace ppid
