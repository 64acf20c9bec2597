// A funnel on a blue rounded square: the product's one idea in a glyph. Pure node (zlib) PNG writer.
// Run: node scripts/make-icons.mjs extension/public/icon (the PNGs are committed; run again only to change the design).
import { deflateSync } from 'node:zlib';
import { writeFileSync, mkdirSync } from 'node:fs';
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = crcTable[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const c = Buffer.alloc(4);
  c.writeUInt32BE(crc(td));
  return Buffer.concat([len, td, c]);
};
function png(size) {
  const raw = Buffer.alloc(size * (size * 4 + 1));
  const r = size * 0.2;
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const px = x + 0.5,
        py = y + 0.5;
      // rounded square
      const dx = Math.max(r - px, 0, px - (size - r)),
        dy = Math.max(r - py, 0, py - (size - r));
      const inside = Math.hypot(dx, dy) <= r;
      let col = inside ? [11, 87, 208, 255] : [0, 0, 0, 0];
      if (inside) {
        // three bars, narrower downwards: the funnel
        const bars = [
          [0.22, 0.34, 0.8],
          [0.44, 0.56, 0.56],
          [0.66, 0.78, 0.32],
        ];
        for (const [t, b, w] of bars) if (py >= t * size && py < b * size && Math.abs(px - size / 2) <= (w * size) / 2) col = [255, 255, 255, 255];
      }
      raw.set(col, y * (size * 4 + 1) + 1 + x * 4);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8;
  ihdr[9] = 6;
  ihdr[10] = 0;
  ihdr[11] = 0;
  ihdr[12] = 0;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
const out = process.argv[2];
mkdirSync(out, { recursive: true });
for (const s of [16, 32, 48, 128]) writeFileSync(`${out}/${s}.png`, png(s));
