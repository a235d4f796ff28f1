/**
 * Wraps `fetch` so a request carrying `api-key` never follows a redirect (`redirect: 'manual'`, as the official
 * client does): fetch would resend the key to wherever a `Location` points. The 3xx comes back as an `APIError`.
 * Requests without the header (an Entra token: fetch drops `Authorization` on a cross-origin redirect), or whose
 * `redirect` is already set, are left alone. Made for core's calls, whose headers are a plain lower-case object.
 */
// @__NO_SIDE_EFFECTS__
export function keepKeyOnOrigin(fetchFn: typeof fetch): typeof fetch {
  return (input, init) =>
    fetchFn(
      input,
      (init?.headers as Record<string, string> | undefined)?.['api-key'] && !init!.redirect
        ? { ...init, redirect: 'manual' }
        : init,
    )
}
