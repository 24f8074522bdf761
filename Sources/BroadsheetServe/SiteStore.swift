/// The site currently served. Replaced whole after each good build.
public actor SiteStore {
    public private(set) var current: SiteSnapshot

    public init(_ site: SiteSnapshot = .empty) {
        current = site
    }

    public func replace(with site: SiteSnapshot) {
        current = site
    }
}
