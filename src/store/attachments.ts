import { createHash } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';

/** Files allowed as work-order attachments, recognised by their first bytes, not by the name the client sends. */
const SIGNATURES: { mime: string; ext: string; test: (b: Buffer) => boolean }[] = [
  {
    mime: 'image/png',
    ext: 'png',
    test: (b) => b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])),
  },
  { mime: 'image/jpeg', ext: 'jpg', test: (b) => b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff },
  { mime: 'application/pdf', ext: 'pdf', test: (b) => b.subarray(0, 5).toString('latin1') === '%PDF-' },
  // .docx and .xlsx are ZIP containers.
  { mime: 'application/zip', ext: 'zip', test: (b) => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04 },
];

export const MAX_ATTACHMENT_BYTES = 10 * 1024 * 1024;

export class AttachmentRejected extends Error {}

/** Directory for attachment files: ZUOXI_FILES, else ./data/files (outside the database, as the issue asks). */
export function attachmentRoot(env: NodeJS.ProcessEnv = process.env): string {
  return resolve(env.ZUOXI_FILES || 'data/files');
}

/**
 * Checks type and size, then stores the bytes under their SHA-256 (content-addressed: the same file twice is
 * stored once; a name from the client never becomes a path). Writes to a temporary name first so a crash
 * never leaves half a file under the final name.
 */
export async function saveAttachment(
  root: string,
  bytes: Buffer,
): Promise<{ sha256: string; mimeType: string; storagePath: string; size: number }> {
  if (bytes.length === 0) throw new AttachmentRejected('empty file');
  if (bytes.length > MAX_ATTACHMENT_BYTES)
    throw new AttachmentRejected(`file is ${bytes.length} bytes; the limit is ${MAX_ATTACHMENT_BYTES}`);
  const kind = SIGNATURES.find((s) => s.test(bytes));
  if (!kind) throw new AttachmentRejected('only PNG, JPEG, PDF and Office (docx/xlsx) files are accepted');
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const storagePath = join(sha256.slice(0, 2), `${sha256}.${kind.ext}`);
  const full = join(root, storagePath);
  await mkdir(dirname(full), { recursive: true });
  const tmp = `${full}.${process.pid}.tmp`;
  await writeFile(tmp, bytes);
  await rename(tmp, full);
  return { sha256, mimeType: kind.mime, storagePath, size: bytes.length };
}

export async function readAttachment(root: string, storagePath: string): Promise<Buffer> {
  // storagePath comes from our own table, but resolve it under the root anyway.
  const full = resolve(root, storagePath);
  if (!full.startsWith(resolve(root))) throw new AttachmentRejected('bad path');
  return readFile(full);
}
