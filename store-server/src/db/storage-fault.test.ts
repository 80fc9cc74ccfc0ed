import { expect, it } from 'vitest';
import { storageFaultOf } from './storage-fault';

const withCode = (code: string) => Object.assign(new Error(code), { code });

it('sorts SQLite and file-system errors into full, read-only and I/O faults', () => {
  expect(storageFaultOf(withCode('SQLITE_FULL'))).toBe('full');
  expect(storageFaultOf(withCode('ENOSPC'))).toBe('full');
  expect(storageFaultOf(withCode('EDQUOT'))).toBe('full');
  expect(storageFaultOf(withCode('SQLITE_READONLY'))).toBe('read-only');
  expect(storageFaultOf(withCode('SQLITE_READONLY_DBMOVED'))).toBe('read-only');
  expect(storageFaultOf(withCode('EROFS'))).toBe('read-only');
  expect(storageFaultOf(withCode('SQLITE_IOERR_SHMSIZE'))).toBe('io-error');
  expect(storageFaultOf(withCode('EIO'))).toBe('io-error');
});

it('leaves every other error alone', () => {
  expect(storageFaultOf(withCode('SQLITE_CONSTRAINT_UNIQUE'))).toBeUndefined();
  expect(storageFaultOf(withCode('ENOENT'))).toBeUndefined();
  expect(storageFaultOf(new Error('no code'))).toBeUndefined();
  expect(storageFaultOf(null)).toBeUndefined();
  expect(storageFaultOf('SQLITE_FULL')).toBeUndefined();
});
