/// YAML 1.1's implicit types of plain (unquoted) scalars, by character tests: what
/// ``NodeDecoder`` accepts as null, a boolean or a number. (Yams tries up to seven regular
/// expressions per scalar for this; the files are composed with `Resolver.basic` instead.)
enum PlainScalar {
    static let nulls: Set<String> = ["", "~", "null", "Null", "NULL"]
    static let trueWords: Set<String> = ["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"]
    static let booleans: Set<String> = [
        "y", "Y", "yes", "Yes", "YES", "n", "N", "no", "No", "NO", "true", "True", "TRUE", "false", "False", "FALSE",
        "on", "On", "ON", "off", "Off", "OFF",
    ]

    /// `[-+]?[0-9][0-9_]*`, and the `0x`/`0o`/`0b` forms.
    static func isInteger(_ text: String) -> Bool {
        var digits = Substring(text)
        if let sign = digits.first, sign == "-" || sign == "+" { digits = digits.dropFirst() }
        for prefix in ["0x", "0o", "0b"] where digits.hasPrefix(prefix) && digits.count > 2 {
            return digits.dropFirst(2).allSatisfy { $0.isHexDigit || $0 == "_" }
        }
        guard let first = digits.first, first.isASCII, first.isNumber else { return false }
        return digits.allSatisfy { ($0.isASCII && $0.isNumber) || $0 == "_" }
    }

    /// `[-+]?([0-9][0-9_]*)?\.[0-9_]*([eE][-+][0-9]+)?`, and `.inf` / `.nan`.
    static func isFloat(_ text: String) -> Bool {
        if [".inf", ".Inf", ".INF", "+.inf", "-.inf", "+.Inf", "-.Inf", ".nan", ".NaN", ".NAN"].contains(text) { return true }
        var rest = Substring(text)
        if let sign = rest.first, sign == "-" || sign == "+" { rest = rest.dropFirst() }
        let mantissa = rest.prefix { $0 != "e" && $0 != "E" }
        let exponent = rest.dropFirst(mantissa.count)
        guard mantissa.contains("."), mantissa != ".",
            mantissa.allSatisfy({ ($0.isASCII && $0.isNumber) || $0 == "_" || $0 == "." }),
            mantissa.filter({ $0 == "." }).count == 1
        else { return false }
        if exponent.isEmpty { return true }
        var power = exponent.dropFirst()
        if let sign = power.first, sign == "-" || sign == "+" { power = power.dropFirst() }
        return !power.isEmpty && power.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
