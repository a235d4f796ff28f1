/** The value of a query parameter; when it was given several times, the last one wins. */
export function queryValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[value.length - 1] : value
}
