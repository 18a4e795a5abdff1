/**
 * `npx tsx lib/cli/make-app-icons.ts`: the installable app's icons in public/icons/, drawn from the
 * favicon's baton. Rounded "any" icons, and full-bleed "maskable" ones whose glyph stays inside the
 * central 80% safe zone (launchers crop them to a circle or squircle). Run again after changing the mark.
 */
import fs from "node:fs";
import path from "node:path";
import sharp from "sharp";

const BRAND = "#4f46e5";
const glyph = (scale: number) =>
  `<g transform="translate(16 16) scale(${scale}) translate(-16 -16)"><path d="M9 22 L23 10" stroke="#fff" stroke-width="4" stroke-linecap="round"/><circle cx="23" cy="10" r="3" fill="#c7d2fe"/></g>`;
const svg = {
  any: `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="8" fill="${BRAND}"/>${glyph(1)}</svg>`,
  maskable: `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="${BRAND}"/>${glyph(0.72)}</svg>`,
  // Android's status-bar badge: a white silhouette on transparent.
  badge: `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><path d="M7 25 L23 9" stroke="#fff" stroke-width="5" stroke-linecap="round"/><circle cx="23" cy="9" r="4" fill="#fff"/></svg>`,
};

async function main() {
  const out = path.resolve(__dirname, "../../public/icons");
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, "icon.svg"), svg.any);
  fs.writeFileSync(path.join(out, "icon-maskable.svg"), svg.maskable);
  const png = (source: string, size: number, file: string) => sharp(Buffer.from(source), { density: (72 * size) / 32 }).resize(size, size).png({ compressionLevel: 9 }).toFile(path.join(out, file));
  await png(svg.any, 192, "icon-192.png");
  await png(svg.any, 512, "icon-512.png");
  await png(svg.maskable, 192, "icon-maskable-192.png");
  await png(svg.maskable, 512, "icon-maskable-512.png");
  // iOS rounds the corners itself, so the touch icon is full-bleed.
  await png(svg.maskable.replace('scale(0.72)', 'scale(0.85)'), 180, "apple-touch-icon.png");
  await png(svg.badge, 96, "badge-96.png");
  console.log(`icons written to ${out}`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
