#!/usr/bin/env node
/**
 * Renders build/icon.svg into the icons electron-builder packs (run by hand after changing the SVG;
 * the outputs are committed): build/icons/<n>x<n>.png for Linux, build/icon.icns (PNG entries) for
 * macOS and build/icon.ico (PNG entries) for Windows. Rasterises with the Chromium the browser tests
 * use (playwright-core, /usr/bin/chromium or $DELVE_CHROMIUM); packs ICNS and ICO itself.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const svg = readFileSync(join(root, 'build', 'icon.svg'), 'utf8');
const SIZES = [16, 32, 48, 64, 128, 256, 512, 1024];

const browser = await chromium.launch({ executablePath: process.env.DELVE_CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
const png = {};
try {
  const page = await browser.newPage();
  for (const n of SIZES) {
    await page.setViewportSize({ width: n, height: n });
    await page.setContent(`<style>html,body{margin:0;background:transparent}</style>${svg.replace('<svg ', `<svg width="${n}" height="${n}" `)}`);
    png[n] = await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: n, height: n } });
  }
} finally {
  await browser.close();
}

mkdirSync(join(root, 'build', 'icons'), { recursive: true });
for (const n of SIZES.filter((s) => s <= 512)) writeFileSync(join(root, 'build', 'icons', `${n}x${n}.png`), png[n]);

// ICNS: 'icns' + total length, then (type, length incl. 8-byte header, PNG data) entries.
const ICNS_TYPES = { 16: 'icp4', 32: 'icp5', 64: 'icp6', 128: 'ic07', 256: 'ic08', 512: 'ic09', 1024: 'ic10' };
const entries = Object.entries(ICNS_TYPES).map(([n, type]) => {
  const head = Buffer.alloc(8);
  head.write(type, 0, 'latin1');
  head.writeUInt32BE(png[n].length + 8, 4);
  return Buffer.concat([head, png[n]]);
});
const icnsHead = Buffer.alloc(8);
icnsHead.write('icns', 0, 'latin1');
icnsHead.writeUInt32BE(8 + entries.reduce((s, e) => s + e.length, 0), 4);
writeFileSync(join(root, 'build', 'icon.icns'), Buffer.concat([icnsHead, ...entries]));

// ICO: ICONDIR, one ICONDIRENTRY per size (0 means 256), then the PNGs.
const ICO_SIZES = [16, 32, 48, 64, 128, 256];
const dir = Buffer.alloc(6 + 16 * ICO_SIZES.length);
dir.writeUInt16LE(0, 0); dir.writeUInt16LE(1, 2); dir.writeUInt16LE(ICO_SIZES.length, 4);
let offset = dir.length;
ICO_SIZES.forEach((n, i) => {
  const e = 6 + 16 * i;
  dir.writeUInt8(n === 256 ? 0 : n, e); dir.writeUInt8(n === 256 ? 0 : n, e + 1);
  dir.writeUInt16LE(1, e + 4); dir.writeUInt16LE(32, e + 6);
  dir.writeUInt32LE(png[n].length, e + 8); dir.writeUInt32LE(offset, e + 12);
  offset += png[n].length;
});
writeFileSync(join(root, 'build', 'icon.ico'), Buffer.concat([dir, ...ICO_SIZES.map((n) => png[n])]));
console.log('icons: build/icons/*.png, build/icon.icns, build/icon.ico');
