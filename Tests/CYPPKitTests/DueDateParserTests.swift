import Foundation
import Testing

@testable import CYPPKit

/// One row of a table test: a cell as written and what it must mean.
struct DueDateCase: Sendable, CustomTestStringConvertible {
    enum Kind: Sendable { case none, period, unparsed }

    let text: String
    let kind: Kind
    let start: String?
    let end: String?

    static func period(_ text: String, _ start: String, _ end: String) -> DueDateCase {
        DueDateCase(text: text, kind: .period, start: start, end: end)
    }
    static func none(_ text: String) -> DueDateCase { DueDateCase(text: text, kind: .none, start: nil, end: nil) }
    static func unparsed(_ text: String) -> DueDateCase { DueDateCase(text: text, kind: .unparsed, start: nil, end: nil) }

    var testDescription: String { "\(text.debugDescription) → \(kind) \(start ?? "") \(end ?? "")" }
}

/// What `parse` returned, in the same terms as a `DueDateCase`.
private func outcome(_ date: DueDate) -> (DueDateCase.Kind, String?, String?) {
    switch date.meaning {
    case .none: return (.none, nil, nil)
    case .unparsed: return (.unparsed, nil, nil)
    case .period(let period): return (.period, period.start.description, period.end.description)
    }
}

private func check(_ expected: DueDateCase) {
    let date = DueDateParser.parse(expected.text)
    #expect(date.text == expected.text.trimmingCharacters(in: .whitespacesAndNewlines))
    let (kind, start, end) = outcome(date)
    #expect(kind == expected.kind, "\(expected.text.debugDescription)")
    #expect(start == expected.start, "\(expected.text.debugDescription)")
    #expect(end == expected.end, "\(expected.text.debugDescription)")
}

/// Real cells, copied exactly from the seed plans (file:line). Due Date (000), By when (002),
/// Timescale (003), Start Date / Due Date / Date Due / Milestone Due (004), plus dates found in
/// other cells and headings.
private let seedCases: [DueDateCase] = [
        .period("September 2019", "2019-09-01", "2019-09-30"),  // 000:31
        .period("December 2018", "2018-12-01", "2018-12-31"),  // 000:32
        .period("April 2019", "2019-04-01", "2019-04-30"),  // 000:38
        .period("March 2019", "2019-03-01", "2019-03-31"),  // 000:56
        .period("March 2020", "2020-03-01", "2020-03-31"),  // 000:57
        .period("January 2019", "2019-01-01", "2019-01-31"),  // 000:63
        .period("December 2019", "2019-12-01", "2019-12-31"),  // 000:64
        .period("April 2020", "2020-04-01", "2020-04-30"),  // 000:84
        .period("August 2019", "2019-08-01", "2019-08-31"),  // 000:89
        .period("October 2018", "2018-10-01", "2018-10-31"),  // 000:110
        .period("June 2019", "2019-06-01", "2019-06-30"),  // 000:142
        .period("April 2021", "2021-04-01", "2021-04-30"),  // 000:148
        .period("July 2019", "2019-07-01", "2019-07-31"),  // 000:156
        .period("October 2008", "2008-10-01", "2008-10-31"),  // 002:441
        .period("December 2008", "2008-12-01", "2008-12-31"),  // 002:442
        .period("March 2009", "2009-03-01", "2009-03-31"),  // 002:444
        .period("April 2009", "2009-04-01", "2009-04-30"),  // 002:455
        .period("October 2008 (3 year programme outputs monitored October annually)", "2008-10-01", "2008-10-31"),  // 002:457
        .period("April 2010", "2010-04-01", "2010-04-30"),  // 002:474
        .period("Autumn 2008", "2008-09-01", "2008-11-30"),  // 002:476
        .period("May 2008", "2008-05-01", "2008-05-31"),  // 002:485
        .period("July 2008", "2008-07-01", "2008-07-31"),  // 002:489
        .period("June 2008", "2008-06-01", "2008-06-30"),  // 002:491
        .period("September 2008", "2008-09-01", "2008-09-30"),  // 002:492
        .period("April 2009 July 2008 July 2008", "2009-04-01", "2009-04-30"),  // 002:498
        .period("September 2009", "2009-09-01", "2009-09-30"),  // 002:499
        .period("<p>March 2009</p>", "2009-03-01", "2009-03-31"),  // 002:503
        .period("<p>April 2009</p>", "2009-04-01", "2009-04-30"),  // 002:504
        .period("September 2008 April 2008 September 2008 December 2008", "2008-09-01", "2008-09-30"),  // 002:514
        .period("January 2009", "2009-01-01", "2009-01-31"),  // 002:520
        .period("September 2008 September 2008 September 2008", "2008-09-01", "2008-09-30"),  // 002:529
        .period("August 2008", "2008-08-01", "2008-08-31"),  // 002:533
        .period("September 2008 July 2008 May 2008", "2008-09-01", "2008-09-30"),  // 002:534
        .period("September 2008 October 2008", "2008-09-01", "2008-09-30"),  // 002:535
        .period("February 2009", "2009-02-01", "2009-02-28"),  // 002:541
        .period("Spring 2009", "2009-03-01", "2009-05-31"),  // 002:620
        .period("Summer 2008", "2008-06-01", "2008-08-31"),  // 002:626
        .unparsed("As in Play Strategy"),  // 002:666
        .period("April 2008", "2008-04-01", "2008-04-30"),  // 002:667
        .period("<p>September 2008</p>", "2008-09-01", "2008-09-30"),  // 002:672
        .period("<p>April 2009</p> <p>July 2008</p>", "2009-04-01", "2009-04-30"),  // 002:680
        .period("December 2008 March 2009", "2008-12-01", "2008-12-31"),  // 002:701
        .period("<p>June 2008</p>", "2008-06-01", "2008-06-30"),  // 002:714
        .period("<p>March 2009 March 2009</p>", "2009-03-01", "2009-03-31"),  // 002:715
        .period("March 2008", "2008-03-01", "2008-03-31"),  // 002:739
        .period("<p>Sept 2008</p>", "2008-09-01", "2008-09-30"),  // 002:755
        .period("March 2010", "2010-03-01", "2010-03-31"),  // 002:766
        .period("<p>April 2010</p>", "2010-04-01", "2010-04-30"),  // 002:774
        .period("<p>April 2010</p> <p>April 2009</p> <p>April 2010</p> <p>April 2009</p>", "2010-04-01", "2010-04-30"),  // 002:775
        .period("May 2008 September 2008", "2008-05-01", "2008-05-31"),  // 002:782
        .period("<p>April 2009</p> <p>September 2008</p>", "2009-04-01", "2009-04-30"),  // 002:823
        .period("<p>Drafting & consultation April 2012</p> <p>Delivery May 2012- July 2013</p>", "2012-04-01", "2012-04-30"),  // 003:36
        .period("<p>April 2012</p> <p>April 2012 & termly thereafter</p> <p>April 2012</p>", "2012-04-01", "2012-04-30"),  // 003:37
        .period("Project Group established April 2012", "2012-04-01", "2012-04-30"),  // 003:38
        .period("April 2012 May 2012 March 2013", "2012-04-01", "2012-04-30"),  // 003:43
        .period("January 2013", "2013-01-01", "2013-01-31"),  // 003:44
        .period("March 2013", "2013-03-01", "2013-03-31"),  // 003:45
        .period("April 2012 & on going", "2012-04-01", "2012-04-30"),  // 003:49
        .period("September 2012", "2012-09-01", "2012-09-30"),  // 003:55
        .period("April 2012 and on going March 2013 February 2013", "2012-04-01", "2012-04-30"),  // 003:56
        .period("<p>Develop February 2012, Implement May 2012.</p> <p>Develop February 2012, Implement Sept 2012.</p> <p>Develop February to June 2012 Publish September 2012.</p>", "2012-02-01", "2012-02-29"),  // 003:67
        .period("<p>Progress to be reported six monthly at CYP Partnership</p> <p>July 2012</p> <p>February 2013</p>", "2012-07-01", "2012-07-31"),  // 003:68
        .period("Develop & consult February 2012- May 2012 Publish July 2012", "2012-02-01", "2012-02-29"),  // 003:73
        .period("June 2012 To be in place for September 2012", "2012-06-01", "2012-06-30"),  // 003:74
        .period("Ongoing monitoring 2012/13 with 6 monthly monitoring through partnership", "2012-04-01", "2013-03-31"),  // 003:77
        .period("Ongoing targeting of schools & families 2012-13 Delivery of support Sept 2012 working towards full strategy implementation April 2013", "2012-04-01", "2013-03-31"),  // 003:78
        .none("<p>Quarterly monitoring reports to ensure progress in this area.</p>"),  // 003:83
        .period("<p>Consultation on draft strategy April 2012. Final strategy agreed June 2012</p> <p>Commences June 1012 Completion Dec 2012 Delivery April 2013 onwards</p> <p>September 2012</p> <p>Strategy agreed June 2012 Full delivery April 2013</p> <p>January 2013</p> <p>January 2013</p> <p>April 2012</p>", "2012-04-01", "2012-04-30"),  // 003:94
        .period("April 2012", "2012-04-01", "2012-04-30"),  // 003:95
        .period("<p>Strategy agreed June 2012. Full implementation April 2013</p> <p>MASH in place Jan 2013 aligned to full EOH delivery by April 2013</p> <p>September 2012</p>", "2012-06-01", "2012-06-30"),  // 003:103
        .period("<p>September 2012</p> <p>April 2012</p>", "2012-09-01", "2012-09-30"),  // 003:108
        .period("<p>Sept 2012</p> <p>Sept 2012</p> <p>April 2012</p> <p>April 2012</p>", "2012-09-01", "2012-09-30"),  // 003:109
        .period("<p>Sept 2012</p> <p>April 2012</p> <p>April 2012</p>", "2012-09-01", "2012-09-30"),  // 003:110
        .period("Sept 2012", "2012-09-01", "2012-09-30"),  // 003:117
        .period("Strategy agreed June 2012", "2012-06-01", "2012-06-30"),  // 003:132
        .period("May 2013", "2013-05-01", "2013-05-31"),  // 003:133
        .period("Traded offer to schools & academies developed for review in March 2012 & implementation in September 2012", "2012-03-01", "2012-03-31"),  // 003:134
        .period("June 2012 Ongoing 2012/13", "2012-06-01", "2012-06-30"),  // 003:136
        .period("Ongoing 2012/13", "2012-04-01", "2013-03-31"),  // 003:140
        .period("March 2013 March 2013", "2013-03-01", "2013-03-31"),  // 003:141
        .period("May 2012", "2012-05-01", "2012-05-31"),  // 003:143
        .period("July 2012", "2012-07-01", "2012-07-31"),  // 003:144
        .period("June 2020", "2020-06-01", "2020-06-30"),  // 004:112
        .period("Oct 2021", "2021-10-01", "2021-10-31"),  // 004:112
        .period("July 2021", "2021-07-01", "2021-07-31"),  // 004:113
        .period("Dec 2021", "2021-12-01", "2021-12-31"),  // 004:114
        .period("Jan 2021", "2021-01-01", "2021-01-31"),  // 004:115
        .period("Sept 2021", "2021-09-01", "2021-09-30"),  // 004:116
        .period("Dec 2020", "2020-12-01", "2020-12-31"),  // 004:134
        .period("April 2022", "2022-04-01", "2022-04-30"),  // 004:134
        .period("Sep 2021", "2021-09-01", "2021-09-30"),  // 004:137
        .period("Jul 2021", "2021-07-01", "2021-07-31"),  // 004:145
        .period("July 2020", "2020-07-01", "2020-07-31"),  // 004:167
        .period("Nov 2020", "2020-11-01", "2020-11-30"),  // 004:192
        .period("Aug 2021", "2021-08-01", "2021-08-31"),  // 004:194
        .period("Jan 2022", "2022-01-01", "2022-01-31"),  // 004:195
        .period("Dec 2023", "2023-12-01", "2023-12-31"),  // 004:195
        .period("Version 1.1 - Aug-Dec '21", "2021-12-01", "2021-12-31"),  // 004:11
        .unparsed("2021-2023"),  // 004:7
        .period("Reduction in use of agency workers by 35% vs September 2020 baseline (13) <i>c162</i>", "2020-09-01", "2020-09-30"),  // 004:130
        .period("Supernumerary posts <2% of established workforce ( <i>L8 and above</i> ) <i>FY 20/21 - 181.8 FTE L8 and above</i>", "2020-04-01", "2021-03-31"),  // 004:133
        .period("84% staff feel they are well supported by their managers <i>(74% baseline April '19 Employee Engagement Survey)</i>", "2019-04-01", "2019-04-30"),  // 004:134
        .period("We have recruited 10 new foster carers, half of our 21/22 target", "2021-04-01", "2022-03-31"),  // 004:165
        .unparsed("Placement order to Match is below National Average of 170 days <i>(Adoption Scorecard 16-19, A2)</i>"),  // 004:172
        .period("Placement stability has increased, with 87% of children having less than 3 placements since April 2020 <i>c056</i>", "2020-04-01", "2020-04-30"),  // 004:177
        .period("Integration of Connexions from 4/2008", "2008-04-01", "2008-04-30"),  // 002:278
        .period("Strategic Action Plan 2008-09 for achieving improved outcomes", "2008-04-01", "2009-03-31"),  // 002:35
        .period("Refresh Aims and Objectives 2012-13", "2012-04-01", "2013-03-31"),  // 003:5
        .period("1 April 2012", "2012-04-01", "2012-04-01"),  // 003:7
        .period("2016 - 2017", "2016-01-01", "2016-12-31"),  // 001:3
        .period("New priorities for 2016/2017", "2016-04-01", "2017-03-31"),  // 001:284
        .period("SEND Reforms & Education Health and Care Plans (SEN 3 year strategy 16/17 – 18/19)", "2016-04-01", "2017-03-31"),  // 001:752
        .period("(Q1 2015/16).", "2015-04-01", "2015-06-30"),  // 001:141
        .period("- Between April 2014 to end of March 2015, there were 1,401 referrals to Southend Children's Services;", "2014-04-01", "2014-04-30"),  // 001:337
        .unparsed("The new strategy, currently being drafted as at March 16, will have the following priorities: A. Keeping Children and Young People in Care"),  // 001:720
        .period("SOUTHEND CHILDREN AND YOUNG PEOPLE'S PLAN 2018 – 2020", "2018-01-01", "2018-12-31"),  // 000:3
]

/// Every form of the grammar, one or more examples each.
private let formCases: [DueDateCase] = [
    .period("2019-03-31", "2019-03-31", "2019-03-31"),
    .period("31/03/2019", "2019-03-31", "2019-03-31"),
    .period("31/3/19", "2019-03-31", "2019-03-31"),
    .period("31.03.2019", "2019-03-31", "2019-03-31"),
    .period("31-03-2019", "2019-03-31", "2019-03-31"),
    .period("1/4/2012", "2012-04-01", "2012-04-01"),
    .period("29/02/2020", "2020-02-29", "2020-02-29"),
    .period("March 2019", "2019-03-01", "2019-03-31"),
    .period("march 2019", "2019-03-01", "2019-03-31"),
    .period("MAR 2019", "2019-03-01", "2019-03-31"),
    .period("Sept 2021", "2021-09-01", "2021-09-30"),
    .period("Sep 2021", "2021-09-01", "2021-09-30"),
    .period("Sept. 2021", "2021-09-01", "2021-09-30"),
    .period("Aug-21", "2021-08-01", "2021-08-31"),
    .period("Aug-2021", "2021-08-01", "2021-08-31"),
    .period("March '21", "2021-03-01", "2021-03-31"),
    .period("March \u{2019}21", "2021-03-01", "2021-03-31"),
    .period("Jan 2022", "2022-01-01", "2022-01-31"),
    .period("February 2020", "2020-02-01", "2020-02-29"),
    .period("February 2100", "2100-02-01", "2100-02-28"),
    .period("March, 2019", "2019-03-01", "2019-03-31"),
    .period("Q1 2019/20", "2019-04-01", "2019-06-30"),
    .period("Q2 2019/20", "2019-07-01", "2019-09-30"),
    .period("Q3 2019/20", "2019-10-01", "2019-12-31"),
    .period("Q4 2019/20", "2020-01-01", "2020-03-31"),
    .period("Q3 2019-20", "2019-10-01", "2019-12-31"),
    .period("Q3 19/20", "2019-10-01", "2019-12-31"),
    .period("q3 2019/2020", "2019-10-01", "2019-12-31"),
    .period("Quarter 3 2019/20", "2019-10-01", "2019-12-31"),
    .period("2019/20", "2019-04-01", "2020-03-31"),
    .period("2019-20", "2019-04-01", "2020-03-31"),
    .period("2019/2020", "2019-04-01", "2020-03-31"),
    .period("2019\u{2013}20", "2019-04-01", "2020-03-31"),
    .period("FY 20/21", "2020-04-01", "2021-03-31"),
    .period("FY20/21", "2020-04-01", "2021-03-31"),
    .period("FY 2020-21", "2020-04-01", "2021-03-31"),
    .period("2012/13", "2012-04-01", "2013-03-31"),
    .period("20/21", "2020-04-01", "2021-03-31"),
    .period("2099/00", "2099-04-01", "2100-03-31"),
    .period("Spring 2019", "2019-03-01", "2019-05-31"),
    .period("Summer 2019", "2019-06-01", "2019-08-31"),
    .period("Autumn 2019", "2019-09-01", "2019-11-30"),
    .period("Winter 2019", "2019-12-01", "2020-02-29"),
    .period("Winter 2020", "2020-12-01", "2021-02-28"),
    .period("Winter 2019/20", "2019-12-01", "2020-02-29"),
    .period("Autumn 2019/20", "2019-09-01", "2019-11-30"),
    .period("Spring 2019/20", "2020-03-01", "2020-05-31"),
    .period("Summer '21", "2021-06-01", "2021-08-31"),
    .period("2019", "2019-01-01", "2019-12-31"),
    .period("1900", "1900-01-01", "1900-12-31"),
    .period("2199", "2199-01-01", "2199-12-31"),
    .period("31 March 2019", "2019-03-31", "2019-03-31"),
    .period("31st March 2019", "2019-03-31", "2019-03-31"),
    .period("1st of April 2012", "2012-04-01", "2012-04-01"),
    .period("2nd Feb '21", "2021-02-02", "2021-02-02"),
    .period("31 March, 2019", "2019-03-31", "2019-03-31"),
    .period("31-Mar-19", "2019-03-31", "2019-03-31"),
    .period("March 31, 2019", "2019-03-31", "2019-03-31"),
    .period("March 31st 2019", "2019-03-31", "2019-03-31"),
    .period("4/2008", "2008-04-01", "2008-04-30"),
    // Dates among other words: the leftmost wins, in its most specific form.
    .period("Drafting & consultation April 2012", "2012-04-01", "2012-04-30"),
    .period("April 2012 & termly thereafter", "2012-04-01", "2012-04-30"),
    .period("by 31 March 2019 at the latest", "2019-03-31", "2019-03-31"),
    .period("Review in Q2 2020/21 then annually", "2020-07-01", "2020-09-30"),
    .period("Ongoing until 2019/20", "2019-04-01", "2020-03-31"),
    .period("TBC (not before March 2020)", "2020-03-01", "2020-03-31"),
    .period("Jan-Mar 2020", "2020-03-01", "2020-03-31"),
    .period("<p>  31/12/2019 </p>", "2019-12-31", "2019-12-31"),
    .period("\u{201C}March 2019\u{201D}", "2019-03-01", "2019-03-31"),
    .period("March\u{00A0}2019", "2019-03-01", "2019-03-31"),
    .period("  \n March 2019 \t ", "2019-03-01", "2019-03-31"),
    .period("Commences June 1012 Completion Dec 2012", "2012-12-01", "2012-12-31"),
    .period("Март 2019", "2019-01-01", "2019-12-31"),
]

/// Dates that look like dates but are not: a warning, never a guess.
private let impossibleCases: [DueDateCase] = [
    .unparsed("31/02/2019"), .unparsed("29/02/2019"), .unparsed("2019-13-01"), .unparsed("2019-02-30"),
    .unparsed("32/01/2019"), .unparsed("00/01/2019"), .unparsed("31 February 2019"), .unparsed("30th Feb 2020"),
    .unparsed("February 30, 2019"), .unparsed("13/2019"), .unparsed("June 1012"), .unparsed("March 2200"),
    .unparsed("1899"), .unparsed("Q5 2019/20"), .unparsed("Q0 2019/20"), .unparsed("Q3 2019"),
    .unparsed("FY2020"), .unparsed("2019/21"), .unparsed("2021-2023"), .unparsed("31/02/2019 ongoing"),
    .unparsed("99999999999999999999"), .unparsed("99999999999999999999/20"), .unparsed("March 16"),
    .unparsed("31/12"), .unparsed("16-19"), .unparsed("Q3"), .unparsed("2019s"), .unparsed("c2019"),
    .unparsed("2012/13/14"), .unparsed("Marching 2019x"), .unparsed("As soon as possible"),
    .unparsed("\u{0}"), .unparsed("🎉"), .unparsed("Март"), .unparsed("２０１９"),
]

/// Cells that deliberately name no deadline.
private let noneCases: [DueDateCase] = [
    .none(""), .none("   "), .none("-"), .none("\u{2013}"), .none("\u{2014}"), .none("--"), .none("<p></p>"),
    .none("Ongoing"), .none("ongoing"), .none("On going"), .none("On-going"), .none("TBC"), .none("tba"),
    .none("TBD"), .none("N/A"), .none("n/a"), .none("NA"), .none("Not applicable"), .none("To be confirmed"),
    .none("Dates to be agreed"), .none("Annually"), .none("Termly"), .none("Quarterly"), .none("Monthly"),
    .none("Six monthly"), .none("Weekly"), .none("Throughout the year"), .none("Continuous"),
    .none("Rolling programme"), .none("None"), .none("<p>Ongoing</p>"),
]

@Suite("DueDateParser")
struct DueDateParserTests {
    @Test("real seed cells", arguments: seedCases)
    func seedCell(_ expected: DueDateCase) { check(expected) }

    @Test("grammar forms", arguments: formCases)
    func form(_ expected: DueDateCase) { check(expected) }

    @Test("impossible and unknown dates are unparsed", arguments: impossibleCases)
    func impossible(_ expected: DueDateCase) { check(expected) }

    @Test("no-deadline words", arguments: noneCases)
    func noDeadline(_ expected: DueDateCase) { check(expected) }

    @Test("at least 60 distinct real seed strings")
    func seedTableIsLarge() {
        #expect(Set(seedCases.map(\.text)).count >= 60)
    }

    @Test("deadline is the period's last day")
    func deadline() {
        #expect(DueDateParser.parse("Q4 2019/20").deadline?.description == "2020-03-31")
        #expect(DueDateParser.parse("Ongoing").deadline == nil)
        #expect(DueDateParser.parse("  March 2019 ").text == "March 2019")
    }

    /// Hostile input must never trap: NUL, emoji, huge numbers, unclosed tags, truncated forms.
    @Test("never crashes", arguments: hostileStrings())
    func neverCrashes(_ text: String) {
        let date = DueDateParser.parse(text)
        #expect(date.text == text.trimmingCharacters(in: .whitespacesAndNewlines))
        if let period = date.period { #expect(period.start <= period.end) }
    }

    /// 10 MB of every awkward shape at once; a quadratic scan would never finish.
    @Test("10 MB stays fast")
    func hugeInput() {
        let unit = "Q3 1/2/ 2019-13 <p March 16 31st of FY x\u{0}🎉 99999999999999999999 Aug- "
        let text = String(repeating: unit, count: 10_000_000 / unit.utf8.count)
        let elapsed = ContinuousClock().measure { #expect(DueDateParser.parse(text).isUnparsed) }
        #expect(elapsed < .seconds(60))
        let late = String(repeating: "x ", count: 5_000_000) + "March 2019"
        #expect(DueDateParser.parse(late).deadline?.description == "2019-03-31")
    }

    /// Walks every line of every seed plan, following which columns are dates from each header row
    /// until the table ends (a prose line, or a row of another width).
    @Test("every seed line and cell parses; every date-column cell resolves")
    func seedPlans() throws {
        let files = try FileManager.default.contentsOfDirectory(at: seedDirectory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }
            .sorted { $0.path < $1.path }
        try #require(files.count >= 5, "seed plans missing at \(seedDirectory.path)")
        var dateCells = 0
        var knownSeen: Set<String> = []
        for file in files {
            let text = try String(contentsOf: file, encoding: .utf8)
            var columns: [Int] = []
            var width = 0
            for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                let place = Comment(rawValue: "\(file.lastPathComponent):\(index + 1)")
                #expect(DueDateParser.parse(String(line)).text == line.trimmingCharacters(in: .whitespacesAndNewlines), place)
                guard let row = cells(of: line) else {
                    if !line.allSatisfy(\.isWhitespace) { columns = [] }
                    continue
                }
                for cell in row { #expect(DueDateParser.parse(cell).text == cell, place) }
                let headers = row.indices.filter { dateHeaders.contains(row[$0].lowercased()) }
                if !headers.isEmpty {
                    (columns, width) = (headers, row.count)
                    continue
                }
                if row.count != width { columns = [] }
                for column in columns where !row[column].allSatisfy({ $0 == "-" || $0 == ":" }) {
                    dateCells += 1
                    let cell = row[column]
                    let date = DueDateParser.parse(cell)
                    if let known = knownNonDates[cell] {
                        knownSeen.insert(cell)
                        #expect(outcome(date).0 == known, place)
                    } else {
                        let year = date.deadline?.year ?? 0
                        #expect((2000...2030).contains(year), "\(place): \(cell.debugDescription) → \(date.meaning)")
                    }
                }
            }
        }
        #expect(dateCells >= 250)
        #expect(knownSeen == Set(knownNonDates.keys))
    }
}

/// The seed plans, as `Seeds` finds them.
private let seedDirectory = URL(fileURLWithPath: Repo.path("Tests/Fixtures/seeds"))

/// Column headers whose cells are dates.
private let dateHeaders: Set<String> = ["due date", "date due", "milestone due", "start date", "by when", "timescale"]

/// The only date-column cells in the seeds that name no date; every other one must resolve.
private let knownNonDates: [String: DueDateCase.Kind] = [
    "As in Play Strategy": .unparsed,  // 002:666, points at another document: a warning
    "<p>Quarterly monitoring reports to ensure progress in this area.</p>": .none,  // 003:83, recurring
]

/// A table row's cells (`| a | b |` or tab-separated); nil for a line of prose.
private func cells(of line: Substring) -> [String]? {
    let trimmed = line.trimmingCharacters(in: .whitespaces)
    if trimmed.hasPrefix("|") {
        var parts = trimmed.split(separator: "|", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        parts.removeFirst()
        if trimmed.count > 1, trimmed.hasSuffix("|") { parts.removeLast() }
        return parts
    }
    guard line.contains("\t") else { return nil }
    return line.split(separator: "\t", omittingEmptySubsequences: false)
        .map { $0.trimmingCharacters(in: .whitespaces) }
}

private func hostileStrings() -> [String] {
    var strings = [
        "\u{0}", "\u{0}2019", "2019\u{0}", "March\u{0}2019", "\u{1}\u{2}\u{7F}", "\r\n\t\u{B}\u{C}", "\u{FEFF}",
        "🎉📅", "👨‍👩‍👧 2019", "March 🎉 2019", "e\u{301}2019", "\u{202E}2019-03-31", "\u{FFFD}", "'", "\u{2019}21",
        "99999999999999999999", "-99999999999999999999", "99999999999999999999/99999999999999999999/9999",
        "31/12/99999999999999999999", "Q99999999999999999999 2019/20", "FY 99999999999999999999/1",
        "March 99999999999999999999", "99999999999999999999 March 2019", "9223372036854775807",
        "9223372036854775808/12/2019", "<", "<p", "<p>", "</", "<!--", "<<<>>>", "&amp;&nbsp;",
        "31st of March,", "March 31,", "Q3 2019/", "Q3 ", "FY ", "Aug-", "2019/", "2019-03-", "31/03/", "Winter",
        "Spring '", "31st", "of", "n/", "/a", "to be", "on",
    ]
    strings.append(String(repeating: "9", count: 100_000))
    strings.append(String(repeating: "<", count: 100_000))
    strings.append(String(repeating: "<p", count: 50_000))
    strings.append(String(repeating: "1/", count: 50_000))
    strings.append(String(repeating: "2019-", count: 20_000))
    strings.append(String(repeating: "March ", count: 20_000))
    strings.append(String(repeating: "🎉", count: 25_000))
    strings.append(String(repeating: "a", count: 100_000))
    return strings
}

@Suite("ISO days")
struct ISODayTests {
    @Test(arguments: [("2022-06-30", "2022-06-30"), ("2024-02-29", "2024-02-29"), ("0001-01-01", "0001-01-01")])
    func validDaysRead(text: String, expected: String) {
        #expect(Day(iso: text)?.description == expected)
    }

    @Test(arguments: ["", "2022-6-30", "2022-06-3", "2022-13-01", "2023-02-29", "2022-06-30 ", "2022/06/30",
                      "+202-06-30", "２０２２-06-30", "20220630", "2022-06-300", "2022-00-10"])
    func anythingElseIsNotADay(text: String) {
        #expect(Day(iso: text) == nil)
    }
}

@Suite("Due-date words")
struct DueWordTableTests {
    /// The sorted table finds every word it was given, whatever order they came in, and
    /// nothing else; setting a word again replaces it, and nil removes it.
    @Test func packedWordsAreFoundByHalvingAndKeepTheirLastValue() {
        var table = PackedWords()
        let words = ["winter", "jan", "of", "september", "q", "to", "december", "a"]
        for (i, w) in words.enumerated() { table[DueWord.pack(w)] = .month(i + 1) }
        for (i, w) in words.enumerated() { #expect(table[DueWord.pack(w)] == .month(i + 1)) }
        #expect(table[DueWord.pack("june")] == nil && table[DueWord.pack("zz")] == nil && table[0] == nil)
        table[DueWord.pack("of")] = .of
        table[DueWord.pack("q")] = nil
        #expect(table[DueWord.pack("of")] == .of && table[DueWord.pack("q")] == nil && table[DueWord.pack("to")] == .month(6))
    }

    /// The words the grammar knows, as the tokenizer looks them up.
    @Test(arguments: [("sept", DueWord.month(9)), ("autumn", .season(9)), ("nd", .ordinal), ("tbc", .noDeadline),
                      ("confirmed", .settled), ("quarter", .quarter), ("march", .month(3)), ("mar", .month(3))])
    func theGrammarsWordsAreInTheTable(word: String, expected: DueWord) {
        #expect(DueWord.table[DueWord.pack(word)] == expected)
        #expect(DueWord.table[DueWord.pack("strategy")] == nil)
    }
}
