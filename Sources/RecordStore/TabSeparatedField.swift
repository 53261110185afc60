import Foundation

/// A field of a tab-separated line (the summary index, the database's summaries): backslash,
/// tab, line feed and carriage return escaped as `\\`, `\t`, `\n`, `\r`, so a field is never
/// cut in two.
public enum TabSeparatedField {
    public static func escaped(_ field: String) -> String {
        guard field.utf8.contains(where: { [UInt8(ascii: "\\"), UInt8(ascii: "\t"), 0x0a, 0x0d].contains($0) })
        else { return field }
        return field.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\t", with: "\\t")
            .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
    }

    /// The field's text, from the bytes between two tabs. Inlinable, so that each caller's
    /// collection is specialised: a report reads a million fields.
    @inlinable
    public static func unescaped(_ bytes: some Collection<UInt8>) -> String {
        let field = String(decoding: bytes, as: UTF8.self)
        guard bytes.contains(UInt8(ascii: "\\")) else { return field }
        var result = ""
        var escaping = false
        for character in field {
            if escaping {
                result.append(character == "t" ? "\t" : character == "n" ? "\n" : character == "r" ? "\r" : character)
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}
