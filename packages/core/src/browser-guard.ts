/** True in a browser page or a browser worker; false in Node, Deno, Bun, workerd and edge runtimes. */
export function isBrowserLike(): boolean {
  const g = globalThis as any
  if (g.window?.document !== undefined && g.navigator !== undefined) return true
  return (
    typeof g.WorkerGlobalScope === 'function' &&
    g instanceof g.WorkerGlobalScope &&
    typeof g.navigator?.userAgent === 'string' &&
    g.navigator.userAgent !== 'Cloudflare-Workers' &&
    !g.process?.versions?.node &&
    !g.Deno &&
    !g.Bun &&
    !g.EdgeRuntime &&
    !g.WebSocketPair
  )
}

export const BROWSER_GUARD_MESSAGE =
  "It looks like you're running in a browser-like environment.\n\n" +
  'This is disabled by default, as it risks exposing your secret API credentials to attackers.\n' +
  'If you understand the risks and have appropriate mitigations in place,\n' +
  'you can set the `dangerouslyAllowBrowser` option to `true`, e.g.,\n\n' +
  'createClient({ apiKey, dangerouslyAllowBrowser: true });\n\n' +
  'Or leave out the key and point `baseURL` at a proxy of yours that adds it.\n\n' +
  'https://help.openai.com/en/articles/5112595-best-practices-for-api-key-safety\n'
