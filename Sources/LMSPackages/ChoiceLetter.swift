/// SCORM 1.2's choice response: one character, `0`-`9` or `a`-`z` (RTE 1.2, CMIFeedback for
/// interactions of type choice). The player names options `a`, `b`, `c`… in the order shown.
public enum ChoiceLetter {
    /// Every letter there is: a question can have at most this many options in a package.
    public static let alphabet = Array("abcdefghijklmnopqrstuvwxyz0123456789").map(String.init)

    /// The letter of the option at `index` (0-based) in the order shown; nil past the alphabet.
    public static func letter(at index: Int) -> String? {
        alphabet.indices.contains(index) ? alphabet[index] : nil
    }
}
