/// The formats a question bank is written in.
public enum QuestionBankFormat: String, Sendable, Codable, Equatable, CaseIterable {
    /// Moodle XML: one file.
    case moodleXML = "moodle-xml"
    /// GIFT, Moodle's text format: one file.
    case gift
    /// A QTI 2.1 content package: `imsmanifest.xml` and `items/`, as a zip or a directory.
    case qti21

    /// Whether the bank is one file (else a directory of files).
    public var isSingleFile: Bool { self != .qti21 }
}
