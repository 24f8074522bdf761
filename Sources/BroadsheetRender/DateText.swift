import Foundation
import BroadsheetModel

/// How dates read on the pages: `2019年2月1日`, or `2月1日` when the year is unknown.
public enum DateText {
    public static func display(_ date: ArticleDate?) -> String? {
        guard let date else { return nil }
        let monthDay = "\(date.month)月\(date.day)日"
        return date.year.map { "\($0)年" + monthDay } ?? monthDay
    }

    /// The `datetime` attribute: a full date, or HTML's yearless date (`02-01`).
    public static func machine(_ date: ArticleDate?) -> String? {
        guard let date else { return nil }
        return date.iso ?? Digits.padded(date.month, width: 2) + "-" + Digits.padded(date.day, width: 2)
    }
}
