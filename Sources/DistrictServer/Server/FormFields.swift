import Foundation
import Hummingbird

/// The fields of a form posted as `application/x-www-form-urlencoded` (the only kind the pages
/// send): the first value of each name.
public struct FormFields: Sendable, Equatable {
    public private(set) var values: [String: String] = [:]

    public init() {}

    /// The fields of `body`; pairs that do not decode are skipped.
    public init(urlEncoded body: String) {
        for pair in body.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = Self.decoded(parts[0]), values[name] == nil,
                let value = parts.count > 1 ? Self.decoded(parts[1]) : ""
            else { continue }
            values[name] = value
        }
    }

    public subscript(name: String) -> String? { values[name] }

    private static func decoded(_ text: Substring) -> String? {
        text.replacing("+", with: " ").removingPercentEncoding
    }
}

extension Request {
    /// The fields of the query a GET form sent (`+` for a space, as browsers write it, which the
    /// router's query parameters leave as it is).
    var formQuery: FormFields { FormFields(urlEncoded: uri.query ?? "") }
}
