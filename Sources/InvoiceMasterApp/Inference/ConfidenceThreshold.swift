import Foundation

/// The `confidence_threshold` query parameter: a number from 0 to 1, default 0.5.
enum ConfidenceThreshold {
    static let parameter = "confidence_threshold"
    static let defaultValue = 0.5

    static func parse(_ text: String?) throws -> Double {
        guard let text else { return defaultValue }
        guard let value = Double(text.trimmingCharacters(in: .whitespaces)), value.isFinite, (0...1).contains(value) else {
            throw InferenceRejection.badRequest(
                "Invalid query parameter '\(parameter)': expected a number from 0 to 1, got \(DocumentListQuery.quoted(text))")
        }
        return value
    }
}
