"""Reads a Moodle XML file with moodle-xml-parser and prints what it found as JSON.

moodle-xml-parser prints and swallows a question it cannot parse ("Error while parsing ..."),
so its standard output is captured and returned as "errors".
Usage: read_moodle_xml.py FILE
"""
import contextlib
import io
import json
import sys

from moodle_xml_parser.parser import parse_file

printed = io.StringIO()
with contextlib.redirect_stdout(printed):
    parsed = parse_file(sys.argv[1])
questions = [
    {
        "name": question.name,
        "single": question.single,
        "correct": [option.answer for option in question.options if option.score_fraction == 100],
        "options": [{"answer": option.answer, "feedback": option.feedback or ""} for option in question.options],
    }
    for question in parsed["multichoice"]
]
errors = [line for line in printed.getvalue().splitlines() if "Error while parsing" in line]
print(json.dumps({"questions": questions, "errors": errors}))
