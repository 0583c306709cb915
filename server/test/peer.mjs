// A co-editing participant as the desktop app is one: a Yjs document connected to the
// collaboration server, and the Carepath core (`carepath collab peer FILE`) holding the
// .carepath file. Updates go both ways: the core's (each edit checked and committed to the
// file first) into the Yjs document and out to the server; the server's into the core, in
// batches, through the core's checks.

import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createInterface } from 'node:readline'
import { randomUUID } from 'node:crypto'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { HocuspocusProvider } from '@hocuspocus/provider'

export function carepathProgram () {
  const program = process.env.CAREPATH_CLI
  if (!program || !existsSync(program)) {
    throw new Error(`CAREPATH_CLI must name the carepath program (cargo build --bin carepath); it is ${program ? `'${program}', which does not exist` : 'not set'}`)
  }
  return program
}

export class Peer {
  constructor ({ url, name, token, file, author }) {
    this.author = author
    this.answers = []
    this.inbox = []
    this.busy = false
    this.applied = 0
    this.notices = []
    this.leftOut = []
    this.errors = []
    this.core = spawn(carepathProgram(), ['collab', 'peer', file, '--author', author], { stdio: ['pipe', 'pipe', 'inherit'] })
    this.exited = new Promise(resolve => this.core.on('exit', resolve))
    createInterface({ input: this.core.stdout }).on('line', line => {
      const msg = JSON.parse(line)
      if (msg.update) {
        Y.applyUpdate(this.document, Buffer.from(msg.update, 'base64'), 'core')
      } else {
        this.answers.shift()(msg)
      }
    })
    this.document = new Y.Doc()
    this.document.on('update', (update, origin) => {
      if (origin !== 'core') {
        this.inbox.push(update)
        this.flush()
      }
    })
    this.synced = false
    this.provider = new HocuspocusProvider({
      url,
      WebSocketPolyfill: WebSocket,
      name,
      token,
      document: this.document,
      onSynced: () => { this.synced = true }
    })
  }

  request (message) {
    return new Promise(resolve => {
      this.answers.push(resolve)
      this.core.stdin.write(JSON.stringify(message) + '\n')
    })
  }

  // hands what arrived from others to the core, in batches
  async flush () {
    if (this.busy) return
    this.busy = true
    while (this.inbox.length) {
      const updates = this.inbox.splice(0).map(u => Buffer.from(u).toString('base64'))
      const answer = await this.request({ updates })
      if (answer.error) this.errors.push(answer.error)
      else {
        this.applied += answer.ok.changed
        this.notices.push(...(answer.ok.notices ?? []))
        this.leftOut = answer.ok.left_out ?? this.leftOut
      }
      this.onApplied?.(this)
    }
    this.busy = false
  }

  idle () {
    return !this.busy && this.inbox.length === 0 && this.provider.unsyncedChanges === 0
  }

  async edit (edit) {
    const answer = await this.request({ edit })
    return !answer.error
  }

  async json () {
    const answer = await this.request({ get: 'json' })
    if (answer.error) throw new Error(`${this.author}: ${answer.error}`)
    return answer.json
  }

  async close () {
    this.provider.destroy()
    this.core.stdin.end()
    await this.exited
  }
}

// A random edit of a document (its canonical JSON): add, relabel, move or remove a step, add
// a transition, comment, or retitle. The core may refuse some (a transition it does not allow).
export function randomEdit (doc, who, n, random = Math.random) {
  const pick = list => list[Math.floor(random() * list.length)]
  const variant = doc.variants[0]
  const step = pick(variant.steps)
  const r = random()
  if (r < 0.25) {
    return { op: 'add_step', variant: variant.id, step: { id: randomUUID(), kind: 'activity', label: `${who} ${n}`, actor: pick(doc.actors).id, phase: pick(doc.phases).id } }
  }
  if (r < 0.5) return { op: 'update_step', variant: variant.id, step: { ...step, label: `${who} ${n}` } }
  if (r < 0.6) return { op: 'update_step', variant: variant.id, step: { ...step, position: { x: Math.round(random() * 900), y: Math.round(random() * 500) } } }
  if (r < 0.75 && variant.steps.length > 8) return { op: 'remove_step', variant: variant.id, id: step.id }
  if (r < 0.85) return { op: 'add_transition', variant: variant.id, transition: { id: randomUUID(), from: step.id, to: pick(variant.steps).id, kind: 'normal' } }
  if (r < 0.95) {
    return { op: 'add_comment', comment: { id: randomUUID(), target: { kind: 'step', variant: variant.id, id: step.id }, author: who, created: new Date().toISOString().replace(/\.\d+Z$/, 'Z'), text: `${who} ${n}` } }
  }
  return { op: 'set_metadata', metadata: { ...doc.metadata, title: `${who} ${n}` } }
}
