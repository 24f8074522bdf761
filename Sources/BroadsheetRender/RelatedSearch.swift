extension RelatedArticles {
    /// The bigram lists of every article, shared read-only by the searches.
    struct Index: Sendable {
        let table: BigramTable
        let weights: [Double]
        let norms: [Double]
        /// 1 / sqrt(norm): bounds are products, not square roots and divisions (scores are not).
        let inverseRoots: [Double]
        let rank: [Int]
        /// Each bigram's place when ordered rarest first, and the bigram at each place.
        let rarity: [Int32]
        let byRarity: [Int32]
        let maximum: Int
        var walkLimit: Int
        var candidateLimit: Int
    }

    /// One worker's scratch space: shared weight per article touched so far. The scratch arrays
    /// are raw buffers written in place (an Array stored in the struct was checked for
    /// uniqueness on every write of the hot loop); `deallocate()` frees them.
    struct Search {
        let index: Index
        /// Shared weight per article, zero for the articles not touched.
        private let shared: UnsafeMutablePointer<Double>
        /// The touched articles, in the order first touched: `touched[0..<touchedCount]`.
        private let touched: UnsafeMutablePointer<Int32>
        private var touchedCount = 0
        /// Marks the bigrams of the article being searched.
        private let mine: UnsafeMutablePointer<Bool>
        /// The searched article's weighted bigrams, as rarity places.
        private var places: [Int32] = []
        /// The best partial scores, for `fifthPartialScore`.
        private var topScores: [Double] = []

        init(_ index: Index) {
            self.index = index
            let articles = max(1, index.norms.count), bigrams = max(1, index.weights.count)
            shared = .allocate(capacity: articles)
            shared.initialize(repeating: 0, count: articles)
            touched = .allocate(capacity: articles)
            mine = .allocate(capacity: bigrams)
            mine.initialize(repeating: false, count: bigrams)
        }

        func deallocate() {
            shared.deallocate()
            touched.deallocate()
            mine.deallocate()
        }

        private var touchedArticles: UnsafeBufferPointer<Int32> { UnsafeBufferPointer(start: touched, count: touchedCount) }

        mutating func best(for article: Int) -> [Int] {
            let table = index.table, weights = index.weights, norms = index.norms
            let own = table.termStarts[article]..<table.termStarts[article + 1]
            places.removeAll(keepingCapacity: true)
            for i in own where weights[Int(table.terms[i])] > 0 { places.append(index.rarity[Int(table.terms[i])]) }
            places.sort()
            var remaining = 0.0
            for place in places { remaining += weights[Int(index.byRarity[Int(place)])] }
            // Rarest bigrams first. An article not yet touched shares at most `remaining` with
            // this one and at most its own norm, so its score is at most sqrt(remaining / norm).
            // The check costs a pass over the touched articles: made only once the lists walked
            // since the last check cost as much, it at most doubles the work.
            var sinceCheck = 0
            var capped = false
            for place in places {
                let term = Int(index.byRarity[Int(place)])
                if touchedCount >= index.maximum, sinceCheck >= touchedCount {
                    sinceCheck = 0
                    if fifthPartialScore(of: article) > (remaining / norms[article]).squareRoot() * (1 + 1e-9) { break }
                }
                let postings = table.documentStarts[term]..<table.documentStarts[term + 1]
                if postings.count > index.walkLimit { break }
                sinceCheck += postings.count
                let weight = weights[term]
                var count = touchedCount
                table.documents.withUnsafeBufferPointer { documents in
                    for k in postings {
                        let other = Int(documents[k])
                        if other == article { continue }
                        if shared[other] == 0 {
                            touched[count] = Int32(other)
                            count += 1
                        }
                        shared[other] += weight
                    }
                }
                touchedCount = count
                remaining -= weight
                if touchedCount >= index.candidateLimit {
                    capped = true
                    break
                }
            }
            // Exact scores, summed in the same order as scoring every pair would, for the
            // candidates that could still make the list: first the best five by the bigrams
            // seen, which sets a bar most of the others cannot reach even with every bigram left.
            for i in own { mine[Int(table.terms[i])] = true }
            var best: [(other: Int, score: Double)] = []
            let leaders = leadingCandidates(of: article)
            for other in leaders { consider(other, of: article, remaining: remaining, into: &best) }
            // Past the candidate cap only the best by the bigrams walked are scored exactly (see
            // `candidateLimit`): scoring thousands of candidates was the cost the cap removes.
            if capped {
                for other in leadingCandidates(of: article, count: 8 * index.maximum) where !leaders.contains(other) {
                    consider(other, of: article, remaining: remaining, into: &best)
                }
            } else {
                for other in touchedArticles where !leaders.contains(Int(other)) {
                    consider(Int(other), of: article, remaining: remaining, into: &best)
                }
            }
            for other in touchedArticles { shared[Int(other)] = 0 }
            for i in own { mine[Int(table.terms[i])] = false }
            touchedCount = 0
            return best.map(\.other)
        }

        private func consider(_ other: Int, of article: Int, remaining: Double, into best: inout [(other: Int, score: Double)]) {
            guard index.norms[article] > 0, index.norms[other] > 0 else { return }
            let ceiling = (shared[other] + max(0, remaining)) * index.inverseRoots[article] * index.inverseRoots[other] * (1 + 1e-9)
            if best.count == index.maximum, ceiling < best[best.count - 1].score { return }
            let denominator = (index.norms[article] * index.norms[other]).squareRoot()
            let candidate = (other: other, score: exactShared(other) / denominator)
            // Keep the best `maximum` in order: a short insertion, not a sort of every candidate.
            let position = best.firstIndex { ranksBefore(candidate, $0) } ?? best.endIndex
            if position < index.maximum {
                best.insert(candidate, at: position)
                if best.count > index.maximum { best.removeLast() }
            }
        }

        /// The fifth best score so far counting only the bigrams seen: a lower bound of the fifth
        /// best exact score. Only the values count, so no articles are kept; called only once at
        /// least `maximum` articles are touched.
        private mutating func fifthPartialScore(of article: Int) -> Double {
            let count = index.maximum
            topScores.removeAll(keepingCapacity: true)
            for other in touchedArticles {
                let score = score(of: Int(other), article)
                if topScores.count == count, score <= topScores[count - 1] { continue }
                var position = topScores.count
                while position > 0, score > topScores[position - 1] { position -= 1 }
                topScores.insert(score, at: position)
                if topScores.count > count { topScores.removeLast() }
            }
            return topScores.last ?? 0
        }

        /// The touched articles with the best scores counting only the bigrams seen, best first.
        private func leadingCandidates(of article: Int, count: Int? = nil) -> [Int] {
            let count = count ?? index.maximum
            var top: [(other: Int, score: Double)] = []
            for touchedArticle in touchedArticles {
                let other = Int(touchedArticle)
                let score = score(of: other, article)
                if top.count == count, score <= top[top.count - 1].score { continue }
                let position = top.firstIndex { score > $0.score } ?? top.endIndex
                top.insert((other, score), at: position)
                if top.count > count { top.removeLast() }
            }
            return top.map(\.other)
        }

        /// The score counting only the bigrams seen, for bounds (within 1e-15 of the exact formula).
        private func score(of other: Int, _ article: Int) -> Double {
            shared[other] * index.inverseRoots[article] * index.inverseRoots[other]
        }

        /// The weight an article shares with the one marked in `mine`, added in bigram-id order.
        private func exactShared(_ other: Int) -> Double {
            let table = index.table
            var sum = 0.0
            for i in table.termStarts[other]..<table.termStarts[other + 1] where mine[Int(table.terms[i])] {
                sum += index.weights[Int(table.terms[i])]
            }
            return sum
        }

        private func ranksBefore(_ a: (other: Int, score: Double), _ b: (other: Int, score: Double)) -> Bool {
            a.score != b.score ? a.score > b.score : index.rank[a.other] < index.rank[b.other]
        }
    }
}
