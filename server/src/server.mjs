// Carepath's collaboration server: Hocuspocus with
//  - authentication: every connection names a document and carries its token
//    (tokens.mjs); a connection without a valid token is refused before it receives or
//    changes anything;
//  - persistence: the documents' Yjs state in one SQLite file in the data directory
//    (Hocuspocus' SQLite extension over better-sqlite3);
//  - several processes behind one address (optional): with a Redis server given, every
//    process passes its documents' updates and awareness to the others through it
//    (Hocuspocus' Redis extension), so clients connected to different processes edit
//    together; the processes share the data directory;
//  - sharing: `POST /documents` with the team's publish key creates a document name and
//    its token (what the app's Share sends to the others); `GET /health` answers "ok".
// The secret and the publish key come from the environment or from files the first start
// writes into the data directory (mode 0600).

import { Server } from '@hocuspocus/server'
import { SQLite } from '@hocuspocus/extension-sqlite'
import { Redis } from '@hocuspocus/extension-redis'
import { randomUUID } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs'
import { join } from 'node:path'
import { newSecret, sameSecret, tokenFor, tokenIsValid } from './tokens.mjs'

/** A value from the environment, else from a file in the data directory (created once). */
function kept (dataDir, file, fromEnv) {
  if (fromEnv) return fromEnv
  const path = join(dataDir, file)
  if (!existsSync(path)) writeFileSync(path, newSecret() + '\n', { mode: 0o600, flag: 'wx' })
  return readFileSync(path, 'utf8').trim()
}

// The desktop app's window asks from its own origin (tauri://localhost); the publish key
// travels as a bearer token, never a cookie, so any origin may ask.
const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Allow-Methods': 'POST, GET, OPTIONS',
  'Access-Control-Allow-Headers': 'Authorization, Content-Type',
  'Access-Control-Max-Age': '600'
}

function json (response, status, body) {
  response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...CORS })
  response.end(JSON.stringify(body))
}

/**
 * Starts a server. Options: port (0: any free one), address (default 127.0.0.1), dataDir
 * (required), secret and publishKey (default: CAREPATH_SERVER_SECRET and
 * CAREPATH_PUBLISH_KEY, else kept in the data directory), redis ({ host, port } of a Redis
 * server shared by several processes; default: none), quiet.
 * Returns { server, url, publishKey, stop }.
 */
export async function start (options) {
  const { dataDir } = options
  if (!dataDir) throw new Error('carepath-server: no data directory given')
  mkdirSync(dataDir, { recursive: true })
  const secret = options.secret ?? kept(dataDir, 'secret', process.env.CAREPATH_SERVER_SECRET)
  const publishKey = options.publishKey ?? kept(dataDir, 'publish-key', process.env.CAREPATH_PUBLISH_KEY)
  const server = new Server({
    name: 'carepath',
    port: options.port ?? 1234,
    address: options.address ?? '127.0.0.1',
    quiet: options.quiet ?? false,
    stopOnSignals: options.stopOnSignals ?? false,
    // a pathway's edits are small; a whole document is at most a few megabytes
    websocketOptions: { maxPayload: 16 * 1024 * 1024 },
    extensions: [
      new SQLite({ database: join(dataDir, 'documents.sqlite') }),
      ...(options.redis ? [new Redis({ host: options.redis.host ?? '127.0.0.1', port: options.redis.port ?? 6379, prefix: 'carepath' })] : [])
    ],
    async onAuthenticate ({ documentName, token }) {
      if (!tokenIsValid(secret, documentName, token)) {
        throw new Error('not allowed: wrong or missing token for this document')
      }
      return { documentName }
    },
    async onRequest ({ request, response }) {
      const url = new URL(request.url, 'http://localhost')
      if (request.method === 'GET' && url.pathname === '/health') {
        json(response, 200, { ok: true })
        throw null
      }
      if (url.pathname === '/documents') {
        if (request.method === 'OPTIONS') {
          response.writeHead(204, CORS)
          response.end()
          throw null
        }
        if (request.method !== 'POST') {
          json(response, 405, { error: 'use POST' })
          throw null
        }
        const given = (request.headers.authorization ?? '').replace(/^Bearer\s+/i, '')
        if (!sameSecret(given, publishKey)) {
          json(response, 401, { error: 'a publish key is needed to share a document on this server' })
          throw null
        }
        const name = randomUUID()
        json(response, 201, { name, token: tokenFor(secret, name) })
        throw null
      }
      json(response, 404, { error: 'not found' })
      throw null
    }
  })
  await server.listen()
  const { address, port } = server.address
  return {
    server,
    port,
    url: `ws://${address}:${port}`,
    httpUrl: `http://${address}:${port}`,
    publishKey,
    tokenFor: name => tokenFor(secret, name),
    stop: () => server.destroy()
  }
}
