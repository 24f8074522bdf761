import Foundation

/// Removes what is not article text from single lines: HTML remnants, pinyin annotations,
/// editor lines, site chrome and page labels.
struct LineCleaner {
    /// `穩(wěn)` → `穩`: a pinyin syllable in parentheses right after an ideograph.
    nonisolated(unsafe) static let pinyin = try! Regex(#"(\p{Han})[(（][a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê]{1,7}[)）]"#)
    nonisolated(unsafe) static let htmlTag = try! Regex(#"</?[A-Za-z][A-Za-z0-9]*(\s[^<>]*)?/?>"#)
    nonisolated(unsafe) static let editorLine = try! Regex(#"^[(（\[【]?\s*(责任编辑|責任編輯|编辑|編輯|责编|責編|校对|校對)\s*[:：]"#)
    nonisolated(unsafe) static let pageLabel = try! Regex(#"^第\s*([0-9０-９A-Z]{1,3})\s*版\s*[:：]?\s*(\S*)$"#)
    nonisolated(unsafe) static let issueLink = try! Regex(#"^[•·\-*]?\s*第\s*\d{4}[-年./]\d{1,2}[-月./]\d{1,2}日?\s*期$"#)
    /// Page furniture crediting a graphic or layout: `本版制图：沈亦伶`, `版式设计：张丹峰`.
    nonisolated(unsafe) static let pageCredit = try! Regex(#"^(?:(?:本版|版式)(?:制图|製圖|设计|設計)?|制图|製圖|设计|設計|责编|責編)\s*[:：]\s*[\p{Han}·、 ]{2,20}$"#)
    /// Breadcrumbs, font-size switches, share and print widgets of news sites.
    nonisolated(unsafe) static let chromePattern = try! Regex(#"^(当前位置|當前位置|您的位置|你的位置)[:：]|^[【\[]?\s*(字体|字號|字号)[:：]|打印本页|关闭窗口|關閉窗口|扫一扫在手机|分享到[:：]?\s*$"#)
    /// Article metadata a site prints under the title: `来源：忻州日报  发布时间：2022-05-21 09:30`.
    nonisolated(unsafe) static let metadata = try! Regex(#"^(?:.{0,30}\s)?(来源|來源|发布时间|發佈時間|发布日期|时间|時間|日期|作者|编辑|編輯|点击数|浏览次数)\s*[:：]"#)
    nonisolated(unsafe) static let isoDate = try! Regex(#"(\d{4})\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})"#)
    static let chrome: Set<String> = [
        "分享到", "分享到:", "分享到：", "过往期刊", "過往期刊", "分享到微信朋友圈", "打印", "返回", "返回目录", "上一篇", "下一篇",
        "上一版", "下一版", "放大", "缩小", "默认", "关闭窗口", "字号", "分享", "微信扫一扫", "扫一扫", "版面导航", "标题导航",
    ]

    /// No text longer than this equals a chrome line: a canonically equivalent string has no more
    /// scalars than the entry's decomposition, and no scalar takes more than 4 UTF-8 bytes. The
    /// length test spares hashing (which normalises) every line.
    static let chromeMaxBytes = chrome.map { $0.decomposedStringWithCanonicalMapping.unicodeScalars.count }.max()! * 4

    enum Kind: Equatable {
        case text(String)
        /// Site chrome (`分享到:`, issue links): evidence that the file is a copied web page.
        case chrome
        /// Editor lines, page credits: removed, but found in print too.
        case removed
        /// A site's metadata line, with the publication date when it gives one.
        case metadata(year: Int?, month: Int?, day: Int?)
        case pageLabel(String)
    }

    /// Classifies and cleans one raw line.
    static func clean(_ raw: String) -> Kind {
        // Each regex runs only when the line holds a literal it needs (see ByteScan).
        var text = raw
        var textBytes = ByteProbe(raw)
        if textBytes.contains("<") {
            text = raw.replacing(htmlTag, with: "")
            textBytes = ByteProbe(text)
        }
        var pinyinRemoved = false
        if textBytes.contains("(") || textBytes.contains("（"), mayHavePinyin(text) {
            text = text.replacing(pinyin) { match in match.output[1].substring.map(String.init) ?? "" }
            pinyinRemoved = true
        }
        let trimmed = text.trimmingSpaces()
        if trimmed.isEmpty { return raw.trimmingSpaces().isEmpty ? .text("") : .removed }
        // No needle below holds a trimmed space, so `text`'s probe answers for `trimmed` too.
        let bytes = pinyinRemoved ? ByteProbe(trimmed) : textBytes
        let colon = bytes.contains(":") || bytes.contains("：")
        if colon, bytes.containsAny(editorWords), trimmed.firstMatch(of: editorLine) != nil { return .removed }
        if colon, bytes.containsAny(creditWords), trimmed.firstMatch(of: pageCredit) != nil { return .removed }
        if (trimmed.utf8.count <= chromeMaxBytes && chrome.contains(trimmed))
            || (bytes.contains("期") && bytes.contains("第") && trimmed.firstMatch(of: issueLink) != nil)
            || (bytes.containsAny(chromeWords) && trimmed.firstMatch(of: chromePattern) != nil) { return .chrome }
        if colon, bytes.containsAny(metadataWords), trimmed.count <= 80, trimmed.firstMatch(of: metadata) != nil, !trimmed.contains("。") {
            let date = trimmed.firstMatch(isoDate)
            return .metadata(year: date?[1].flatMap { Int($0) }, month: date?[2].flatMap { Int($0) }, day: date?[3].flatMap { Int($0) })
        }
        if bytes.contains("第"), bytes.contains("版"), let groups = trimmed.firstMatch(pageLabel), let page = groups[1] { return .pageLabel(page) }
        return .text(text)
    }

    /// False when `pinyin` cannot match: in text that is all simple scalars (each its own
    /// Character, see SimpleScalars) a match needs a bracket directly followed by one of its letters.
    static func mayHavePinyin(_ text: String) -> Bool {
        guard SimpleScalars.all(text) else { return true }
        var afterBracket = false
        for scalar in text.unicodeScalars {
            if afterBracket, pinyinLetters.contains(scalar.value) { return true }
            afterBracket = scalar.value == 0x28 || scalar.value == 0xFF08
        }
        return false
    }

    /// The letters of `pinyin`'s bracketed class, each one scalar.
    static let pinyinLetters = Set("abcdefghijklmnopqrstuvwxyzāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüê".unicodeScalars.map(\.value))

    /// Literals each pattern above needs: `editorLine`, `pageCredit`, `chromePattern`, `metadata`.
    static let editorWords = ["编辑", "編輯", "责编", "責編", "校对", "校對"]
    static let creditWords = ["本版", "版式", "制图", "製圖", "设计", "設計", "责编", "責編"]
    /// Literals `metadata` needs (one of its labels).
    static let metadataWords = ["来源", "來源", "发布时间", "發佈時間", "发布日期", "时间", "時間", "日期", "作者", "编辑", "編輯", "点击数", "浏览次数"]
    static let chromeWords = ["位置", "字体", "字號", "字号", "打印本页", "关闭窗口", "關閉窗口", "扫一扫在手机", "分享到"]
}
