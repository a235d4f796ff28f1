/** A JSON error in the OpenAI shape, so the client in the page raises its usual typed error with this message. */
export function proxyError(
  status: number,
  message: string,
  code: string,
  headers: Record<string, string> = {},
): Response {
  return new Response(JSON.stringify({ error: { message, type: 'proxy_error', code, param: null } }), {
    status,
    headers: { ...headers, 'content-type': 'application/json' },
  })
}
