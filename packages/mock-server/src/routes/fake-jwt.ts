/** A JWT-shaped token (`header.claims.signature`, base64url) that no one can verify: for fake identity hosts. */
export function fakeJwt(claims: Record<string, unknown>): string {
  const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')
  return `${part({ alg: 'RS256', typ: 'JWT', kid: 'mock' })}.${part(claims)}.${Buffer.from('mock-signature').toString('base64url')}`
}
