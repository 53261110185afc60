import Yams

/// Decodes our formats' `Decodable` types from a composed YAML tree.
///
/// Yams's own `YAMLDecoder` finds each key by a linear search that compares whole nodes,
/// resolving every scalar's type with regular expressions; on a bank of vignettes that was most
/// of the time `scenarios lint` took. This decoder reads scalars as the formats need them: text
/// from any scalar except a plain null (so a required text left empty is an error); numbers and
/// booleans from plain scalars only, in their YAML 1.1 forms (``PlainScalar``), so `"1"` quoted
/// is text. Merge keys (`<<: *defaults`) are honoured. It throws `DecodingError`s with coding
/// paths, which ``YAMLDocument`` turns into file:line:column messages.
struct NodeDecoder: Decoder {
    let node: Node
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(node: Node, codingPath: [any CodingKey] = []) {
        self.node = node
        self.codingPath = codingPath
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .mapping(let mapping) = node else { throw mismatch([String: Any].self) }
        return KeyedDecodingContainer(MappingContainer<Key>(mapping: mapping, codingPath: codingPath))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .sequence(let sequence) = node else { throw mismatch([Any].self) }
        return SequenceContainer(nodes: Array(sequence), codingPath: codingPath)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    func mismatch(_ type: Any.Type) -> DecodingError {
        .typeMismatch(type, DecodingError.Context(codingPath: codingPath, debugDescription: "expected \(type)"))
    }
}

extension NodeDecoder: SingleValueDecodingContainer {
    func decodeNil() -> Bool {
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return false }
        return PlainScalar.nulls.contains(scalar.string)
    }

    func decode(_ type: String.Type) throws -> String {
        guard case .scalar(let scalar) = node else { throw mismatch(type) }
        if decodeNil() {
            throw DecodingError.valueNotFound(
                type, DecodingError.Context(codingPath: codingPath, debugDescription: "empty where text is needed"))
        }
        return scalar.string
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
        guard case .scalar(let scalar) = node, scalar.style == .plain else { return nil }
        return scalar.string
    }
}

/// A mapping's entries by key text. Our mappings have a handful of keys, so a linear search
/// of the texts beats hashing them.
private struct MappingContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let codingPath: [any CodingKey]
    private let pairs: [(key: String, value: Node)]

    init(mapping: Node.Mapping, codingPath: [any CodingKey]) {
        self.codingPath = codingPath
        self.pairs = mapping.mergedPairs
    }

    var allKeys: [Key] { pairs.compactMap { Key(stringValue: $0.key) } }

    func contains(_ key: Key) -> Bool { pairs.contains { $0.key == key.stringValue } }

    func decodeNil(forKey key: Key) throws -> Bool { try decoder(for: key).decodeNil() }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T { try decoder(for: key).decode(type) }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey>
    { try decoder(for: key).container(keyedBy: type) }

    func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
        try decoder(for: key).unkeyedContainer()
    }

    func superDecoder() throws -> any Decoder { try decoder(for: Key(stringValue: "super")!) }
    func superDecoder(forKey key: Key) throws -> any Decoder { try decoder(for: key) }

    private func decoder(for key: Key) throws -> NodeDecoder {
        guard let pair = pairs.first(where: { $0.key == key.stringValue }) else {
            throw DecodingError.keyNotFound(
                key, DecodingError.Context(codingPath: codingPath, debugDescription: "no value for \(key.stringValue)"))
        }
        return NodeDecoder(node: pair.value, codingPath: codingPath + [key])
    }
}

/// A sequence, read in order.
private struct SequenceContainer: UnkeyedDecodingContainer {
    let nodes: [Node]
    let codingPath: [any CodingKey]
    var currentIndex = 0

    init(nodes: [Node], codingPath: [any CodingKey]) {
        self.nodes = nodes
        self.codingPath = codingPath
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
        return NodeDecoder(node: nodes[currentIndex], codingPath: codingPath + [SequenceIndex(intValue: currentIndex)])
    }
}

/// The coding key of a list item.
struct SequenceIndex: CodingKey {
    let intValue: Int?
    var stringValue: String { "\(intValue ?? 0)" }
    init(intValue: Int) { self.intValue = intValue }
    init?(stringValue: String) { nil }
}

extension Node.Mapping {
    /// The entries by key text, with YAML merge keys (`<<: *defaults`, or a list of them)
    /// expanded; keys written in the mapping itself win over merged ones.
    var mergedPairs: [(key: String, value: Node)] {
        var pairs: [(key: String, value: Node)] = []
        pairs.reserveCapacity(count)
        var merged: [(key: String, value: Node)] = []
        for (key, value) in self {
            guard case .scalar(let scalar) = key else { continue }
            guard scalar.string == "<<", scalar.style == .plain else {
                pairs.append((scalar.string, value))
                continue
            }
            let sources: [Node] =
                switch value {
                case .mapping: [value]
                case .sequence(let sequence): Array(sequence)
                default: []
                }
            for case .mapping(let source) in sources { merged += source.mergedPairs }
        }
        if merged.isEmpty { return pairs }
        let written = Set(pairs.map(\.key))
        var seen = written
        return pairs + merged.filter { !written.contains($0.key) && seen.insert($0.key).inserted }
    }
}
