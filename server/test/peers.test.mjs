// Co-editing through the core, with the real server on loopback: participants that are what
// the desktop app is (a Yjs document on the server, the Carepath core holding a .carepath
// file; test/peer.mjs) edit one document at once and end with identical canonical JSON in
// their files, with no accepted edit lost, also after one of them worked offline.

import { test } from 'node:test'
import assert from 'node:assert/strict'
import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { until, wait } from './waiting.mjs'
import { start } from '../src/server.mjs'
import { Peer, carepathProgram, randomEdit } from './peer.mjs'

async function session (t, peers) {
  const dir = mkdtempSync(join(tmpdir(), 'carepath-peers-'))
  const server = await start({ port: 0, quiet: true, dataDir: join(dir, 'server') })
  const all = []
  t.after(async () => {
    for (const p of all) await p.close()
    await server.stop()
    rmSync(dir, { recursive: true, force: true })
  })
  const r = await fetch(`${server.httpUrl}/documents`, { method: 'POST', headers: { Authorization: `Bearer ${server.publishKey}` } })
  const { name, token } = await r.json()
  // the first shares a COPD document from its file; the others join into new files
  const first = join(dir, 'p0.carepath')
  execFileSync(carepathProgram(), ['new', first, '--template', 'copd'], { stdio: 'ignore' })
  for (let i = 0; i < peers; i++) {
    all.push(new Peer({ url: server.url, name, token, file: join(dir, `p${i}.carepath`), author: `p${i}` }))
    if (i === 0) await until('the first peer synced', () => all[0].synced && all[0].idle(), 20000)
  }
  await until('every peer joined', () => all.every(p => p.synced && p.applied > 0 || p === all[0]), 60000)
  return { server, peers: all, dir }
}

// waits until no peer has anything unsent or unapplied, twice in a row
async function settle (peers, ms = 120000) {
  const end = Date.now() + ms
  let quiet = 0
  while (quiet < 2) {
    assert.ok(Date.now() < end, `the peers did not settle in ${ms} ms`)
    await wait(250)
    quiet = peers.every(p => p.idle()) ? quiet + 1 : 0
  }
}

async function assertConverged (peers) {
  await settle(peers)
  const texts = await Promise.all(peers.map(p => p.json()))
  for (let i = 1; i < texts.length; i++) {
    assert.equal(texts[i], texts[0], `p${i}'s file differs from p0's`)
  }
  for (const p of peers) assert.deepEqual(p.errors, [], `${p.author} had errors`)
  return JSON.parse(texts[0]).document
}

// each peer makes `n` random edits, a few milliseconds apart; returns the steps added and
// removed by accepted edits
async function editAtRandom (peers, n, delay = 5) {
  const added = new Set()
  const removed = new Set()
  await Promise.all(peers.map(async (p, i) => {
    for (let k = 0; k < n; k++) {
      const doc = JSON.parse(await p.json()).document
      const e = randomEdit(doc, p.author, k)
      if (await p.edit(e)) {
        if (e.op === 'add_step') added.add(e.step.id)
        if (e.op === 'remove_step') removed.add(e.id)
      }
      await wait(delay * Math.random())
    }
  }))
  return { added, removed }
}

function assertKept (doc, { added, removed }, leftOut) {
  const present = new Set(doc.variants[0].steps.map(s => s.id))
  for (const id of added) {
    if (!removed.has(id)) assert.ok(present.has(id) || leftOut.some(l => l.includes(id)), `step ${id} was lost`)
  }
}

test('two participants editing at once end with identical files', async t => {
  const { peers } = await session(t, 2)
  const edits = await editAtRandom(peers, 30)
  const doc = await assertConverged(peers)
  assertKept(doc, edits, peers[0].leftOut)
})

test('a participant offline for 100 edits merges them when it comes back', async t => {
  const { peers } = await session(t, 3)
  const [a, b, offline] = peers
  offline.provider.disconnect()
  await wait(200)
  const while1 = await editAtRandom([offline], 100, 0)
  const while2 = await editAtRandom([a, b], 30)
  assert.ok(offline.provider.unsyncedChanges > 0, 'the offline participant has unsent changes')
  await offline.provider.connect()
  const doc = await assertConverged(peers)
  assertKept(doc, { added: new Set([...while1.added, ...while2.added]), removed: new Set([...while1.removed, ...while2.removed]) }, a.leftOut)
})

test('20 participants with 200 random edits each converge with no accepted edit lost', { timeout: 900000 }, async t => {
  const { peers } = await session(t, 20)
  const edits = await editAtRandom(peers, 200, 20)
  const doc = await assertConverged(peers)
  assertKept(doc, edits, peers[0].leftOut)
})
