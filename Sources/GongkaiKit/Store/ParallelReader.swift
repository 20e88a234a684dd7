import Dispatch

/// Reads, decodes, hashes and parses files on every core. The reader is pure, so the files of a batch
/// are independent; results come back in the order of the files.
public enum ParallelReader {
    public struct Parsed: Sendable {
        public var report: Report
        public var hash: String
        public var encoding: String
    }

    /// Slots written by one worker each (different indices of raw memory, no shared Swift array to
    /// mutate), read after all workers are done.
    final class Slots: @unchecked Sendable {
        let buffer: UnsafeMutableBufferPointer<Result<Parsed, ReadError>?>
        init(count: Int) {
            buffer = .allocate(capacity: count)
            buffer.initialize(repeating: nil)
        }
        deinit {
            buffer.deinitialize()
            buffer.deallocate()
        }
    }

    public static func read(_ files: [String]) -> [Result<Parsed, ReadError>] {
        let slots = Slots(count: files.count)
        let workers = max(1, min(files.count, System.activeProcessors))
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var index = worker
            let reader = ReportReader()
            while index < files.count {
                slots.buffer[index] = parse(files[index], reader: reader)
                index += workers
            }
        }
        return slots.buffer.map { $0 ?? .failure(ReadError(file: "?", reason: "not read")) }
    }

    static func parse(_ file: String, reader: ReportReader) -> Result<Parsed, ReadError> {
        do {
            let bytes = try FileBytes.read(file)
            let decoded = try TextDecoder.decode(bytes, file: file)
            let report = reader.read(text: decoded.text, file: file)
            return .success(Parsed(report: report, hash: SHA256.hex(bytes), encoding: decoded.encoding.rawValue))
        } catch {
            return .failure(error)
        }
    }
}

enum System {
    static var activeProcessors: Int {
        #if canImport(Glibc)
        return max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
        #else
        return 2
        #endif
    }
}

#if canImport(Glibc)
import Glibc
#endif
