import Foundation
import ScenarioEngine

/// One vignette file read from disk, within the content limits (its size, UTF-8), as the bank
/// loader reads every file.
public enum VignetteFileReader {
    /// The vignette in the file at `url`; errors name the file as `fileName`.
    public static func vignette(at url: URL, named fileName: String, library: ProtocolLibrary) throws(ContentError)
        -> Vignette
    {
        try ContentParser.vignette(fromYAML: ContentFileText.text(of: url), fileName: fileName, library: library)
    }
}
