// Waiting in the server tests: for a while, or until a condition holds (failing after `ms`).

import assert from 'node:assert/strict'

export const wait = ms => new Promise(resolve => setTimeout(resolve, ms))

export async function until (what, check, ms = 5000) {
  const end = Date.now() + ms
  while (Date.now() < end) {
    if (check()) return
    await wait(20)
  }
  assert.fail(`waited ${ms} ms for ${what}`)
}
