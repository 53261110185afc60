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
                let vignette = try ContentParser.vignette(
                    fromYAML: readText(file), fileName: name, library: library, checkingExpectations: checkingExpectations)
                let expectedName = file.deletingPathExtension().lastPathComponent
                if expectedName != vignette.id.rawValue {
                    errors.append(
                        .invalid(
                            file: name, at: nil,
                            problem: .invalidValue(
                                key: "id", value: vignette.id.rawValue, allowed: ["the file name without .yaml (\(expectedName))"]
                            )))
                }
                if let other = files[vignette.id] {
                    errors.append(
                        .invalid(file: name, at: nil, problem: .duplicateVignette(id: vignette.id.rawValue, otherFile: other)))
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
