// Document tokens: a document is reached by its name and a token, and the token is the
// HMAC-SHA256 of the name under the server's secret. The server keeps no token table: it
// can check any token, and only who knows the secret (the server) can make one.

import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto'

export function tokenFor (secret, documentName) {
  return createHmac('sha256', secret).update(documentName, 'utf8').digest('base64url')
}

export function tokenIsValid (secret, documentName, token) {
  if (typeof token !== 'string' || typeof documentName !== 'string') return false
  const expected = Buffer.from(tokenFor(secret, documentName))
  const given = Buffer.from(token)
  return given.length === expected.length && timingSafeEqual(given, expected)
}

export function newSecret () {
  return randomBytes(32).toString('base64url')
}

/** Whether two secrets are equal, in time that does not depend on where they differ. */
export function sameSecret (a, b) {
  if (typeof a !== 'string' || typeof b !== 'string' || a.length === 0) return false
  const digest = s => createHash('sha256').update(s, 'utf8').digest()
  return timingSafeEqual(digest(a), digest(b))
}
