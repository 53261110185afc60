import Foundation
import ProtocolEngine
import ScenarioEngine

/// A directory of vignette files, loaded and checked.
public struct ScenarioBank: Sendable {
    public var vignettes: [Vignette]
    /// Every problem found, or nil when there are none.
    public var error: ContentError?

    /// Loads every `*.yaml` file in `directory`. All files are read, and all their problems
    /// reported together; `checkingExpectations` also compares each author's `expect:` with
    /// the protocol engine (what `scenarios lint` does).
    public static func load(from directory: URL, library: ProtocolLibrary, checkingExpectations: Bool = false)
        throws(ContentError)
        -> ScenarioBank
    {
        var vignettes: [Vignette] = []
        var files: [VignetteID: String] = [:]
        var errors: [ContentError] = []
        for file in try yamlFiles(in: directory) {
            let name = displayPath(file)
            do {
                let (vignette, idLocation) = try ContentParser.locatedVignette(
                    fromYAML: readText(file), fileName: name, library: library, checkingExpectations: checkingExpectations)
                let expectedID = file.deletingPathExtension().lastPathComponent
                if expectedID != vignette.id.rawValue {
                    let problem = ContentProblem.idIsNotFileName(id: vignette.id.rawValue, fileName: expectedID)
                    errors.append(.invalid(file: name, at: idLocation, problem: problem))
                }
                if let other = files[vignette.id] {
                    errors.append(
                        .invalid(
                            file: name, at: idLocation, problem: .duplicateVignette(id: vignette.id.rawValue, otherFile: other)))
                    continue
                }
                files[vignette.id] = name
                vignettes.append(vignette)
            } catch {
                errors.append(contentsOf: error.all)
            }
        }
        return ScenarioBank(vignettes: vignettes, error: errors.isEmpty ? nil : errors.count == 1 ? errors[0] : .several(errors))
    }
}
