"""csec-trainer's own check of LMS package manifests with xmlschema (not third-party code).

Usage: python3 validate-manifests.py SCHEMAS_DIR KIND FILE...   (KIND: scorm12 or cmi5)
Prints one JSON object: {"FILE": ["error", ...], ...}; an empty list means valid.

SCORM 1.2's schemas are not valid XSD 1.0 as published (finding 4 of the issue 15 plan), so they
are read unchanged with XMLSchema11 and a URI mapper that swaps IMS's ims_xml.xsd for xmlschema's
bundled W3C xml.xsd.
"""
import json
import sys
from pathlib import Path

import xmlschema

schemas, kind, files = Path(sys.argv[1]), sys.argv[2], sys.argv[3:]
if kind == "scorm12":
    w3c_xml = Path(xmlschema.__file__).parent / "schemas/XML/xml.xsd"
    scorm = schemas / "scorm12"
    schema = xmlschema.XMLSchema11(
        str(scorm / "imscp_rootv1p1p2.xsd"),
        uri_mapper=lambda url: str(w3c_xml) if url.endswith("/ims_xml.xsd") or url == "ims_xml.xsd" else url,
        locations=[
            ("http://www.adlnet.org/xsd/adlcp_rootv1p2", str(scorm / "adlcp_rootv1p2.xsd")),
            ("http://www.imsglobal.org/xsd/imsmd_rootv1p2p1", str(scorm / "imsmd_rootv1p2p1.xsd")),
        ],
    )
else:
    schema = xmlschema.XMLSchema(str(schemas / "cmi5" / "CourseStructure.xsd"))
print(json.dumps({name: [str(error.reason or error) for error in schema.iter_errors(name)] for name in files}))
