// The device credential at rest: encrypted with the OS keystore through
// Electron's safeStorage, in a file under userData. When the OS cannot
// encrypt, nothing is stored: a plaintext secret on a shop-floor PC is worse
// than a device that has to be enrolled again.
import { parseJson, type Result } from '../core/parse';
import { DeviceCredential } from './ipc-contract';

/** The part of Electron's safeStorage the vault uses. */
export type SafeStorageLike = {
  isEncryptionAvailable(): boolean;
  encryptString(plain: string): Buffer;
  decryptString(encrypted: Buffer): string;
  /** Linux only in Electron; other platforms leave it out. */
  getSelectedStorageBackend?: () => string;
};

export type VaultFiles = {
  read(): Buffer | undefined;
  write(data: Buffer): void;
};

// On Linux without a keyring, Chromium falls back to "basic_text": a
// hard-coded key, as good as plaintext.
const WEAK_LINUX_BACKENDS = new Set(['basic_text', 'unknown']);

export function encryptionProblem(
  storage: SafeStorageLike,
  platform: NodeJS.Platform,
): string | undefined {
  if (!storage.isEncryptionAvailable()) {
    return 'the OS offers no encryption for secrets (safeStorage unavailable); refusing to store the device credential in plaintext';
  }
  if (platform === 'linux' && storage.getSelectedStorageBackend) {
    const backend = storage.getSelectedStorageBackend();
    if (WEAK_LINUX_BACKENDS.has(backend)) {
      return `no keyring is running (safeStorage backend "${backend}"); start gnome-keyring or KWallet in the kiosk session — refusing to store the device credential in plaintext`;
    }
  }
  return undefined;
}

export class CredentialVault {
  constructor(
    private readonly storage: SafeStorageLike,
    private readonly files: VaultFiles,
    private readonly platform: NodeJS.Platform,
  ) {}

  store(credential: DeviceCredential): Result<null> {
    const problem = encryptionProblem(this.storage, this.platform);
    if (problem) return { ok: false, error: problem };
    const checked = DeviceCredential.safeParse(credential);
    if (!checked.success) return { ok: false, error: 'not a device credential' };
    this.files.write(this.storage.encryptString(JSON.stringify(checked.data)));
    return { ok: true, value: null };
  }

  /** The stored credential, null when none was stored yet. */
  load(): Result<DeviceCredential | null> {
    const data = this.files.read();
    if (!data) return { ok: true, value: null };
    const problem = encryptionProblem(this.storage, this.platform);
    if (problem) return { ok: false, error: problem };
    let text: string;
    try {
      text = this.storage.decryptString(data);
    } catch {
      return {
        ok: false,
        error:
          'the stored credential cannot be decrypted (OS keystore changed?); enrol the device again',
      };
    }
    const parsed = parseJson(DeviceCredential, text);
    return parsed.ok
      ? parsed
      : { ok: false, error: `the stored credential is damaged: ${parsed.error}` };
  }
}
