/**
 * Zips a DOCX's parts exactly as fflate's `zipSync(parts, { level: 6 })` does with every entry at
 * one fixed time and no comment or extra field (the bytes every edih DOCX has had), remembering
 * each part's deflated bytes by its text: most parts (styles, theme, settings, footers, relations)
 * are the same in every document of a build, and deflating them was most of the zip's time.
 * Deflate is fflate's, at the same level, so a remembered part is the bytes it would deflate to
 * again; the text is the key, so an entry cannot go stale.
 */
import { crc32 } from "node:zlib";
import { deflateSync, strToU8 } from "fflate";

export interface ZipEntry {
  name: string;
  /** The part's text (XML), which is also the key of its remembered deflate; or its bytes. */
  data: string | Uint8Array;
}

interface Packed { crc: number; size: number; deflated: Uint8Array }

const KEEP = 64;
/** The shared parts are a few KB (styles ~11 KB); a long document's body is not kept in memory for nothing. */
const KEEP_BELOW_CHARS = 64 * 1024;
const packedByText = new Map<string, Packed>();

function pack(data: string | Uint8Array): Packed {
  if (typeof data !== "string") return packBytes(data);
  if (data.length >= KEEP_BELOW_CHARS) return packBytes(strToU8(data));
  let packed = packedByText.get(data);
  if (packed) {
    // Least recently used goes first: a build's shared parts are used by every document.
    packedByText.delete(data);
  } else {
    packed = packBytes(strToU8(data));
    if (packedByText.size >= KEEP) packedByText.delete(packedByText.keys().next().value!);
  }
  packedByText.set(data, packed);
  return packed;
}

const packBytes = (bytes: Uint8Array): Packed => ({ crc: crc32(bytes), size: bytes.length, deflated: deflateSync(bytes, { level: 6 }) });

/** MS-DOS date and time of the entries, in local time as fflate writes it. */
export function dosTime(d: Date): number {
  return (((d.getFullYear() - 1980) << 25) | ((d.getMonth() + 1) << 21) | (d.getDate() << 16)
    | (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1)) >>> 0;
}

export function zipEntries(entries: readonly ZipEntry[], mtime: Date): Uint8Array {
  const time = dosTime(mtime);
  const files = entries.map((e) => {
    const name = strToU8(e.name);
    return { name, utf8: name.length !== e.name.length, ...pack(e.data) };
  });
  const local = files.reduce((n, f) => n + 30 + f.name.length + f.deflated.length, 0);
  const central = files.reduce((n, f) => n + 46 + f.name.length, 0);
  const out = new Uint8Array(local + central + 22);
  const view = new DataView(out.buffer);
  // Fields in the order of APPNOTE.TXT 4.3.7 (local header) and 4.3.12 (central directory).
  const header = (at: number, f: (typeof files)[number], offset?: number): number => {
    const central = offset !== undefined;
    view.setUint32(at, central ? 0x02014b50 : 0x04034b50, true);
    let p = at + 4;
    if (central) view.setUint16(p, 20, true), p += 2; // made by: version 2.0, MS-DOS
    view.setUint16(p, 20, true); // version needed to extract: 2.0 (deflate)
    view.setUint16(p + 2, f.utf8 ? 0x800 : 0, true);
    view.setUint16(p + 4, 8, true); // deflate
    view.setUint32(p + 6, time, true);
    view.setUint32(p + 10, f.crc, true);
    view.setUint32(p + 14, f.deflated.length, true);
    view.setUint32(p + 18, f.size, true);
    view.setUint16(p + 22, f.name.length, true);
    p += 26; // extra field length: 0
    if (central) view.setUint32(p + 10, offset, true), p += 14; // comment, disk, attributes: 0
    out.set(f.name, p);
    return p + f.name.length;
  };
  const offsets: number[] = [];
  let at = 0;
  for (const f of files) {
    offsets.push(at);
    at = header(at, f);
    out.set(f.deflated, at);
    at += f.deflated.length;
  }
  files.forEach((f, i) => { at = header(at, f, offsets[i]!); });
  view.setUint32(at, 0x06054b50, true);
  view.setUint16(at + 8, files.length, true);
  view.setUint16(at + 10, files.length, true);
  view.setUint32(at + 12, central, true);
  view.setUint32(at + 16, local, true);
  return out;
}
