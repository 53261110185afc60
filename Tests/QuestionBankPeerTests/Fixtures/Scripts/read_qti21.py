"""Reads QTI 2.1 items with citolab-qti-convert: upgrades each to QTI 3.0 and back to 2.1, and
prints, per item, its correct value and feedback both ways, as JSON. With --package ZIP (the
package as csec-trainer zips it), also lists the zip's entries with Python's zipfile (and the
first entry whose CRC is wrong), the files its imsmanifest.xml names, and upgrades the whole
package with upgrade_package, listing the upgraded resources with their correct values.
Usage: read_qti21.py [--package ZIP] ITEM...
"""
import json
import sys
import tempfile
import zipfile

import lxml.etree
from qti_convert import convert_qti3_to_qti21, upgrade_package, upgrade_qti2_to_qti3

QTI3 = {"q": "http://www.imsglobal.org/xsd/imsqtiasi_v3p0"}
QTI21 = {"q": "http://www.imsglobal.org/xsd/imsqti_v2p1"}


def text(element):
    return " ".join("".join(element.itertext()).split())


arguments = sys.argv[1:]
package = None
if arguments[:1] == ["--package"]:
    package, arguments = arguments[1], arguments[2:]

items = {}
for path in arguments:
    with open(path, "rb") as file:
        qti3 = upgrade_qti2_to_qti3(file.read())
    root3 = lxml.etree.fromstring(qti3.encode())
    back = convert_qti3_to_qti21(qti3)
    root21 = lxml.etree.fromstring(back.xml.encode() if isinstance(back.xml, str) else back.xml)
    items[path] = {
        "identifier": root3.get("identifier"),
        "correct": root3.xpath(
            "//q:qti-response-declaration[@identifier='RESPONSE']/q:qti-correct-response/q:qti-value/text()",
            namespaces=QTI3),
        "choices": root3.xpath("//q:qti-simple-choice/@identifier", namespaces=QTI3),
        "feedback": {element.get("identifier"): text(element) for element in root3.xpath("//q:qti-modal-feedback", namespaces=QTI3)},
        "correctBack": root21.xpath(
            "//q:responseDeclaration[@identifier='RESPONSE']/q:correctResponse/q:value/text()", namespaces=QTI21),
        "warnings": [str(warning) for warning in (back.warnings or [])],
    }

result = {"items": items}
if package:
    with zipfile.ZipFile(package) as archive:
        entries = archive.namelist()
        bad_entry = archive.testzip()
        manifest = lxml.etree.fromstring(archive.read("imsmanifest.xml"))
        named = manifest.xpath("//*[local-name()='file']/@href")
    with tempfile.TemporaryDirectory() as directory:
        upgraded = directory + "/qti3.zip"
        upgrade_package(package, upgraded)
        with zipfile.ZipFile(upgraded) as archive:
            manifest = lxml.etree.fromstring(archive.read("imsmanifest.xml"))
            resources = manifest.xpath("//*[local-name()='resource']")
            correct = {}
            for resource in resources:
                item = lxml.etree.fromstring(archive.read(resource.get("href")))
                correct[resource.get("href")] = item.xpath(
                    "//q:qti-correct-response/q:qti-value/text()", namespaces=QTI3)
    result["package"] = {
        "entries": entries,
        "badEntry": bad_entry,
        "manifestFiles": named,
        "types": sorted({resource.get("type") for resource in resources}),
        "correct": correct,
    }
print(json.dumps(result))
