"""Validates files against the QTI 2.1 XSD with xmlschema, compiling the schema once.

The schema's imports name their absolute IMS and W3C addresses; a uri_mapper reads them from
the unchanged copies in SCHEMA_DIR (laid out by address), so nothing is fetched and no file is
edited. Prints {"compileSeconds": …, "errors": {file: reason or null}} as JSON.
Usage: validate_qti21.py SCHEMA_DIR FILE...
"""
import json
import sys
import time

import xmlschema

directory = sys.argv[1].rstrip("/")
ADDRESSES = ("http://www.imsglobal.org/", "http://www.w3.org/Math/")


def local(uri):
    for address in ADDRESSES:
        if uri.startswith(address):
            return directory + "/" + uri[len("http://"):]
    return uri


started = time.monotonic()
schema = xmlschema.XMLSchema(directory + "/www.imsglobal.org/xsd/imsqti_v2p1.xsd", uri_mapper=local, allow="local")
compiled = time.monotonic() - started
errors = {}
for path in sys.argv[2:]:
    error = next(iter(schema.iter_errors(path)), None)
    errors[path] = None if error is None else f"{error.reason} (at {error.path})"
print(json.dumps({"compileSeconds": round(compiled, 1), "errors": errors}))
