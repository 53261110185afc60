import Briefing
import ScenarioEngine
import SessionServer
import Testing

/// Every text from content, the roster or a request is escaped before it is written into a page.
struct HTMLEscapingTests {
    @Test(arguments: [
        ("Plain words stay as they are.", "Plain words stay as they are."),
        (#"<script>alert("x")</script>"#, "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"),
        ("Tom & Jerry's", "Tom &amp; Jerry&#39;s"),
        ("Nguyễn Thị Minh — “quoted” <b>", "Nguyễn Thị Minh — “quoted” &lt;b&gt;"),
        ("\"\u{301} a quote with a combining mark", "&quot;\u{301} a quote with a combining mark"),
        ("&amp;", "&amp;amp;"),
        ("", ""),
    ])
    func escapesTheFiveCharactersHTMLGivesMeaningTo(text: String, html: String) {
        #expect(ContentNote.escaped(text) == html)
    }

    /// For any text, the escaped form has none of the five left bare and reads back as the text.
    @Test func anyTextReadsBackAsItself() {
        var generator = SplitMix64(seed: 848)
        let pieces = ["&", "<", ">", "\"", "'", "a", "é", "\u{301}", "Ł", "😀", " ", "&lt;", "\n"]
        for _ in 0..<500 {
            let text = (0..<Int.random(in: 0..<20, using: &generator)).map { _ in
                pieces[Int.random(in: 0..<pieces.count, using: &generator)]
            }.joined()
            let html = ContentNote.escaped(text)
            #expect(!html.contains { "<>\"'".contains($0) })
            #expect(Self.unescaped(html) == text)
        }
    }

    /// The entities read back, byte by byte (a combining mark after one makes it part of a larger
    /// character, which a search by characters would not find).
    static func unescaped(_ html: String) -> String {
        let entities: [(String, UInt8)] = [
            ("&amp;", UInt8(ascii: "&")), ("&lt;", UInt8(ascii: "<")), ("&gt;", UInt8(ascii: ">")),
            ("&quot;", UInt8(ascii: "\"")), ("&#39;", UInt8(ascii: "'")),
        ]
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        var index = 0
        while index < bytes.count {
            if let (entity, byte) = entities.first(where: { bytes[index...].starts(with: $0.0.utf8) }) {
                out.append(byte)
                index += entity.utf8.count
            } else {
                out.append(bytes[index])
                index += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }
}
