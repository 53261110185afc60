import CYAML

/// Text that is not valid YAML, or that goes past a ``ContentLimit``, and where.
struct YAMLSyntaxError: Error {
    /// What is wrong, as the file's error reports it: ``ContentProblem/yamlSyntax(_:)`` with
    /// libyaml's description or ours, or ``ContentProblem/overLimit(_:)``.
    var reason: ContentProblem
    var location: SourceLocation?

    /// The description of what is wrong.
    var problem: String {
        if case .yamlSyntax(let detail) = reason { detail } else { reason.message }
    }

    init(problem: String, at location: SourceLocation?) {
        reason = .yamlSyntax(problem)
        self.location = location
    }

    init(over limit: ContentLimit, at location: SourceLocation) {
        reason = .overLimit(limit)
        self.location = location
    }

    /// The error libyaml's parser stopped with.
    init(_ parser: yaml_parser_t, text: UnsafeBufferPointer<UInt8>) {
        var problem = parser.problem.map { String(cString: $0) } ?? "the parser stopped"
        if let context = parser.context {
            problem += ", \(String(cString: context)) at line \(parser.context_mark.line + 1)"
        }
        reason = .yamlSyntax(problem)
        // A reader error (a control character, say) gives a byte offset rather than a mark.
        location =
            parser.error == YAML_READER_ERROR
            ? SourceLocation(ofByte: parser.problem_offset, in: text) : SourceLocation(parser.problem_mark)
    }
}

extension SourceLocation {
    /// libyaml counts lines and columns from 0.
    init(_ mark: yaml_mark_t) {
        self.init(line: mark.line + 1, column: mark.column + 1)
    }
}
