// Uploads one feed file with its progress: fetch() cannot report upload
// progress, XMLHttpRequest can, and a 300 MB feed needs a bar.
import {
  ApiError,
  apiRoutes,
  ImportJob,
  parseJson,
  routeUrl,
  type FeedKind,
} from '@vitrine/shared/core';
import { ApiCallError, session } from '../common/api';

/** The chosen file can no longer be read: it was edited, moved or deleted after it was chosen. */
export class FileChangedError extends Error {
  constructor(readonly fileName: string) {
    super(`${fileName} changed after it was chosen`);
  }
}

/**
 * The browser refuses to read a file that changed on disk since it was picked,
 * and reads a deleted one as empty (its size was never taken): either way the
 * upload failed for the file, not the network. Asked only after a failure.
 */
function stillReadable(file: File): Promise<boolean> {
  return file
    .slice(0, 1)
    .arrayBuffer()
    .then(
      (bytes) => bytes.byteLength > 0,
      () => false,
    );
}

export function uploadFeed(
  jobId: string,
  kind: FeedKind,
  file: File,
  onProgress: (sent: number, total: number) => void,
): Promise<ImportJob> {
  const url = routeUrl('', apiRoutes.imports.uploadFeed, {
    params: { id: jobId, kind },
    query: { name: file.name },
  });
  return new Promise((resolve, reject) => {
    const request = new XMLHttpRequest();
    request.open('PUT', url);
    request.setRequestHeader('authorization', `Bearer ${session.token() ?? ''}`);
    request.setRequestHeader('content-type', 'application/octet-stream');
    request.upload.onprogress = (event) => onProgress(event.loaded, event.total || file.size);
    // A file edited since it was chosen fails like a network error: tell them apart.
    request.onerror = () =>
      void stillReadable(file).then((readable) =>
        reject(readable ? new TypeError('network down') : new FileChangedError(file.name)),
      );
    request.onload = () => {
      if (request.status >= 200 && request.status < 300) {
        const job = parseJson(ImportJob, request.responseText);
        if (job.ok) resolve(job.value);
        else reject(new ApiCallError(request.status, 'bad_answer', job.error));
        return;
      }
      const refused = parseJson(ApiError, request.responseText);
      reject(
        refused.ok
          ? new ApiCallError(request.status, refused.value.error.code, refused.value.error.message)
          : new ApiCallError(request.status, 'http_error', `HTTP ${request.status}`),
      );
    };
    request.send(file);
  });
}
