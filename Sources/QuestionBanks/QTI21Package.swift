import ProtocolEngine
import XMLWriting

/// A question bank as a QTI 2.1 content package: `imsmanifest.xml` (IMS Content Packaging
/// 1.1) listing one `imsqti_item_xmlv2p1` resource per item, and the items as
/// `items/<identifier>.xml`. The item identifiers map back to the engine's question ids
/// (``items``), and each item's choice identifiers to its option ids.
public struct QTI21Package: Sendable, Equatable {
    public var bank: QuestionBank
    public var items: [QTI21Item]
    /// The item identifiers of the engine's question ids, both ways.
    public var itemIdentifiers: QTIIdentifiers

    public init(bank: QuestionBank) {
        self.bank = bank
        var identifiers = QTIIdentifiers()
        items = bank.questions.map { QTI21Item(identifier: identifiers.identifier(for: $0.id), question: $0) }
        itemIdentifiers = identifiers
    }

    /// Where `item` is in the package.
    public static func path(of item: QTI21Item) -> String { "items/\(item.identifier).xml" }

    /// Every file of the package, by its path in the package, in a fixed order (the manifest first).
    public var files: [(path: String, contents: String)] {
        [("imsmanifest.xml", manifest)] + items.map { (Self.path(of: $0), $0.document) }
    }

    public var manifest: String {
        let packageID = QTIIdentifiers.ncName("csec-trainer-\(bank.jurisdiction.rawValue)-seed-\(bank.seed)")
        var lines = [
            #"<?xml version="1.0" encoding="UTF-8"?>"#,
            #"<manifest xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance""#,
            #"    xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 http://www.imsglobal.org/xsd/imscp_v1p1.xsd""#,
            #"    identifier="\#(packageID)">"#,
            "  <metadata>",
            "    <schema>QTIv2.1 Package</schema>",
            "    <schemaversion>1.0.0</schemaversion>",
            "  </metadata>",
            "  <organizations/>",
            "  <resources>",
        ]
        for item in items {
            let path = XMLText.escaped(Self.path(of: item))
            lines.append(
                #"    <resource identifier="resource-\#(item.identifier)" type="imsqti_item_xmlv2p1" href="\#(path)">"#
                    + #"<file href="\#(path)"/></resource>"#)
        }
        lines += ["  </resources>", "</manifest>"]
        return lines.joined(separator: "\n") + "\n"
    }
}
