// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "cyppctl",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "cyppctl", targets: ["cyppctl"]),
        .library(name: "CYPPKit", targets: ["CYPPKit"]),
    ],
    targets: [
        // The model and every piece of logic: never prints, never exits, never reads argv.
        .target(name: "CYPPKit"),
        // Commands, argument parsing and output formatting, testable in-process.
        .target(name: "CYPPCLI", dependencies: ["CYPPKit"]),
        // A few lines: hand argv to CYPPCLI and exit with its status.
        .executableTarget(name: "cyppctl", dependencies: ["CYPPCLI"]),
        .testTarget(
            name: "CYPPKitTests",
            dependencies: ["CYPPKit"],
            path: "Tests/CYPPKitTests"
        ),
        .testTarget(
            name: "CLITests",
            dependencies: ["CYPPCLI", "CYPPKit"],
            path: "Tests/CLITests"
        ),
    ]
)
