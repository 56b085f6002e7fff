#include <ppid/tls_problem.hpp>

#include <catch2/catch.hpp>

#include <openssl/x509_vfy.h>

using namespace ppid;

TEST_CASE("a refused certificate is named by its cause", "[tls]") {
    CHECK(tls_problem_name(X509_V_ERR_CERT_HAS_EXPIRED, "SSL certificate problem: certificate has expired") == "tls_expired");
    CHECK(tls_problem_name(X509_V_ERR_CERT_NOT_YET_VALID, "") == "tls_expired");
    CHECK(tls_problem_name(1, "SSL: no alternative certificate subject name matches target host name 'x'") == "tls_hostname");
    CHECK(tls_problem_name(X509_V_ERR_HOSTNAME_MISMATCH, "") == "tls_hostname");
    CHECK(tls_problem_name(X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY, "unable to get local issuer certificate") ==
          "tls_incomplete_chain");
    CHECK(tls_problem_name(X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE, "") == "tls_incomplete_chain");
    CHECK(tls_problem_name(X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT, "self-signed certificate") == "tls_untrusted");
    CHECK(tls_problem_name(X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN, "") == "tls_untrusted");
}
