import Synchronization
import Dispatch

/// Reads, decodes, hashes and parses files on every core. The reader is pure, so the files of a batch
/// are independent; results come back in the order of the files.
public enum ParallelReader {
    public struct Parsed: Sendable {
        public var report: Report
        public var hash: String
        public var encoding: String?
        /// `BodyName.key` of the agency, worked out here, off the inserting thread.
        public var bodyKey: String?
        /// `ValuesKey.of` the report: the same report read from another form has the same.
        public var valuesKey: String
        /// Where the report's place came from (`PlaceResolver`).
        public var placeSources = PlaceResolver.Sources()
    }

    public static func read(_ files: [String], workers: Int = System.activeProcessors, places: PlaceResolver = PlaceResolver()) -> [Result<Parsed, ReadError>] {
        Parallel.map(files.count, workers: workers) { parse(files[$0], reader: ReportReader(), places: places) }
    }

    /// Reads `files` in batches on a background thread while `consume` handles each batch, in order,
    /// on the calling thread: parsing overlaps inserting. Parsing runs on every core, not on all but one:
    /// inserting (SQLite's single writer) takes about half the time parsing does, so a core kept for the
    /// inserting thread would idle half the load (measured on 2 cores: 10,000 reports 8.5 s → 6.2 s).
    /// At most two batches wait parsed ahead of the consumer.
    public static func stream(_ files: [String], batchSize: Int = 256, places: PlaceResolver = PlaceResolver(),
                              consume: ([String], [Result<Parsed, ReadError>]) throws -> Void) throws {
        let batches = stride(from: 0, to: files.count, by: batchSize).map { Array(files[$0..<min(files.count, $0 + batchSize)]) }
        guard !batches.isEmpty else { return }
        let pipe = Pipe(count: batches.count)
        let workers = max(1, System.activeProcessors)
        let finished = DispatchGroup()
        finished.enter()
        DispatchQueue.global().async {
            for (index, batch) in batches.enumerated() {
                pipe.space.wait()
                if pipe.cancelled { break }
                pipe.store(index, read(batch, workers: workers, places: places))
            }
            finished.leave()
        }
        defer {
            // A consumer that throws stops the producer at its next batch.
            pipe.cancelled = true
            pipe.space.signal()
            pipe.space.signal()
            finished.wait()
        }
        // Parsed reports are freed on another thread: tearing down thousands of strings and arrays is
        // work the inserting thread, the bottleneck, should not do.
        let graveyard = DispatchQueue(label: "gongkai.parsed-reports.release")
        for (index, batch) in batches.enumerated() {
            let results = pipe.take(index)
            pipe.space.signal()
            try consume(batch, results)
            graveyard.async { withExtendedLifetime(results) {} }
        }
    }

    /// The hand-over between the producer thread and the consumer.
    final class Pipe: @unchecked Sendable {
        let ready: [DispatchSemaphore]
        /// Two batches may wait ahead of the consumer. Made with value 0 and signalled twice, not made
        /// with value 2: libdispatch stops the program when a semaphore is freed holding less than the
        /// value it was made with — which is what a consumer that threw (an insert failing late in a
        /// load) left behind.
        let space = DispatchSemaphore(value: 0)
        let slots: UnsafeMutableBufferPointer<[Result<Parsed, ReadError>]?>
        /// Set by the consumer's thread, read by the producer's: an atomic, not a plain Bool.
        let cancelFlag = Atomic<Bool>(false)
        var cancelled: Bool {
            get { cancelFlag.load(ordering: .acquiring) }
            set { cancelFlag.store(newValue, ordering: .releasing) }
        }

        init(count: Int) {
            ready = (0..<count).map { _ in DispatchSemaphore(value: 0) }
            space.signal()
            space.signal()
            slots = .allocate(capacity: count)
            slots.initialize(repeating: nil)
        }
        deinit {
            slots.deinitialize()
            slots.deallocate()
        }
        func store(_ index: Int, _ results: [Result<Parsed, ReadError>]) {
            slots[index] = results
            ready[index].signal()
        }
        func take(_ index: Int) -> [Result<Parsed, ReadError>] {
            ready[index].wait()
            let results = slots[index] ?? []
            slots[index] = nil
            return results
        }
    }

    static func parse(_ file: String, reader: ReportReader, places: PlaceResolver) -> Result<Parsed, ReadError> {
        do {
            let bytes = try FileBytes.read(file)
            let source = try reader.readSource(bytes: bytes, file: file)
            var report = source.report
            let sources = places.resolve(&report, file: file)
            return .success(Parsed(report: report, hash: SHA256.hex(bytes), encoding: source.form,
                                   bodyKey: BodyName.key(report.agency), valuesKey: ValuesKey.of(report), placeSources: sources))
        } catch {
            return .failure(error)
        }
    }
}

/// Work on every core, results in order.
public enum Parallel {
    /// `make(i)` for i in 0..<count, on `workers` threads (each takes every workers-th index); in order.
    public static func map<T: Sendable>(_ count: Int, workers: Int = System.activeProcessors, _ make: @Sendable (Int) -> T) -> [T] {
        let workers = max(1, min(count, workers))
        var results = [T?](repeating: nil, count: count)
        results.withUnsafeMutableBufferPointer { buffer in
            // Each worker writes its own indexes only.
            nonisolated(unsafe) let slots = buffer
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                for index in stride(from: worker, to: count, by: workers) { slots[index] = make(index) }
            }
        }
        return results.map { $0! }
    }
}

public enum System {
    public static var activeProcessors: Int {
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
