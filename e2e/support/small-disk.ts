// A real, small file system for storage-fault tests: a tmpfs the test mounts
// (it runs as root), fills to the last byte and empties again. Where mounting
// is refused (not root, no CAP_SYS_ADMIN) the caller skips with the reason.
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, statfsSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export type SmallDisk = {
  dir: string;
  /** Writes a filler file until the disk refuses: 0 bytes left. */
  fill: () => void;
  /** Deletes the filler: the space comes back. */
  free: () => void;
  freeBytes: () => number;
  unmount: () => void;
};

export function mountSmallDisk(sizeMb: number): SmallDisk | { refused: string } {
  const dir = mkdtempSync(join(tmpdir(), 'vitrine-small-disk-'));
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeMb}m,mode=0755`, 'tmpfs', dir], {
      stdio: 'pipe',
    });
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    return { refused: `cannot mount a tmpfs here: ${stderr || (error as Error).message}` };
  }
  const filler = join(dir, 'filler');
  return {
    dir,
    fill: () => {
      const fd = openSync(filler, 'a');
      try {
        // Big writes first, then small ones for the last partial pages.
        for (const size of [1 << 20, 64 << 10, 4 << 10, 512]) {
          const chunk = Buffer.alloc(size, 0x61);
          for (;;) {
            try {
              writeSync(fd, chunk);
            } catch {
              break;
            }
          }
        }
      } finally {
        closeSync(fd);
      }
    },
    free: () => rmSync(filler, { force: true }),
    freeBytes: () => {
      const stats = statfsSync(dir);
      return stats.bavail * stats.bsize;
    },
    unmount: () => {
      execFileSync('umount', ['-l', dir], { stdio: 'pipe' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
