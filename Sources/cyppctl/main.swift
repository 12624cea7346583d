import CYPPCLI
import Foundation

let (env, flush) = Environment.process()
let status = CLI.run(Array(CommandLine.arguments.dropFirst()), env: env)
flush()
exit(status)
