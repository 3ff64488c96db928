/// Small constructors that keep the OpenAPI document readable as Swift.
enum OpenAPIBuilders {
    static func object(_ members: (String, JSONValue)...) -> JSONValue { .object(JSONObject(members)) }
    static func object(_ members: [(String, JSONValue)]) -> JSONValue { .object(JSONObject(members)) }
    static func string(_ text: String) -> JSONValue { .string(text) }
    static func int(_ value: Int) -> JSONValue { .number(String(value)) }
    static func strings(_ texts: [String]) -> JSONValue { .array(texts.map { .string($0) }) }
    static func ref(_ name: String) -> JSONValue { object(("$ref", .string("#/components/schemas/\(name)"))) }

    static func stringSchema(minLength: Int? = nil, maxLength: Int? = nil, format: String? = nil,
                             description: String? = nil, noNul: Bool = false) -> JSONValue {
        var members: [(String, JSONValue)] = [("type", "string")]
        if let minLength { members.append(("minLength", int(minLength))) }
        if let maxLength { members.append(("maxLength", int(maxLength))) }
        if let format { members.append(("format", .string(format))) }
        if noNul { members.append(("pattern", "^[^\\u0000]*$")) }
        if let description { members.append(("description", .string(description))) }
        return object(members)
    }

    static func enumSchema(_ values: [String], description: String? = nil) -> JSONValue {
        var members: [(String, JSONValue)] = [("type", "string"), ("enum", strings(values))]
        if let description { members.append(("description", .string(description))) }
        return object(members)
    }

    static func jsonContent(_ schema: JSONValue) -> JSONValue {
        object(("application/json", object(("schema", schema))))
    }
}

extension JSONValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
}
