/// Breaks a link into lines to type from: as many characters a line as fit, and no line but
/// the last ending in a hyphen, which a reader (and a text extractor) would take for a word
/// broken at the line's end and leave out; the hyphen starts the next line instead.
struct InvitationLinkBreaker {
    /// Whether a line of text fits the width.
    var fits: (String) -> Bool

    /// The lines of `link`, in order.
    func lines(_ link: String) -> [String] {
        var lines: [String] = []
        var rest = Substring(link)
        while !rest.isEmpty {
            var length = 1
            while length < rest.count, fits(String(rest.prefix(length + 1))) { length += 1 }
            while length < rest.count, length > 1, rest.prefix(length).last == "-" { length -= 1 }
            lines.append(String(rest.prefix(length)))
            rest = rest.dropFirst(length)
        }
        return lines
    }
}
