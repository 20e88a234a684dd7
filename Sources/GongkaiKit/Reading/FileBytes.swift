#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading a whole file, with errors that say why (no Foundation on this path: start-up stays fast).
public enum FileBytes {
    /// Only a regular file is read (a FIFO would block for ever, `/dev/zero` never end), and only up to
    /// `limit` bytes.
    public static func read(_ path: String, limit: Int = Limits.reportFileBytes) throws(ReadError) -> [UInt8] {
        // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused just below.
        let descriptor = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC)
        guard descriptor >= 0 else { throw ReadError(file: path, reason: "cannot open: \(errorText())") }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw ReadError(file: path, reason: "cannot stat: \(errorText())") }
        switch info.st_mode & S_IFMT {
        case S_IFREG: break
        case S_IFDIR: throw ReadError(file: path, reason: "is a directory")
        case S_IFIFO: throw ReadError(file: path, reason: "is a FIFO (named pipe), not a file; not read")
        case S_IFCHR, S_IFBLK: throw ReadError(file: path, reason: "is a device, not a file; not read")
        default: throw ReadError(file: path, reason: "is not a regular file; not read")
        }
        guard Int(info.st_size) <= limit else {
            throw ReadError(file: path, reason: "is \(Int(info.st_size) >> 20) MB, over the limit of \(limit >> 20) MB for one file; not read")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(Int(info.st_size))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, $0.count) }
            if count < 0 {
                if errno == EINTR { continue }
                throw ReadError(file: path, reason: "cannot read: \(errorText())")
            }
            if count == 0 { break }
            bytes.append(contentsOf: chunk[..<count])
            // A file that grows while it is read stops at the limit too.
            if bytes.count > limit { throw ReadError(file: path, reason: "grew past the limit of \(limit >> 20) MB while being read; not read") }
        }
        return bytes
    }

    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// When the file was last modified (seconds since 1970), or nil.
    public static func modificationTime(_ path: String) -> Double? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return Double(info.st_mtim.tv_sec) + Double(info.st_mtim.tv_nsec) / 1e9
    }

    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0
    }

    /// Regular files below a folder, sorted, hidden entries skipped.
    public static func files(under directory: String) -> [String] {
        guard let handle = opendir(directory) else { return [] }
        defer { closedir(handle) }
        var result: [String] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name.startsWith(".") { continue }
            let path = directory.endsWith("/") ? directory + name : directory + "/" + name
            if isDirectory(path) { result += files(under: path) } else { result.append(path) }
        }
        // Byte order: Swift's String `<` compares Unicode-normalised, which for 100,000 Chinese file
        // names was most of the time spent listing a folder.
        return result.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// The entries of one folder (not recursive), sorted; for completing file names.
    public static func entries(in directory: String) -> [(name: String, isDirectory: Bool)] {
        guard let handle = opendir(directory) else { return [] }
        defer { closedir(handle) }
        var result: [(String, Bool)] = []
        while let entry = readdir(handle) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if name == "." || name == ".." { continue }
            let path = directory.endsWith("/") ? directory + name : directory + "/" + name
            result.append((name, isDirectory(path)))
        }
        return result.sorted { $0.0 < $1.0 }
    }

    static func errorText() -> String {
        String(cString: strerror(errno))
    }
}
