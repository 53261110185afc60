import ContentLoading
import Foundation
import ProtocolEngine
import TestSupport
import Testing

/// csec-trainer reads YAML scalars with its own decoder (for speed); it must read them as
/// YAML 1.1 and Yams do: numbers and booleans only when unquoted, dates and other words as text.
struct ScalarReadingTests {
    static let policy = """
        format: 1
        id: default
        version: 1
        points:
          category: 1
          next-step: 1
        pass-mark: PASS
        critical-mistakes-fail: CRITICAL
        """

    func policy(passMark: String, critical: String = "true") throws -> ContentLoading.ContentError? {
        let text = Self.policy.replacingOccurrences(of: "PASS", with: passMark).replacingOccurrences(
            of: "CRITICAL", with: critical)
        do {
            _ = try ContentParser.policy(fromYAML: text, fileName: "policy.yaml")
            return nil
        } catch {
            return error
        }
    }

    @Test(arguments: ["0.8", "0.75", "1", "0.8_0", "+0.8"])
    func unquotedNumbersAreNumbers(_ value: String) throws {
        #expect(try policy(passMark: value) == nil)
    }

    @Test(arguments: ["\"0.8\"", "'0.8'", "eighty", "80%", "~"])
    func quotedOrWordyNumbersAreNot(_ value: String) throws {
        let error = try #require(try policy(passMark: value))
        #expect(error.description.contains("policy.yaml:7:12: error: `pass-mark` should be"), "\(error)")
    }

    @Test(arguments: ["true", "false", "yes", "no", "True", "off"])
    func yamlBooleanWordsAreBooleans(_ value: String) throws {
        #expect(try policy(passMark: "0.8", critical: value) == nil)
    }

    @Test(arguments: ["\"true\"", "maybe", "1"])
    func otherWordsAreNotBooleans(_ value: String) throws {
        let error = try #require(try policy(passMark: "0.8", critical: value))
        #expect(error.description.contains("`critical-mistakes-fail` should be true or false"), "\(error)")
    }
}
