import CYPPCLI
#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
#if canImport(Glibc)
import Glibc
#endif

let (env, finish) = Environment.process()
let status = CLI.run(Array(CommandLine.arguments.dropFirst()), env: env)
exit(finish(status))
