/**
 * Uploads kept in the database (both drivers hold everything): one way to store them, with
 * their size and SHA-256, for every feature that takes a file.
 */
import { createHash } from 'node:crypto';
import type { Tx } from '../../db/connection.js';
import { type FileKind, files } from '../../db/schema.js';
import { type Actor, actorId } from '../accounts/actor.js';

export interface StoredFileInput {
  editionId: string;
  delegationId: string;
  kind: FileKind;
  /** As sniffed from the bytes (platform/file-sniff.ts), never as the sender said. */
  mediaType: string;
  fileName: string;
  bytes: Uint8Array;
  actor: Actor;
}

export async function storeFile(tx: Tx, input: StoredFileInput) {
  const [file] = await tx
    .insert(files)
    .values({
      editionId: input.editionId,
      delegationId: input.delegationId,
      kind: input.kind,
      mediaType: input.mediaType,
      fileName: input.fileName.slice(0, 200) || input.kind,
      byteSize: input.bytes.byteLength,
      sha256: createHash('sha256').update(input.bytes).digest('hex'),
      bytes: input.bytes,
      uploadedBy: actorId(input.actor),
    })
    .returning({
      id: files.id,
      fileName: files.fileName,
      mediaType: files.mediaType,
      byteSize: files.byteSize,
      createdAt: files.createdAt,
    });
  return file!;
}
