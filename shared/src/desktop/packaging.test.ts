// Packaging cannot run here (no Electron binary to download), so this checks
// what can be checked offline: electron-builder.yml passes electron-builder's
// own schema for each app, sets the fuses, and each app's scripts use it.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';
import { DebugLogger } from 'builder-util';
import { describe, expect, it } from 'vitest';
import { ShellApp } from './app-identity';

const root = join(dirname(fileURLToPath(import.meta.url)), '../../..');

type AppManifest = { main?: string; productName?: string; scripts: Record<string, string> };

describe.each(ShellApp.options)('electron-builder config for %s', (app) => {
  const projectDir = join(root, app);
  const manifest = JSON.parse(
    readFileSync(join(projectDir, 'package.json'), 'utf8'),
  ) as AppManifest;

  it('is valid for electron-builder with the app id its scripts pass', async () => {
    const config = await getConfig(projectDir, join(root, 'electron-builder.yml'), {
      appId: `com.vitrine.${app}`,
    });
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
    // The bundles carry their dependencies, so no node_modules ship.
    // (electron-builder normalises `files` into [{ filter: [...] }].)
    expect(config.files).toEqual([
      { filter: expect.arrayContaining(['dist/**/*', '!node_modules{,/**/*}']) as unknown },
    ]);
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.win?.target).toEqual(['nsis']);
    expect(config.publish).toMatchObject({ provider: 'generic' });
  });

  it('starts Electron on the bundled shell and packages with the shared config', () => {
    expect(manifest.main).toBe('dist/shell/main.cjs');
    expect(manifest.productName).toMatch(/^Vitrine /);
    for (const script of ['package:linux', 'package:win']) {
      expect(manifest.scripts[script]).toContain('--config ../electron-builder.yml');
      expect(manifest.scripts[script]).toContain(`-c.appId=com.vitrine.${app}`);
      // A scoped npm name makes a poor executable and deb package name.
      expect(manifest.scripts[script]).toContain(`-c.extraMetadata.name=vitrine-${app}`);
      expect(manifest.scripts[script]).toContain('npm run build:shell');
    }
    expect(manifest.scripts['build:shell']).toContain('--outdir=dist/shell');
  });
});
