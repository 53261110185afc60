import Foundation

/// Colours that readers with the common colour-vision deficiencies tell apart, and text
/// colours that meet WCAG AA (4.5:1) on them.
public enum Palette {
    public static let background = "#ffffff"
    /// Text and axes: near-black, 17:1 on white.
    public static let text = "#1a1a1a"
    /// Bars: the Okabe–Ito blue.
    public static let bar = "#0072b2"
    /// Grid lines.
    public static let grid = "#767676"
    /// A marked step (a deadline), dashed: the Okabe–Ito vermillion darkened to 5.5:1 on white,
    /// told apart from the blue line by its hue, its dashes and its label.
    public static let marker = "#b34700"

    /// The heat map's scale, light to dark: a single-hue blue ramp (lightness carries the
    /// value, so it reads in grey scale and for every colour-vision deficiency).
    static let sequential = ["#f7fbff", "#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b"]

    /// The colour for `share` (0 to 1) of the scale.
    public static func sequential(_ share: Double) -> String {
        let clamped = min(1, max(0, share.isFinite ? share : 0))
        return sequential[Int((clamped * Double(sequential.count - 1)).rounded())]
    }

    /// Black-ish or white text, whichever contrasts more with `background` (`#rrggbb`).
    public static func text(on background: String) -> String {
        contrast(text, background) >= contrast("#ffffff", background) ? text : "#ffffff"
    }

    /// The WCAG contrast ratio of two `#rrggbb` colours, 1 to 21.
    public static func contrast(_ first: String, _ second: String) -> Double {
        let (a, b) = (luminance(first), luminance(second))
        return (max(a, b) + 0.05) / (min(a, b) + 0.05)
    }

    /// WCAG relative luminance of `#rrggbb`.
    static func luminance(_ colour: String) -> Double {
        let digits = Array(colour.utf8.dropFirst())
        guard digits.count == 6 else { return 0 }
        func channel(_ index: Int) -> Double {
            let text = String(decoding: digits[(index * 2)..<(index * 2 + 2)], as: UTF8.self)
            let value = Double(Int(text, radix: 16) ?? 0) / 255
            return value <= 0.039_28 ? value / 12.92 : pow(((value + 0.055) / 1.055), 2.4)
        }
        return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2)
    }
}
