// Server processes as a user or service manager starts and ends them, for the tests.

import { spawn } from 'node:child_process'
import { createServer } from 'node:net'
import { fileURLToPath } from 'node:url'

const MAIN = fileURLToPath(new URL('../src/main.mjs', import.meta.url))

export function freePort () {
  return new Promise(resolve => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address()
      s.close(() => resolve(port))
    })
  })
}

/** The server as a user starts it, in its own process; resolves once it listens. */
export function serve (port, dataDir, secret, args = []) {
  const child = spawn(process.execPath, [MAIN, '--port', String(port), '--data', dataDir, ...args], {
    env: { ...process.env, CAREPATH_SERVER_SECRET: secret, CAREPATH_PUBLISH_KEY: 'key' },
    stdio: ['ignore', 'pipe', 'inherit']
  })
  // the pipe is closed with the process, so a killed server leaves no open handle behind
  child.once('exit', () => child.stdout.destroy())
  return new Promise((resolve, reject) => {
    let out = ''
    child.stdout.on('data', d => {
      out += d
      if (out.includes('listening')) resolve(child)
    })
    child.on('exit', code => reject(new Error(`the server ended with ${code}: ${out}`)))
  })
}

/** Ends the server as a service manager would: SIGTERM, and SIGKILL if it has not ended in 5 s. */
export async function stop (child) {
  if (child.exitCode !== null || child.signalCode !== null) return
  const ended = new Promise(resolve => child.once('exit', resolve))
  child.kill('SIGTERM')
  const timer = setTimeout(() => child.kill('SIGKILL'), 5000)
  await ended
  clearTimeout(timer)
}
