/// Zero-padded decimals and fixed-width hexadecimals without `String(format:)`, which goes through
/// Foundation's formatter and showed at 2% of a rebuild's profile (content hashes, dates).
public enum Digits {
    /// `value` in decimal, left-padded with zeros to `width` characters, as printf's `%0Nd`
    /// (a minus sign counts in the width and comes first).
    public static func padded(_ value: Int, width: Int) -> String {
        let digits = String(value.magnitude)
        let pad = String(repeating: "0", count: max(0, width - digits.count - (value < 0 ? 1 : 0)))
        return (value < 0 ? "-" : "") + pad + digits
    }

    /// `value` as 16 lowercase hexadecimal digits.
    public static func hex16(_ value: UInt64) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
