import DistrictServer
import Foundation
import Testing

/// Which requests come from the server's own pages: a rule table over `Origin`, `Referer`, the
/// `Host` the request was sent to, TLS and a public address.
struct AllowedOriginTests {
    struct Case: CustomTestStringConvertible, Sendable {
        var name: String
        var publicURL: String? = nil
        var tls = false
        var origin: String? = nil
        var referer: String? = nil
        var host: String? = "school.example:8080"
        var allowed: Bool
        var testDescription: String { name }
    }

    static let cases = [
        Case(name: "own origin", origin: "http://school.example:8080", allowed: true),
        Case(name: "own origin, other case", origin: "HTTP://School.Example:8080", allowed: true),
        Case(name: "other port", origin: "http://school.example:9090", allowed: false),
        Case(name: "https origin to a plain server", origin: "https://school.example:8080", allowed: false),
        Case(name: "TLS server", tls: true, origin: "https://school.example:8080", allowed: true),
        Case(name: "another site", origin: "https://attacker.example", allowed: false),
        Case(name: "null origin", origin: "null", allowed: false),
        Case(name: "neither header", allowed: false),
        Case(name: "own referer", referer: "http://school.example:8080/training/question", allowed: true),
        Case(name: "foreign referer", referer: "https://attacker.example/school.example:8080", allowed: false),
        Case(
            name: "origin decides over referer", origin: "https://attacker.example", referer: "http://school.example:8080/",
            allowed: false),
        Case(name: "no host", origin: "http://school.example:8080", host: nil, allowed: false),
        Case(
            name: "public address behind a proxy", publicURL: "https://training.example.org/",
            origin: "https://training.example.org", host: "10.0.0.5:8080", allowed: true),
        Case(
            name: "the proxy's inside address", publicURL: "https://training.example.org",
            origin: "http://10.0.0.5:8080", host: "10.0.0.5:8080", allowed: false),
        Case(
            name: "public address with a port", publicURL: "https://training.example.org:8443/path",
            origin: "https://training.example.org:8443", allowed: true),
        Case(name: "IPv6 host", origin: "http://[::1]:8080", host: "[::1]:8080", allowed: true),
    ]

    @Test(arguments: cases)
    func whichRequestsComeFromTheServersPages(_ rule: Case) {
        let allowed = AllowedOrigin(publicURL: rule.publicURL.flatMap(URL.init(string:)), servesTLS: rule.tls)
        #expect(allowed.allows(origin: rule.origin, referer: rule.referer, host: rule.host) == rule.allowed)
    }

    @Test(arguments: [
        (nil, false, false), ("http://training.example.org", false, false), ("https://training.example.org", false, true),
        (nil, true, true),
    ])
    func cookiesAreSecureWhenBrowsersUseHTTPS(_ publicURL: String?, _ tls: Bool, _ secure: Bool) {
        #expect(AllowedOrigin(publicURL: publicURL.flatMap(URL.init(string:)), servesTLS: tls).isSecure == secure)
    }
}

/// Forms as the pages post them.
struct FormFieldsTests {
    @Test(arguments: [
        ("csrf_token=abc&option=step%3Amarin%3A2", ["csrf_token": "abc", "option": "step:marin:2"]),
        ("name=Dana+Whitfield&password=a%26b%3Dc", ["name": "Dana Whitfield", "password": "a&b=c"]),
        ("a=1&a=2&b=", ["a": "1", "b": ""]),
        ("flag&x=%E2%9C%93", ["flag": "", "x": "✓"]),
        ("bad=%ZZ&ok=1", ["ok": "1"]),
    ])
    func decodes(_ body: String, _ expected: [String: String]) {
        #expect(FormFields(urlEncoded: body).values == expected)
    }
}
