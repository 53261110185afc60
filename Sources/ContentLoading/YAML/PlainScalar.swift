/// What a plain (unquoted) scalar means, by character tests rather than regular expressions:
/// the YAML 1.1 null, boolean, integer and float forms that ``NodeDecoder`` accepts. A scalar
/// with a tag (`!!str 5`) is not plain, so it is text; the content formats use no other tags.
enum PlainScalar {
    static let nulls: Set<String> = ["", "~", "null", "Null", "NULL"]
    static let trueWords: Set<String> = ["yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"]
    static let booleans: Set<String> = trueWords.union(["no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"])

    /// `[-+]?[0-9][0-9_]*`
    static func isInteger(_ text: String) -> Bool {
        var digits = Substring(text)
        if let sign = digits.first, sign == "-" || sign == "+" { digits = digits.dropFirst() }
        guard let first = digits.first, first.isASCII, first.isNumber else { return false }
        return digits.allSatisfy { ($0.isASCII && $0.isNumber) || $0 == "_" }
    }

    /// `[-+]?[0-9_]*\.[0-9_]*([eE][-+]?[0-9]+)?` with at least one digit.
    static func isFloat(_ text: String) -> Bool {
        var rest = Substring(text)
        if let sign = rest.first, sign == "-" || sign == "+" { rest = rest.dropFirst() }
        let mantissa = rest.prefix { $0 != "e" && $0 != "E" }
        let exponent = rest.dropFirst(mantissa.count)
        guard mantissa.filter({ $0 == "." }).count == 1, mantissa.contains(where: \.isNumber),
            mantissa.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "_" || $0 == "." })
        else { return false }
        if exponent.isEmpty { return true }
        var power = exponent.dropFirst()
        if let sign = power.first, sign == "-" || sign == "+" { power = power.dropFirst() }
        return !power.isEmpty && power.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
