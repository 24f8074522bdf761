/// A column label printed after the title in brackets (`让公众感受历史的魅力（人民论坛）`) is the
/// column the story ran under, not part of the headline. Part numbers (`（下）`) and dates stay.
enum TitleColumn {
    static func split(_ title: String) -> (title: String, column: String?) {
        guard let last = title.last, last == "）" || last == ")" else { return (title, nil) }
        let chars = Array(title)
        var depth = 0
        for i in stride(from: chars.count - 1, through: 0, by: -1) {
            if chars[i] == "）" || chars[i] == ")" { depth += 1 }
            if chars[i] == "（" || chars[i] == "(" {
                depth -= 1
                guard depth == 0 else { continue }
                let inner = String(chars[(i + 1)..<(chars.count - 1)])
                guard i > 0, inner.count >= 2, !inner.contains(where: { $0.isASCII && $0.isNumber }) else { return (title, nil) }
                return (String(chars[..<i]).trimmingSpaces(), inner)
            }
        }
        return (title, nil)
    }
}
