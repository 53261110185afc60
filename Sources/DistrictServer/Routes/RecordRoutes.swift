import Accounts
import Completion
import Foundation
import Hummingbird
import Logging
import RecordStore
import Records
import Storage

/// A signed-in staff member's own finished attempts: the outcome page, the signed record file as
/// stored, the PDF certificate and the Open Badges credential, each from the verified record in
/// the repository. Another
/// person's record is "not found", never shown.
extension DistrictServer {
    func addRecordRoutes(to router: Router<DistrictRequestContext>) {
        router.get("/records/{id}") { _, context in
            try await ownRecord(context) { session, verified in
                PageResponse.page(
                    ResultPage.page(verified.record, verificationCode: verified.signed.verificationCode, session: session))
            }
        }
        router.get("/records/{id}/record.json") { _, context in
            try await ownRecord(context) { _, verified in
                PageResponse.download(
                    [UInt8](verified.bytes), contentType: "application/json", fileName: "record-\(verified.id.prefix(8)).json")
            }
        }
        router.get("/records/{id}/certificate.pdf") { _, context in
            try await ownRecord(context) { _, verified in
                await download(verified, format: .pdf, contentType: "application/pdf", context: context)
            }
        }
        router.get("/records/{id}/credential.jwt") { _, context in
            try await ownRecord(context) { _, verified in
                await download(verified, format: .openbadge, contentType: "application/jwt", context: context)
            }
        }
    }

    private func download(
        _ verified: VerifiedRecord, format: CertificateIssuer.Format, contentType: String, context: DistrictRequestContext
    ) async -> Response {
        var issuer = certificates
        issuer.format = format
        do throws(CertificateError) {
            let bytes = try await issuer.certificate(of: verified.signed)
            let name = "certificate-\(verified.id.prefix(8)).\(format.fileExtension)"
            return PageResponse.download([UInt8](bytes), contentType: contentType, fileName: name)
        } catch {
            context.logger.notice("no certificate", metadata: ["record": "\(verified.id)", "error": "\(error)"])
            return PageResponse.page(ErrorPages.unavailable(error.description), status: .conflict)
        }
    }

    private func ownRecord(
        _ context: DistrictRequestContext, _ body: (WebSession, VerifiedRecord) async throws -> Response
    ) async throws -> Response {
        guard let session = context.session, case .staff(let member) = session.person else {
            return PageResponse.redirect(to: "/")
        }
        let id = try context.parameters.require("id")
        guard UUID(uuidString: id) != nil else { return PageResponse.page(ErrorPages.notFound(), status: .notFound) }
        let verified: VerifiedRecord
        do {
            verified = try await training.records.find(id.lowercased())
        } catch {
            context.logger.notice("record not shown", metadata: ["record": "\(id)", "error": "\(error)"])
            return PageResponse.page(ErrorPages.notFound(), status: .notFound)
        }
        let trainee = verified.record.trainee
        guard trainee.employeeID == member.employeeID, trainee.name == member.name else {
            return PageResponse.page(ErrorPages.notFound(), status: .notFound)
        }
        return try await body(session, verified)
    }
}
