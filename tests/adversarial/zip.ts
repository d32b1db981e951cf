/**
 * Build .docx-shaped zip files for hostile-input tests with node:zlib only: a "zip bomb" whose
 * word/document.xml inflates to gigabytes from a few megabytes, streamed so the test itself never
 * holds the inflated bytes.
 */
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { constants, crc32, deflateRawSync } from 'node:zlib';

interface Entry {
  name: string;
  compressed: Buffer[];
  crc: number;
  size: number;
  compressedSize: number;
}

function u16(value: number): Buffer {
  const buffer = Buffer.alloc(2);
  buffer.writeUInt16LE(value);
  return buffer;
}
function u32(value: number): Buffer {
  const buffer = Buffer.alloc(4);
  buffer.writeUInt32LE(value >>> 0);
  return buffer;
}

/**
 * The fields a local and a central header share, from "general purpose flags" to "extra field
 * length": deflate, a fixed DOS time and date, the CRC, both sizes and the name's length.
 */
function sharedFields(entry: Entry, declaredSize: number, name: Buffer): Buffer[] {
  return [
    u16(0),
    u16(8),
    u16(0),
    u16(0x21),
    u32(entry.crc),
    u32(entry.compressedSize),
    u32(declaredSize),
    u16(name.length),
    u16(0),
  ];
}

function localHeader(entry: Entry, declaredSize: number): Buffer {
  const name = Buffer.from(entry.name);
  return Buffer.concat([
    u32(0x04034b50),
    u16(20),
    ...sharedFields(entry, declaredSize, name),
    name,
  ]);
}

function centralHeader(entry: Entry, declaredSize: number, offset: number): Buffer {
  const name = Buffer.from(entry.name);
  return Buffer.concat([
    u32(0x02014b50),
    u16(20),
    u16(20),
    ...sharedFields(entry, declaredSize, name),
    u16(0),
    u16(0),
    u16(0),
    u32(0),
    u32(offset),
    name,
  ]);
}

function smallEntry(name: string, text: string): Entry {
  const data = Buffer.from(text);
  const compressed = deflateRawSync(data);
  return {
    name,
    compressed: [compressed],
    crc: crc32(data),
    size: data.length,
    compressedSize: compressed.length,
  };
}

/**
 * Deflate `totalBytes` of spaces without materialising them: one megabyte is compressed with a
 * full flush (byte-aligned, no reference to earlier data), so its compressed blocks can simply be
 * repeated; an empty final block closes the stream.
 */
function bombEntry(name: string, totalBytes: number): Entry {
  const megabyte = 1024 * 1024;
  if (totalBytes % megabyte !== 0) throw new Error('bomb size must be whole megabytes');
  const chunk = Buffer.alloc(megabyte, 0x20);
  const block = deflateRawSync(chunk, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const final = deflateRawSync(Buffer.alloc(0));
  const repeats = totalBytes / megabyte;
  let crc = 0;
  for (let index = 0; index < repeats; index++) crc = crc32(chunk, crc);
  const compressed = [...Array.from({ length: repeats }, () => block), final];
  const compressedSize = block.length * repeats + final.length;
  return { name, compressed, crc, size: totalBytes, compressedSize };
}

const contentTypes = `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`;
const rels = `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`;

/**
 * Write a .docx whose word/document.xml inflates to `inflatedBytes` (spaces). With
 * `lie: true` the headers declare a tiny size, as a hostile file would.
 */
export async function writeZipBomb(
  file: string,
  inflatedBytes: number,
  { lie = false }: { lie?: boolean } = {},
): Promise<{ compressedBytes: number }> {
  const entries = [
    smallEntry('[Content_Types].xml', contentTypes),
    smallEntry('_rels/.rels', rels),
    bombEntry('word/document.xml', inflatedBytes),
  ];
  const out = createWriteStream(file);
  let offset = 0;
  const offsets: number[] = [];
  const write = async (buffer: Buffer) => {
    offset += buffer.length;
    if (!out.write(buffer)) await once(out, 'drain');
  };
  const declared = (entry: Entry) =>
    lie && entry.size > 1_000_000 ? 1000 : Math.min(entry.size, 0xffffffff);
  for (const entry of entries) {
    offsets.push(offset);
    await write(localHeader(entry, declared(entry)));
    for (const part of entry.compressed) await write(part);
  }
  const centralStart = offset;
  for (const [index, entry] of entries.entries()) {
    await write(centralHeader(entry, declared(entry), offsets[index] ?? 0));
  }
  const centralSize = offset - centralStart;
  await write(endOfCentralDirectory(entries.length, centralSize, centralStart));
  out.end();
  await once(out, 'finish');
  return { compressedBytes: offset };
}

/** The record that ends a zip: entry counts, then the size and offset of the central directory. */
function endOfCentralDirectory(entries: number, centralSize: number, centralStart: number): Buffer {
  return Buffer.concat([
    u32(0x06054b50),
    u16(0),
    u16(0),
    u16(entries),
    u16(entries),
    u32(centralSize),
    u32(centralStart),
    u16(0),
  ]);
}

/** A small, valid .docx-shaped zip whose document holds `paragraphs`. */
export async function writeSmallDocx(file: string, paragraphs: string[]): Promise<void> {
  const body = paragraphs
    .map((text) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`)
    .join('');
  const document = `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`;
  const entries = [
    smallEntry('[Content_Types].xml', contentTypes),
    smallEntry('_rels/.rels', rels),
    smallEntry('word/document.xml', document),
  ];
  const parts: Buffer[] = [];
  const offsets: number[] = [];
  let offset = 0;
  for (const entry of entries) {
    offsets.push(offset);
    for (const part of [localHeader(entry, entry.size), ...entry.compressed]) {
      parts.push(part);
      offset += part.length;
    }
  }
  const centralStart = offset;
  for (const [index, entry] of entries.entries()) {
    const header = centralHeader(entry, entry.size, offsets[index] ?? 0);
    parts.push(header);
    offset += header.length;
  }
  parts.push(endOfCentralDirectory(entries.length, offset - centralStart, centralStart));
  const { writeFile } = await import('node:fs/promises');
  await writeFile(file, Buffer.concat(parts));
}
