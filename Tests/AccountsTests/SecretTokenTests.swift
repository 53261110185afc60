import Accounts
import Foundation
import ScenarioEngine
import Testing

/// Invitation links' and cookies' tokens: 256 random bits, in a form links and cookies carry.
@Suite struct SecretTokenTests {
    static func bytes(of token: SecretToken) -> [UInt8]? {
        let base64 = token.text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/") + "="
        return Data(base64Encoded: base64).map(Array.init)
    }

    @Test func aTokenIs43URLSafeCharactersCarrying32Bytes() throws {
        var system = SystemRandomNumberGenerator()
        for _ in 0..<500 {
            let token = SecretToken(using: &system)
            #expect(token.text.count == SecretToken.length)
            #expect(token.text.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") })
            #expect(try #require(Self.bytes(of: token)).count == SecretToken.byteCount)
            #expect(SecretToken(token.text) == token)
        }
    }

    /// 256 bits from the system's generator: 20,000 tokens all differ, and each bit position is
    /// set in about half of them (a stuck bit or byte would show).
    @Test func tokensFromTheSystemGeneratorDifferAndUseEveryBit() throws {
        var system = SystemRandomNumberGenerator()
        let tokens = (0..<20_000).map { _ in SecretToken(using: &system) }
        #expect(Set(tokens).count == tokens.count)
        var ones = [Int](repeating: 0, count: SecretToken.byteCount * 8)
        for token in tokens {
            for (index, byte) in try #require(Self.bytes(of: token)).enumerated() {
                for bit in 0..<8 where byte & (1 << bit) != 0 { ones[index * 8 + bit] += 1 }
            }
        }
        // Binomial(20,000, ½): a standard deviation of about 71; 8 of them is far outside chance.
        #expect(ones.allSatisfy { abs($0 - 10_000) < 570 }, "\(ones.min() ?? 0)…\(ones.max() ?? 0)")
    }

    @Test func aSeededGeneratorGivesTheSameTokens() {
        var first = SplitMix64(seed: 42)
        var second = SplitMix64(seed: 42)
        var other = SplitMix64(seed: 43)
        #expect(SecretToken(using: &first) == SecretToken(using: &second))
        #expect(SecretToken(using: &first) != SecretToken(using: &other))
    }

    static let notTokens = [
        "", "short", String(repeating: "a", count: 42), String(repeating: "a", count: 44),
        String(repeating: "a", count: 42) + "=", String(repeating: "a", count: 42) + "/", String(repeating: "é", count: 43),
        "../" + String(repeating: "a", count: 40),
    ]

    @Test(arguments: notTokens)
    func textThatCannotBeATokenIsRefused(text: String) {
        #expect(SecretToken(text) == nil)
    }

    @Test func theStoredHashIsTheSHA256OfTheText() {
        var generator = SplitMix64(seed: 1)
        let token = SecretToken(using: &generator)
        #expect(token.storedHash.count == 64 && token.storedHash != token.text)
        #expect(SecretToken.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }
}
