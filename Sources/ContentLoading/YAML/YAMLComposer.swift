import CYAML

/// Parses YAML text with libyaml and builds the document's ``YAMLNode`` tree from its events.
///
/// A content file holds one document. Anchors and aliases are resolved; a mapping that has the
/// same key twice is an error, as are a second document and an alias to an unknown anchor.
enum YAMLComposer {
    /// The document's root, or nil for a file with no content.
    static func compose(_ text: String) throws(YAMLSyntaxError) -> YAMLNode? {
        var text = text
        let result = text.withUTF8 { bytes in
            Result { () throws(YAMLSyntaxError) in try compose(bytes) }
        }
        return try result.get()
    }

    private static func compose(_ bytes: UnsafeBufferPointer<UInt8>) throws(YAMLSyntaxError) -> YAMLNode? {
        guard let start = bytes.baseAddress, !bytes.isEmpty else { return nil }
        let parser = UnsafeMutablePointer<yaml_parser_t>.allocate(capacity: 1)
        defer { parser.deallocate() }
        guard yaml_parser_initialize(parser) == 1 else { throw YAMLSyntaxError(problem: "out of memory", at: nil) }
        defer { yaml_parser_delete(parser) }
        yaml_parser_set_input_string(parser, start, bytes.count)
        yaml_parser_set_encoding(parser, YAML_UTF8_ENCODING)

        var builder = TreeBuilder()
        var event = yaml_event_t()
        var ended = false
        while !ended {
            guard yaml_parser_parse(parser, &event) == 1 else { throw YAMLSyntaxError(parser.pointee, text: bytes) }
            defer { yaml_event_delete(&event) }
            ended = try builder.add(event)
        }
        return builder.root
    }
}

/// Assembles nodes from events: collections open on their start event and are finished, and
/// added to the collection around them, on their end event.
private struct TreeBuilder {
    private struct OpenCollection {
        var start: SourceLocation
        var anchor: String?
        var isMapping: Bool
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        var pendingKey: YAMLNode?
    }

    private var open: [OpenCollection] = []
    private var anchors: [String: YAMLNode] = [:]
    private var documents = 0
    private(set) var root: YAMLNode?

    /// Adds one event; returns true at the end of the stream.
    mutating func add(_ event: yaml_event_t) throws(YAMLSyntaxError) -> Bool {
        let start = SourceLocation(event.start_mark)
        switch event.type {
        case YAML_STREAM_END_EVENT:
            return true
        case YAML_DOCUMENT_START_EVENT:
            documents += 1
            if documents > 1 {
                throw YAMLSyntaxError(
                    problem: "a second document starts here, but a content file holds one (remove the `---` line)",
                    at: start)
            }
        case YAML_SCALAR_EVENT:
            let scalar = event.data.scalar
            let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            let isPlain = scalar.style == YAML_PLAIN_SCALAR_STYLE && scalar.tag == nil
            try finish(
                YAMLNode(content: .scalar(YAMLScalar(text: text, isPlain: isPlain)), start: start),
                anchor: Self.name(scalar.anchor))
        case YAML_ALIAS_EVENT:
            let name = String(cString: event.data.alias.anchor)
            guard let node = anchors[name] else {
                throw YAMLSyntaxError(problem: "the alias *\(name) names no anchor (&\(name)) written before it", at: start)
            }
            try finish(node, anchor: nil)
        case YAML_SEQUENCE_START_EVENT:
            open.append(OpenCollection(start: start, anchor: Self.name(event.data.sequence_start.anchor), isMapping: false))
        case YAML_MAPPING_START_EVENT:
            open.append(OpenCollection(start: start, anchor: Self.name(event.data.mapping_start.anchor), isMapping: true))
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            let collection = open.removeLast()
            let content: YAMLNode.Content = collection.isMapping ? .mapping(collection.pairs) : .sequence(collection.items)
            try finish(YAMLNode(content: content, start: collection.start), anchor: collection.anchor)
        default:
            break
        }
        return false
    }

    private mutating func finish(_ node: YAMLNode, anchor: String?) throws(YAMLSyntaxError) {
        if let anchor { anchors[anchor] = node }
        guard let index = open.indices.last else {
            root = node
            return
        }
        guard open[index].isMapping else {
            open[index].items.append(node)
            return
        }
        guard let key = open[index].pendingKey else {
            open[index].pendingKey = node
            return
        }
        if let text = key.scalar?.text, text != "<<",
            let first = open[index].pairs.first(where: { $0.key.scalar?.text == text })
        {
            throw YAMLSyntaxError(
                problem: "the key \(text) appears twice in one mapping (first at line \(first.key.start.line))",
                at: key.start)
        }
        open[index].pairs.append(YAMLPair(key: key, value: node))
        open[index].pendingKey = nil
    }

    private static func name(_ anchor: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        anchor.map { String(cString: $0) }
    }
}

/// Text that is not valid YAML, with libyaml's description and where it is.
struct YAMLSyntaxError: Error {
    var problem: String
    var location: SourceLocation?

    init(problem: String, at location: SourceLocation?) {
        self.problem = problem
        self.location = location
    }

    /// The error libyaml's parser stopped with.
    fileprivate init(_ parser: yaml_parser_t, text: UnsafeBufferPointer<UInt8>) {
        var problem = parser.problem.map { String(cString: $0) } ?? "the parser stopped"
        if let context = parser.context {
            problem += ", \(String(cString: context)) at line \(parser.context_mark.line + 1)"
        }
        self.problem = problem
        // A reader error (a control character, say) gives a byte offset rather than a mark.
        location =
            parser.error == YAML_READER_ERROR
            ? Self.location(ofByte: parser.problem_offset, in: text) : SourceLocation(parser.problem_mark)
    }

    private static func location(ofByte offset: Int, in text: UnsafeBufferPointer<UInt8>) -> SourceLocation {
        let before = text.prefix(min(offset, text.count))
        let lineStart = (before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 }) ?? 0
        let line = before.count(where: { $0 == UInt8(ascii: "\n") }) + 1
        let column = String(decoding: before[lineStart...], as: UTF8.self).count + 1
        return SourceLocation(line: line, column: column)
    }
}

extension SourceLocation {
    /// libyaml counts lines and columns from 0.
    fileprivate init(_ mark: yaml_mark_t) {
        self.init(line: mark.line + 1, column: mark.column + 1)
    }
}
