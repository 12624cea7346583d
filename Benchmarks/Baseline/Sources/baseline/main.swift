import Foundation

// Loads Foundation and writes one line, as any Foundation command-line tool must.
FileHandle.standardOutput.write(Data("\(ProcessInfo.processInfo.arguments.count)\n".utf8))
