/// Removes what is not article text from single lines: HTML remnants, pinyin annotations,
/// editor lines, site chrome and page labels.
struct LineCleaner {
    /// `穩(wěn)` → `穩`: a pinyin syllable in parentheses right after an ideograph.
    nonisolated(unsafe) static let pinyin = try! Regex(#"(\p{Han})[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê]{1,7}[)）]"#)
    nonisolated(unsafe) static let htmlTag = try! Regex(#"</?[A-Za-z][A-Za-z0-9]*(\s[^<>]*)?/?>"#)
    nonisolated(unsafe) static let editorLine = try! Regex(#"^[(（\[【]?\s*(责任编辑|責任編輯|编辑|編輯|责编|責編|校对|校對)\s*[:：]"#)
    nonisolated(unsafe) static let pageLabel = try! Regex(#"^第\s*([0-9０-９A-Z]{1,3})\s*版\s*[:：]?\s*(\S*)$"#)
    nonisolated(unsafe) static let issueLink = try! Regex(#"^[•·\-*]?\s*第\s*\d{4}[-年./]\d{1,2}[-月./]\d{1,2}日?\s*期$"#)
    static let chrome: Set<String> = [
        "分享到", "分享到:", "分享到：", "过往期刊", "過往期刊", "分享到微信朋友圈", "打印", "返回", "返回目录", "上一篇", "下一篇",
        "上一版", "下一版", "放大", "缩小", "默认", "关闭窗口", "字号", "分享", "微信扫一扫", "扫一扫", "版面导航", "标题导航",
    ]

    enum Kind: Equatable {
        case text(String)
        case removed
        case pageLabel(String)
    }

    /// Classifies and cleans one raw line.
    static func clean(_ raw: String) -> Kind {
        var text = raw.replacing(htmlTag, with: "")
        text = text.replacing(pinyin) { match in match.output[1].substring.map(String.init) ?? "" }
        let trimmed = text.trimmingSpaces()
        if trimmed.isEmpty { return raw.trimmingSpaces().isEmpty ? .text("") : .removed }
        if trimmed.firstMatch(of: editorLine) != nil { return .removed }
        if chrome.contains(trimmed) { return .removed }
        if trimmed.firstMatch(of: issueLink) != nil { return .removed }
        if let groups = trimmed.firstMatch(pageLabel), let page = groups[1] { return .pageLabel(page) }
        return .text(text)
    }
}
