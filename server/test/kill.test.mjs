// The server process killed (SIGKILL) and started again mid-session: the clients reconnect
// by themselves, send what the server had not stored, and nothing accepted is lost.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { HocuspocusProvider } from '@hocuspocus/provider'
import { until } from './waiting.mjs'
import { tokenFor } from '../src/tokens.mjs'
import { freePort, serve, stop } from './processes.mjs'


function client (url, name, token) {
  const document = new Y.Doc()
  const provider = new HocuspocusProvider({ url, WebSocketPolyfill: WebSocket, name, token, document })
  return { document, provider, steps: document.getMap('steps') }
}

test('a server killed mid-session and started again loses no accepted edit', async t => {
  const dir = mkdtempSync(join(tmpdir(), 'carepath-server-'))
  const secret = 'test-secret'
  const port = await freePort()
  const url = `ws://127.0.0.1:${port}`
  const name = 'kols-ålesund'
  const token = tokenFor(secret, name)
  let server = await serve(port, dir, secret)
  const a = client(url, name, token)
  const b = client(url, name, token)
  t.after(async () => {
    a.provider.destroy()
    b.provider.destroy()
    await stop(server)
    rmSync(dir, { recursive: true, force: true })
  })
  await until('both synced', () => a.provider.isSynced && b.provider.isSynced, 10000)
  for (let i = 0; i < 100; i++) (i % 2 ? a : b).steps.set(`s${i}`, `Steg ${i}`)
  await until('the first 100 edits on both sides', () => a.steps.size === 100 && b.steps.size === 100, 10000)
  // killed before its store debounce (2 s) has written the last edits
  server.kill('SIGKILL')
  await new Promise(resolve => server.once('exit', resolve))
  // edits made while the server is down stay with their clients
  for (let i = 100; i < 150; i++) (i % 2 ? a : b).steps.set(`s${i}`, `Steg ${i}`)
  server = await serve(port, dir, secret)
  await until('both clients reconnected and converged', () => a.steps.size === 150 && b.steps.size === 150, 20000)
  assert.deepEqual(a.steps.toJSON(), b.steps.toJSON())
  // a newcomer reads everything from the restarted server
  const c = client(url, name, token)
  t.after(() => c.provider.destroy())
  await until('the newcomer has all 150', () => c.steps.size === 150, 10000)
})
