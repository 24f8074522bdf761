import BroadsheetText
import Testing

@Suite("IntegerSet")
struct IntegerSetTests {
    @Test("holds exactly what Swift's Set holds, zero and the largest value included, across growth")
    func agreesWithSet() {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next() -> UInt64 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            // Small values collide often, so repeats and neighbours are exercised too.
            return state >> 33 & 1 == 0 ? state % 64 : state
        }
        var ours = IntegerSet(capacity: 4)
        var theirs = Set<UInt64>()
        for value in (0..<5_000).map({ _ in next() }) + [0, UInt64.max, 0] {
            ours.insert(value)
            theirs.insert(value)
        }
        #expect(ours.count == theirs.count)
        var listed = Set<UInt64>()
        ours.forEach { listed.insert($0) }
        #expect(listed == theirs)
        for _ in 0..<5_000 {
            let probe = next()
            #expect(ours.contains(probe) == theirs.contains(probe))
        }
        #expect(ours.contains(0) && ours.contains(.max))
    }

    @Test("an empty set holds nothing, zero included")
    func emptyHoldsNothing() {
        let set = IntegerSet(capacity: 0)
        #expect(set.count == 0)
        #expect(!set.contains(0) && !set.contains(1))
    }
}
