@_spi(Generated) import CharterRuntime
import Foundation
import Logging

/// Sends an operation's callbacks after the mock has answered it, as the API would: to the URL each callback's key
/// reads from the request, with a body drawn from the callback's schema, and logs what the receiver answered,
/// checked against the callback's documented responses. A receiver that cannot be reached, or answers outside its
/// contract, is a warning in the log; the subscribing call has been answered by then and is not affected.
struct MockCallbacks: Sendable {
    let sender: MockSender
    let logger: Logger

    /// Reads each callback's URL from `reader` now (the request is gone once answered) and sends them in the
    /// background, in the spec's order.
    func schedule(_ callbacks: [MockCatalog.Callback], after reader: ServerRequestReader, seed: UInt64) {
        var targets: [(MockCatalog.Callback, URL)] = []
        for callback in callbacks {
            do {
                targets.append((callback, try reader.callbackURL(callback.template)))
            } catch {
                logger.warning("callback \(callback.name) of \(reader.contract.method) \(reader.contract.path) not sent: \(error)")
            }
        }
        guard !targets.isEmpty else { return }
        Task {
            // After the answer has left: a receiver may look the subscription up when the callback arrives.
            try? await Task.sleep(nanoseconds: 50_000_000)
            for (callback, url) in targets { await send(callback, to: url, seed: seed) }
        }
    }

    private func send(_ callback: MockCatalog.Callback, to url: URL, seed: UInt64) async {
        let label = "callback \(callback.name) (\(callback.contract.method) \(url.absoluteString))"
        do {
            let delivery = await sender.deliver(try sender.outgoing(callback.contract, to: url, seed: seed), contract: callback.contract)
            logger.log(delivery, label: label, contract: "the callback's contract")
        } catch {
            logger.warning("\(label) failed: \(error)")
        }
    }
}

extension Logger {
    /// A delivery the receiver answered within `contract` is a notice; one outside it, or unanswered, a warning.
    func log(_ delivery: MockSender.Delivery, label: String, contract: String) {
        if let failure = delivery.failure {
            warning("\(label) failed: \(failure)")
        } else if delivery.problems.isEmpty {
            notice("\(label): \(delivery.status ?? 0)")
        } else {
            warning("\(label): \(delivery.status ?? 0), outside \(contract): \(delivery.problems.summary)")
        }
    }
}
