import GongkaiKit
#if canImport(Glibc)
import Glibc
#endif

/// One libFuzzer entry for all three targets; GONGKAI_FUZZ_TARGET (reader, query, script) chooses.
nonisolated(unsafe) let target: ([UInt8]) -> Void = {
    switch getenv("GONGKAI_FUZZ_TARGET").map({ String(cString: $0) }) {
    case "query": return FuzzTargets.query
    case "script": return FuzzTargets.script
    default: return FuzzTargets.reader
    }
}()

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    target(Array(UnsafeBufferPointer(start: data, count: size)))
    return 0
}
