/// The file name of a trainee's saved session: the name's letters and digits, lower-cased and
/// joined by dashes ("Ana Ruiz" → "ana-ruiz", "José Núñez" → "josé-núñez"); a name with none
/// gets the hexadecimal of its bytes.
enum ProgressFileName {
    static func stem(for trainee: String) -> String {
        let words = trainee.lowercased().split { !$0.isLetter && !$0.isNumber }
        guard words.isEmpty else { return words.joined(separator: "-") }
        return "trainee-" + trainee.utf8.map { String($0, radix: 16) }.joined()
    }
}
