import ProtocolEngine

/// Parses content text. Reads no files: callers pass the text and the name to report.
public enum ContentParser {
    /// Parses the shared vocabulary (`Scoring/vocabulary.yaml`).
    public static func vocabulary(fromYAML text: String, fileName: String) throws(ContentError) -> Vocabulary {
        let document = try YAMLDocument(text: text, fileName: fileName)
        try document.requireFormat(in: VocabularyFile.supportedFormats)
        return try document.decode(VocabularyFile.self).validated(in: document)
    }

    /// Parses one jurisdiction's protocol file and checks it against `vocabulary`.
    public static func jurisdictionProtocol(
        fromYAML text: String, fileName: String, vocabulary: Vocabulary
    ) throws(ContentError) -> JurisdictionProtocol {
        let document = try YAMLDocument(text: text, fileName: fileName)
        try document.requireFormat(in: ProtocolFile.supportedFormats)
        return try document.decode(ProtocolFile.self).validated(against: vocabulary, in: document)
    }
}
