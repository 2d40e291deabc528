#if Hummingbird
    import HookSchemaReceiver
    import HookSchemaRuntime
    import Hummingbird
    import NIOCore

    /// Adds a webhook receiver's route to a Hummingbird router or router group.
    extension RouterMethods {
        /// Adds `POST path`, which hands each delivery to `receiver` with its raw body bytes and its headers, and
        /// answers with the receiver's status and a small JSON body (`{"outcome": "…", "reason": "…"}`).
        ///
        /// ```swift
        /// let router = Router()
        /// router.webhookReceiver("/webhooks/extend", receiver)
        /// ```
        ///
        /// A body over `receiver.configuration.maxBodyBytes` is refused with 413 without being read whole: at once
        /// when `Content-Length` says so, otherwise as soon as the bytes read pass the limit.
        ///
        /// - Parameters:
        ///   - path: The route's path (`"/webhooks/extend"`).
        ///   - receiver: The receiver every delivery to `path` goes to.
        /// - Returns: The router, to add more routes.
        @discardableResult
        public func webhookReceiver<Event: WebhookEventUnion>(
            _ path: RouterPath, _ receiver: WebhookReceiver<Event>
        ) -> Self {
            post(path) { request, _ in
                await WebhookRoute.respond(to: request, with: receiver)
            }
        }
    }

    /// The glue between a Hummingbird request and a `WebhookReceiver`.
    public enum WebhookRoute {
        /// Reads the request's body up to the receiver's limit and answers with what the receiver says.
        ///
        /// Use it from a route of your own when ``Hummingbird/RouterMethods/webhookReceiver(_:_:)`` does not fit
        /// (a route group with its own middleware, or a route that picks the receiver from the request).
        ///
        /// - Parameters:
        ///   - request: The incoming request; its body is read here, at most once.
        ///   - receiver: The receiver to hand the delivery to.
        /// - Returns: The response for the receiver's answer (see ``response(_:)``); 413 for a body over the
        ///   limit, 400 when the body cannot be read.
        public static func respond<Event: WebhookEventUnion>(
            to request: Request, with receiver: WebhookReceiver<Event>
        ) async -> Response {
            let limit = receiver.configuration.maxBodyBytes
            let tooLarge = ReceiverResponse(
                status: 413, outcome: .tooLarge, reason: "the body is over the limit of \(limit) bytes")
            if let length = request.headers[.contentLength].flatMap(Int.init), length > limit {
                return response(tooLarge)
            }
            var body: [UInt8] = []
            do {
                for try await chunk in request.body {
                    guard body.count + chunk.readableBytes <= limit else { return response(tooLarge) }
                    body.append(contentsOf: chunk.readableBytesView)
                }
            } catch {
                return response(
                    ReceiverResponse(status: 400, outcome: .unreadable, reason: "the request body could not be read"))
            }
            let headers = request.headers.map { (name: $0.name.rawName, value: $0.value) }
            return response(await receiver.receive(body: body, headers: headers))
        }

        /// The HTTP response for a receiver's answer: its status, `Content-Type: application/json`, the
        /// answer's JSON body, and `Retry-After: 5` for a 409 or a 503.
        ///
        /// - Parameter answer: What the receiver answered.
        /// - Returns: The Hummingbird response to send.
        public static func response(_ answer: ReceiverResponse) -> Response {
            var headers = HTTPFields()
            headers[.contentType] = "application/json"
            if answer.status == 503 || answer.status == 409 {
                headers[.retryAfter] = "5"
            }
            return Response(
                status: HTTPResponse.Status(code: answer.status),
                headers: headers,
                body: ResponseBody(byteBuffer: ByteBuffer(string: answer.jsonBody)))
        }
    }
#endif
