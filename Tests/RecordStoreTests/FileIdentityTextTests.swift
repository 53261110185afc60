import Testing

@testable import RecordStore

/// A record file's identity as an index line keeps it: read back exactly, or not at all.
@Suite struct FileIdentityTextTests {
    @Test func everyIdentityReadsBackAsWritten() {
        var generator = SystemRandomNumberGenerator()
        let edges: [FileIdentity] = [
            FileIdentity(size: 0, device: 0, inode: 0, modified: 0, changed: 0),
            FileIdentity(size: .max, device: .max, inode: .max, modified: .max, changed: .max),
            FileIdentity(size: 1, device: 2, inode: 3, modified: -1_000_000_000, changed: .min + 1),
        ]
        let random = (0..<2_000).map { _ in
            FileIdentity(
                size: .random(in: 0...(.max), using: &generator), device: .random(in: 0...(.max), using: &generator),
                inode: .random(in: 0...(.max), using: &generator),
                modified: .random(in: (.min + 1)...(.max), using: &generator),
                changed: .random(in: (.min + 1)...(.max), using: &generator))
        }
        for identity in edges + random {
            #expect(FileIdentity(text: identity.text) == identity, "\(identity.text)")
        }
    }

    @Test(
        "Text that is not an identity is refused",
        arguments: [
            "", "1:2:3:4", "1:2:3:4:5:6", "1:2:3:4:", ":1:2:3:4", "1::3:4:5", "a:2:3:4:5", "1:2:3:4:5 ", " 1:2:3:4:5",
            "1:-2:3:4:5", "1:2:-3:4:5", "9223372036854775808:2:3:4:5", "1:18446744073709551616:3:4:5", "1:2:3:4:5\n",
            "+1:2:3:4:5", "1:2:3:--4:5", "-:2:3:4:5",
        ])
    func malformedText(_ text: String) {
        #expect(FileIdentity(text: text) == nil)
    }
}
