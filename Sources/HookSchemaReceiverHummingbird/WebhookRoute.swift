#if Hummingbird
    import HookSchemaReceiver
    import HookSchemaRuntime
    import Hummingbird
    import NIOCore

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

        /// The HTTP response for a receiver's answer.
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
