import Foundation

/// An incremental update (PDF 1.7, 7.5.6) after a PDF cairo wrote: one new object, a new
/// cross-reference section for it, and a trailer that continues the old one (`/Prev`). The
/// pages before it are left byte for byte as they were.
struct PDFIncrementalUpdate {
    /// The file the update follows.
    let length: Int
    /// From the last trailer: the number of objects, the catalog and the document information.
    let size: Int
    let root: String
    let info: String?
    /// Where the last cross-reference section starts.
    let previousCrossReference: Int

    enum Failure: Error { case noTrailer }

    init(after pdf: some DataProtocol) throws(Failure) {
        let text = String(decoding: pdf.suffix(1024), as: UTF8.self)
        guard let trailer = text.range(of: "trailer", options: .backwards),
            let startxref = text.range(of: "startxref", options: .backwards), trailer.upperBound < startxref.lowerBound
        else { throw .noTrailer }
        let dictionary = String(text[trailer.upperBound..<startxref.lowerBound])
        /// `/Name 12` gives "12", `/Name 11 0 R` gives "11 0 R".
        func value(_ name: String) -> String? {
            guard let found = dictionary.range(of: "/\(name)") else { return nil }
            let words = Array(dictionary[found.upperBound...].split(whereSeparator: \.isWhitespace).prefix(3))
            guard let first = words.first, Int(first) != nil else { return nil }
            if words.count == 3, Int(words[1]) != nil, words[2].hasPrefix("R") { return "\(first) \(words[1]) R" }
            return String(first)
        }
        let offset = text[startxref.upperBound...].split(whereSeparator: \.isWhitespace).first.flatMap { Int($0) }
        guard let size = value("Size").flatMap(Int.init), let root = value("Root"), let offset else { throw .noTrailer }
        length = pdf.count
        self.size = size
        self.root = root
        info = value("Info")
        previousCrossReference = offset
    }

    /// The update that adds `json` as object number ``size``, an uncompressed stream.
    func appending(_ json: Data) throws(Failure) -> Data {
        let number = size
        var update = Data("\(number) 0 obj\n<< /Type /EmbeddedFile /Subtype /application#2Fjson /Length \(json.count) >>\n".utf8)
        update += Data("stream\n".utf8) + json + Data("\nendstream\nendobj\n".utf8)
        let crossReference = length + update.count
        let entry = String(repeating: "0", count: max(0, 10 - String(length).count)) + String(length)
        update += Data("xref\n\(number) 1\n\(entry) 00000 n \n".utf8)
        let information = info.map { " /Info \($0)" } ?? ""
        update += Data(
            ("trailer\n<< /Size \(number + 1) /Root \(root)\(information) /Prev \(previousCrossReference) "
                + "/CSecTrainerSeal \(number) 0 R >>\nstartxref\n\(crossReference)\n%%EOF\n").utf8)
        return update
    }
}
