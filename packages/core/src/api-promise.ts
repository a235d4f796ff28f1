/** What every operation returns: a promise of the parsed result, plus the raw HTTP response on demand. */
export interface APIPromise<T> extends Promise<T> {
  /** The result together with the raw `Response` (status, headers; no second request is made). */
  withResponse(): Promise<{ data: T; response: Response; request_id: string | null }>
}

/** The settled outcome of one call: the parsed data and the response it came from. */
export interface APIResult<T> {
  data: T
  response: Response
}

/** Wraps a call's outcome into an `APIPromise`. */
export function toAPIPromise<T>(result: Promise<APIResult<T>>): APIPromise<T> {
  const promise = result.then((r) => r.data) as APIPromise<T>
  // Callers may use only withResponse(); keep the other branch from reporting an unhandled rejection.
  promise.catch(() => {})
  promise.withResponse = () =>
    result.then((r) => ({
      data: r.data,
      response: r.response,
      request_id: r.response.headers.get('x-request-id'),
    }))
  return promise
}

/** A new `APIPromise` over the same request with its data transformed (e.g. to add `output_text`). */
export function mapAPIPromise<T, U>(
  promise: APIPromise<T>,
  fn: (data: T, response: Response) => U | Promise<U>,
): APIPromise<U> {
  return toAPIPromise(
    promise.withResponse().then(async ({ data, response }) => ({ data: await fn(data, response), response })),
  )
}
