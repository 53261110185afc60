/// A parsed YAML file that decodes into a format's types and turns every failure into a
/// ``ContentError`` with the file name, line and column.
struct YAMLDocument {
    let fileName: String
    let root: YAMLNode

    /// Parses `text`; a syntax error is reported with its line and column.
    init(text: String, fileName: String) throws(ContentError) {
        self.fileName = fileName
        let node: YAMLNode?
        do {
            node = try YAMLComposer.compose(text)
        } catch {
            throw ContentError.invalid(file: fileName, at: error.location, problem: error.reason)
        }
        guard let node else {
            throw ContentError.invalid(
                file: fileName, at: SourceLocation(line: 1, column: 1), problem: .emptyList("the file"))
        }
        root = node
    }

    /// The file's `format:` value, read before decoding so that a newer format fails clearly.
    func requireFormat(in supported: [Int]) throws(ContentError) {
        let value = root["format"]
        guard let value, let number = try? NodeDecoder(node: value).decode(Int.self), supported.contains(number) else {
            throw error(
                at: value == nil ? DocumentPath() : DocumentPath() / "format",
                .unsupportedFormat(found: value?.scalar?.text, supported: supported))
        }
    }

    func decode<T: Decodable>(_ type: T.Type) throws(ContentError) -> T {
        do {
            return try NodeDecoder(node: root).decode(type)
        } catch let error as UnknownKeyError {
            throw self.error(at: DocumentPath(codingPath: error.codingPath), .unknownKey(error.key, allowed: error.allowed))
        } catch let error as DecodingError {
            throw self.decodingError(error)
        } catch {
            throw ContentError.invalid(file: fileName, at: nil, problem: .yamlSyntax(String(describing: error)))
        }
    }

    /// An error at `path` in this document.
    func error(at path: DocumentPath, _ problem: ContentProblem) -> ContentError {
        let pointingAtKey = if case .unknownKey = problem { true } else { false }
        return .invalid(file: fileName, at: root.location(of: path, pointingAtKey: pointingAtKey), problem: problem)
    }

    private func decodingError(_ error: DecodingError) -> ContentError {
        switch error {
        case .keyNotFound(let key, let context):
            let path = DocumentPath(codingPath: context.codingPath)
            return self.error(at: path, .missingKey(key.stringValue, in: place(path)))
        case .typeMismatch(let type, let context), .valueNotFound(let type, let context):
            let path = DocumentPath(codingPath: context.codingPath)
            return self.error(at: path, .wrongType(key: path.lastKey, expected: Self.describe(type)))
        case .dataCorrupted(let context):
            let path = DocumentPath(codingPath: context.codingPath)
            if let invalid = context.underlyingError as? InvalidValueError {
                return self.error(at: path, .invalidValue(key: path.lastKey, value: invalid.value, allowed: invalid.allowed))
            }
            return self.error(at: path, .wrongType(key: path.lastKey, expected: context.debugDescription))
        @unknown default:
            return .invalid(file: fileName, at: nil, problem: .yamlSyntax(String(describing: error)))
        }
    }

    private func place(_ path: DocumentPath) -> String {
        path.components.isEmpty ? "The file" : "`\(path.description.dropFirst())`"
    }

    private static func describe(_ type: Any.Type) -> String {
        switch type {
        case is Int.Type: "a whole number"
        case is Double.Type: "a number such as 0.8"
        case is Bool.Type: "true or false"
        case is String.Type: "text"
        default:
            String(describing: type).hasPrefix("Array") ? "a list" : "a mapping (key: value lines)"
        }
    }
}
