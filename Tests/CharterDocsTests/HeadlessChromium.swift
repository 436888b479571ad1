import Foundation

/// Headless Chromium (Debian's `chromium` package; `.ci/run` installs it) opening a local page and printing its
/// DOM once the page's timers have run, with the browser's console on standard error.
struct HeadlessChromium {
    let executable: String

    /// The browser on this machine, or nil (tests then skip and say so).
    static func find() -> HeadlessChromium? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for name in ["chromium", "chromium-browser", "google-chrome", "google-chrome-stable"] {
            for folder in path.split(separator: ":") {
                let candidate = "\(folder)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return HeadlessChromium(executable: candidate) }
            }
        }
        return nil
    }

    /// The DOM of `page` after `budgetMilliseconds` of virtual time, and the console lines the page logged.
    func dumpDOM(_ page: URL, budgetMilliseconds: Int = 5_000, windowSize: String = "1280,900") throws -> (dom: String, console: [String]) {
        let profile = FileManager.default.temporaryDirectory.appendingPathComponent("charter-chromium-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: profile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-extensions",
            // The harness page reads the docs page in its frame: both are files, which Chromium keeps apart unless told.
            "--allow-file-access-from-files",
            "--user-data-dir=\(profile.path)", "--window-size=\(windowSize)",
            "--enable-logging=stderr", "--v=0", "--virtual-time-budget=\(budgetMilliseconds)",
            "--dump-dom", page.absoluteString,
        ]
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        // Read both pipes while the browser runs (a full pipe would stall it).
        let errorData = LockedData()
        let reader = Thread { errorData.set(err.fileHandleForReading.readDataToEndOfFile()) }
        reader.start()
        let timer = DispatchSource.makeTimerSource()
        timer.schedule(deadline: .now() + 120)
        timer.setEventHandler { if process.isRunning { process.terminate() } }
        timer.resume()
        let dom = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        timer.cancel()
        while !errorData.isSet { Thread.sleep(forTimeInterval: 0.01) }
        let log = String(decoding: errorData.get(), as: UTF8.self)
        // Console messages: `[…:INFO:CONSOLE(12)] "message", source: file:///… (12)`.
        let console = log.split(separator: "\n").filter { $0.contains(":CONSOLE") || $0.contains("Uncaught") }.map(String.init)
        return (String(decoding: dom, as: UTF8.self), console)
    }
}

private final class LockedData: @unchecked Sendable {
    private let lock = NSLock()
    private var data: Data?
    func set(_ d: Data) { lock.lock(); data = d; lock.unlock() }
    func get() -> Data { lock.lock(); defer { lock.unlock() }; return data ?? Data() }
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return data != nil }
}
