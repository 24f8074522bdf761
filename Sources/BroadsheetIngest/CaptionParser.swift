/// Photo captions: `会议会场。冯晓磊 攝`, `…吸引了众多游客。 王晋东摄`, `…正在比赛。 本报记者 王佳丽 摄`.
struct Caption: Equatable {
    var text: String
    var credit: String
}

enum CaptionParser {
    nonisolated(unsafe) static let pattern = try! Regex(
        #"^(.*[。！？”」.!?])\s*(?:(?:本报|本刊|新华社)?(?:特约)?(?:记者|記者|通讯员|通訊員)\s*)?((?:[\p{Han}·]{2,4})(?:\s*[、 ]\s*[\p{Han}·]{2,4})*)\s*(?:摄|攝|摄影|攝影)$"#)

    static let creditMarks = ByteNeedles(["摄", "攝"])

    static func parse(_ text: String) -> Caption? {
        // The credit word is tested before trimming (trimming removes only spaces) and in one
        // pass with one compatibility scan: most lines lack it.
        guard text.containsAnyBytes(creditMarks) else { return nil }
        let trimmed = text.trimmingSpaces()
        guard trimmed.characterCount <= 300, let groups = trimmed.firstMatch(pattern), let caption = groups[1], let credit = groups[2] else { return nil }
        let name = BylineParser.tokens(credit).joined(separator: " ")
        guard !caption.trimmingSpaces().isEmpty else { return nil }
        return Caption(text: LayoutSpaces.collapse(caption.trimmingSpaces()), credit: name)
    }
}
