import CYPPKit
import Foundation
import Testing

/// Output safety through the built binary: CSV never hands a spreadsheet a formula, JSON is
/// valid and exact for any text a plan can hold, and text meant for a terminal never carries a
/// control character from a plan (so no escape sequence in a cell reaches the terminal).
@Suite("Output safety: CSV formulas, JSON for any text, terminal controls")
struct OutputSafetyTests {
    static let asOf = ["--as-of", "2030-01-01"]

    /// Every C0 control a table cell can hold (not NUL, LF or CR), DEL, every C1 control, the
    /// JSON-hostile separators U+2028/9, a BOM, a noncharacter, the last scalar, a right-to-left
    /// override, a combining accent, an emoji, and the escape sequences of a terminal attack.
    static let anyText: String = {
        var s = "Text"
        for v in Array(0x01...0x08) + [0x0B, 0x0C] + Array(0x0E...0x1F) + [0x7F] + Array(0x80...0x9F) {
            s.unicodeScalars.append(Unicode.Scalar(UInt32(v))!)
            s += "."
        }
        return s + "\u{2028}\u{2029}\u{FEFF}\u{FFFE}\u{10FFFF}\u{202E}e\u{301}🎉\t\u{1B}[2J\u{1B}]0;pwned\u{7}\u{9B}31m end"
    }()

    /// A plan with `anyText` in every text cell, and a history file with it in who and note.
    static func anyTextPlans() throws -> ScratchPlans {
        let scratch = try ScratchPlans()
        let t = anyText
        let plan = """
            # Title \(t)

            ## 1. Outcome \(t)

            | Ref | Action | Due Date | Owner | Progress | Impact | Narrative | Milestone | Extra |
            |---|---|---|---|---|---|---|---|---|
            | 1.1 | \(t) | March 2019 | \(t) | Red | Amber | \(t) | \(t) | \(t) |
            | | | April 2019 | \(t) | | | | \(t) | |

            """
        try plan.write(toFile: scratch.path("plans/any.md"), atomically: true, encoding: .utf8)
        let flat = t.replacingOccurrences(of: "\t", with: " ")
        let history = HistoryFile.header + "\n2019-02-01T10:00:00Z\t\(flat)\tany.md\t1.1\tprogress\tGreen\tRed\t\(flat)\n"
        try history.write(toFile: scratch.path("plans/any.md.history.tsv"), atomically: true, encoding: .utf8)
        return scratch
    }

    static func run(_ scratch: ScratchPlans, _ args: [String]) throws -> TimedRun {
        let run = try TimedRun.cyppctl(args, in: scratch.url)
        #expect(run.exited && run.status == 0, "\(run.summary)")
        return run
    }

    @Test func jsonIsValidAndExactForAnyText() throws {
        let scratch = try Self.anyTextPlans()
        let commands: [[String]] = [
            ["list"], ["show", "1.1"], ["overdue"] + Self.asOf, ["owners"] + Self.asOf, ["report"] + Self.asOf,
            ["report", "--since", "2019-01-01"] + Self.asOf, ["check"], ["history"],
        ]
        for command in commands {
            let run = try Self.run(scratch, command + ["--format", "json", "plans/any.md"])
            let parsed = try #require(try? JSONSerialization.jsonObject(with: run.stdout), "invalid JSON: \(run.summary)")
            let strings = JSONStrings.all(in: parsed)
            if command[0] == "owners" {
                // owners lists people by the owner cell's name part, its whitespace collapsed.
                #expect(strings.contains { $0.hasPrefix("Text\u{1}.") && $0.hasSuffix("31m end") })
            } else if command[0] != "check" {
                #expect(
                    strings.contains {
                        $0.contains(Self.anyText) || $0.contains(Self.anyText.replacingOccurrences(of: "\t", with: " "))
                    },
                    "the text did not come back exactly: \(command)")
            }
        }
        // The action's own fields, value for value.
        let show = try JSONSerialization.jsonObject(
            with: try Self.run(scratch, ["show", "1.1", "--format", "json", "plans/any.md"]).stdout)
        let action = try #require(show as? [String: Any])
        for key in ["action", "owner", "narrative"] { #expect(action[key] as? String == Self.anyText, "\(key)") }
        let extras = try #require(action["extras"] as? [String: Any])
        #expect(extras["Extra"] as? String == Self.anyText)
    }

    /// JSON from `check` stays valid when the file is not UTF-8 or holds NUL bytes.
    @Test(arguments: ["invalid-utf8.md", "nul-bytes.csv", "utf16le.csv", "binary-garbage.md"])
    func checkJSONIsValidForBytesThatAreNotText(_ name: String) throws {
        let run = try TimedRun.cyppctl(["check", "--format", "json", Run.fixture("malformed/" + name)], in: Run.root)
        #expect(run.exited && run.status == 65)
        let items = try #require(try? JSONSerialization.jsonObject(with: run.stdout) as? [[String: Any]], "\(run.summary)")
        #expect(items.contains { $0["code"] as? String == "CYPP001" })
    }

    @Test func terminalTextCarriesNoControlCharacter() throws {
        let scratch = try Self.anyTextPlans()
        let commands: [[String]] = [
            ["list"], ["show", "1.1"], ["overdue"] + Self.asOf, ["owners"] + Self.asOf, ["report"] + Self.asOf,
            ["report", "--since", "2019-01-01"] + Self.asOf, ["history"],
        ]
        for command in commands {
            let run = try Self.run(scratch, command + ["plans/any.md"])
            #expect(!CorpusCommandTests.hasTerminalControls(Array(run.stdout), allowing: [0x0A]), "\(command): \(run.summary)")
            #expect(run.stdoutText.contains("Text"), "\(command) did not show the text at all")
        }
    }

    /// On a real terminal (a pty from `script`) colour is on and long cells are cut: the only
    /// escape sequences are cyppctl's own colours, never the plan's.
    @Test(.enabled(if: FileManager.default.isExecutableFile(atPath: "/usr/bin/script"), "needs script(1) for a pty"))
    func onATerminalOnlyOurOwnColours() throws {
        let scratch = try Self.anyTextPlans()
        for command in [
            ["list"], ["show", "1.1"], ["overdue"] + Self.asOf, ["owners"] + Self.asOf, ["report"] + Self.asOf, ["history"],
        ] {
            let line = ([Run.binary.path] + command + ["plans/any.md"]).map { "'\($0)'" }.joined(separator: " ")
            let run = try TimedRun.script(line, in: scratch.url)
            let out = run.stdoutText
            #expect(run.exited && run.status == 0, "\(run.summary)")
            for attack in ["\u{1B}[2J", "\u{1B}]0;", "\u{7}", "\u{9B}", "\u{8}"] {
                #expect(
                    !out.contains(attack),
                    "\(command): \(attack.unicodeScalars.map { String($0.value, radix: 16) }) reached the terminal")
            }
            // Whatever escapes there are select graphic renditions (colours) only: ESC [ digits ; m.
            let escapes = out.matches(of: /\x1B[^m]*m?/).map { String($0.0) }
            #expect(escapes.allSatisfy { $0.wholeMatch(of: /\x1B\[[0-9;]*m/) != nil }, "\(command): \(Set(escapes))")
        }
    }

    /// Cells a spreadsheet would run (=, +, -, @, tab, CR first) come out with a leading `'`,
    /// in every CSV output; numbers (negative day counts) stay numbers.
    @Test func csvOutputsNeutraliseFormulas() throws {
        let scratch = try ScratchPlans("Tests/Fixtures/safety/formulas.md")
        try FileManager.default.copyItem(atPath: scratch.path("plans/formulas.md"), toPath: scratch.path("plans/=evil,name.md"))
        let commands: [[String]] = [
            ["list"], ["show", "=1.1", "--plan", "plans/formulas.md"], ["overdue", "--within", "4000"] + Self.asOf,
            ["owners"] + Self.asOf, ["report"] + Self.asOf,
        ]
        for command in commands {
            let run = try Self.run(scratch, command + ["--format", "csv"] + (command.contains("--plan") ? [] : ["plans"]))
            let rows = CSVRows.parse(run.stdoutText)
            #expect(rows.count > 1, "\(command): no rows")
            for field in rows.joined() {
                guard let first = field.unicodeScalars.first else { continue }
                #expect(!["=", "+", "@", "\t", "\r"].contains(first), "\(command): formula cell \(field.debugDescription)")
                #expect(first != "-" || Int(field) != nil, "\(command): formula cell \(field.debugDescription)")
            }
            #expect(run.stdoutText.contains("'"), "\(command): nothing was neutralised")
        }
        let list = try Self.run(scratch, ["list", "--format", "csv", "plans"]).stdoutText
        for cell in [
            "'=cmd|' /C calc'!A0", "'+April 2018", "'-March 2019", "'@Owner", "'-Narrative", "'=1.1", "'+1.2", "'=2+2",
            "'@Second action",
        ] {
            #expect(list.contains(cell), "\(cell)")
        }
        #expect(list.contains("'=evil,name.md") || list.contains("\"plans/=evil,name.md\"") || list.contains("plans/=evil"))
    }
}
