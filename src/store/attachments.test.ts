import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, test } from 'vitest';
import { AttachmentRejected, MAX_ATTACHMENT_BYTES, readAttachment, saveAttachment } from './attachments.ts';

const root = mkdtempSync(join(tmpdir(), 'zuoxi-files-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

test('a PDF is stored under its hash and read back', async () => {
  const pdf = Buffer.from('%PDF-1.4\n% test\n');
  const saved = await saveAttachment(root, pdf);
  expect(saved.mimeType).toBe('application/pdf');
  expect(saved.storagePath).toMatch(/^[0-9a-f]{2}\/[0-9a-f]{64}\.pdf$/);
  expect((await readAttachment(root, saved.storagePath)).equals(pdf)).toBe(true);
});

test('unknown types, empty and oversized files are refused', async () => {
  await expect(saveAttachment(root, Buffer.from('<script>alert(1)</script>'))).rejects.toBeInstanceOf(AttachmentRejected);
  await expect(saveAttachment(root, Buffer.alloc(0))).rejects.toThrow('empty');
  const big = Buffer.alloc(MAX_ATTACHMENT_BYTES + 1);
  big.write('%PDF-');
  await expect(saveAttachment(root, big)).rejects.toThrow('limit');
  await expect(readAttachment(root, '../../etc/passwd')).rejects.toBeInstanceOf(AttachmentRejected);
});
