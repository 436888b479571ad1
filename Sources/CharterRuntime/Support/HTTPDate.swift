import Foundation

/// HTTP dates in the IMF-fixdate form servers send (`Sun, 06 Nov 1994 08:49:37 GMT`, RFC 9110 §5.6.7): read in
/// `Retry-After`, written in `Sunset`. One formatter, made on first use (making one per call is costly).
enum HTTPDate {
    private static let formatter: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        return formatter
    }()
    private static let lock = NSLock()

    static func parse(_ text: String) -> Date? { lock.withLock { formatter.date(from: text) } }
    static func format(_ date: Date) -> String { lock.withLock { formatter.string(from: date) } }
}
