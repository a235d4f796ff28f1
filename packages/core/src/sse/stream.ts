import { OpenAIError } from '../errors'
import { _iterateSSEResponse, type SSEStreamOptions } from './sse-response-iterator'
import { _teeIterator } from './tee'

/**
 * A single-use async iterable of a streamed response's items.
 *
 * Breaking out of `for await` (or calling the iterator's `return()`) aborts `controller`, which cancels
 * the request. Use {@link Stream.tee} to read the items twice.
 *
 * @example
 * const stream = Stream.fromSSEResponse<ResponseStreamEvent>(response, controller)
 * for await (const event of stream) if (event.type === 'response.output_text.delta') write(event.delta)
 */
export class Stream<T> implements AsyncIterable<T> {
  // `declare`: set by the constructor, so no field initialisers are emitted for them.
  /** Aborting it cancels the underlying request and ends iteration. */
  declare readonly controller: AbortController
  /** The HTTP response the items are read from (`undefined` for streams built from a `ReadableStream`). */
  declare readonly response: Response | undefined
  readonly #iterate: () => AsyncIterator<T>
  #consumed = false
  // A tee branch shares the controller with its sibling, so cancelling one branch must not abort it.
  #teeBranch = false

  /** Wraps `iterate`, which is called once, when iteration starts. Prefer the static constructors. */
  constructor(iterate: () => AsyncIterator<T>, controller: AbortController, response?: Response) {
    this.#iterate = iterate
    this.controller = controller
    this.response = response
  }

  /**
   * Reads a `text/event-stream` response. `data: [DONE]` ends the stream (the body is cancelled, the
   * request is not aborted); malformed JSON data throws a `SyntaxError` that does not quote the data.
   * See {@link SSEStreamOptions} for the item shape and abort handling. A response without a body aborts
   * `controller` and throws when iterated.
   */
  static fromSSEResponse<T>(
    response: Response,
    controller: AbortController,
    options?: SSEStreamOptions,
  ): Stream<T> {
    return newStream<T>(() => _iterateSSEResponse<T>(response, controller, options), controller, response)
  }

  /**
   * Reads newline-delimited JSON, as written by {@link Stream.toReadableStream}. Blank lines are skipped; a
   * malformed line throws `SyntaxError('Error reading response: malformed newline-delimited JSON.')`.
   */
  static fromReadableStream<T>(readable: ReadableStream<Uint8Array>, controller: AbortController): Stream<T> {
    return newStream<T>(() => _iterateSSEResponse<T>({ body: readable }, controller, {}, true), controller)
  }

  /** Starts iteration; a second call gets an iterator that throws, as the items are read only once. */
  [Symbol.asyncIterator](): AsyncIterator<T> {
    if (this.#consumed) {
      const error = new OpenAIError(
        'Cannot iterate over a consumed stream, use `.tee()` to split the stream.',
      )
      return { next: () => Promise.reject(error) }
    }
    this.#consumed = true
    return this.#iterate()
  }

  /**
   * Splits the stream into two that each get every item, at their own pace (items are queued for the
   * slower one). Stopping one branch drops its queue; the request is cancelled when both stopped early.
   */
  tee(): [Stream<T>, Stream<T>] {
    return _teeIterator(this[Symbol.asyncIterator]()).map((iterator) => {
      const stream = newStream<T>(() => iterator, this.controller, this.response)
      stream.#teeBranch = true
      return stream
    }) as [Stream<T>, Stream<T>]
  }

  /**
   * The items as newline-delimited JSON bytes (`JSON.stringify(item) + '\n'` each), for instance to send
   * them on from a server; `Stream.fromReadableStream` reads them back. Cancelling it stops the
   * source and aborts the request (a tee branch only drops its own queue).
   */
  toReadableStream(): ReadableStream<Uint8Array> {
    const encoder = new TextEncoder()
    // Made now, as a ReadableStream's start() would: the stream counts as consumed from here on.
    const iterator = this[Symbol.asyncIterator]()
    let cancelled: Promise<void> | undefined
    const cancel = (): Promise<void> =>
      (cancelled ??= (async () => {
        if (!this.#teeBranch) this.controller.abort()
        await iterator.return?.()
      })())
    return new ReadableStream<Uint8Array>({
      async pull(readable) {
        try {
          const { value, done } = await iterator.next()
          if (done) readable.close()
          else readable.enqueue(encoder.encode(JSON.stringify(value) + '\n'))
        } catch (error) {
          readable.error(error)
          // An errored ReadableStream never calls cancel(); release the source here.
          cancel().catch(() => {})
        }
      },
      cancel,
    })
  }
}

// Outside the class: a class that names itself inside its body is emitted by esbuild as `class _Stream`, and
// `stream.constructor.name` would say so.
function newStream<T>(
  iterate: () => AsyncIterator<T>,
  controller: AbortController,
  response?: Response,
): Stream<T> {
  return new Stream<T>(iterate, controller, response)
}
