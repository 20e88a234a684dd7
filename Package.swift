// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "gongkai",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "gongkai", targets: ["gongkai"]),
        .executable(name: "gongkai-bench", targets: ["gongkai-bench"]),
        .library(name: "GongkaiKit", targets: ["GongkaiKit"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
    ],
    targets: [
        .systemLibrary(name: "CSQLite", path: "Sources/CSQLite", providers: [.apt(["libsqlite3-dev"])]),
        .systemLibrary(name: "CEditLine", path: "Sources/CEditLine", providers: [.apt(["libedit-dev"])]),
        .systemLibrary(name: "CInflate", path: "Sources/CInflate", providers: [.apt(["zlib1g-dev"])]),
        .systemLibrary(name: "CLibXML2", path: "Sources/CLibXML2", pkgConfig: "libxml-2.0", providers: [.apt(["libxml2-dev"])]),
        .target(
            name: "GongkaiKit",
            dependencies: ["CSQLite", "CLibXML2", "CInflate", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            exclude: ["Resources/gazetteer-provenance.md"],
            resources: [.copy("Resources/gazetteer.tsv")]
        ),
        .executableTarget(
            name: "gongkai",
            dependencies: [
                "GongkaiKit", "CEditLine", "CSQLite",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .executableTarget(name: "gongkai-bench", dependencies: ["GongkaiKit", "CEditLine"]),
        .testTarget(
            name: "GongkaiKitTests",
            dependencies: ["GongkaiKit", .product(name: "ZIPFoundation", package: "ZIPFoundation")],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(name: "EndToEndTests", dependencies: ["GongkaiKit"]),
    ]
)
