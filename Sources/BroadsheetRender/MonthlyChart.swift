import Foundation

/// Draws `MonthlyCounts` as an inline SVG at build time: one bar panel per topic on a shared
/// month axis and a shared scale, so panels compare honestly. No script, no library; the page
/// puts the same numbers in a table for readers who cannot see the drawing.
public struct MonthlyChart: Sendable {
    public var width = 720.0
    public var labelWidth = 112.0
    public var panelHeight = 56.0
    public var panelGap = 22.0
    public var axisHeight = 24.0
    /// Room above the first panel for the scale note.
    public var topMargin = 18.0
    public var maxAxisLabels = 8
    /// A few months must not turn into slabs as wide as the page.
    public var maxBarWidth = 28.0

    public init() {}

    public func svg(_ data: MonthlyCounts, id: String = "chart") -> String {
        let plotWidth = width - labelWidth - 8
        let slot = plotWidth / Double(max(1, data.months.count))
        let barWidth = min(maxBarWidth, max(1, slot * 0.72))
        let scale = Double(max(1, data.maximum))
        let height = topMargin + Double(data.series.count) * (panelHeight + panelGap) + axisHeight
        let range = data.months.isEmpty ? "" : "\(data.months.first!.label)至\(data.months.last!.label)"
        var desc = "按月统计的各主题文章数，\(range)。"
        desc += data.series.map { "\($0.name)共\($0.total)篇" }.joined(separator: "，") + "。"
        if data.undated > 0 { desc += "另有\(data.undated)篇年份不详，未计入。" }

        var out = "<svg class=\"chart\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 \(n(width)) \(n(height))\""
        out += " role=\"img\" aria-labelledby=\"\(id)-title \(id)-desc\">\n"
        out += "<title id=\"\(id)-title\">各主题每月文章数</title>\n"
        out += "<desc id=\"\(id)-desc\">\(XMLText.escape(desc))</desc>\n"
        for (row, series) in data.series.enumerated() {
            let top = topMargin + Double(row) * (panelHeight + panelGap) + panelGap / 2
            let base = top + panelHeight
            out += "<g class=\"panel series-\(row)\">\n"
            out += "<text class=\"panel-name\" x=\"0\" y=\"\(n(top + 18))\">\(XMLText.escape(series.name))</text>\n"
            out += "<text class=\"panel-total\" x=\"0\" y=\"\(n(top + 38))\">共\(series.total)篇</text>\n"
            out += "<line class=\"baseline\" x1=\"\(n(labelWidth))\" y1=\"\(n(base))\" x2=\"\(n(width - 8))\" y2=\"\(n(base))\"/>\n"
            for (index, count) in series.counts.enumerated() where count > 0 {
                let h = max(1, Double(count) / scale * (panelHeight - 4))
                let x = labelWidth + Double(index) * slot + (slot - barWidth) / 2
                out += "<rect class=\"bar\" x=\"\(n(x))\" y=\"\(n(base - h))\" width=\"\(n(barWidth))\" height=\"\(n(h))\">"
                out += "<title>\(XMLText.escape(series.name)) \(data.months[index].label)：\(count)篇</title></rect>\n"
            }
            out += "</g>\n"
        }
        out += "<text class=\"scale\" x=\"\(n(width - 8))\" y=\"\(n(topMargin))\" text-anchor=\"end\">最高\(data.maximum)篇/月</text>\n"
        let step = max(1, Int((Double(data.months.count) / Double(maxAxisLabels)).rounded(.up)))
        let axisY = height - 6
        for index in stride(from: 0, to: data.months.count, by: step) {
            let x = labelWidth + (Double(index) + 0.5) * slot
            out += "<text class=\"axis\" x=\"\(n(x))\" y=\"\(n(axisY))\" text-anchor=\"middle\">\(data.months[index].shortLabel)</text>\n"
        }
        out += "</svg>"
        return out
    }

    /// Coordinates with one decimal: short, and the same on every machine.
    private func n(_ value: Double) -> String {
        let tenths = (value * 10).rounded()
        return tenths.truncatingRemainder(dividingBy: 10) == 0 ? String(Int(tenths / 10)) : String(format: "%.1f", tenths / 10)
    }
}
