import { describe, expect, it } from 'vitest';
import { CredentialVault, type SafeStorageLike } from './credential-vault';

const credential = { deviceId: 'mirror-03', secret: 'k'.repeat(40) };

function fakeStorage(overrides: Partial<SafeStorageLike> = {}): SafeStorageLike {
  return {
    isEncryptionAvailable: () => true,
    // Reversible but not plaintext, so the test can tell the vault encrypted.
    encryptString: (plain) => Buffer.from(Buffer.from(plain, 'utf8').map((byte) => byte ^ 0x5a)),
    decryptString: (data) => Buffer.from(data.map((byte) => byte ^ 0x5a)).toString('utf8'),
    getSelectedStorageBackend: () => 'gnome_libsecret',
    ...overrides,
  };
}

function memoryFiles() {
  let data: Buffer | undefined;
  return {
    read: () => data,
    write: (next: Buffer) => {
      data = next;
    },
    peek: () => data,
  };
}

describe('CredentialVault', () => {
  it('stores encrypted and loads back', () => {
    const files = memoryFiles();
    const vault = new CredentialVault(fakeStorage(), files, 'linux');
    expect(vault.load()).toEqual({ ok: true, value: null });
    expect(vault.store(credential)).toEqual({ ok: true, value: null });
    expect(files.peek()?.toString('utf8')).not.toContain(credential.secret);
    expect(vault.load()).toEqual({ ok: true, value: credential });
  });

  it('refuses to store when the OS cannot encrypt, and writes nothing', () => {
    const files = memoryFiles();
    const vault = new CredentialVault(
      fakeStorage({ isEncryptionAvailable: () => false }),
      files,
      'win32',
    );
    const result = vault.store(credential);
    expect(result).toMatchObject({
      ok: false,
      error: expect.stringMatching(
        /refusing to store the device credential in plaintext/,
      ) as unknown,
    });
    expect(files.peek()).toBeUndefined();
  });

  it('refuses the Linux basic_text fallback, which is plaintext in disguise', () => {
    const files = memoryFiles();
    const storage = fakeStorage({ getSelectedStorageBackend: () => 'basic_text' });
    const result = new CredentialVault(storage, files, 'linux').store(credential);
    expect(result).toMatchObject({
      ok: false,
      error: expect.stringMatching(/no keyring is running/) as unknown,
    });
    expect(files.peek()).toBeUndefined();
  });

  it('does not ask for a Linux backend on other platforms', () => {
    const storage = fakeStorage({ getSelectedStorageBackend: () => 'basic_text' });
    expect(new CredentialVault(storage, memoryFiles(), 'win32').store(credential)).toEqual({
      ok: true,
      value: null,
    });
  });

  it('explains an undecryptable or damaged file instead of throwing', () => {
    const files = memoryFiles();
    files.write(Buffer.from('garbage'));
    const throwing = fakeStorage({
      decryptString: () => {
        throw new Error(
          'Error while decrypting the ciphertext provided to safeStorage.decryptString.',
        );
      },
    });
    expect(new CredentialVault(throwing, files, 'linux').load()).toMatchObject({
      ok: false,
      error: expect.stringMatching(/cannot be decrypted/) as unknown,
    });
    const damaged = fakeStorage({ decryptString: () => '{"deviceId":"x"}' });
    expect(new CredentialVault(damaged, files, 'linux').load()).toMatchObject({
      ok: false,
      error: expect.stringMatching(/damaged: secret/) as unknown,
    });
  });

  it('refuses to store something that is not a credential', () => {
    const vault = new CredentialVault(fakeStorage(), memoryFiles(), 'linux');
    const bad = { deviceId: 'x', secret: 'short' };
    expect(vault.store(bad)).toEqual({ ok: false, error: 'not a device credential' });
  });
});
