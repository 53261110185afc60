import CYAML

/// Parses YAML text with libyaml and builds the document's ``YAMLNode`` tree from its events.
///
/// A content file holds one document. Anchors and aliases are resolved, and merge keys
/// (`<<: *defaults`) expanded; a mapping that has the same key twice is an error, as are a
/// second document and an alias to an unknown anchor. So is a document past a
/// ``ContentLimit``: each limit is checked as the events arrive, so a malformed file stops
/// where it goes past it, in time that grows with its size (an alias is counted, never copied).
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
        let largest = ContentLimit.fileSize.maximum
        if bytes.count > largest { throw YAMLSyntaxError(over: .fileSize, at: SourceLocation(ofByte: largest, in: bytes)) }
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
///
/// It counts, as it goes, what the ``ContentLimit``s bound: every value, an alias counting as
/// all the values of its anchor; the nesting, an alias adding its anchor's height; each
/// mapping's keys, in a set once there are more than a few, so that a repeated key is found
/// without comparing every pair with every other.
private struct TreeBuilder {
    private struct OpenCollection {
        var start: SourceLocation
        var anchor: String?
        var isMapping: Bool
        /// ``TreeBuilder/values`` when it opened: the values counted since are inside it.
        var valuesBefore: Int
        /// How many collections deep its contents go, itself included.
        var height = 1
        var items: [YAMLNode] = []
        var pairs: [YAMLPair] = []
        /// The texts of its keys, once it has more than ``keysSearchedInPlace``.
        var keys: Set<String>?
        var pendingKey: YAMLNode?
        var hasMergeKey = false

        /// Up to this many keys, a new key is compared with each: faster than hashing for the
        /// few keys content mappings have, and still linear in all.
        static let keysSearchedInPlace = 16

        /// Records the text of a new key; false if the mapping has it already.
        mutating func recordKey(_ text: String) -> Bool {
            if keys == nil, pairs.count < Self.keysSearchedInPlace {
                return !pairs.contains { $0.key.scalar?.text == text }
            }
            if keys == nil { keys = Set(pairs.compactMap { $0.key.scalar?.text }) }
            return keys?.insert(text).inserted ?? true
        }
    }

    /// A finished node, with the values it stands for and its height.
    private struct Composed {
        var node: YAMLNode
        var values: Int
        var height: Int
    }

    private var open: [OpenCollection] = []
    private var anchors: [String: Composed] = [:]
    private var documents = 0
    /// Every value so far, each alias counted as its anchor's values.
    private var values = 0
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
            let bytes = UnsafeBufferPointer(start: scalar.value, count: scalar.length)
            let text = String(decoding: bytes, as: UTF8.self)
            // A character is at least one byte: only a long text needs counting.
            let longest = ContentLimit.textLength.maximum
            if bytes.count > longest, text.count > longest { throw YAMLSyntaxError(over: .textLength, at: start) }
            try count(1, at: start)
            let isPlain = scalar.style == YAML_PLAIN_SCALAR_STYLE && scalar.tag == nil
            let node = YAMLNode(content: .scalar(YAMLScalar(text: text, isPlain: isPlain)), start: start)
            try finish(Composed(node: node, values: 1, height: 0), anchor: Self.name(scalar.anchor))
        case YAML_ALIAS_EVENT:
            let name = String(cString: event.data.alias.anchor)
            guard let anchored = anchors[name] else {
                throw YAMLSyntaxError(problem: "the alias *\(name) names no anchor (&\(name)) written before it", at: start)
            }
            if open.count + anchored.height > ContentLimit.nestingDepth.maximum {
                throw YAMLSyntaxError(over: .nestingDepth, at: start)
            }
            try count(anchored.values, at: start)
            try finish(anchored, anchor: nil)
        case YAML_SEQUENCE_START_EVENT:
            try openCollection(at: start, anchor: Self.name(event.data.sequence_start.anchor), isMapping: false)
        case YAML_MAPPING_START_EVENT:
            try openCollection(at: start, anchor: Self.name(event.data.mapping_start.anchor), isMapping: true)
        case YAML_SEQUENCE_END_EVENT, YAML_MAPPING_END_EVENT:
            try closeCollection()
        default:
            break
        }
        return false
    }

    private mutating func openCollection(at start: SourceLocation, anchor: String?, isMapping: Bool) throws(YAMLSyntaxError) {
        if open.count >= ContentLimit.nestingDepth.maximum { throw YAMLSyntaxError(over: .nestingDepth, at: start) }
        open.append(OpenCollection(start: start, anchor: anchor, isMapping: isMapping, valuesBefore: values))
    }

    private mutating func closeCollection() throws(YAMLSyntaxError) {
        let collection = open.removeLast()
        try count(1, at: collection.start)
        let content: YAMLNode.Content
        if collection.isMapping {
            let pairs = collection.hasMergeKey ? collection.pairs.merged : collection.pairs
            if pairs.count > ContentLimit.keysPerMapping.maximum {
                throw YAMLSyntaxError(over: .keysPerMapping, at: collection.start)
            }
            content = .mapping(pairs)
        } else {
            content = .sequence(collection.items)
        }
        let node = YAMLNode(content: content, start: collection.start)
        try finish(
            Composed(node: node, values: values - collection.valuesBefore, height: collection.height),
            anchor: collection.anchor)
    }

    /// Counts `added` values, which may take the document past ``ContentLimit/values``.
    private mutating func count(_ added: Int, at location: SourceLocation) throws(YAMLSyntaxError) {
        values += added
        if values > ContentLimit.values.maximum { throw YAMLSyntaxError(over: .values, at: location) }
    }

    private mutating func finish(_ composed: Composed, anchor: String?) throws(YAMLSyntaxError) {
        if let anchor { anchors[anchor] = composed }
        let node = composed.node
        guard let index = open.indices.last else {
            root = node
            return
        }
        open[index].height = max(open[index].height, composed.height + 1)
        guard open[index].isMapping else {
            open[index].items.append(node)
            return
        }
        guard let key = open[index].pendingKey else {
            try addKey(node, at: index)
            return
        }
        open[index].pairs.append(YAMLPair(key: key, value: node))
        open[index].pendingKey = nil
    }

    /// Checks a mapping's new key: not one it has already, nor one too many.
    private mutating func addKey(_ key: YAMLNode, at index: Int) throws(YAMLSyntaxError) {
        if open[index].pairs.count >= ContentLimit.keysPerMapping.maximum {
            throw YAMLSyntaxError(over: .keysPerMapping, at: key.start)
        }
        if key.isMergeKey {
            open[index].hasMergeKey = true
        } else if let text = key.scalar?.text, !open[index].recordKey(text),
            let first = open[index].pairs.first(where: { $0.key.scalar?.text == text })
        {
            throw YAMLSyntaxError(
                problem: "the key \(text) appears twice in one mapping (first at line \(first.key.start.line))",
                at: key.start)
        }
        open[index].pendingKey = key
    }

    private static func name(_ anchor: UnsafeMutablePointer<yaml_char_t>?) -> String? {
        anchor.map { String(cString: $0) }
    }
}

extension [YAMLPair] {
    /// The pairs with their merge keys (`<<: *defaults`, or a list of them) expanded: keys
    /// written in the mapping itself win over merged ones, and an earlier merged mapping over a
    /// later one. The merged mappings were composed before, so their own merge keys are
    /// expanded already: this copies their pairs once, and never expands them again.
    fileprivate var merged: [YAMLPair] {
        var pairs = filter { !$0.key.isMergeKey }
        var seen = Set(pairs.compactMap { $0.key.scalar?.text })
        for merge in self where merge.key.isMergeKey {
            let sources: [YAMLNode] =
                switch merge.value.content {
                case .mapping: [merge.value]
                case .sequence(let items): items
                case .scalar: []
                }
            for source in sources {
                for pair in source.pairs ?? [] {
                    guard let key = pair.key.scalar?.text, seen.insert(key).inserted else { continue }
                    pairs.append(pair)
                }
            }
        }
        return pairs
    }
}

extension YAMLNode {
    /// `<<`, unquoted: a merge key.
    fileprivate var isMergeKey: Bool {
        guard let scalar else { return false }
        return scalar.isPlain && scalar.text == "<<"
    }
}
