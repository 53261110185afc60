/// Words as a POSIX shell reads them: a word with only safe characters stays as it is, any
/// other is single-quoted ("Ana Ruiz" → 'Ana Ruiz', "O'Brien" → 'O'\''Brien').
enum ShellWords {
    static func quote(_ word: String) -> String {
        let safe = word.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                || "@%_+=:,./-".unicodeScalars.contains($0)
        }
        if safe, !word.isEmpty { return word }
        return "'" + word.replacing("'", with: "'\\''") + "'"
    }

    static func join(_ words: [String]) -> String {
        words.map(quote).joined(separator: " ")
    }
}
