import Foundation

/// Validates JSON against a JSON Schema with Python's `jsonschema` (the validator editors and
/// CI use): the first Python that has it among CSEC_PYTHON, `python3` on the PATH, and
/// /usr/bin/python3 (where Debian's python3-jsonschema installs).
public enum JSONSchemaCheck {
    public struct Unavailable: Error, CustomStringConvertible {
        public var description: String {
            "Python's jsonschema is missing: run scripts/setup.sh --tests (or pip install jsonschema)"
        }
    }

    /// The validation errors ("path: message"), empty when `json` is valid. With `definition`,
    /// `json` is checked against `#/$defs/<definition>` of the schema instead of the whole.
    public static func errors(in json: Data, schema: URL, definition: String? = nil) throws -> [String] {
        let file = FileManager.default.temporaryDirectory.appending(path: "csec-schema-\(UUID().uuidString).json")
        try json.write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let script = """
            import json, sys
            try:
                import jsonschema
            except ImportError:
                sys.exit(3)
            schema = json.load(open(sys.argv[1], encoding="utf-8"))
            if sys.argv[3]:
                schema = {"$schema": schema.get("$schema"), "$defs": schema["$defs"], "$ref": "#/$defs/" + sys.argv[3]}
            instance = json.load(open(sys.argv[2], encoding="utf-8"))
            validator_class = jsonschema.validators.validator_for(schema)
            validator_class.check_schema(schema)
            validator = validator_class(schema, format_checker=validator_class.FORMAT_CHECKER)
            for error in sorted(validator.iter_errors(instance), key=lambda e: list(e.absolute_path)):
                print("/".join(map(str, error.absolute_path)) or "(root)", ":", error.message)
            """
        let candidates = [ProcessInfo.processInfo.environment["CSEC_PYTHON"], "python3", "/usr/bin/python3"].compactMap { $0 }
        for python in candidates {
            let run = try Program.run(
                URL(filePath: "/usr/bin/env"), [python, "-c", script, schema.path, file.path, definition ?? ""])
            if run.status == 3 || run.status == 127 { continue }
            guard run.status == 0 else { return ["the validator failed: \(run.output)\(run.error)"] }
            return run.output.split(separator: "\n").map(String.init)
        }
        throw Unavailable()
    }
}
