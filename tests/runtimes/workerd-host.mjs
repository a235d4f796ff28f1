// The workerd side of the matrix: POST { "package": "core", "context": {...} } and this worker imports that
// package's smoke bundle (a sibling module, ./smoke/core.mjs) and answers its report as JSON.
export default {
  async fetch(request) {
    const { package: name, context } = await request.json()
    try {
      const { smoke } = await import(`./smoke/${name}.mjs`)
      return Response.json({ ok: true, ...(await smoke(context)) })
    } catch (error) {
      return Response.json({ ok: false, error: String(error?.stack ?? error) })
    }
  },
}
