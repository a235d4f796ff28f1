/** Reads an environment variable where the runtime has one (Node, Bun, Deno); trims, and treats blank as unset. */
export function readEnv(name: string): string | undefined {
  const g = globalThis as any
  let value: string | undefined
  try {
    value = g.process?.env?.[name] ?? g.Deno?.env?.get?.(name)
  } catch {
    // Deno without --allow-env throws: behave as if unset.
  }
  return value?.trim() || undefined
}
