import Foundation
import Testing

@testable import PostgresStorage

/// The report writes ids without Foundation's formatter: the same text for every id.
struct UUIDTextTests {
    @Test func everyIdIsWrittenAsFoundationWritesItInLowercase() {
        var random = SystemRandomNumberGenerator()
        let ids =
            (0..<2_000).map { _ in UUID() } + [UUID(uuid: (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0))]
            + [UUID(uuid: (255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255))]
            + (0..<100).map { _ in
                UUID(uuid: (random.next(), random.next(), 0, 0, random.next(), 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, random.next()))
            }
        for id in ids { #expect(id.lowercasedText == id.uuidString.lowercased()) }
    }
}
