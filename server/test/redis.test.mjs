// Two server processes behind one Redis (as when a region's teams outgrow one machine):
// participants connected to different processes edit one document and converge, and a
// client with a wrong token gets nothing from either. Needs `redis-server` (Debian package
// redis-server; scripts/install-deps.sh --test installs it).

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync, spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { HocuspocusProvider } from '@hocuspocus/provider'
import { until, wait } from './waiting.mjs'
import { tokenFor } from '../src/tokens.mjs'
import { freePort, serve, stop } from './processes.mjs'
import { Peer, carepathProgram, randomEdit } from './peer.mjs'

function redisProgram () {
  try {
    return execFileSync('sh', ['-c', 'command -v redis-server'], { encoding: 'utf8' }).trim()
  } catch {
    throw new Error('redis-server is missing: install the Debian package redis-server (scripts/install-deps.sh --test does)')
  }
}

async function startRedis (port) {
  const child = spawn(redisProgram(), ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: ['ignore', 'pipe', 'inherit'] })
  child.once('exit', () => child.stdout.destroy())
  await new Promise((resolve, reject) => {
    let out = ''
    child.stdout.on('data', d => { out += d; if (out.includes('Ready to accept connections')) resolve() })
    child.on('exit', code => reject(new Error(`redis-server ended with ${code}: ${out}`)))
  })
  return child
}

test('participants on two server processes sharing a Redis converge', { timeout: 300000 }, async t => {
  const dir = mkdtempSync(join(tmpdir(), 'carepath-redis-'))
  const secret = 'redis-test-secret'
  const [redisPort, port1, port2] = [await freePort(), await freePort(), await freePort()]
  const redis = await startRedis(redisPort)
  const args = ['--redis', `127.0.0.1:${redisPort}`]
  const one = await serve(port1, join(dir, 'data'), secret, args)
  const two = await serve(port2, join(dir, 'data'), secret, args)
  const peers = []
  const strangers = []
  t.after(async () => {
    for (const p of peers) await p.close()
    for (const s of strangers) s.destroy()
    await stop(one)
    await stop(two)
    await stop(redis)
    rmSync(dir, { recursive: true, force: true })
  })
  const r = await fetch(`http://127.0.0.1:${port1}/documents`, { method: 'POST', headers: { Authorization: 'Bearer key' } })
  const { name, token } = await r.json()
  assert.equal(token, tokenFor(secret, name))
  const url = port => `ws://127.0.0.1:${port}`
  const first = join(dir, 'p0.carepath')
  execFileSync(carepathProgram(), ['new', first, '--template', 'copd'], { stdio: 'ignore' })
  peers.push(new Peer({ url: url(port1), name, token, file: first, author: 'p0' }))
  await until('the first peer synced', () => peers[0].synced && peers[0].idle(), 20000)
  for (let i = 1; i < 4; i++) {
    peers.push(new Peer({ url: url(i % 2 ? port2 : port1), name, token, file: join(dir, `p${i}.carepath`), author: `p${i}` }))
  }
  await until('every peer joined', () => peers.every((p, i) => i === 0 || (p.synced && p.applied > 0)), 60000)

  // a stranger on the second process with a wrong token receives nothing
  const stranger = new Y.Doc()
  strangers.push(new HocuspocusProvider({ url: url(port2), WebSocketPolyfill: WebSocket, name, token: 'wrong', document: stranger }))

  await Promise.all(peers.map(async p => {
    for (let k = 0; k < 40; k++) {
      const doc = JSON.parse(await p.json()).document
      await p.edit(randomEdit(doc, p.author, k))
      await wait(10 * Math.random())
    }
  }))
  let quiet = 0
  const end = Date.now() + 120000
  while (quiet < 2) {
    assert.ok(Date.now() < end, 'the peers did not settle')
    await wait(300)
    quiet = peers.every(p => p.idle()) ? quiet + 1 : 0
  }
  const texts = await Promise.all(peers.map(p => p.json()))
  for (let i = 1; i < texts.length; i++) assert.equal(texts[i], texts[0], `p${i} (process ${i % 2 ? 2 : 1}) differs from p0`)
  assert.equal(stranger.share.size, 0, 'the stranger received nothing')
})
