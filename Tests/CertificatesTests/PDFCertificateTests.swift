import Foundation
import TestSupport
import Testing

@testable import Certificates

/// The PDF certificate, checked with the real tools: `qpdf --check` must accept the file and
/// `pdftotext` must give back the name, score and verification code.
@Suite("PDF certificate")
struct PDFCertificateTests {
    /// Names in three scripts' worth of accents; each must render and extract.
    static let unicodeNames = ["José Núñez", "Nguyễn Thị Minh", "Zoë Łukasiewicz-O'Brien"]

    @Test("A name with accents renders, passes qpdf and extracts with pdftotext", arguments: unicodeNames)
    func unicodeNameRendersAndExtracts(name: String) throws {
        let details = PDFSample.details(name: name)
        let text = try PDFSample.renderAndExtract(details)
        #expect(text.contains(name))
        #expect(text.contains(details.scoreText))
        #expect(text.contains("Verification code: \(details.verificationCode)"))
        #expect(text.contains(details.recordID.uuidString))
        #expect(text.contains("Certificate of Completion"))
        #expect(text.contains("Active time: 14 min"))
    }

    @Test("The date prints as the trainee saw it, at the recorded offset")
    func dateAtRecordedOffset() throws {
        // 05:30 UTC on November 27 is 21:30 on November 26 in California (UTC-8).
        var details = PDFSample.details(name: "José Núñez")
        details.completedAt = Date(timeIntervalSince1970: 1_795_757_400)
        details.utcOffsetSeconds = -8 * 3600
        #expect(details.pdfCompletionDateText == "November 26, 2026")
        #expect(details.pdfCreationDateText == "2026-11-26T21:30:00-08:00")
        let text = try PDFSample.renderAndExtract(details)
        #expect(text.contains("Completed on November 26, 2026"))
    }

    @Test("Two renders of the same details are byte-identical, however the name is normalized")
    func reproducible() throws {
        let details = PDFSample.details(name: "Nguyễn Thị Minh")
        let first = try PDFCertificate().render(details)
        let second = try PDFCertificate().render(details)
        #expect(first.count > 1000)
        #expect(first == second)
        let decomposed = PDFSample.details(name: "Nguyễn Thị Minh".decomposedStringWithCanonicalMapping)
        #expect(try PDFCertificate().render(decomposed) == first)
        let other = try PDFCertificate().render(PDFSample.details(name: "José Núñez"))
        #expect(other != first)
    }

    @Test("A very long name and course title wrap and still extract whole")
    func longTextWraps() throws {
        var details = PDFSample.details(
            name: "Maria de los Ángeles Guadalupe Fernández-Villanueva y Rodríguez de la Concepción Castañeda")
        details.courseTitle =
            String(repeating: "Responding to suspected CSEC and human trafficking, ", count: 3)
            + "school staff protocol training"
        let text = try PDFSample.renderAndExtract(details)
        let words = text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        #expect(words.contains(details.traineeName))
        #expect(words.contains(details.legalNote))
        #expect(words.contains("Verification code: \(details.verificationCode)"))
    }

    @Test("Text far too long for one page is refused with a plain reason")
    func overflowingTextThrows() {
        var details = PDFSample.details(name: "José Núñez")
        details.protocolName = String(repeating: "Marin County protocol, version 3.1.19. ", count: 120)
        #expect(throws: PDFCertificateError.self) { try PDFCertificate().render(details) }
    }

    @Test("The PDF records title, creator and the completion time as its creation date")
    func metadata() throws {
        let directory = try PDFSample.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appending(path: "certificate.pdf")
        try PDFCertificate().write(PDFSample.details(name: "Zoë Łukasiewicz-O'Brien"), to: file)
        let info = try PDFTool.run("pdfinfo", [file.path])
        #expect(info.status == 0)
        #expect(info.output.contains("Certificate of Completion – Zoë Łukasiewicz-O'Brien"))
        #expect(info.output.contains("csec-trainer"))
        #expect(info.output.contains("Pages:           1"))
        #expect(info.output.contains("792 x 612 pts"))
        #expect(info.output.contains("2026"))
    }

    @Test("Writing replaces an existing file and leaves no temporary file behind")
    func atomicWrite() throws {
        let directory = try PDFSample.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appending(path: "certificate.pdf")
        try Data("old".utf8).write(to: file)
        let details = PDFSample.details(name: "José Núñez")
        try PDFCertificate().write(details, to: file)
        #expect(try Data(contentsOf: file) == PDFCertificate().render(details))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path) == ["certificate.pdf"])
    }

    @Test("Writing into a missing folder throws cannotWrite, in plain words")
    func missingFolderThrows() throws {
        let directory = try PDFSample.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appending(path: "no such folder/certificate.pdf")
        do {
            try PDFCertificate().write(PDFSample.details(name: "José Núñez"), to: file)
            Issue.record("writing into a missing folder succeeded")
        } catch {
            guard case .cannotWrite(let path, let reason) = error else {
                Issue.record("expected cannotWrite, got \(error)")
                return
            }
            #expect(path == file.path)
            #expect(reason == "no such file or directory")
            #expect(error.description.hasPrefix("The certificate could not be saved to "))
        }
    }

    @Test("Active time prints to the nearest minute")
    func activeTime() {
        var details = PDFSample.details(name: "José Núñez")
        let cases = [(0, "under 1 min"), (29, "under 1 min"), (845, "14 min"), (3599, "1 h 0 min"), (3900, "1 h 5 min")]
        for (seconds, expected) in cases {
            details.activeSeconds = seconds
            #expect(details.pdfActiveTimeText == "Active time: \(expected)")
        }
    }

    @Test("Lines break at spaces and, for a word too long, between characters")
    func lineBreaking() async {
        let breaker = PDFLineBreaker(maximumWidth: 10) { Double($0.count) }
        #expect(breaker.lines("one two three four") == ["one two", "three four"])
        #expect(breaker.lines("abcdefghijklmnopqrstuvwxyz ok") == ["abcdefghij", "klmnopqrst", "uvwxyz ok"])
        #expect(breaker.lines("  ") == [""])
    }
}

/// Sample details, and rendering through the real tools.
private enum PDFSample {
    static func details(name: String) -> CertificateDetails {
        CertificateDetails(
            traineeName: name,
            courseTitle: "Responding to suspected CSEC and human trafficking: school staff protocol training",
            protocolName: "Marin County (3.1.19), protocol 1 (sha256 3f2a9c41)",
            completedAt: Date(timeIntervalSince1970: 1_795_715_412),  // 2026-11-26T09:50:12-08:00
            utcOffsetSeconds: -8 * 3600,
            scoreText: "92% (11 of 12 points), passed",
            activeSeconds: 845,
            recordID: UUID(uuidString: "6F1C2B9E-3D4A-4E8B-9C21-0A7F5D3E8B12")!,
            verificationCode: "K7QF-2M9X",
            legalNote:
                "Continuation training on human trafficking, including the commercial sexual exploitation of children, "
                + "for school personnel, as California Education Code 51950(f) (added by AB 1227, 2017) asks to be "
                + "conducted periodically. This record documents one completion, as districts document "
                + "mandated-reporter training (Education Code 44691); it does not state that the law requires "
                + "annual training.",
            issuerName: "Sample Unified School District")
    }

    /// A new, empty folder under the system's temporary folder.
    static func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appending(path: "csec-pdf-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// Writes the certificate to a temporary file, requires `qpdf --check` to pass, and
    /// returns what `pdftotext` reads from it.
    static func renderAndExtract(_ details: CertificateDetails) throws -> String {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appending(path: "certificate.pdf")
        try PDFCertificate().write(details, to: file)
        let check = try PDFTool.run("qpdf", ["--check", file.path])
        #expect(check.status == 0, "qpdf --check failed:\n\(check.output)\(check.error)")
        let text = try PDFTool.run("pdftotext", ["-enc", "UTF-8", file.path, "-"])
        try #require(text.status == 0, "pdftotext failed:\n\(text.error)")
        return text.output
    }
}

/// Runs qpdf and poppler's tools; a missing tool fails the test rather than skipping it.
private enum PDFTool {
    static func run(_ tool: String, _ arguments: [String]) throws -> Program.Result {
        let executable = try #require(
            Program.locate(tool), "\(tool) is not installed: install the packages qpdf poppler-utils (CI installs them)")
        return try Program.run(executable, arguments)
    }
}
