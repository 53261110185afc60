import ProtocolEngine
import ScenarioEngine
import Scoring

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

    /// Parses one vignette, checking its ids against `library`. With `checkingExpectations`,
    /// an author's `expect:` that differs from the engine's answers is an error too.
    public static func vignette(
        fromYAML text: String, fileName: String, library: ProtocolLibrary, checkingExpectations: Bool = false
    ) throws(ContentError) -> Vignette {
        try locatedVignette(fromYAML: text, fileName: fileName, library: library, checkingExpectations: checkingExpectations)
            .vignette
    }

    /// ``vignette(fromYAML:fileName:library:checkingExpectations:)``, with where its `id:` is,
    /// for errors that involve other files (a duplicate id, an id that is not the file name).
    static func locatedVignette(
        fromYAML text: String, fileName: String, library: ProtocolLibrary, checkingExpectations: Bool
    ) throws(ContentError) -> (vignette: Vignette, idLocation: SourceLocation?) {
        let document = try YAMLDocument(text: text, fileName: fileName)
        try document.requireFormat(in: VignetteFile.supportedFormats)
        let vignette = try document.decode(VignetteFile.self).validated(against: library, in: document)
        let idLocation = document.root.location(of: DocumentPath() / "id")
        guard checkingExpectations else { return (vignette, idLocation) }
        var problems = ProblemCollector(document: document)
        for mismatch in library.engine.mismatches(in: vignette, under: library.protocols) {
            let path = DocumentPath() / "expect" / mismatch.jurisdiction.rawValue
            problems.report(
                .expectationMismatch(mismatch.description),
                at: mismatch.stage.map { path / "next" / $0 } ?? path / "category")
        }
        try problems.finish()
        return (vignette, idLocation)
    }

    /// Parses the common-mistakes catalog (`Scoring/mistakes.yaml`).
    public static func mistakes(fromYAML text: String, fileName: String) throws(ContentError) -> [CommonMistake] {
        let document = try YAMLDocument(text: text, fileName: fileName)
        try document.requireFormat(in: MistakesFile.supportedFormats)
        return try document.decode(MistakesFile.self).validated(in: document)
    }

    /// Parses the scoring policy (`Scoring/policy.yaml`).
    public static func policy(fromYAML text: String, fileName: String) throws(ContentError) -> ScoringPolicy {
        let document = try YAMLDocument(text: text, fileName: fileName)
        try document.requireFormat(in: PolicyFile.supportedFormats)
        return try document.decode(PolicyFile.self).validated(in: document)
    }
}
