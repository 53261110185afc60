import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A file-system failure in words a trainer can act on ("permission denied", "no space left on
/// the disk"): the one place where system and Foundation errors become words, so that no
/// message shows a raw error such as "NSCocoaErrorDomain error 512".
public enum FileProblem {
    /// The words for a system error number.
    public static func words(errno code: Int32) -> String {
        switch code {
        case EACCES, EPERM: "permission denied"
        case ENOSPC: "no space left on the disk"
        case EDQUOT: "the disk quota is used up"
        case EROFS: "the disk is read-only"
        case EISDIR: "it is a directory, not a file"
        case ENOTDIR: "a part of the path is a file, not a directory"
        case ENOENT: "no such file or directory"
        case EEXIST: "it already exists"
        case ENAMETOOLONG: "the name is too long"
        case EIO: "the disk reported an input/output error"
        case EMFILE, ENFILE: "too many files are open"
        default: String(cString: strerror(code)).lowercased()
        }
    }

    /// The words for an error thrown by Foundation's file functions, or a system error.
    public static func words(for error: any Error) -> String {
        if let failed = error as? FileOperationError { return words(errno: failed.code) }
        if let posix = error as? POSIXError { return words(errno: posix.code.rawValue) }
        let bridged = error as NSError
        if bridged.domain == NSPOSIXErrorDomain { return words(errno: Int32(truncatingIfNeeded: bridged.code)) }
        if let underlying = bridged.userInfo[NSUnderlyingErrorKey] as? any Error {
            let inner = underlying as NSError
            if inner.domain == NSPOSIXErrorDomain { return words(errno: Int32(truncatingIfNeeded: inner.code)) }
        }
        guard let cocoa = error as? CocoaError else { return "an unexpected file-system error" }
        return words(for: cocoa.code)
    }

    private static func words(for code: CocoaError.Code) -> String {
        switch code {
        case .fileReadNoPermission, .fileWriteNoPermission: "permission denied"
        case .fileWriteOutOfSpace: "no space left on the disk"
        case .fileWriteVolumeReadOnly: "the disk is read-only"
        case .fileNoSuchFile, .fileReadNoSuchFile: "no such file or directory"
        case .fileWriteFileExists: "it already exists"
        case .fileReadCorruptFile: "the file is damaged"
        case .fileReadTooLarge: "the file is too large"
        case .fileReadInvalidFileName, .fileWriteInvalidFileName: "the name is not a valid file name"
        default: "an unexpected file-system error"
        }
    }
}
