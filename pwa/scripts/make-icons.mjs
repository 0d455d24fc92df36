// Draws the app icons (a white lightning bolt on a blue tile) as PNG files into public/,
// with nothing but node:zlib. Run with `npm run icons`; the results are committed.
import { deflateSync } from 'node:zlib'
import { writeFileSync } from 'node:fs'

const BLUE = [29, 78, 216]
const WHITE = [255, 255, 255]
// The bolt, in a 0..1 square.
const BOLT = [
  [0.56, 0.12], [0.28, 0.54], [0.47, 0.54], [0.40, 0.88], [0.72, 0.42], [0.53, 0.42], [0.62, 0.12],
]

function inside(x, y, poly) {
  let hit = false
  for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
    const [xi, yi] = poly[i]
    const [xj, yj] = poly[j]
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit
  }
  return hit
}

function crc32(buf) {
  let c = ~0
  for (const b of buf) {
    c ^= b
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1
  }
  return ~c >>> 0
}

function chunk(type, data) {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([len, body, crc])
}

// maskable: full-bleed background, bolt shrunk into the 80 % safe zone; otherwise a rounded tile.
function icon(size, { maskable = false } = {}) {
  const samples = 4
  const raw = Buffer.alloc(size * (size * 4 + 1))
  const radius = maskable ? 0 : 0.18
  const scale = maskable ? 0.7 : 1
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0
    for (let x = 0; x < size; x++) {
      let bg = 0
      let fg = 0
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const u = (x + (sx + 0.5) / samples) / size
          const v = (y + (sy + 0.5) / samples) / size
          const dx = Math.max(radius - u, 0, u - (1 - radius))
          const dy = Math.max(radius - v, 0, v - (1 - radius))
          if (radius > 0 && dx * dx + dy * dy > radius * radius) continue
          bg++
          const bu = (u - 0.5) / scale + 0.5
          const bv = (v - 0.5) / scale + 0.5
          if (inside(bu, bv, BOLT)) fg++
        }
      }
      const n = samples * samples
      const alpha = bg / n
      const mix = bg ? fg / bg : 0
      const o = y * (size * 4 + 1) + 1 + x * 4
      for (let c = 0; c < 3; c++) raw[o + c] = Math.round(BLUE[c] * (1 - mix) + WHITE[c] * mix)
      raw[o + 3] = Math.round(alpha * 255)
    }
  }
  const header = Buffer.alloc(13)
  header.writeUInt32BE(size, 0)
  header.writeUInt32BE(size, 4)
  header[8] = 8
  header[9] = 6
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

const out = new URL('../public/', import.meta.url)
writeFileSync(new URL('icon-192.png', out), icon(192))
writeFileSync(new URL('icon-512.png', out), icon(512))
writeFileSync(new URL('icon-maskable-512.png', out), icon(512, { maskable: true }))
writeFileSync(new URL('apple-touch-icon.png', out), icon(180, { maskable: true }))
writeFileSync(new URL('favicon.png', out), icon(48))
console.log('icons written to public/')
