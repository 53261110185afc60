/// The one check for every string a participant gives: a name or an employee id, typed on the
/// join page, at the offline console, or in a roster file. What it lets through is safe to show
/// at the facilitator's console and to write into the roster CSV: no control characters (C0 and
/// C1, Escape among them, so no terminal escape sequences), no line or paragraph separators, and
/// no bidirectional overrides or isolates (U+202A–U+202E, U+2066–U+2069), which could make a
/// name read as something else. A name must have something visible: one of only spaces or
/// zero-width characters is no name.
public enum ParticipantText {
    public static let nameLimit = 80
    public static let employeeIDLimit = 40

    /// A name as typed, trimmed of surrounding whitespace, or why it is refused.
    public static func name(_ typed: String) -> Result<String, ParticipantTextProblem> {
        let name = typed.trimmingWhitespace
        if let problem = problem(in: name, field: .name, limit: nameLimit) { return .failure(problem) }
        return .success(name)
    }

    /// An employee id as typed, trimmed; nil when none was given (absent, empty or only spaces),
    /// or why it is refused.
    public static func employeeID(_ typed: String?) -> Result<String?, ParticipantTextProblem> {
        guard let employeeID = typed?.trimmingWhitespace, !employeeID.isEmpty else { return .success(nil) }
        if let problem = problem(in: employeeID, field: .employeeID, limit: employeeIDLimit) { return .failure(problem) }
        return .success(employeeID)
    }

    private static func problem(in text: String, field: ParticipantTextProblem.Field, limit: Int) -> ParticipantTextProblem? {
        if text.unicodeScalars.contains(where: isControl) { return .init(field: field, kind: .controlCharacter) }
        if text.unicodeScalars.contains(where: isDirectionControl) { return .init(field: field, kind: .directionControl) }
        if !text.unicodeScalars.contains(where: isVisible) { return .init(field: field, kind: .empty) }
        if text.count > limit { return .init(field: field, kind: .tooLong(limit: limit)) }
        return nil
    }

    /// C0 and C1 controls and DEL (general category Cc), and the line and paragraph separators.
    static func isControl(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .lineSeparator, .paragraphSeparator: true
        default: false
        }
    }

    /// The bidirectional embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069).
    static func isDirectionControl(_ scalar: Unicode.Scalar) -> Bool {
        (0x202A...0x202E).contains(scalar.value) || (0x2066...0x2069).contains(scalar.value)
    }

    /// Neither whitespace nor a character that is drawn as nothing (zero-width spaces and joiners,
    /// the byte-order mark, and the other default-ignorable characters).
    static func isVisible(_ scalar: Unicode.Scalar) -> Bool {
        !scalar.properties.isWhitespace && !scalar.properties.isDefaultIgnorableCodePoint
    }
}

/// Why a participant's name or employee id is refused, in words for the person who typed it
/// (the participant, or the facilitator typing a roster).
public struct ParticipantTextProblem: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Field: Sendable, Equatable {
        case name, employeeID
    }

    public enum Kind: Sendable, Equatable {
        /// Nothing visible: empty, or only spaces or zero-width characters.
        case empty
        case tooLong(limit: Int)
        /// A control character (Escape, a tab, a line break…).
        case controlCharacter
        /// A character that changes the direction text is shown in.
        case directionControl
    }

    public var field: Field
    public var kind: Kind

    public init(field: Field, kind: Kind) {
        self.field = field
        self.kind = kind
    }

    public var description: String {
        let what = field == .name ? "name" : "employee id"
        return switch kind {
        case .empty: "The \(what) is blank (only spaces or invisible characters): type it again."
        case .tooLong(let limit): "The \(what) is too long: it may have up to \(limit) characters."
        case .controlCharacter:
            "The \(what) contains a control character (such as Escape, a tab or a line break): type it again without it."
        case .directionControl:
            "The \(what) contains an invisible character that changes the direction of the text: type it again without it."
        }
    }
}
