import ContentLoading
import Foundation
import LMSPackages
import ProtocolEngine
import Training

/// A package an LMS imports, made from the content: the full course for a jurisdiction (drawn
/// with a fixed seed, so every learner the LMS launches it for gets the same questions), the
/// briefing and content note, the engine's answers, and the player files of `Web/player/`.
public struct PackageExport: Sendable {
    public var content: TrainingContent
    public var materials: BriefingMaterials
    /// The player's static files (the content's `Web/player/`).
    public var playerDirectory: URL

    /// The seed when none is given: a package is reproducible by default.
    public static let defaultSeed: UInt64 = 1

    public init(content: TrainingContent, materials: BriefingMaterials, playerDirectory: URL) {
        self.content = content
        self.materials = materials
        self.playerDirectory = playerDirectory
    }

    /// The player directory of `directory`'s content.
    public static func playerDirectory(of directory: ContentDirectory) -> URL {
        directory.webDirectory.appending(path: "player")
    }

    /// What the player shows for `jurisdiction`: the course drawn with `seed`.
    public func playerContent(for jurisdiction: JurisdictionProtocol, seed: UInt64) throws(LMSPackageError)
        -> PlayerContent
    {
        let plan = TrainingPlan(
            bank: content.vignettes, jurisdiction: jurisdiction, length: .course, seed: seed,
            builder: content.questionBuilder)
        return try PlayerContent(
            plan: plan, jurisdiction: jurisdiction, briefing: materials.briefing(for: jurisdiction),
            contentNote: materials.contentNote, policy: content.policy)
    }

    /// The package of `kind` for `jurisdiction`, zipped.
    public func zip(_ kind: LMSPackageKind, for jurisdiction: JurisdictionProtocol, seed: UInt64) throws(LMSPackageError)
        -> Data
    {
        try LMSPackage(kind: kind, content: playerContent(for: jurisdiction, seed: seed), player: playerFiles()).zipped()
    }

    /// The player's files, read from ``playerDirectory``; a missing one is an error naming it.
    public func playerFiles() throws(LMSPackageError) -> PlayerFiles {
        var files: [String: Data] = [:]
        for name in PlayerFiles.required {
            let file = playerDirectory.appending(path: name)
            guard let bytes = FileManager.default.contents(atPath: file.path) else {
                throw .missingPlayerFile(path: file.path)
            }
            files[name] = bytes
        }
        return PlayerFiles(files: files)
    }
}
