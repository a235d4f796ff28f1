// Runs one smoke bundle in Node, Bun or Deno and prints its report as one JSON line that the matrix test reads:
//   <runtime> child-host.mjs <bundle file URL> <context JSON>
const args = globalThis.Deno ? globalThis.Deno.args : globalThis.process.argv.slice(2)
const [bundleURL, contextJSON] = args
let outcome
try {
  const { smoke } = await import(bundleURL)
  outcome = { ok: true, ...(await smoke(JSON.parse(contextJSON))) }
} catch (error) {
  outcome = { ok: false, error: String(error?.stack ?? error) }
}
console.log(`SMOKE_REPORT ${JSON.stringify(outcome)}`)
// Idle keep-alive sockets must not keep the runtime alive after the report.
if (globalThis.Deno) globalThis.Deno.exit(0)
else globalThis.process.exit(0)
