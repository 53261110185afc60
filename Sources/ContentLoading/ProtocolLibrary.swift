import ProtocolEngine

/// The loaded content: the shared vocabulary and every jurisdiction's protocol.
public struct ProtocolLibrary: Sendable, Equatable {
    public var vocabulary: Vocabulary
    public var protocols: [JurisdictionProtocol]

    public init(vocabulary: Vocabulary, protocols: [JurisdictionProtocol]) {
        self.vocabulary = vocabulary
        self.protocols = protocols
    }

    public var engine: ProtocolEngine { ProtocolEngine(vocabulary: vocabulary) }

    public func jurisdiction(_ id: String) -> JurisdictionProtocol? {
        protocols.first { $0.id.rawValue == id }
    }

    public var jurisdictionIDs: [String] { protocols.map(\.id.rawValue) }
}
