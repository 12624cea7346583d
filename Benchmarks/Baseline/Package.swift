// swift-tools-version:6.0
// The start-up yardstick: a minimal Foundation program, built like cyppctl (release).
import PackageDescription

let package = Package(name: "baseline", targets: [.executableTarget(name: "baseline")])
