#!/usr/bin/env python3
"""Checks csec-trainer's YAML content against the JSON Schemas in this folder.

    python3 schemas/check.py                  # every bundled file (run from the repository root)
    python3 schemas/check.py FILE_OR_DIR ...  # other files; a folder means its *.yaml / *.yml files

JSON files (a key set, installation settings) are checked against the schema their `format`
names (JSON_FORMATS below); the bundled examples in docs/examples/*.json are checked too.

Each file's schema is the one named on its first line,
`# yaml-language-server: $schema=../schemas/protocol.schema.json`, or else the one its place
implies (Scoring/protocols/ → protocol, Scenarios/ → vignette, Scoring/vocabulary.yaml …).

Prints `file: path: message` for each problem and exits 1, or prints one summary line and
exits 0. Each schema is itself checked against JSON Schema draft 2020-12 first. No network.

These are the checks an editor makes as you type. The Swift loader (`csec-trainer scenarios lint`,
`csec-trainer protocols`) remains the authority: it also checks what a schema cannot, such as
unknown or duplicate ids, step numbers past 30, thresholds against factor counts, and `expect:`
against the protocol engine.

Needs PyYAML and jsonschema: `python3 -m pip install PyYAML jsonschema`.
"""

import json
import os
import re
import sys
from pathlib import Path

try:
    import yaml
    from jsonschema import Draft202012Validator, validators
    from jsonschema.exceptions import SchemaError
except ImportError as error:  # pragma: no cover
    sys.exit(f"schemas/check.py needs PyYAML and jsonschema ({error}). Install them: python3 -m pip install PyYAML jsonschema")

SCHEMA_DIR = Path(__file__).resolve().parent
ROOT = SCHEMA_DIR.parent
DIALECT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_FILES = {
    "protocol": "protocol.schema.json",
    "vocabulary": "vocabulary.schema.json",
    "vignette": "vignette.schema.json",
    "mistakes": "mistakes.schema.json",
    "policy": "policy.schema.json",
    "briefing": "briefing.schema.json",
    "site-contacts": "site-contacts.schema.json",
}
# JSON files csec-trainer reads, by their "format".
JSON_FORMATS = {
    "csec-trainer-key-set": "key-set.schema.json",
    "csec-trainer-settings": "settings.schema.json",
}
# Schemas of files csec-trainer writes (checked as schemas here; the Swift tests check the files).
STORED_DATA_SCHEMA_FILES = (
    "completion-record.schema.json", "staff-roster.schema.json", "accounts.schema.json", "item-analysis.schema.json",
    "knowledge-gain.schema.json", "lms-player-content.schema.json",
)
YAML_SUFFIXES = (".yaml", ".yml")
MODELINE = re.compile(r"#\s*yaml-language-server\s*:\s*\$schema\s*=\s*(\S+)")


def shown(path):
    """A path relative to the current directory when it is inside it (as the Swift loader prints)."""
    path = Path(os.path.abspath(path))
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


# ---------------------------------------------------------------- validators

def _is_whole_number(checker, instance):
    # YAML `1.0` is not a whole number for the loader (it reads `1.0` as a number, not a whole number).
    return isinstance(instance, int) and not isinstance(instance, bool)


Validator = validators.extend(
    Draft202012Validator,
    type_checker=Draft202012Validator.TYPE_CHECKER.redefine("integer", _is_whole_number),
)


def load_schemas(problems):
    """Loads and checks the five schemas; returns {kind: validator}."""
    loaded = {}
    for kind, name in list(SCHEMA_FILES.items()) + list(JSON_FORMATS.items()):
        path = SCHEMA_DIR / name
        try:
            schema = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            problems.append((shown(path), "(top level)", f"cannot read the schema: {error}"))
            continue
        if schema.get("$schema") != DIALECT:
            problems.append((shown(path), "$schema", f"should be {DIALECT}"))
        try:
            Draft202012Validator.check_schema(schema)
        except SchemaError as error:
            where = "/".join(str(part) for part in error.absolute_path) or "(top level)"
            problems.append((shown(path), where, f"not a valid draft 2020-12 schema: {error.message}"))
            continue
        loaded[kind] = Validator(schema)
    check_stored_data_schemas(problems)
    return loaded


def check_stored_data_schemas(problems):
    """Checks that the schemas of stored files are valid draft 2020-12 schemas."""
    for name in STORED_DATA_SCHEMA_FILES:
        path = SCHEMA_DIR / name
        try:
            Draft202012Validator.check_schema(json.loads(path.read_text(encoding="utf-8")))
        except (OSError, ValueError) as error:
            problems.append((shown(path), "(top level)", f"cannot read the schema: {error}"))
        except SchemaError as error:
            where = "/".join(str(part) for part in error.absolute_path) or "(top level)"
            problems.append((shown(path), where, f"not a valid draft 2020-12 schema: {error.message}"))


# ---------------------------------------------------------------- YAML, as the Swift loader reads it

class ContentLoader(yaml.SafeLoader):
    """YAML 1.1 as the Swift loader reads it: dates stay text."""


ContentLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class Document:
    """One parsed file: its data, the line of each path, and YAML-level problems."""

    def __init__(self, text):
        self.lines = {}  # path tuple -> line of the value
        self.key_lines = {}  # path tuple -> line of the key
        self.problems = []  # (path, line, message)
        loader = ContentLoader(text)
        try:
            node = loader.get_single_node()
            self.data = None if node is None else self._build(loader, node, ())
        finally:
            loader.dispose()

    def _build(self, loader, node, path):
        self.lines.setdefault(path, node.start_mark.line + 1)
        if isinstance(node, yaml.MappingNode):
            seen = set()
            for key_node, _ in node.value:
                key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
                if key is not None and key != "<<":
                    if key in seen:
                        self.problems.append(
                            (path + (key,), key_node.start_mark.line + 1, f"the key `{key}` appears twice in one mapping"))
                    seen.add(key)
            loader.flatten_mapping(node)
            result = {}
            for key_node, value_node in node.value:
                # Keys are compared as written (`yes:` is the key "yes"), as the Swift loader does.
                if isinstance(key_node, yaml.ScalarNode):
                    key = key_node.value
                else:
                    key = str(loader.construct_object(key_node, deep=True))
                self.key_lines.setdefault(path + (key,), key_node.start_mark.line + 1)
                result[key] = self._build(loader, value_node, path + (key,))
            return result
        if isinstance(node, yaml.SequenceNode):
            return [self._build(loader, item, path + (index,)) for index, item in enumerate(node.value)]
        return loader.construct_object(node, deep=True)

    def line(self, path, pointing_at_key=False):
        path = tuple(path)
        if pointing_at_key and path in self.key_lines:
            return self.key_lines[path]
        while path not in self.lines and path:
            path = path[:-1]
        return self.lines.get(path)


# ---------------------------------------------------------------- choosing the schema

def declared_schema(text):
    """The schema path named by a `# yaml-language-server: $schema=…` comment before the content."""
    for line in text.splitlines():
        stripped = line.strip()
        if stripped and not stripped.startswith("#"):
            return None
        match = MODELINE.search(stripped)
        if match:
            return match.group(1)
    return None


def kind_for_name(name):
    for kind, file_name in SCHEMA_FILES.items():
        if name == file_name:
            return kind
    return None


def kind_by_location(path):
    """The schema the file's place in a content folder implies, if any."""
    parent = path.parent
    if parent.name == "protocols" and parent.parent.name == "Scoring":
        return "protocol"
    if parent.name == "Scenarios":
        return "vignette"
    if parent.name == "Scoring" and path.stem in ("vocabulary", "policy", "mistakes", "briefing"):
        return path.stem
    return None


def choose_schema(path, text):
    """Returns (kind, problem): the schema to use, or why none can be chosen."""
    declared = declared_schema(text)
    located = kind_by_location(path)
    if declared is None:
        if located:
            return located, None
        return None, ("cannot tell which schema applies. Put `# yaml-language-server: $schema=…/schemas/"
                      "protocol.schema.json` (or vignette, vocabulary, mistakes, policy, briefing, site-contacts) on the first line.")
    kind = kind_for_name(declared.replace("\\", "/").rsplit("/", 1)[-1].split("#", 1)[0])
    if kind is None:
        return None, f"the first line names the schema `{declared}`, which is none of: {', '.join(SCHEMA_FILES.values())}."
    if located and located != kind:
        return None, (f"the first line names {SCHEMA_FILES[kind]}, but files here are checked against "
                      f"{SCHEMA_FILES[located]}. Fix the first line.")
    inside_repository = ROOT in path.resolve().parents
    if inside_repository and "://" not in declared:
        target = (path.parent / declared).resolve()
        if target != (SCHEMA_DIR / SCHEMA_FILES[kind]).resolve():
            relative = os.path.relpath(SCHEMA_DIR / SCHEMA_FILES[kind], path.parent).replace(os.sep, "/")
            return kind, f"the first line's `$schema={declared}` does not lead to schemas/{SCHEMA_FILES[kind]}, so editors will not find it. Use `$schema={relative}`."
    return kind, None


# ---------------------------------------------------------------- messages

TYPE_WORDS = {
    "object": "a mapping (key: value lines)",
    "array": "a list",
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "null": "empty",
}


def describe_types(types):
    types = [types] if isinstance(types, str) else list(types)
    if set(types) >= {"string", "number", "boolean"}:
        return "text (a single value, not a list or mapping)"
    return " or ".join(TYPE_WORDS.get(t, t) for t in types if t != "null") or "empty"


def show_path(path):
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else ("." if text else "") + str(part)
    return text or "(top level)"


def shown_value(value):
    if isinstance(value, (dict, list)):
        return "a mapping" if isinstance(value, dict) else "a list"
    if value is None:
        return "empty"
    if isinstance(value, bool):
        return "true" if value else "false"
    return f"'{value}'"


def innermost(error):
    """For anyOf/oneOf, the alternative that explains the failure best."""
    while error.validator in ("anyOf", "oneOf") and error.context and "errorMessage" not in error.schema:
        candidates = [e for e in error.context if not (e.validator == "type" and e.validator_value == "null")]
        error = min(candidates or error.context, key=lambda e: (e.validator == "type", len(e.relative_path) * -1))
    return error


def explain(error):
    """Returns (path, pointing_at_key, message) for one schema error."""
    error = innermost(error)
    path = list(error.absolute_path)
    key = next((str(p) for p in reversed(path) if isinstance(p, str)), "(top level)")
    custom = error.schema.get("errorMessage") if isinstance(error.schema, dict) else None
    validator = error.validator
    if validator == "additionalProperties":
        allowed = ", ".join(error.schema.get("properties", {}))
        extras = [k for k in error.instance if k not in error.schema.get("properties", {})]
        return [(path + [extra], True, f"unknown key `{extra}` (a typo?). Keys allowed here: {allowed}.") for extra in extras]
    if validator == "required":
        missing = error.message.split("'")[1] if "'" in error.message else error.message
        place = "the file" if not path else f"`{show_path(path)}`"
        return [(path, False, f"{place} has no `{missing}:`. " + (custom or "Add it."))]
    if validator == "type":
        types = [error.validator_value] if isinstance(error.validator_value, str) else error.validator_value
        if custom and not {"array", "object"} & set(types):
            return [(path, False, custom)]
        subject = f"`{key}`" if path else "The file"
        return [(path, False, f"{subject} should be {describe_types(types)}, not {shown_value(error.instance)}.")]
    if custom:
        if validator == "minItems":
            return [(path, False, f"`{key}` is empty. {custom}")]
        if validator in ("enum", "const", "anyOf", "oneOf", "minimum", "maximum", "pattern"):
            return [(path, False, f"`{key}` cannot be {shown_value(error.instance)}. {custom}")]
        return [(path, False, custom)]
    if validator == "enum":
        return [(path, False, f"`{key}` cannot be {shown_value(error.instance)}. Use one of: {', '.join(map(str, error.validator_value))}.")]
    if validator == "minItems":
        return [(path, False, f"`{key}` is empty. List at least one.")]
    return [(path, False, error.message)]


# ---------------------------------------------------------------- checking

def check_json_file(path, schemas, problems):
    """Checks one JSON file against the schema its "format" names; returns True when it was checked."""
    name = shown(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        problems.append((name, "(top level)", f"not readable JSON: {error}"))
        return False
    kind = data.get("format") if isinstance(data, dict) else None
    if kind not in JSON_FORMATS:
        problems.append((name, "format", f"should be one of: {', '.join(JSON_FORMATS)}"))
        return False
    if kind not in schemas:
        return False
    for error in sorted(schemas[kind].iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
        for path_, _, message in explain(error):
            problems.append((name, show_path(path_), message))
    return True


def check_file(path, schemas, problems):
    """Checks one file; returns True when it was checked against a schema."""
    if path.suffix == ".json":
        return check_json_file(path, schemas, problems)
    name = shown(path)
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        problems.append((name, "(top level)", "missing, unreadable or not UTF-8 text"))
        return False
    kind, problem = choose_schema(path, text)
    if problem:
        problems.append((name, "(first line)", problem))
    if kind is None or kind not in schemas:
        return False
    try:
        document = Document(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"(line {mark.line + 1}, column {mark.column + 1})" if mark else "(top level)"
        detail = ", ".join(str(part) for part in (getattr(error, "context", None), getattr(error, "problem", None)) if part) or str(error)
        problems.append((name, where, f"not valid YAML: {detail}. Check indentation (spaces, not tabs) and quotes around text containing ': '."))
        return True
    found = list(document.problems)
    if document.data is None:
        found.append(((), None, "the file is empty."))
    else:
        for error in schemas[kind].iter_errors(document.data):
            for path_, at_key, message in explain(error):
                found.append((tuple(path_), document.line(path_, pointing_at_key=at_key), message))
    reported = set()
    for path_, line, message in sorted(found, key=lambda f: (f[1] or 0, show_path(f[0]))):
        if (path_, message) in reported:
            continue
        reported.add((path_, message))
        suffix = f" (line {line})" if line else ""
        problems.append((name, show_path(path_), message + suffix))
    return True


def yaml_files_in(directory):
    return sorted(p for p in directory.iterdir() if p.is_file() and p.suffix in YAML_SUFFIXES)


def bundled_files(root):
    scoring = root / "Scoring"
    files = [scoring / "vocabulary.yaml", scoring / "policy.yaml", scoring / "mistakes.yaml", scoring / "briefing.yaml"]
    for folder in (scoring / "protocols", root / "Scenarios", root / "docs" / "examples"):
        if folder.is_dir():
            files += yaml_files_in(folder)
    examples = root / "docs" / "examples"
    if examples.is_dir():
        files += sorted(p for p in examples.iterdir() if p.is_file() and p.suffix == ".json")
    return files


def main(arguments):
    if any(a in ("-h", "--help") for a in arguments):
        print(__doc__.strip())
        return 0
    problems = []
    schemas = load_schemas(problems)
    if arguments:
        files = []
        for argument in arguments:
            path = Path(argument)
            if path.is_dir():
                found = yaml_files_in(path)
                if not found:
                    problems.append((shown(path), "(folder)", "holds no .yaml or .yml files"))
                files += found
            else:
                files.append(path)
    else:
        files = bundled_files(ROOT)
    checked = sum(check_file(path, schemas, problems) for path in files)
    for file_name, where, message in problems:
        print(f"{file_name}: {where}: {message}")
    if problems:
        print(f"{len(problems)} problem{'s' if len(problems) != 1 else ''} in {checked} file{'s' if checked != 1 else ''} checked", file=sys.stderr)
        return 1
    print(f"checked {checked} file{'s' if checked != 1 else ''} against {len(schemas)} schemas")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
