/// The rules: pure functions from facts to a jurisdiction's category and next step, each
/// returning its reasons. The engine reads no files, terminal or clock.
public struct ProtocolEngine: Sendable {
    public var vocabulary: Vocabulary

    public init(vocabulary: Vocabulary) {
        self.vocabulary = vocabulary
    }
}
