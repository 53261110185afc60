import TerminalUI
import Testing

/// CSV for district spreadsheets (RFC 4180), safe with any name a participant types.
struct TableTests {
    @Test(arguments: [
        ("Ana Ruiz", "Ana Ruiz"),
        ("Ruiz, Ana", #""Ruiz, Ana""#),
        (#"Ana "Annie" Ruiz"#, #""Ana ""Annie"" Ruiz""#),
        ("=HYPERLINK(\"http://example.org\",\"x\")", #""'=HYPERLINK(""http://example.org"",""x"")""#),
        ("+1-555", "'+1-555"),
        ("-2+3", "'-2+3"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("Nguyễn Thị Minh", "Nguyễn Thị Minh"),
    ])
    func cellsAreQuotedAndFormulasDefused(_ cell: String, _ written: String) {
        let csv = Table(columns: ["name"], rows: [[cell]]).csv()
        #expect(csv == "name\r\n\(written)\r\n")
    }
}
