/// The printed document a protocol file was read from.
public struct ProtocolSource: Sendable, Codable, Equatable {
    /// The seed file name, such as `003_17504a43b114a130.txt`.
    public var seed: String
    /// The date or version printed on the document, or a note that none is printed.
    public var printedVersion: String
    /// A reading chosen where the extracted text was scrambled, for the document as a whole.
    public var reading: String?
    /// How a person cites the document ("Marin County, Human Trafficking and CSEC Recommended
    /// Protocols for Schools, updated 3.1.19"); when nil, publisher, title and printed version.
    public var citeAs: String?

    public init(seed: String, printedVersion: String, reading: String? = nil, citeAs: String? = nil) {
        self.seed = seed
        self.printedVersion = printedVersion
        self.reading = reading
        self.citeAs = citeAs
    }
}
