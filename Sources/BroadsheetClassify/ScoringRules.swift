/// The classifier's defaults. A topic in site.yml may override `threshold`, `min_terms` and
/// `title_weight`; the rest is the same for every topic.
public struct ScoringRules: Sendable, Equatable {
    /// Score a topic needs (headline points + weighted hits per 1,000 characters).
    public var threshold = 12.0
    /// Distinct terms a topic needs: one word, however often repeated, is a mention, not a subject.
    public var minTerms = 2
    /// Factor for a term in the kicker, title or subtitle (added as points, not diluted by length).
    public var titleWeight = 3.0
    public var headingWeight = 2.0
    public var leadWeight = 1.5
    /// Bodies shorter than this are measured as if this long, so that a caption or a brief with
    /// one mention does not reach a high density by being short.
    public var minimumLength = 500
    /// Length of the stretch of body scanned for a dense section, so that a long report that
    /// gives one section to a topic gets it even though its overall density is low.
    public var window = 1500
    /// Factor on the densest stretch's density. The densest of many stretches is dense by
    /// selection; halving it asks a section of a long article to be twice as dense as a whole short
    /// one, so that one paragraph on a neighbouring subject does not make a topic.
    public var windowDiscount = 0.5

    public init() {}

    func zoneFactor(_ zone: TextZone, titleWeight: Double) -> Double {
        switch zone {
        case .headline: return titleWeight
        case .heading: return headingWeight
        case .lead: return leadWeight
        case .body: return 1
        }
    }
}
