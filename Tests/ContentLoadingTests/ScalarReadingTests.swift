import Foundation
import ProtocolEngine
import TestSupport
import Testing

@testable import ContentLoading

/// csec-trainer reads YAML scalars with its own decoder (for speed); it must read them as
/// YAML 1.1 does: numbers and booleans only when unquoted, dates and other words as text.
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

/// How the decoder reads each scalar form as a whole number, a number, true/false and text: the
/// YAML 1.1 forms the formats need; a form they need none of (exponent without a dot,
/// hexadecimal, octal, `.inf`, sexagesimal) is kept as an error; a required text may not be
/// left empty (null).
struct ScalarFormTests {
    struct Form: Sendable, CustomTestStringConvertible {
        var scalar: String
        var wholeNumber: Int?
        var number: Double?
        var boolean: Bool?
        var text: String?
        var testDescription: String { "value: \(scalar)" }
    }

    static let forms = [
        Form(scalar: "1", wholeNumber: 1, number: 1, text: "1"),
        Form(scalar: "-7", wholeNumber: -7, number: -7, text: "-7"),
        Form(scalar: "+3", wholeNumber: 3, number: 3, text: "+3"),
        Form(scalar: "1_000", wholeNumber: 1000, number: 1000, text: "1_000"),
        Form(scalar: "0", wholeNumber: 0, number: 0, text: "0"),
        Form(scalar: "1.5", number: 1.5, text: "1.5"),
        Form(scalar: "0.8", number: 0.8, text: "0.8"),
        Form(scalar: ".5", number: 0.5, text: ".5"),
        Form(scalar: "1.", number: 1, text: "1."),
        Form(scalar: "1.0e+3", number: 1000, text: "1.0e+3"),
        Form(scalar: "'1'", text: "1"),
        Form(scalar: "\"2\"", text: "2"),
        Form(scalar: "!!str 3", text: "3"),
        Form(scalar: "true", boolean: true, text: "true"),
        Form(scalar: "false", boolean: false, text: "false"),
        Form(scalar: "yes", boolean: true, text: "yes"),
        Form(scalar: "No", boolean: false, text: "No"),
        Form(scalar: "ON", boolean: true, text: "ON"),
        Form(scalar: "off", boolean: false, text: "off"),
        Form(scalar: "TRUE", boolean: true, text: "TRUE"),
        Form(scalar: "'true'", text: "true"),
        Form(scalar: "y", text: "y"),
        Form(scalar: "n", text: "n"),
        Form(scalar: "maybe", text: "maybe"),
        Form(scalar: "hotel-keys", text: "hotel-keys"),
        Form(scalar: "2012-03-01", text: "2012-03-01"),
        Form(scalar: "3/2012", text: "3/2012"),
        Form(scalar: "~"), Form(scalar: "null"), Form(scalar: ""),
        Form(scalar: "1e3", text: "1e3"),
        Form(scalar: "0x10", text: "0x10"),
        Form(scalar: "0o7", text: "0o7"),
        Form(scalar: ".inf", text: ".inf"),
        Form(scalar: "1:30", text: "1:30"),
    ]

    struct Probe<Value: Decodable>: Decodable {
        var value: Value
    }

    func read<Value: Decodable>(_ type: Value.Type, _ scalar: String) throws -> Value? {
        let node = try #require(try YAMLComposer.compose("value: \(scalar)\n"))
        return try? NodeDecoder(node: node).decode(Probe<Value>.self).value
    }

    @Test(arguments: forms)
    func readsEachForm(_ form: Form) throws {
        #expect(try read(Int.self, form.scalar) == form.wholeNumber)
        #expect(try read(Double.self, form.scalar) == form.number)
        #expect(try read(Bool.self, form.scalar) == form.boolean)
        #expect(try read(String.self, form.scalar) == form.text)
    }
}
