// Small summaries shared by the benchmarks: medians over repeated runs, rounding for the printed tables.

/** The median of `xs` (the upper middle value for an even count); `NaN` for an empty list. */
export function median(xs) {
  if (xs.length === 0) return Number.NaN
  return [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]
}

/** `n` rounded to `digits` decimals, as a number (for JSON output). */
export function round(n, digits = 1) {
  return Number(n.toFixed(digits))
}

/** Prints rows as a left-aligned first column and right-aligned others, with a header row. */
export function printTable(header, rows) {
  const cells = [header, ...rows].map((row) => row.map(String))
  const widths = header.map((_, i) => Math.max(...cells.map((row) => row[i].length)))
  for (const row of cells)
    console.log(
      row.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  '),
    )
}
