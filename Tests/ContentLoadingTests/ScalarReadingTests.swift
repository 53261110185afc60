import Foundation
import ProtocolEngine
import TestSupport
import Testing
import Yams

@testable import ContentLoading

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

/// The decoder csec-trainer uses reads every scalar as Yams's own decoder does, except that a
/// required text may not be left empty (null).
struct NodeDecoderMatchesYamsTests {
    struct Probe<Value: Decodable & Equatable & Sendable>: Decodable, Equatable, Sendable {
        var value: Value
    }

    static let scalars = [
        "1", "-7", "+3", "1_000", "0", "1.5", "0.8", ".5", "1.", "1.0e+3", "1e3", "0x10", "0o7", "'1'", "\"2\"",
        "true", "false", "yes", "No", "ON", "off", "y", "n", "TRUE", "maybe", "hotel-keys", "2012-03-01", "3/2012",
        "'true'", "~", "null", "", ".inf", "1:30",
    ]

    /// Forms Yams reads as numbers (exponent without a dot, hexadecimal, octal, `.inf`,
    /// sexagesimal) that our formats need none of: csec-trainer keeps them as an error.
    static let numberFormsNotRead: Set<String> = ["1e3", "0x10", "0o7", ".inf", "1:30"]

    func both<Value: Decodable & Equatable & Sendable>(_ type: Value.Type, _ scalar: String) throws -> (Value?, Value?) {
        let yaml = "value: \(scalar)\n"
        let yams = try? YAMLDecoder().decode(Probe<Value>.self, from: yaml).value
        let node = try #require(try Yams.compose(yaml: yaml, .basic, .default, .utf8))
        let ours = try? NodeDecoder(node: node).decode(Probe<Value>.self).value
        return (yams, ours)
    }

    @Test(arguments: scalars)
    func wholeNumbers(_ scalar: String) throws {
        let (yams, ours) = try both(Int.self, scalar)
        #expect(Self.numberFormsNotRead.contains(scalar) ? ours == nil : yams == ours)
    }

    @Test(arguments: scalars)
    func numbers(_ scalar: String) throws {
        let (yams, ours) = try both(Double.self, scalar)
        #expect(Self.numberFormsNotRead.contains(scalar) ? ours == nil : yams == ours)
    }

    @Test(arguments: scalars)
    func booleans(_ scalar: String) throws {
        let (yams, ours) = try both(Bool.self, scalar)
        #expect(yams == ours)
    }

    @Test(arguments: scalars)
    func text(_ scalar: String) throws {
        let (yams, ours) = try both(String.self, scalar)
        if ["~", "null", ""].contains(scalar) {
            #expect(ours == nil, "an empty required text is an error")
        } else {
            #expect(yams == ours)
        }
    }
}
