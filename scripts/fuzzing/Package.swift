// swift-tools-version:6.0
// The libFuzzer harness (scripts/fuzz builds and runs it). A package of its own: its executable has no
// main of its own (libFuzzer's is linked with -sanitize=fuzzer), so it cannot be part of the main build.
import PackageDescription

let package = Package(
    name: "gongkai-fuzzing",
    dependencies: [.package(name: "gongkai", path: "../..")],
    targets: [
        .executableTarget(
            name: "gongkai-fuzz",
            dependencies: [.product(name: "GongkaiKit", package: "gongkai")],
            swiftSettings: [.unsafeFlags(["-parse-as-library"])]
        ),
    ]
)
