#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Text to bytes in the encodings reports are published in, for the round-trip tests, `samples/` and
/// the benchmark's corpus. The reverse of `TextDecoder`.
public enum TextEncoding {
    public enum Variant: String, CaseIterable, Sendable {
        case utf8, utf8BOM, gb18030, utf16LE, utf16BE, utf8CRLF, utf8FullWidthDigits
    }

    public static func encode(_ text: String, as variant: Variant) -> [UInt8] {
        switch variant {
        case .utf8: return Array(text.utf8)
        case .utf8BOM: return [0xEF, 0xBB, 0xBF] + Array(text.utf8)
        case .utf8CRLF: return Array(text.replacing("\n", with: "\r\n").utf8)
        case .utf8FullWidthDigits:
            var scalars = String.UnicodeScalarView()
            for scalar in text.unicodeScalars {
                let digit = (0x30...0x39).contains(scalar.value)
                scalars.append(digit ? Unicode.Scalar(scalar.value - 0x30 + 0xFF10) ?? scalar : scalar)
            }
            return Array(String(scalars).utf8)
        case .utf16LE:
            return [0xFF, 0xFE] + text.utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        case .utf16BE:
            return [0xFE, 0xFF] + text.utf16.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        case .gb18030:
            return gb18030(text) ?? Array(text.utf8)
        }
    }

    static func gb18030(_ text: String) -> [UInt8]? {
        let converter = iconv_open("GB18030", "UTF-8")
        guard let converter, converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = Array(text.utf8)
        var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
        var produced = -1
        input.withUnsafeMutableBufferPointer { inBuffer in
            output.withUnsafeMutableBufferPointer { outBuffer in
                guard let inBase = inBuffer.baseAddress, let outBase = outBuffer.baseAddress else { return }
                var inPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBase).assumingMemoryBound(to: CChar.self)
                var outPointer: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBase).assumingMemoryBound(to: CChar.self)
                var inLeft = inBuffer.count, outLeft = outBuffer.count
                if iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1, inLeft == 0 {
                    produced = outBuffer.count - outLeft
                }
            }
        }
        return produced >= 0 ? Array(output.prefix(produced)) : nil
    }
}
