// OpenSSL's TLS client API, for the webhook client's https:// deliveries.
#include <openssl/ssl.h>
#include <openssl/err.h>
#include <openssl/x509v3.h>
