import Foundation

/// A package an LMS imports: the manifest at its root, the player, its kind's adapter and the
/// content, as files in a fixed order. Made from values only: the same content, player files
/// and kind give the same bytes.
public struct LMSPackage: Sendable, Equatable {
    public struct File: Sendable, Equatable {
        public var path: String
        public var bytes: Data
    }

    public var kind: LMSPackageKind
    public var files: [File]

    public init(kind: LMSPackageKind, content: PlayerContent, player: PlayerFiles) throws(LMSPackageError) {
        self.kind = kind
        func file(_ name: String) throws(LMSPackageError) -> Data {
            guard let bytes = player.files[name] else { throw .missingPlayerFile(path: "Web/player/\(name)") }
            return bytes
        }
        let page = String(decoding: try file(PlayerFiles.launchPage), as: UTF8.self)
            .replacing(PlayerFiles.connectSourcesMarker, with: kind.connectSources)
        var files = [File(path: PlayerFiles.launchPage, bytes: Data(page.utf8))]
        for name in PlayerFiles.shared.dropFirst() { files.append(File(path: name, bytes: try file(name))) }
        files.append(File(path: PlayerFiles.adapterName, bytes: try file(kind.adapterSource)))
        files.append(File(path: PlayerFiles.contentName, bytes: Self.script(content)))

        let identity = PackageIdentity(jurisdiction: content.jurisdiction.id, seed: content.seed)
        let manifest: String =
            switch kind {
            case .scorm12: SCORMManifest(identity: identity, title: content.title, files: files.map(\.path)).xml
            case .cmi5:
                CMI5CourseStructure(
                    identity: identity, title: content.title, description: Self.description(of: content),
                    masteryScore: content.scoring.passMark
                ).xml
            }
        self.files = [File(path: kind.manifestName, bytes: Data(manifest.utf8))] + files
    }

    /// `content.js`: the content as JSON, set on `window.CSEC_CONTENT` (a script, not a file the
    /// player fetches, because LMS frames often refuse fetches of local files).
    static func script(_ content: PlayerContent) -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        // Encoding these plain values cannot fail.
        let json = (try? encoder.encode(content)) ?? Data("null".utf8)
        return Data("window.CSEC_CONTENT = ".utf8) + json + Data(";\n".utf8)
    }

    /// What the course is, for the LMS's catalogue.
    static func description(of content: PlayerContent) -> String {
        let questions = content.questions.count
        let cases = content.cases.count
        var text =
            "\(questions) questions about \(cases) case\(cases == 1 ? "" : "s") under \(content.jurisdiction.name)'s "
            + "protocol, after a briefing. Pass mark: \(content.scoring.passPercent)%."
        if content.scoring.criticalMistakesFail { text += " A critical mistake fails the attempt at any score." }
        return text
    }
}
