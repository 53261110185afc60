import Foundation
import HTTPTypes
import HummingbirdTesting
import NIOCore
import ScenarioEngine
import SessionServer
import TestSupport
import Testing

/// The projector's QR code holds the join address: drawn by libqrencode as SVG, served by the
/// session server, rasterized (rsvg-convert) and read back by a real decoder (zbarimg).
@Suite(
    // Outside CI without the tools the tests are skipped; in CI they run and fail, saying what to install.
    .enabled(
        if: QRTools.available || ProcessInfo.processInfo.environment["CI"] != nil,
        "rsvg-convert and zbarimg are not installed (Debian: librsvg2-bin zbar-tools, or scripts/setup.sh --tests)")
)
struct JoinQRCodeTests {
    static let addresses = ["http://192.168.1.20:8080/", "http://10.0.0.7:49152/", "http://[fd00::1:2]:8080/"]

    @Test(arguments: addresses)
    func theServedQRCodeDecodesToTheJoinAddress(address: String) async throws {
        let pages = try WebPages(directory: Fixtures.repositoryRoot.appending(path: "Web")).joining(at: address)
        let room = SessionRoom(
            session: try SampleSessions.session(vignettes: 1, planSeed: 3, codeSeed: 5), generator: SplitMix64(seed: 6))
        try await SessionServer(room: room, pages: pages).application(host: "127.0.0.1", port: 0).test(.router) { client in
            try await client.execute(uri: WebPages.joinQRCodePath, method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "image/svg+xml")
                let svg = Data(String(buffer: response.body).utf8)
                let decoded = try QRTools.decode(svg: svg)
                #expect(decoded == [address])
            }
        }
    }

    @Test func theProjectorViewShowsTheAddressAndItsCode() throws {
        let address = "http://192.168.1.20:8080/"
        let page = try #require(
            try WebPages(directory: Fixtures.repositoryRoot.appending(path: "Web")).joining(at: address).pages["/present"])
        let html = String(decoding: page.bytes, as: UTF8.self)
        #expect(html.contains(#"<strong id="address">\#(address)</strong>"#))
        #expect(html.contains(#"src="\#(WebPages.joinQRCodePath)""#))
    }

    @Test func withoutAnAddressThereIsNoCode() throws {
        let pages = try WebPages(directory: Fixtures.repositoryRoot.appending(path: "Web"))
        #expect(pages.pages[WebPages.joinQRCodePath] == nil)
        #expect(!String(decoding: try #require(pages.pages["/present"]).bytes, as: UTF8.self).contains("join-qr"))
    }
}

/// rsvg-convert (librsvg2-bin) and zbarimg (zbar-tools), from the PATH.
enum QRTools {
    static func executable(_ name: String) -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { URL(filePath: "\($0)/\(name)") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    static var available: Bool { executable("rsvg-convert") != nil && executable("zbarimg") != nil }

    struct Missing: Error, CustomStringConvertible {
        let tool: String
        var description: String { "\(tool) is not installed (Debian: librsvg2-bin zbar-tools)" }
    }

    /// The texts zbarimg reads in `svg`, rasterized 400 pixels wide.
    static func decode(svg: Data) throws -> [String] {
        guard let rsvg = executable("rsvg-convert") else { throw Missing(tool: "rsvg-convert") }
        guard let zbarimg = executable("zbarimg") else { throw Missing(tool: "zbarimg") }
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let image = directory.appending(path: "join-qr.svg")
        let raster = directory.appending(path: "join-qr.png")
        try svg.write(to: image)
        _ = try run(rsvg, ["--width", "400", "--output", raster.path, image.path])
        return try run(zbarimg, ["--quiet", "--raw", raster.path]).split(separator: "\n").map(String.init)
    }

    private static func run(_ executable: URL, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let output = Pipe()
        process.standardOutput = output
        // zbarimg says on standard error that it found no D-Bus: not the test's business.
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
