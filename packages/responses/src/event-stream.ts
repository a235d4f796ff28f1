/**
 * What a `stream: true` call resolves to: core's `Stream`, a single-use async iterable of the parsed events.
 * Breaking out of `for await` cancels the request; `tee()` reads it twice; `toReadableStream()` re-serialises it.
 */
export interface EventStream<T> extends AsyncIterable<T> {
  /** Aborting it cancels the request and ends iteration. */
  readonly controller: AbortController
  /** The HTTP response the events are read from. */
  readonly response: Response | undefined
  tee(): [EventStream<T>, EventStream<T>]
  toReadableStream(): ReadableStream<Uint8Array>
}
