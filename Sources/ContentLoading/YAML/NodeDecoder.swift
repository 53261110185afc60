/// Decodes our formats' `Decodable` types from a composed YAML tree.
///
/// It reads scalars as the formats need them: text
/// from any scalar except a plain null (so a required text left empty is an error); numbers and
/// booleans from plain scalars only, in their YAML 1.1 forms (``PlainScalar``), so `"1"` quoted
/// is text. Merge keys (`<<: *defaults`) are expanded already, by ``YAMLComposer``. It throws
/// `DecodingError`s with coding paths, which ``YAMLDocument`` turns into file:line:column messages.
struct NodeDecoder: Decoder {
    let node: YAMLNode
    let path: CodingPath
    var codingPath: [any CodingKey] { path.keys }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(node: YAMLNode, path: CodingPath = .root) {
        self.node = node
        self.path = path
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard let pairs = node.pairs else { throw mismatch([String: Any].self) }
        return KeyedDecodingContainer(MappingContainer<Key>(pairs: pairs, path: path))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .sequence(let items) = node.content else { throw mismatch([Any].self) }
        return SequenceContainer(nodes: items, path: path)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    func mismatch(_ type: Any.Type) -> DecodingError {
        .typeMismatch(type, DecodingError.Context(codingPath: codingPath, debugDescription: "expected \(type)"))
    }
}

extension NodeDecoder: SingleValueDecodingContainer {
    func decodeNil() -> Bool {
        guard let scalar = node.scalar, scalar.isPlain else { return false }
        return PlainScalar.nulls.contains(scalar.text)
    }

    func decode(_ type: String.Type) throws -> String {
        guard let scalar = node.scalar else { throw mismatch(type) }
        if decodeNil() {
            throw DecodingError.valueNotFound(
                type, DecodingError.Context(codingPath: codingPath, debugDescription: "empty where text is needed"))
        }
        return scalar.text
    }

    func decode(_ type: Bool.Type) throws -> Bool {
        guard let text = plainText, PlainScalar.booleans.contains(text) else { throw mismatch(type) }
        return PlainScalar.trueWords.contains(text)
    }

    func decode(_ type: Int.Type) throws -> Int {
        guard let text = plainText, PlainScalar.isInteger(text), let value = Int(String(text.filter { $0 != "_" }))
        else { throw mismatch(type) }
        return value
    }

    func decode(_ type: Double.Type) throws -> Double {
        guard let text = plainText, PlainScalar.isInteger(text) || PlainScalar.isFloat(text),
            let value = Double(String(text.filter { $0 != "_" }))
        else { throw mismatch(type) }
        return value
    }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        switch type {
        case is String.Type: try decode(String.self) as! T
        case is Int.Type: try decode(Int.self) as! T
        case is Bool.Type: try decode(Bool.self) as! T
        case is Double.Type: try decode(Double.self) as! T
        default: try T(from: self)
        }
    }

    func decode(_ type: Float.Type) throws -> Float { Float(try decode(Double.self)) }
    func decode(_ type: Int8.Type) throws -> Int8 { try narrow(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try narrow(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try narrow(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try narrow(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try narrow(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try narrow(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try narrow(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try narrow(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try narrow(type) }

    private func narrow<T: FixedWidthInteger>(_ type: T.Type) throws -> T {
        guard let value = T(exactly: try decode(Int.self)) else { throw mismatch(type) }
        return value
    }

    /// The text of a plain (unquoted) scalar.
    private var plainText: String? {
        guard let scalar = node.scalar, scalar.isPlain else { return nil }
        return scalar.text
    }
}

/// A mapping's entries by key text. Our mappings have a handful of keys, so a linear search
/// of the texts beats hashing them.
private struct MappingContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let path: CodingPath
    var codingPath: [any CodingKey] { path.keys }
    private let pairs: [YAMLPair]

    init(pairs: [YAMLPair], path: CodingPath) {
        self.path = path
        self.pairs = pairs
    }

    var allKeys: [Key] { pairs.compactMap { $0.key.scalar.flatMap { Key(stringValue: $0.text) } } }

    func contains(_ key: Key) -> Bool { pairs.contains { $0.key.scalar?.text == key.stringValue } }

    func decodeNil(forKey key: Key) throws -> Bool { try decoder(for: key).decodeNil() }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try decoder(for: key).decode(type) }

    /// One lookup instead of the three (`contains`, `decodeNil`, `decode`) of the default.
    func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
        guard let value = value(for: key) else { return nil }
        let decoder = NodeDecoder(node: value, path: .child(of: path, key))
        return decoder.decodeNil() ? nil : try decoder.decode(type)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey>
    { try decoder(for: key).container(keyedBy: type) }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try decoder(for: key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { try decoder(for: Key(stringValue: "super")!) }
    func superDecoder(forKey key: Key) throws -> any Decoder { try decoder(for: key) }

    private func value(for key: Key) -> YAMLNode? {
        pairs.first { $0.key.scalar?.text == key.stringValue }?.value
    }

    private func decoder(for key: Key) throws -> NodeDecoder {
        guard let value = value(for: key) else {
            throw DecodingError.keyNotFound(
                key, DecodingError.Context(codingPath: codingPath, debugDescription: "no value for \(key.stringValue)"))
        }
        return NodeDecoder(node: value, path: .child(of: path, key))
    }
}

/// A sequence, read in order.
private struct SequenceContainer: UnkeyedDecodingContainer {
    let nodes: [YAMLNode]
    let path: CodingPath
    var codingPath: [any CodingKey] { path.keys }
    var currentIndex = 0

    init(nodes: [YAMLNode], path: CodingPath) {
        self.nodes = nodes
        self.path = path
    }

    var count: Int? { nodes.count }
    var isAtEnd: Bool { currentIndex >= nodes.count }

    mutating func decodeNil() throws -> Bool {
        let isNil = try next().decodeNil()
        if !isNil { currentIndex -= 1 }
        return isNil
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T { try next().decode(type) }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
        -> KeyedDecodingContainer<NestedKey>
    { try next().container(keyedBy: type) }

    mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer { try next().unkeyedContainer() }

    mutating func superDecoder() throws -> any Decoder { try next() }

    private mutating func next() throws -> NodeDecoder {
        guard !isAtEnd else {
            throw DecodingError.valueNotFound(
                Any.self, DecodingError.Context(codingPath: codingPath, debugDescription: "the list has no more items"))
        }
        defer { currentIndex += 1 }
        return NodeDecoder(node: nodes[currentIndex], path: .child(of: path, SequenceIndex(intValue: currentIndex)))
    }
}

/// A coding path as a chain of keys back to the root, turned into the `[any CodingKey]` of
/// `Decoder` only when asked (for an error): extending it costs one small allocation, not a
/// copy of every key above.
indirect enum CodingPath {
    case root
    case child(of: CodingPath, any CodingKey)

    var keys: [any CodingKey] {
        var keys: [any CodingKey] = []
        var link = self
        while case .child(let parent, let key) = link {
            keys.append(key)
            link = parent
        }
        return keys.reversed()
    }
}

/// The coding key of a list item.
struct SequenceIndex: CodingKey {
    let intValue: Int?
    var stringValue: String { "\(intValue ?? 0)" }
    init(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
}
