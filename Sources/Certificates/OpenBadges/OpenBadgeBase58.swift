/// Base58btc (the Bitcoin alphabet), as used by multibase `z…` strings and `did:key`.
///
/// Written by hand: a big number in base 256 converted to base 58 digit by digit, with each
/// leading zero byte written as "1".
enum OpenBadgeBase58 {
    /// The 58 digits, in value order.
    static let alphabet: [UInt8] = Array("123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz".utf8)

    /// The base58btc text of `bytes`.
    static func encode(_ bytes: [UInt8]) -> String {
        let leadingZeros = bytes.prefix { $0 == 0 }.count
        var digits: [UInt8] = []  // base 58, least significant first
        for byte in bytes {
            var carry = Int(byte)
            for index in digits.indices {
                carry += Int(digits[index]) << 8
                digits[index] = UInt8(carry % 58)
                carry /= 58
            }
            while carry > 0 {
                digits.append(UInt8(carry % 58))
                carry /= 58
            }
        }
        let text = [UInt8](repeating: alphabet[0], count: leadingZeros) + digits.reversed().map { alphabet[Int($0)] }
        return String(decoding: text, as: UTF8.self)
    }

    /// The bytes of a base58btc text, or nil when it holds a character outside the alphabet.
    static func decode(_ text: some StringProtocol) -> [UInt8]? {
        let characters = Array(text.utf8)
        let leadingOnes = characters.prefix { $0 == alphabet[0] }.count
        var bytes: [UInt8] = []  // base 256, least significant first
        for character in characters {
            guard var carry = alphabet.firstIndex(of: character) else { return nil }
            for index in bytes.indices {
                carry += Int(bytes[index]) * 58
                bytes[index] = UInt8(carry & 0xFF)
                carry >>= 8
            }
            while carry > 0 {
                bytes.append(UInt8(carry & 0xFF))
                carry >>= 8
            }
        }
        return [UInt8](repeating: 0, count: leadingOnes) + bytes.reversed()
    }
}
