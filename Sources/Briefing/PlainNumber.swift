/// Small counts in words, as a briefing says them: "at least two of these five".
enum PlainNumber {
    private static let names = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"]

    /// `number` in words up to ten, in digits beyond.
    static func words(_ number: Int) -> String {
        names.indices.contains(number) ? names[number] : String(number)
    }
}
