import Foundation

/// The live-reload script added to HTML as it is served (never to the files on disk). A classic
/// inline script, so it runs wherever the site's own scripts run. It listens on the server's event
/// stream: `reload` reloads the page, `error` shows a fixed overlay with the build error, and
/// `hello` names the build the server holds, so a page from an older build, or from before a
/// server restart, reloads as soon as it reconnects.
public enum ReloadSnippet {
    public static let eventsPath = "/__broadsheet/events"

    public static func script(build: String) -> String {
        """
        <script>/* broadsheet serve: live reload, added by the preview server */
        (function () {
          if (!window.EventSource) return;
          var build = \(jsonString(build));
          var events = new EventSource("\(eventsPath)");
          events.addEventListener("hello", function (e) { if (e.data !== build) location.reload(); });
          events.addEventListener("reload", function () { location.reload(); });
          events.addEventListener("error", function (e) {
            if (typeof e.data !== "string") return;
            var box = document.getElementById("broadsheet-serve-error");
            if (!box) {
              box = document.createElement("pre");
              box.id = "broadsheet-serve-error";
              box.setAttribute("role", "alert");
              box.style.cssText = "position:fixed;inset:0;z-index:2147483647;margin:0;padding:2em;overflow:auto;" +
                "background:rgba(40,0,0,.94);color:#fff;font:14px/1.6 monospace;white-space:pre-wrap";
              document.body.appendChild(box);
            }
            box.textContent = "broadsheet serve: the build failed; until it is fixed, the last good build (if any) is served.\\n\\n" + e.data;
          });
        })();
        </script>

        """
    }

    /// The page with the script placed before its last `</body>` (or at the end when there is none).
    public static func inject(into html: Data, build: String) -> Data {
        inject(Data(script(build: build).utf8), into: html)
    }

    /// Injects into many pages, making the script once.
    public static func injector(build: String) -> @Sendable (Data) -> Data {
        let snippet = Data(script(build: build).utf8)
        return { inject(snippet, into: $0) }
    }

    static func inject(_ snippet: Data, into html: Data) -> Data {
        guard let at = lastBodyClose(in: html) else { return html + snippet }
        var result = Data(capacity: html.count + snippet.count)
        result.append(html[html.startIndex..<at])
        result.append(snippet)
        result.append(html[at...])
        return result
    }

    /// Searches backwards, ASCII case-insensitively: `</body` is near the end of a page.
    static func lastBodyClose(in html: Data) -> Data.Index? {
        let needle = Array("</body".utf8)
        return html.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) -> Data.Index? in
            guard bytes.count >= needle.count else { return nil }
            var start = bytes.count - needle.count
            while start >= 0 {
                var matches = true
                for offset in 0..<needle.count where lowercased(bytes[start + offset]) != needle[offset] {
                    matches = false
                    break
                }
                if matches { return html.startIndex + start }
                start -= 1
            }
            return nil
        }
    }

    private static func lowercased(_ byte: UInt8) -> UInt8 {
        (0x41...0x5A).contains(byte) ? byte | 0x20 : byte
    }

    static func jsonString(_ text: String) -> String {
        let data = (try? JSONEncoder().encode(text)) ?? Data("\"\"".utf8)
        return String(decoding: data, as: UTF8.self)
    }
}
