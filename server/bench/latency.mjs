// How long until an edit is visible on another participant: 20 core-backed participants
// (test/peer.mjs) on one document through the real server on loopback; one at a time, a
// random participant relabels a step, and for each of the other 19 the time from sending the
// edit to its core having applied the update is taken. Prints p50, p95 and max.
//
//   CAREPATH_CLI=path/to/carepath node bench/latency.mjs [participants] [edits]

import { execFileSync } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { start } from '../src/server.mjs'
import { Peer, carepathProgram } from '../test/peer.mjs'
import { until, wait } from '../test/waiting.mjs'

const participants = Number(process.argv[2] ?? 20)
const edits = Number(process.argv[3] ?? 100)
const dir = mkdtempSync(join(tmpdir(), 'carepath-latency-'))
const server = await start({ port: 0, quiet: true, dataDir: join(dir, 'server') })
const r = await fetch(`${server.httpUrl}/documents`, { method: 'POST', headers: { Authorization: `Bearer ${server.publishKey}` } })
const { name, token } = await r.json()
execFileSync(carepathProgram(), ['new', join(dir, 'p0.carepath'), '--template', 'copd'], { stdio: 'ignore' })
const peers = []
for (let i = 0; i < participants; i++) {
  peers.push(new Peer({ url: server.url, name, token, file: join(dir, `p${i}.carepath`), author: `p${i}` }))
  if (i === 0) await until('the first synced', () => peers[0].synced && peers[0].idle(), 20000)
}
await until('all joined', () => peers.every((p, i) => i === 0 || (p.synced && p.applied > 0)), 60000)
await wait(500)

const doc = JSON.parse(await peers[0].json()).document
const variant = doc.variants[0]
const samples = []
for (let k = 0; k < edits; k++) {
  const from = peers[k % participants]
  const step = variant.steps[k % variant.steps.length]
  const before = peers.map(p => p.applied)
  const sent = performance.now()
  await from.edit({ op: 'update_step', variant: variant.id, step: { ...step, label: `Endring ${k}` } })
  const seen = new Array(participants).fill(null)
  peers.forEach((p, i) => {
    p.onApplied = () => { if (p !== from && seen[i] === null && p.applied > before[i]) seen[i] = performance.now() - sent }
  })
  await until(`edit ${k} on every participant`, () => peers.every((p, i) => p === from || seen[i] !== null), 20000)
  samples.push(...seen.filter(s => s !== null))
}
samples.sort((a, b) => a - b)
const at = q => samples[Math.min(samples.length - 1, Math.floor(q * samples.length))].toFixed(1)
console.log(`${participants} participants, ${edits} edits, ${samples.length} deliveries: p50 ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${samples[samples.length - 1].toFixed(1)} ms`)
for (const p of peers) await p.close()
await server.stop()
rmSync(dir, { recursive: true, force: true })
