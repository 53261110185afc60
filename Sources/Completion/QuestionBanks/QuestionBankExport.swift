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

    /// Writes `bank` in `format` to `location`: a file for Moodle XML and GIFT (replaced when it
    /// exists), a new or empty directory for a QTI 2.1 package (so no item of an older export is
    /// left among the new ones). Returns how many files were written.
    @discardableResult
    public static func write(_ bank: QuestionBank, as format: QuestionBankFormat, to location: URL)
        throws(QuestionBankExportError) -> Int
    {
        let files = files(of: bank, as: format)
        if format.isSingleFile {
            try write(files[0].contents, to: location)
            return 1
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
            try write(file.contents, to: url)
        }
        return files.count
    }

    private static func write(_ contents: String, to url: URL) throws(QuestionBankExportError) {
        do {
            try Data(contents.utf8).write(to: url, options: .atomic)
        } catch {
            throw .cannotWrite(path: url.path, reason: "the file cannot be written (\(error.localizedDescription))")
        }
    }
}
