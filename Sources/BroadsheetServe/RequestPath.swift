/// Turns the raw (percent-encoded) path of a request into the site-relative path of a file,
/// refusing anything that could name a file outside the site. The site is looked up by these
/// keys only, so a path that survives this check can at worst miss (404). `/` and paths ending in
/// `/` name the folder's `index.html`.
public enum RequestPath: Equatable, Sendable {
    /// A file key such as `index.html` or `articles/x.html`.
    case file(String)
    /// Dot segments, backslashes, NUL and other control characters, empty segments (`//etc`),
    /// drive letters (`C:`), or bytes that do not decode: never a site file.
    case forbidden

    public static func resolve(_ rawTarget: String) -> RequestPath {
        let rawPath = originForm(rawTarget)
        guard rawPath.hasPrefix("/"), let decoded = rawPath.removingPercentEncoding else { return .forbidden }
        if decoded.unicodeScalars.contains(where: { $0 == "\\" || $0.value < 0x20 || $0.value == 0x7F }) {
            return .forbidden
        }
        var segments = decoded.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        let endsWithSlash = segments.last == ""
        if endsWithSlash { segments.removeLast() }
        if segments.contains(where: { $0.isEmpty || $0 == "." || $0 == ".." || $0.contains(":") }) {
            return .forbidden
        }
        if segments.isEmpty { return .file("index.html") }
        let joined = segments.joined(separator: "/")
        return endsWithSlash ? .file(joined + "/index.html") : .file(joined)
    }

    /// The path of an absolute-form target (`http://host/a.html`, which proxies send) is `/a.html`.
    static func originForm(_ target: String) -> String {
        for scheme in ["http://", "https://"] where target.lowercased().hasPrefix(scheme) {
            let afterAuthority = target.dropFirst(scheme.count).drop { $0 != "/" }
            return afterAuthority.isEmpty ? "/" : String(afterAuthority)
        }
        return target
    }
}
