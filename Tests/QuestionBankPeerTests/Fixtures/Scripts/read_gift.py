"""Reads a GIFT file with pygiftparser and prints what it found as JSON.

Text keeps its GIFT escapes until transformSpecials; the exporter writes HTML, so the text is
then HTML-unescaped.
Usage: read_gift.py FILE
"""
import html
import json
import sys

from pygiftparser import parser
from pygiftparser.utils import transformSpecials


def plain(text):
    return html.unescape(transformSpecials(text or "")).strip()


with open(sys.argv[1], encoding="utf-8") as file:
    parsed = parser.parseFile(file)
questions = []
for question in parsed:
    answers = getattr(question.answers, "answers", None) or []
    questions.append(
        {
            "title": question.title,
            "category": question.cat,
            "valid": bool(question.valid),
            "kind": type(question.answers).__name__,
            "correct": [plain(answer.answer) for answer in answers if answer.fraction == 100],
            "options": [{"answer": plain(answer.answer), "feedback": plain(answer.feedback)} for answer in answers],
            "generalFeedback": plain(question.generalFeedback),
        }
    )
print(json.dumps({"questions": questions}))
