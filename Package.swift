// swift-tools-version:6.0
import PackageDescription

// The build is a pipeline of stages, one module each; dependencies point one way:
// Model ← Text ← Ingest/Classify/Search ← Render ← Build ← broadsheet (thin executable).
let package = Package(
    name: "Broadsheet",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "broadsheet", targets: ["broadsheet"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "5.0.1"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        .systemLibrary(name: "CCmark", pkgConfig: "libcmark", providers: [.apt(["libcmark-dev"])]),
        .systemLibrary(name: "COpenCC", pkgConfig: "opencc", providers: [.apt(["libopencc-dev"])]),
        .target(name: "BroadsheetModel", dependencies: [.product(name: "Yams", package: "Yams")]),
        .target(name: "BroadsheetText", dependencies: ["BroadsheetModel", "COpenCC"]),
        .target(name: "BroadsheetIngest", dependencies: ["BroadsheetModel", "BroadsheetText", .product(name: "Yams", package: "Yams")]),
        .target(name: "BroadsheetClassify", dependencies: ["BroadsheetModel", "BroadsheetText"]),
        .target(name: "BroadsheetSearch", dependencies: ["BroadsheetModel", "BroadsheetText"]),
        .target(name: "BroadsheetRender", dependencies: [
            "BroadsheetModel", "BroadsheetText", "CCmark",
            .product(name: "Mustache", package: "swift-mustache"),
        ]),
        .target(name: "BroadsheetBuild", dependencies: [
            "BroadsheetModel", "BroadsheetText", "BroadsheetIngest", "BroadsheetClassify",
            "BroadsheetRender", "BroadsheetSearch",
        ]),
        .target(name: "BroadsheetServe", dependencies: [
            "BroadsheetBuild", .product(name: "FlyingFox", package: "FlyingFox"),
        ]),
        .executableTarget(name: "broadsheet", dependencies: [
            "BroadsheetBuild", "BroadsheetServe",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // Builds a search index straight from a benchmark corpus (bench/search/).
        .executableTarget(name: "broadsheet-search-bench", dependencies: ["BroadsheetSearch", "BroadsheetModel", "BroadsheetBuild"],
                          path: "Sources/BroadsheetSearchBench"),
        .testTarget(name: "BroadsheetModelTests", dependencies: ["BroadsheetModel"], resources: [.copy("Fixtures")]),
        .testTarget(name: "BroadsheetIngestTests", dependencies: ["BroadsheetIngest", "BroadsheetModel"], resources: [.copy("Fixtures")]),
        .testTarget(name: "BroadsheetClassifyTests", dependencies: ["BroadsheetClassify", "BroadsheetModel", "BroadsheetText"], resources: [.copy("Fixtures")]),
        .testTarget(name: "BroadsheetSearchTests", dependencies: ["BroadsheetSearch", "BroadsheetModel", "BroadsheetText"], resources: [.copy("Fixtures")]),
        .testTarget(name: "BroadsheetRenderTests", dependencies: ["BroadsheetRender", "BroadsheetModel"], resources: [.copy("Fixtures")]),
        .testTarget(name: "BroadsheetBuildTests", dependencies: ["BroadsheetBuild", "BroadsheetModel"], resources: [.copy("Fixtures")]),
        .testTarget(name: "BroadsheetServeTests", dependencies: ["BroadsheetServe"], resources: [.copy("Fixtures")]),
    ]
)
