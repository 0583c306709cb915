#!/usr/bin/env node
// carepath-server [--port N] [--address A] [--data DIR] [--redis HOST:PORT]
// Defaults: port 1234, address 127.0.0.1 (put a TLS proxy in front for wss://, see README),
// data directory ./carepath-data. Prints the publish key the app's Share needs.

import { start } from './server.mjs'
import { parseArgs } from 'node:util'

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.PORT ?? '1234' },
    address: { type: 'string', default: process.env.CAREPATH_ADDRESS ?? '127.0.0.1' },
    data: { type: 'string', default: process.env.CAREPATH_DATA ?? 'carepath-data' },
    redis: { type: 'string', default: process.env.CAREPATH_REDIS }
  }
})
const port = Number(values.port)
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`carepath-server: --port ${values.port} is not a port number`)
  process.exit(2)
}
let redis
if (values.redis) {
  const m = /^(.+):(\d+)$/.exec(values.redis)
  if (!m) {
    console.error(`carepath-server: --redis ${values.redis} is not HOST:PORT`)
    process.exit(2)
  }
  redis = { host: m[1], port: Number(m[2]) }
}
try {
  const s = await start({ port, address: values.address, dataDir: values.data, redis, quiet: true, stopOnSignals: true })
  console.log(`carepath-server: listening on ${s.url}; documents in ${values.data}/documents.sqlite`)
  console.log(`carepath-server: publish key (for Share): ${s.publishKey}`)
} catch (e) {
  console.error(`carepath-server: ${e.message}`)
  process.exit(2)
}
