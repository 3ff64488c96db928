/// Signs webhook requests so a receiver can check that they come from this server and are
/// fresh: `X-Webhook-Timestamp: <unix seconds>` and
/// `X-Webhook-Signature: sha256=<hex HMAC-SHA256(WEBHOOK_SECRET, "<timestamp>.<body>")>`.
/// The timestamp is part of the signed text, so a captured request cannot be replayed later
/// under a new one; receivers should also refuse timestamps more than a few minutes old.
/// Every attempt is signed anew.
struct WebhookSignature: Sendable {
    let secret: [UInt8]

    init(secret: String) { self.secret = Array(secret.utf8) }

    func headers(for body: [UInt8], timestamp: Int) -> [(name: String, value: String)] {
        let signed = Array("\(timestamp).".utf8) + body
        return [
            ("X-Webhook-Timestamp", String(timestamp)),
            ("X-Webhook-Signature", "sha256=" + SHA256Digest.hmacHex(key: secret, message: signed)),
        ]
    }
}
