import Foundation

extension String {
    /// The text as cairo's toy text API should get it: composed characters (NFC), so that
    /// "ễ" is one glyph rather than "e" with two floating marks, and no control characters
    /// (a NUL would end the C string early). Line breaks and tabs become spaces.
    var pdfPrintable: String {
        let composed = precomposedStringWithCanonicalMapping
        var scalars = String.UnicodeScalarView()
        for scalar in composed.unicodeScalars {
            if scalar.properties.generalCategory == .control {
                if scalar.properties.isWhitespace { scalars.append(" ") }
            } else {
                scalars.append(scalar)
            }
        }
        return String(scalars)
    }
}
