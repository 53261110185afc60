import ContentLoading
import Foundation
import ProtocolEngine
import QuestionBanks
import Training

/// The question bank of a jurisdiction, for other tools (Moodle, and QTI 2.1 item banks): every
/// vignette of the loaded content, drawn and shuffled with a seed as a training session is, with
/// the engine's questions, answers and explanations.
public struct QuestionBankExport: Sendable {
    public let content: TrainingContent

    public init(content: TrainingContent) {
        self.content = content
    }

    /// Every vignette's questions under `jurisdiction`, in the order a session with `seed` and
    /// every vignette would ask them.
    public func bank(for jurisdiction: JurisdictionProtocol, seed: UInt64) -> QuestionBank {
        let plan = TrainingPlan(
            bank: content.vignettes, jurisdiction: jurisdiction, length: .vignettes(content.vignettes.count), seed: seed,
            builder: content.questionBuilder)
        return QuestionBank(jurisdiction: jurisdiction, seed: seed, questions: plan.questions)
    }

    /// The files of `bank` in `format`: one unnamed document for Moodle XML and GIFT (its path
    /// is empty), the manifest and items for a QTI 2.1 package.
    public static func files(of bank: QuestionBank, as format: QuestionBankFormat) -> [(path: String, contents: String)] {
        switch format {
        case .moodleXML: [("", MoodleXMLWriter().document(for: bank))]
        case .gift: [("", GIFTWriter().document(for: bank))]
        case .qti21: QTI21Package(bank: bank).files
        }
    }

    /// Whether a QTI 2.1 package written to `location` is zipped: when its name ends in `.zip`
    /// (any case) and it is not a folder already; anything else is a folder.
    public static func zips(to location: URL) -> Bool {
        var isDirectory: ObjCBool = false
        let exists = FileManager.default.fileExists(atPath: location.path, isDirectory: &isDirectory)
        return location.pathExtension.lowercased() == "zip" && !(exists && isDirectory.boolValue)
    }

    /// Writes `bank` in `format` to `location`: a file for Moodle XML and GIFT (replaced when it
    /// exists); for a QTI 2.1 package, a zip when `location` ends in `.zip` (``zips(to:)``,
    /// replaced when it exists), else a new or empty directory (so no item of an older export
    /// is left among the new ones). Returns how many files were written (for a zip: how many
    /// it holds).
    @discardableResult
    public static func write(_ bank: QuestionBank, as format: QuestionBankFormat, to location: URL)
        throws(QuestionBankExportError) -> Int
    {
        let files = files(of: bank, as: format)
        if format.isSingleFile {
            try write(Data(files[0].contents.utf8), to: location)
            return 1
        }
        if zips(to: location) {
            let zip: Data
            do {
                zip = try QTI21Package(bank: bank).zipped()
            } catch {
                throw .cannotZip(reason: "\(error)")
            }
            try write(zip, to: location)
            return files.count
        }
        let manager = FileManager.default
        if let existing = try? manager.contentsOfDirectory(atPath: location.path), !existing.isEmpty {
            throw .directoryNotEmpty(path: location.path)
        }
        for file in files {
            let url = location.appending(path: file.path)
            do {
                try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            } catch {
                throw .cannotWrite(path: url.deletingLastPathComponent().path, reason: "the folder cannot be made")
            }
            try write(Data(file.contents.utf8), to: url)
        }
        return files.count
    }

    private static func write(_ contents: Data, to url: URL) throws(QuestionBankExportError) {
        do {
            try contents.write(to: url, options: .atomic)
        } catch {
            throw .cannotWrite(path: url.path, reason: "the file cannot be written (\(error.localizedDescription))")
        }
    }
}
