// Uploaded media, checked and stored by SHA-256: the type is read from the
// file's own first bytes (never trusted from the upload), the size is capped
// while it streams in (http/upload-to-disk.ts).
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_MEDIA_BYTES, type MediaRef, type MediaRow } from '@vitrine/shared/core';
import type { Db } from '../db/database';
import { HttpError, sniffMediaType } from '@vitrine/shared/node';
import type { ReceivedUpload } from '../http/upload-to-disk';

export type { MediaRow };

export class MediaStore {
  readonly dir: string;

  constructor(
    private readonly db: Db,
    dataDir: string,
  ) {
    this.dir = join(dataDir, 'media');
    mkdirSync(this.dir, { recursive: true });
  }

  path(sha256: string): string {
    return join(this.dir, sha256);
  }

  /** Where uploads are received: beside the files, so keeping one is a rename. */
  get uploadDir(): string {
    return this.dir;
  }

  /** Keeps a received upload under its SHA-256 once its bytes say what it is; removes it otherwise. */
  saveUpload(
    upload: ReceivedUpload,
    name: string,
    declaredType: string | undefined,
    userId: string,
  ): MediaRow {
    try {
      return this.keep(upload, name, declaredType, userId);
    } finally {
      rmSync(upload.file, { force: true });
    }
  }

  private keep(
    upload: ReceivedUpload,
    name: string,
    declaredType: string | undefined,
    userId: string,
  ): MediaRow {
    const { sha256, size } = upload;
    if (size === 0) throw new HttpError(400, 'empty_media', 'the uploaded file is empty');
    if (size > MAX_MEDIA_BYTES) {
      throw new HttpError(
        413,
        'payload_too_large',
        `media files are limited to ${MAX_MEDIA_BYTES} bytes`,
      );
    }
    const type = sniffMediaType(upload.head);
    if (!type) {
      throw new HttpError(
        415,
        'unsupported_media',
        'only PNG, JPEG, WebP images and MP4, WebM videos are accepted',
      );
    }
    if (declaredType && declaredType.split(';')[0] !== type) {
      throw new HttpError(415, 'media_type_mismatch', `the file is ${type}, not ${declaredType}`);
    }
    return this.keepFile(upload.file, { sha256, type, size }, name, userId);
  }

  /**
   * Keeps a file whose SHA-256 and size were checked against `media` (a signed reference from
   * head office's bucket), under that hash. The caller removes `file` if it is still there.
   */
  keepFile(file: string, media: MediaRef, name: string, by: string): MediaRow {
    const { sha256, type, size } = media;
    const kept = this.path(sha256);
    // A complete file renamed into place: a crash never leaves a truncated file under a good hash.
    if (!existsSync(kept)) renameSync(file, kept);
    const uploadedAt = new Date().toISOString();
    this.db
      .prepare(
        `INSERT INTO media (sha256, type, size, name, uploaded_by, uploaded_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (sha256) DO UPDATE SET name = excluded.name`,
      )
      .run(sha256, type, size, name.slice(0, 200), by, uploadedAt);
    return { sha256, type, size, name, uploadedAt };
  }

  /** Whether the file is here, recorded and whole (a file lost from the disk is fetched again). */
  has(sha256: string): boolean {
    return this.get(sha256) !== undefined && existsSync(this.path(sha256));
  }

  get(sha256: string): MediaRow | undefined {
    const row = this.db
      .prepare(
        'SELECT sha256, type, size, name, uploaded_at AS uploadedAt FROM media WHERE sha256 = ?',
      )
      .get(sha256) as MediaRow | undefined;
    return row;
  }

  list(): MediaRow[] {
    return this.db
      .prepare(
        'SELECT sha256, type, size, name, uploaded_at AS uploadedAt FROM media ORDER BY uploaded_at DESC',
      )
      .all() as MediaRow[];
  }
}
