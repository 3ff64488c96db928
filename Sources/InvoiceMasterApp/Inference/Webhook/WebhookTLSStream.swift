import CSSL
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// TLS over a connected `WebhookSocket`, through OpenSSL's libssl.
///
/// The receiver's certificate must chain to the system's trusted roots and name the URL's host
/// (DNS name, or IP address for a literal); anything else fails the handshake. The socket stays
/// blocking, so its SO_RCVTIMEO / SO_SNDTIMEO bound every SSL_read / SSL_write / handshake step.
/// OpenSSL writes with write(2): the server process ignores SIGPIPE (HTTPServer does), so a
/// receiver that hangs up mid-write is an error here, not a signal.
final class WebhookTLSStream: WebhookStream {
    private let socket: WebhookSocket
    private let ssl: OpaquePointer
    private var closed = false
    /// close_notify is sent only over a working session: OpenSSL forbids SSL_shutdown after a fatal error.
    private var canShutDown = false

    /// `trustedCertificates`: a PEM file of roots to trust instead of the system's; nil in the server.
    init(over socket: WebhookSocket, host: String, isIPLiteral: Bool, trustedCertificates: String? = nil) throws {
        let context: OpaquePointer
        if let trustedCertificates {
            context = try Self.makeContext(trusting: trustedCertificates).get()
        } else {
            context = try Self.systemContext.get()
            SSL_CTX_up_ref(context)
        }
        let made = SSL_new(context)
        SSL_CTX_free(context)  // the SSL object holds its own reference
        guard let ssl = made else { throw Self.failure("SSL_new") }
        self.socket = socket
        self.ssl = ssl
        guard SSL_set_fd(ssl, socket.descriptor) == 1 else { throw Self.failure("SSL_set_fd") }
        if isIPLiteral {
            // No SNI for addresses (RFC 6066 §3); check the certificate's IP address entries instead.
            guard X509_VERIFY_PARAM_set1_ip_asc(SSL_get0_param(ssl), host) == 1 else {
                throw Self.failure("X509_VERIFY_PARAM_set1_ip_asc")
            }
        } else {
            // SSL_set_tlsext_host_name is a C macro over SSL_ctrl.
            let named = host.withCString {
                SSL_ctrl(ssl, SSL_CTRL_SET_TLSEXT_HOSTNAME, Int(TLSEXT_NAMETYPE_host_name), UnsafeMutableRawPointer(mutating: $0))
            }
            guard named == 1, SSL_set1_host(ssl, host) == 1 else { throw Self.failure("setting the server name") }
        }
        ERR_clear_error()
        let handshake = SSL_connect(ssl)
        guard handshake == 1 else {
            let verification = SSL_get_verify_result(ssl)
            if verification != X509_V_OK {
                let reason = String(cString: X509_verify_cert_error_string(verification))
                throw WebhookTransportError(kind: .tls, detail: "certificate verification failed: \(reason)")
            }
            throw failure("handshake", result: handshake)
        }
        canShutDown = true
    }

    /// One context for every connection: loading the trusted roots is the expensive part.
    private static let systemContext = makeContext(trusting: nil)

    private static func makeContext(trusting file: String?) -> Result<OpaquePointer, WebhookTransportError> {
        guard let context = SSL_CTX_new(TLS_client_method()) else { return .failure(failure("SSL_CTX_new")) }
        let loaded = file.map { SSL_CTX_load_verify_locations(context, $0, nil) } ?? SSL_CTX_set_default_verify_paths(context)
        guard loaded == 1 else {
            SSL_CTX_free(context)
            return .failure(failure("loading the trusted certificates"))
        }
        SSL_CTX_set_verify(context, SSL_VERIFY_PEER, nil)
        // SSL_CTX_set_min_proto_version is a macro over SSL_CTX_ctrl.
        _ = SSL_CTX_ctrl(context, SSL_CTRL_SET_MIN_PROTO_VERSION, Int(TLS1_2_VERSION), nil)
        return .success(context)
    }

    func write(_ bytes: [UInt8]) throws {
        var offset = 0
        while offset < bytes.count {
            ERR_clear_error()
            let written = bytes[offset...].withUnsafeBytes { SSL_write(ssl, $0.baseAddress, Int32(clamping: $0.count)) }
            guard written > 0 else { throw failure("SSL_write", result: written) }
            offset += Int(written)
        }
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        ERR_clear_error()
        let count = SSL_read(ssl, buffer.baseAddress, Int32(clamping: buffer.count))
        if count > 0 { return Int(count) }
        if SSL_get_error(ssl, count) == SSL_ERROR_ZERO_RETURN { return 0 }
        throw failure("SSL_read", result: count)
    }

    func close() {
        guard !closed else { return }
        closed = true
        if canShutDown { _ = SSL_shutdown(ssl) }  // one close_notify; not waiting for the receiver's
        SSL_free(ssl)
        socket.close()
    }

    deinit { close() }

    /// The error for a failed SSL_* call: a timeout when the socket's limit hit, else the
    /// socket error or OpenSSL's own reason.
    private func failure(_ what: String, result: Int32) -> WebhookTransportError {
        let savedErrno = errno
        canShutDown = false
        let code = SSL_get_error(ssl, result)
        if code == SSL_ERROR_WANT_READ || code == SSL_ERROR_WANT_WRITE {
            return WebhookTransportError(kind: .timeout, detail: "\(what) timed out")
        }
        if code == SSL_ERROR_SYSCALL && savedErrno != 0 && ERR_peek_error() == 0 {
            return .system(.io, what, errno: savedErrno)
        }
        return Self.failure(what)
    }

    private static func failure(_ what: String) -> WebhookTransportError {
        let code = ERR_get_error()
        ERR_clear_error()
        guard code != 0 else { return WebhookTransportError(kind: .tls, detail: "\(what) failed") }
        var text = [CChar](repeating: 0, count: 256)
        ERR_error_string_n(code, &text, text.count)
        return WebhookTransportError(kind: .tls, detail: "\(what): \(String(cString: text))")
    }
}
