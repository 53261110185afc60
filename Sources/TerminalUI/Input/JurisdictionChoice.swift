import Foundation
import ProtocolEngine

/// Which protocol a trainee means by what they typed at the county prompt: its id or its name,
/// in any case, with or without accents, spaces or dashes, and with or without a final "County"
/// ("Marin County" and "marin" are `marin`; "orange county" is `orange-county`).
public enum JurisdictionChoice {
    /// The protocol `typed` names, or nil when it names none.
    public static func match(_ typed: String, in protocols: [JurisdictionProtocol]) -> JurisdictionProtocol? {
        let typedKey = key(typed)
        guard !typedKey.isEmpty else { return nil }
        if let exact = protocols.first(where: { $0.id.rawValue == typed.trimmingCharacters(in: .whitespaces) }) {
            return exact
        }
        return protocols.first { key($0.id.rawValue) == typedKey || key($0.name) == typedKey }
    }

    /// The list the prompt offers: "marin (Marin County), san-diego (San Diego), …".
    public static func list(_ protocols: [JurisdictionProtocol]) -> String {
        protocols.map { "\($0.id) (\($0.name))" }.joined(separator: ", ")
    }

    /// Lower-case words without accents, joined by dashes, without a final "county" (unless it
    /// is the only word).
    static func key(_ text: String) -> String {
        var words = text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .split { !$0.isLetter && !$0.isNumber }.map(String.init)
        if words.count > 1, words.last == "county" { words.removeLast() }
        return words.joined(separator: "-")
    }
}
