/** Draws the toolbar icons (a paper-clip mark on a navy tile) as PNGs, with no image tooling needed. */
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';

const NAVY = [31, 58, 95, 255];
const WHITE = [255, 255, 255, 255];
const CLEAR = [0, 0, 0, 0];

function crc32(buffer: Buffer): number {
  let crc = ~0;
  for (const byte of buffer) {
    crc ^= byte;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

function pixel(x: number, y: number, size: number): number[] {
  const u = (x + 0.5) / size;
  const v = (y + 0.5) / size;
  const radius = 0.2;
  const cx = Math.min(Math.max(u, radius), 1 - radius);
  const cy = Math.min(Math.max(v, radius), 1 - radius);
  if ((u - cx) ** 2 + (v - cy) ** 2 > radius ** 2) return CLEAR;
  // A quotation-mark pair: two bold commas.
  for (const qx of [0.36, 0.62]) {
    const inDot = (u - qx) ** 2 + (v - 0.42) ** 2 < 0.011;
    const inTail = u > qx - 0.02 && u < qx + 0.1 && v > 0.42 && v < 0.62 && u - qx < (0.62 - v) * 0.5 + 0.02 && u > qx + (v - 0.42) * 0.2 - 0.04;
    if (inDot || inTail) return WHITE;
  }
  return NAVY;
}

function png(size: number): Buffer {
  const rows: Buffer[] = [];
  for (let y = 0; y < size; y++) {
    const row = [0];
    for (let x = 0; x < size; x++) row.push(...pixel(x, y, size));
    rows.push(Buffer.from(row));
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 6, 0, 0, 0], 8);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(rows))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

mkdirSync('public/icons', { recursive: true });
for (const size of [16, 32, 48, 128]) writeFileSync(`public/icons/icon-${size}.png`, png(size));
