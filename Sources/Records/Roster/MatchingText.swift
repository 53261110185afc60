import Foundation

/// How names, schools and employee ids are compared when a roster and records meet: written
/// by different people on different forms, "Ana  Ruiz" and "ana ruiz", "Nguyễn" and "Nguyen",
/// "O'Neil" and "ONeil" are the same person.
public enum MatchingText {
    /// Case and extra spaces ignored ("E-1042" and " e-1042 " are one id).
    public static func folded(_ text: String) -> String {
        text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// Case, accents, extra spaces and the punctuation of names (. , ' ’ -) ignored.
    public static func name(_ text: String) -> String {
        let plain = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
        let unpunctuated = plain.unicodeScalars.map { punctuation.contains($0) ? " " : String($0) }.joined()
        return folded(unpunctuated)
    }

    private static let punctuation = CharacterSet(charactersIn: ".,'’‘-")
}
