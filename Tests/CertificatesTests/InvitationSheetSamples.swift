import Base64URLCoding
import Crypto
import Foundation
import TestSupport
import Testing

@testable import Certificates

/// Invitations for the sheet's tests: names in several scripts' worth of accents, and links
/// whose tokens are as long as real ones (256 bits, base64url), different for every person.
enum InvitationSheetSample {
    static let unicodeNames = ["José Núñez", "Nguyễn Thị Minh", "Zoë Łukasiewicz-O'Brien"]
    static let district = "Marin County Office of Education"
    static let timeZone = TimeZone(identifier: "America/Los_Angeles") ?? .gmt
    /// 17:00 on December 14, 2026 in California.
    static let expiry = Date(timeIntervalSince1970: 1_797_296_400)
    static let madeAt = Date(timeIntervalSince1970: 1_796_000_000)

    static let linkPrefix = "https://training.marin-schools.example.org/invite/"
    /// A token's length: 256 bits in base64url.
    static let tokenLength = 43

    /// A link of the form the server issues, its token derived from `seed`.
    static func link(_ seed: String) -> URL {
        let token = Base64URL.encode(Data(SHA256.hash(data: Data("invitation \(seed)".utf8))))
        return URL(string: linkPrefix + token) ?? URL(filePath: "/")
    }

    /// The sample links in `text` (white space removed), in order.
    static func links(in text: String) -> [String] {
        text.components(separatedBy: linkPrefix).dropFirst().map { linkPrefix + $0.prefix(tokenLength) }
    }

    static func entry(
        _ name: String, email: String? = nil, school: String = "Lincoln High School", role: String? = "teacher"
    ) -> InvitationSheetEntry {
        InvitationSheetEntry(
            name: name, email: email, school: school, role: role, link: link(name + school), expiresAt: expiry,
            issuerName: district)
    }

    /// `count` people spread over three schools, numbered so every name differs.
    static func staff(_ count: Int) -> [InvitationSheetEntry] {
        let schools = ["Lincoln High School", "Bahia Vista Elementary", "Davidson Middle School"]
        return (0..<count).map { index in
            entry(
                "\(unicodeNames[index % unicodeNames.count]) \(index)", email: "staff\(index)@marin-schools.example.org",
                school: schools[index % schools.count], role: index % 4 == 0 ? nil : "bus driver")
        }
    }
}

/// qpdf, poppler's tools and zbarimg from the PATH. Outside CI a suite that needs a
/// missing one is skipped; in CI it runs and fails, saying what to install.
enum InvitationSheetTools {
    static let names = ["qpdf", "pdftotext", "pdfinfo", "pdftoppm", "zbarimg"]
    static var enabled: Bool {
        names.allSatisfy { Program.locate($0) != nil } || ProcessInfo.processInfo.environment["CI"] != nil
    }
    static let missingMessage =
        "qpdf, poppler-utils or zbar-tools is not installed (Debian: qpdf poppler-utils zbar-tools)"

    static func run(_ name: String, _ arguments: [String], input: String? = nil) throws -> Program.Result {
        let executable = try #require(Program.locate(name), "\(name) is not installed: \(missingMessage)")
        return try Program.run(executable, arguments, input: input)
    }

    /// Writes `pdf`, requires `qpdf --check` to pass; the text of each page (`pdftotext`), in
    /// composed form (NFC).
    static func checkedPages(of pdf: Data, in directory: URL) throws -> [String] {
        let file = directory.appending(path: "invitations.pdf")
        try pdf.write(to: file)
        let check = try run("qpdf", ["--check", file.path])
        #expect(check.status == 0, "qpdf --check failed:\n\(check.output)\(check.error)")
        let text = try run("pdftotext", ["-enc", "UTF-8", file.path, "-"])
        try #require(text.status == 0, "pdftotext failed:\n\(text.error)")
        // pdftotext ends each page with a form feed.
        var pages = text.output.precomposedStringWithCanonicalMapping.split(separator: "\u{0C}", omittingEmptySubsequences: false)
            .map(String.init)
        if pages.last?.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty == true { pages.removeLast() }
        return pages
    }

    /// The texts of every QR code zbarimg finds on the pages of `pdf`, rasterized at 150 dpi.
    static func decodedQRCodes(of pdf: Data, in directory: URL) throws -> [String] {
        let file = directory.appending(path: "scan.pdf")
        try pdf.write(to: file)
        let raster = try run("pdftoppm", ["-r", "150", "-gray", "-png", file.path, directory.appending(path: "page").path])
        try #require(raster.status == 0, "pdftoppm failed:\n\(raster.error)")
        let images = try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasPrefix("page") && $0.hasSuffix(".png") }.sorted()
        try #require(!images.isEmpty, "pdftoppm wrote no page")
        let scan = try run(
            "zbarimg", ["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable"] + images.map { directory.appending(path: $0).path })
        return scan.output.split(separator: "\n").map(String.init)
    }

    /// Text with all white space removed: a link broken over two lines is whole again.
    static func squeezed(_ text: String) -> String {
        String(text.unicodeScalars.filter { !$0.properties.isWhitespace }.map(Character.init))
    }

    /// Text with every run of white space one space: names wrap where the card's width says.
    static func words(_ text: String) -> String {
        text.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }
}
