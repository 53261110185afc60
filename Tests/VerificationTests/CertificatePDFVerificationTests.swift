import Certificates
import Crypto
import Foundation
import RecordStore
import Records
import TestSupport
import Testing

@testable import Verification

/// A PDF certificate verifies by the signed record it carries, with the issuing district's
/// public key alone, on any machine: never by drawing it again.
struct CertificatePDFVerificationTests {
    @Test func aSealedCertificateVerifiesWithThePublicKeyAlone() throws {
        let sample = try VerificationSample()
        let verified = try CertificatePDFVerification.verify(sample.sealedPDF(), trusting: sample.keySet)
        #expect(verified.recordFile == sample.recordFile)
        #expect(
            verified.verdict
                == Verdict(
                    person: "Zoë Łukasiewicz-O'Brien", training: "Marin County protocol (3.1.19)", completedOn: "2026-09-15",
                    result: "92%", issuer: "Tamalpais Union High School District", keyID: sample.key.keyID,
                    verificationCode: sample.signed.verificationCode))
    }

    /// With a key file that does not name the district (a PEM), the verdict names the issuer the
    /// signed pages print.
    @Test func withoutANameForTheKeyTheVerdictNamesThePrintedIssuer() throws {
        let sample = try VerificationSample()
        let keys = TrustedKeys([TrustedKeys.Key(publicKey: sample.key.publicKey, issuer: nil)])
        let verified = try CertificatePDFVerification.verify(sample.sealedPDF(), trusting: keys)
        #expect(verified.verdict.issuer == "Sample Unified School District")
    }

    /// Pages made by another cairo (here: the same page, as cairo 1.18 would label it) differ
    /// from what this machine draws, and still verify: nothing is drawn again.
    @Test func pagesThisMachineWouldDrawDifferentlyStillVerify() throws {
        let sample = try VerificationSample()
        let drawnHere = try PDFCertificate().renderPages(sample.details)
        let otherCairo = try #require(
            String(data: drawnHere, encoding: .isoLatin1)?.replacingOccurrences(of: "cairo 1.16.0", with: "cairo 1.18.0")
                .data(using: .isoLatin1))
        try #require(otherCairo != drawnHere, "the page names its cairo version")
        let sealed = try PDFCertificateSeal.seal(otherCairo, recordFile: sample.recordFile, key: sample.key.privateKey)
        #expect(
            try CertificatePDFVerification.verify(sealed, trusting: sample.keySet).verdict.person == "Zoë Łukasiewicz-O'Brien")
        #expect(try PDFCertificate(sealing: sample.recordFile, with: sample.key.privateKey).render(sample.details) != sealed)
    }

    /// A certificate made by this version and committed: it must keep verifying after cairo,
    /// fonts or the layout change (make it again with CSEC_RECORD_FIXTURES=1 only when its
    /// format changes on purpose).
    @Test func theCommittedCertificateStillVerifies() throws {
        let pdf = VerificationSample.fixtures.appending(path: "certificate-sealed-v1.pdf")
        let keySet = VerificationSample.fixtures.appending(path: "fixture-key-set.json")
        if ProcessInfo.processInfo.environment["CSEC_RECORD_FIXTURES"] != nil {
            let key = try VerificationSample.fixtureKey()
            let sample = try VerificationSample(key: key, name: "Nguyễn Thị Minh", id: VerificationSample.fixtureRecordID)
            try sample.sealedPDF().write(to: pdf)
            try KeySetFile(keys: [TrustedKeys.Key(publicKey: key.publicKey, issuer: "Fixture Unified School District")])
                .fileContents().write(to: keySet)
        }
        let keys = try TrustedKeys.read(Data(contentsOf: keySet), path: keySet.path)
        let verdict = try CertificatePDFVerification.verify(Data(contentsOf: pdf), trusting: keys).verdict
        #expect(verdict.person == "Nguyễn Thị Minh")
        #expect(verdict.issuer == "Fixture Unified School District")
        #expect(verdict.completedOn == "2026-09-15")
    }

    /// Ways to alter a sealed certificate, each of which must fail.
    enum Alteration: String, CaseIterable, CustomTestStringConvertible, Sendable {
        case aByteOfThePages, aByteOfTheCarriedRecord, theEndCutOff, anotherRecordsSeal, aByteOfTheUpdate

        var testDescription: String { rawValue }

        func apply(to pdf: Data, other: Data) throws -> Data {
            var changed = pdf
            switch self {
            case .aByteOfThePages:
                changed[changed.count / 3] ^= 0x01
            case .aByteOfTheCarriedRecord:
                let record = try #require(changed.range(of: Data("\"record\":\"".utf8)))
                changed[record.upperBound + 40] = changed[record.upperBound + 40] == UInt8(ascii: "A") ? 66 : 65
            case .theEndCutOff:
                changed = changed.prefix(changed.count - 30)
            case .anotherRecordsSeal:
                // The pages of one certificate followed by the seal of another.
                let mine = try #require(pdf.range(of: Data("%%EOF\n".utf8))).upperBound
                let theirs = try #require(other.range(of: Data("%%EOF\n".utf8))).upperBound
                changed = pdf.prefix(mine) + other.suffix(from: theirs)
            case .aByteOfTheUpdate:
                let trailer = try #require(changed.range(of: Data("/CSecTrainerSeal".utf8), options: .backwards))
                let digit = trailer.lowerBound - 2
                changed[digit] = changed[digit] == UInt8(ascii: "9") ? UInt8(ascii: "8") : UInt8(ascii: "9")
            }
            return changed
        }
    }

    @Test(arguments: Alteration.allCases)
    func anAlteredCertificateFails(_ alteration: Alteration) throws {
        let sample = try VerificationSample()
        let other = try VerificationSample(key: sample.key, name: "José Núñez")
        let altered = try alteration.apply(to: sample.sealedPDF(), other: other.sealedPDF())
        #expect(throws: VerificationError.self) { try CertificatePDFVerification.verify(altered, trusting: sample.keySet) }
    }

    @Test func aCertificateSignedWithAnotherKeyFails() throws {
        let sample = try VerificationSample()
        let stranger = try VerificationSample(key: InstallationKey(privateKey: .init()))
        let error = #expect(throws: VerificationError.self) {
            try CertificatePDFVerification.verify(stranger.sealedPDF(), trusting: sample.keySet)
        }
        #expect(error?.description.contains("not one of the keys it is checked with") == true)
    }

    @Test func aCertificateMadeBeforeSealsIsReportedUnsealed() throws {
        let sample = try VerificationSample()
        #expect(throws: VerificationError.unsealed) {
            try CertificatePDFVerification.verify(PDFCertificate().render(sample.details), trusting: sample.keySet)
        }
    }

    /// The sealed file is still one clean PDF, and shows the signed details.
    @Test func theSealedCertificateIsACleanPDFShowingTheSignedDetails() throws {
        let sample = try VerificationSample()
        let file = FileManager.default.temporaryDirectory.appending(path: "csec-sealed-\(UUID().uuidString).pdf")
        defer { try? FileManager.default.removeItem(at: file) }
        try sample.sealedPDF().write(to: file)
        guard let check = try PDFTools.run("qpdf", ["--check", file.path]),
            let text = try PDFTools.run("pdftotext", ["-enc", "UTF-8", file.path, "-"])
        else { return }
        #expect(check.status == 0, "\(check.output)\(check.error)")
        #expect(!check.output.contains("WARNING"), "\(check.output)")
        let record = sample.signed.record
        for shown in [record.trainee.name, sample.signed.verificationCode, "92%", record.training.jurisdictionName] {
            #expect(text.output.contains(shown), "\(shown) is not on the page")
        }
    }
}
