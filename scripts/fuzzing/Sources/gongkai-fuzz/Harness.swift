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
public func fuzz(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    target(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}

@_silgen_name("LLVMFuzzerRunDriver")
func runDriver(_ argc: UnsafeMutablePointer<CInt>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
               _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// SwiftPM links an executable's entry point under this name; it hands over to libFuzzer's driver.
@_cdecl("gongkai_fuzz_main")
public func fuzzMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var count = argc
    var arguments = argv
    return runDriver(&count, &arguments) { data, size in fuzz(data, size) }
}
