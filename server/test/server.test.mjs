// The collaboration server as clients meet it, on loopback: documents shared with the
// publish key, clients with the document's token converge, a client without it receives and
// changes nothing, and what was written survives a restart of the server.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { mkdtempSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { HocuspocusProvider } from '@hocuspocus/provider'
import { until, wait } from './waiting.mjs'
import { start } from '../src/server.mjs'


function client (url, name, token) {
  const document = new Y.Doc()
  const events = { synced: false, denied: null }
  const provider = new HocuspocusProvider({
    url,
    WebSocketPolyfill: WebSocket,
    name,
    token,
    document,
    onSynced: () => { events.synced = true },
    onAuthenticationFailed: ({ reason }) => { events.denied = reason }
  })
  return {
    document,
    events,
    steps: document.getMap('steps'),
    unsynced: () => provider.unsyncedChanges,
    close: () => provider.destroy()
  }
}

async function share (s, key = s.publishKey) {
  const r = await fetch(`${s.httpUrl}/documents`, { method: 'POST', headers: key ? { Authorization: `Bearer ${key}` } : {} })
  return { status: r.status, body: await r.json() }
}

// what a test opened, closed in order when it ends: clients, then servers, then the data
function cleanup (t) {
  const clients = []
  const servers = []
  const dirs = []
  t.after(async () => {
    for (const c of clients) c.close()
    for (const s of servers) await s.stop()
    for (const d of dirs) rmSync(d, { recursive: true, force: true })
  })
  return {
    dir: () => { const d = mkdtempSync(join(tmpdir(), 'carepath-server-')); dirs.push(d); return d },
    server: async options => { const s = await start({ port: 0, quiet: true, ...options }); servers.push(s); return s },
    client: (...args) => { const c = client(...args); clients.push(c); return c }
  }
}

test('sharing needs the publish key and gives a name and a token', async t => {
  const on = cleanup(t)
  const s = await on.server({ dataDir: on.dir() })
  const denied = await share(s, 'wrong key')
  assert.equal(denied.status, 401)
  assert.equal((await share(s, null)).status, 401)
  const shared = await share(s)
  assert.equal(shared.status, 201)
  assert.match(shared.body.name, /^[0-9a-f-]{36}$/)
  assert.equal(shared.body.token, s.tokenFor(shared.body.name))
  assert.equal((await fetch(`${s.httpUrl}/health`)).status, 200)
  // the app's window asks from its own origin: the preflight is answered, and so is the answer
  const preflight = await fetch(`${s.httpUrl}/documents`, { method: 'OPTIONS', headers: { Origin: 'tauri://localhost', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'authorization' } })
  assert.equal(preflight.status, 204)
  assert.match(preflight.headers.get('access-control-allow-headers'), /Authorization/)
  assert.equal((await fetch(`${s.httpUrl}/documents`, { method: 'POST', headers: { Authorization: `Bearer ${s.publishKey}`, Origin: 'tauri://localhost' } })).headers.get('access-control-allow-origin'), '*')
  // the secrets the first start wrote are for the server's user only
  const mode = statSync(join(s.server.configuration.extensions[0].configuration.database, '..', 'secret')).mode & 0o777
  assert.equal(mode, 0o600)
})

test('two clients with the token converge on the same state', async t => {
  const on = cleanup(t)
  const s = await on.server({ dataDir: on.dir() })
  const { name, token } = (await share(s)).body
  const a = on.client(s.url, name, token)
  const b = on.client(s.url, name, token)
  await until('both synced', () => a.events.synced && b.events.synced)
  a.steps.set('s1', 'Pasient måler')
  b.steps.set('s2', 'Sykepleier vurderer')
  await until('both edits on both sides', () => a.steps.size === 2 && b.steps.size === 2)
  assert.deepEqual(a.steps.toJSON(), b.steps.toJSON())
  assert.deepEqual(Y.encodeStateVector(a.document), Y.encodeStateVector(b.document))
})

test('a client without a valid token receives nothing and changes nothing', async t => {
  const on = cleanup(t)
  const s = await on.server({ dataDir: on.dir() })
  const { name, token } = (await share(s)).body
  const owner = on.client(s.url, name, token)
  await until('the owner synced', () => owner.events.synced)
  owner.steps.set('secret-step', 'Epikrise sendes')
  const intruders = [on.client(s.url, name, 'not-the-token'), on.client(s.url, name, s.tokenFor('another-document')), on.client(s.url, name, '')]
  await until('every intruder refused', () => intruders.every(c => c.events.denied !== null))
  for (const c of intruders) {
    c.steps.set('planted', 'x')
  }
  await wait(300)
  for (const c of intruders) {
    assert.equal(c.events.synced, false)
    assert.equal(c.steps.get('secret-step'), undefined, 'nothing of the document reached the intruder')
  }
  assert.equal(owner.steps.get('planted'), undefined, 'nothing the intruder wrote reached the document')
})

test('what was written survives a restart of the server', async t => {
  const on = cleanup(t)
  const dir = on.dir()
  const first = await start({ port: 0, dataDir: dir, quiet: true })
  const { name, token } = (await share(first)).body
  const a = client(first.url, name, token)
  await until('synced', () => a.events.synced)
  for (let i = 0; i < 50; i++) a.steps.set(`s${i}`, `Steg ${i}`)
  await until('every change acknowledged', () => a.unsynced() === 0)
  a.close()
  await first.stop()
  const s = await on.server({ dataDir: dir })
  const b = on.client(s.url, name, token)
  await until('the restarted server gave back all 50 steps', () => b.steps.size === 50)
  assert.equal(b.steps.get('s49'), 'Steg 49')
  assert.equal(s.tokenFor(name), token, 'the secret kept in the data directory gives the same tokens')
})
