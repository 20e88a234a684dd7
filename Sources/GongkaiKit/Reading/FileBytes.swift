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

    /// True for a regular file (symlinks followed).
    public static func isRegularFile(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
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
    public static func files(under directory: String) -> [String] { walk(directory).files }

    /// Regular files below a folder, sorted, hidden entries skipped; and what was passed over, with why:
    /// a folder that cannot be opened, a FIFO, socket or device, a name that is not UTF-8 (it could not
    /// be opened by the name Swift would give it). Folders are walked once each (by device and inode),
    /// so a symlink to a folder above — `ln -s . a` — cannot make the walk endless.
    public static func walk(_ directory: String) -> (files: [String], skipped: [String]) {
        var files: [String] = []
        var skipped: [String] = []
        var visited = Set<[UInt64]>()
        var pending = [directory]
        while let folder = pending.popLast() {
            var info = stat()
            guard stat(folder, &info) == 0 else { skipped.append("\(folder): cannot be read (\(errorText()))"); continue }
            guard visited.insert([UInt64(info.st_dev), UInt64(info.st_ino)]).inserted else { continue }
            guard let handle = opendir(folder) else {
                skipped.append("\(folder)/: a folder that cannot be opened (\(errorText())); its files are not read")
                continue
            }
            defer { closedir(handle) }
            while let entry = readdir(handle) {
                let raw = withUnsafeBytes(of: entry.pointee.d_name) { Array($0.prefix(while: { $0 != 0 })) }
                if raw.first == UInt8(ascii: ".") { continue }
                let prefix = folder.endsWith("/") ? folder : folder + "/"
                guard let name = String(validating: raw, as: UTF8.self) else {
                    let shown = String(decoding: raw, as: UTF8.self)
                    skipped.append("\(prefix)\(shown): its name is not UTF-8 (a GBK name from a Windows zip?); rename it (convmv -f gbk -t utf8 -r --notest) and load again")
                    continue
                }
                let path = prefix + name
                guard stat(path, &info) == 0 else {
                    // A dangling symlink, or an entry gone since the listing.
                    skipped.append("\(path): cannot be read (\(errorText()))")
                    continue
                }
                switch info.st_mode & S_IFMT {
                case S_IFDIR: pending.append(path)
                case S_IFREG: files.append(path)
                default: skipped.append("\(path): not a regular file (a FIFO, socket or device); not read")
                }
            }
        }
        // Byte order: Swift's String `<` compares Unicode-normalised, which for 100,000 Chinese file
        // names was most of the listing.
        files.sort { $0.utf8.lexicographicallyPrecedes($1.utf8) }
        return (files, skipped)
    }

    /// The entries of a folder (for completion).
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
