import HTTPTypes
import Hummingbird
import NIOCore

/// Responses the routes send: a page, a redirect after a form (POST, redirect, GET), a file to
/// download.
enum PageResponse {
    static func page(_ page: Page, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status, headers: [.contentType: "text/html; charset=utf-8"],
            body: ResponseBody(byteBuffer: ByteBuffer(string: page.html)))
    }

    /// 303 See Other: the browser GETs `location` (so a reload never posts the form again).
    static func redirect(to location: String) -> Response {
        Response(status: .seeOther, headers: [.location: location])
    }

    static func download(_ bytes: [UInt8], contentType: String, fileName: String) -> Response {
        Response(
            status: .ok,
            headers: [
                .contentType: contentType, .contentDisposition: #"attachment; filename="\#(fileName)""#,
            ], body: ResponseBody(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
