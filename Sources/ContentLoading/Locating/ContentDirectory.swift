import Foundation
import ProtocolEngine
import ScenarioEngine
import Scoring

/// The content on disk: `Scoring/vocabulary.yaml` and `Scoring/protocols/*.yaml` under a root.
public struct ContentDirectory: Sendable, Equatable {
    /// The directory that holds `Scoring/` (the repository root for bundled content).
    public var root: URL

    public init(root: URL) {
        self.root = root
    }

    public var vocabularyFile: URL { root.appending(path: "Scoring/vocabulary.yaml") }
    public var protocolsDirectory: URL { root.appending(path: "Scoring/protocols") }
    public var mistakesFile: URL { root.appending(path: "Scoring/mistakes.yaml") }
    public var policyFile: URL { root.appending(path: "Scoring/policy.yaml") }
    public var scenariosDirectory: URL { root.appending(path: "Scenarios") }
    /// The pages of the group-session server.
    public var webDirectory: URL { root.appending(path: "Web") }

    public func loadMistakes() throws(ContentError) -> [CommonMistake] {
        try ContentParser.mistakes(fromYAML: readText(mistakesFile), fileName: displayPath(mistakesFile))
    }

    public func loadPolicy() throws(ContentError) -> ScoringPolicy {
        try ContentParser.policy(fromYAML: readText(policyFile), fileName: displayPath(policyFile))
    }

    /// Everything a training session needs: protocols, mistakes, policy and the vignette bank.
    public func loadTrainingContent(protocolsIn override: URL? = nil, scenariosIn scenarios: URL? = nil) throws(ContentError)
        -> TrainingContent
    {
        let library = try loadLibrary(protocolsIn: override)
        let bank = try ScenarioBank.load(from: scenarios ?? scenariosDirectory, library: library)
        if let error = bank.error { throw error }
        return TrainingContent(
            library: library, mistakes: try loadMistakes(), policy: try loadPolicy(), vignettes: bank.vignettes)
    }

    public func loadVocabulary() throws(ContentError) -> Vocabulary {
        let url = vocabularyFile
        return try ContentParser.vocabulary(fromYAML: readText(url), fileName: displayPath(url))
    }

    /// Loads the vocabulary, then every protocol in `protocolsDirectory` or in `override`.
    public func loadLibrary(protocolsIn override: URL? = nil) throws(ContentError) -> ProtocolLibrary {
        let vocabulary = try loadVocabulary()
        let protocols = try Self.loadProtocols(in: override ?? protocolsDirectory, vocabulary: vocabulary)
        return ProtocolLibrary(vocabulary: vocabulary, protocols: protocols)
    }

    /// Loads every `*.yaml` file in `directory`, sorted by name. All files are checked, and all
    /// their errors reported together.
    public static func loadProtocols(in directory: URL, vocabulary: Vocabulary) throws(ContentError) -> [JurisdictionProtocol] {
        let files = try yamlFiles(in: directory)
        guard !files.isEmpty else { throw ContentError.noProtocols(directory: displayPath(directory)) }
        return try loadEach(files, vocabulary: vocabulary)
    }

    private static func loadEach(_ files: [ContentFile], vocabulary: Vocabulary) throws(ContentError) -> [JurisdictionProtocol] {
        var protocols: [(JurisdictionProtocol, String)] = []
        var errors: [ContentError] = []
        for file in files {
            do {
                let name = file.displayPath
                let loaded = try ContentParser.jurisdictionProtocol(
                    fromYAML: readText(file.url), fileName: name, vocabulary: vocabulary)
                if let earlier = protocols.first(where: { $0.0.id == loaded.id }) {
                    errors.append(.duplicateJurisdiction(id: loaded.id.rawValue, files: [earlier.1, name]))
                }
                protocols.append((loaded, name))
            } catch {
                errors.append(contentsOf: error.all)
            }
        }
        if !errors.isEmpty { throw errors.count == 1 ? errors[0] : .several(errors) }
        return protocols.map(\.0)
    }
}

/// A content file's text (``ContentFileText``).
func readText(_ url: URL) throws(ContentError) -> String {
    try ContentFileText.text(of: url)
}

/// A path relative to the current directory when it is inside it, else absolute.
func displayPath(_ url: URL) -> String {
    let path = url.standardizedFileURL.path
    let current = FileManager.default.currentDirectoryPath + "/"
    return path.hasPrefix(current) ? String(path.dropFirst(current.count)) : path
}

/// A `*.yaml` or `*.yml` file of a content directory, with the names messages use.
struct ContentFile: Sendable {
    var url: URL
    /// The file name without its extension: a vignette's id must be this.
    var stem: String
    /// The path shown in messages (``displayPath(_:)``).
    var displayPath: String
}

/// The `*.yaml` and `*.yml` files directly in `directory`, sorted by name; hidden files (an
/// editor's `.draft.yaml`) are left out.
func yamlFiles(in directory: URL) throws(ContentError) -> [ContentFile] {
    let names: [String]
    do {
        names = try FileManager.default.contentsOfDirectory(atPath: directory.path)
    } catch {
        throw ContentError.unreadable(path: displayPath(directory), reason: "not a readable directory")
    }
    // Every file shares the directory's display path: work it out once, not per file.
    let shownDirectory = displayPath(directory.appending(path: "file")).dropLast("file".count)
    return names.sorted().compactMap { name in
        guard !name.hasPrefix("."), let dot = name.lastIndex(of: "."), ["yaml", "yml"].contains(name[dot...].dropFirst())
        else { return nil }
        return ContentFile(
            url: directory.appending(path: name), stem: String(name[..<dot]), displayPath: shownDirectory + name)
    }
}
