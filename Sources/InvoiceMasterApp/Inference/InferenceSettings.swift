import Foundation

/// Settings of the inference endpoint's notifications; read with the other `Settings`.
public struct InferenceSettings: Sendable, Equatable {
    /// `WEBHOOK_URL`: where each inference result is POSTed (http or https); nil turns webhooks off.
    public var webhookURL: URL?
    /// `WEBHOOK_MAX_ATTEMPTS`: deliveries tried per notification before giving up.
    public var webhookMaxAttempts: Int
    /// `WEBHOOK_RETRY_DELAY_SECONDS`: wait before the second attempt; doubles per attempt.
    public var webhookRetryDelaySeconds: Double
    /// `WEBHOOK_MAX_RETRY_DELAY_SECONDS`: ceiling on that wait.
    public var webhookMaxRetryDelaySeconds: Double
    /// `WEBHOOK_TIMEOUT_SECONDS`: one attempt's limit (connect, send, answer).
    public var webhookTimeoutSeconds: Double
    /// `WEBHOOK_SECRET`: when set, each request is signed with HMAC-SHA256 so the receiver can
    /// tell it comes from us (`X-Webhook-Signature`, see `WebhookSignature`).
    public var webhookSecret: String?

    init(reader: SettingsReader) throws {
        webhookURL = try Self.webhookURL(reader.raw("WEBHOOK_URL"))
        webhookMaxAttempts = try reader.int("WEBHOOK_MAX_ATTEMPTS", default: 5, range: 1...100)
        webhookRetryDelaySeconds = try reader.double("WEBHOOK_RETRY_DELAY_SECONDS", default: 1, minimum: 0.001)
        webhookMaxRetryDelaySeconds = try reader.double("WEBHOOK_MAX_RETRY_DELAY_SECONDS", default: 60, minimum: 0.001)
        webhookTimeoutSeconds = try reader.double("WEBHOOK_TIMEOUT_SECONDS", default: 10, minimum: 0.001)
        webhookSecret = reader.raw("WEBHOOK_SECRET")
    }

    private static func webhookURL(_ text: String?) throws -> URL? {
        guard let text else { return nil }
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased(),
              scheme == "http" || scheme == "https", let host = components.host, !host.isEmpty,
              let url = components.url
        else {
            let shown = WebhookEndpoint.maskingPassword(text)
            throw SettingsError("invalid WEBHOOK_URL='\(shown)': expected an http:// or https:// URL with a host")
        }
        return url
    }
}
