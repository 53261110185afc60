import ScenarioEngine
import Training

extension TrainingSession.Input {
    /// What a typed line means: a letter chooses an option; a command (or its first letter) does
    /// what it says; nil for anything else.
    public init?(typed line: String, for question: Question) {
        let word = line.split(whereSeparator: \.isWhitespace).first.map { $0.lowercased() } ?? ""
        switch word {
        case "help", "h", "?": self = .help
        case "repeat", "r": self = .repeatQuestion
        case "protocol", "p": self = .showProtocol
        case "quit", "q", "exit": self = .quit
        default:
            guard word.count == 1, let scalar = word.unicodeScalars.first, ("a"..."z").contains(scalar) else { return nil }
            let index = Int(scalar.value) - 97
            guard question.options.indices.contains(index) else { return nil }
            self = .choose(question.options[index].id)
        }
    }
}
