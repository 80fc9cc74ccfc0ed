// The code zones and the directions they may import in, as ONE ESLint config block.
// eslint.config.js puts it last and no other block sets these rules, so nothing
// overrides it (the bug of the old per-folder `no-restricted-imports` blocks).
// Imports are resolved first (TypeScript resolver: package `exports`, workspaces),
// so `@vitrine/shared/client` counts as the client zone exactly like `../client`.
import boundaries from 'eslint-plugin-boundaries';

// Folders are elements; files that live among others in one folder get a category.
const elements = [
  { type: 'core', pattern: 'shared/src/core' },
  { type: 'client', pattern: 'shared/src/client' },
  { type: 'ui', pattern: 'shared/src/ui' },
  { type: 'scan-node', pattern: 'shared/src/scan/node' },
  { type: 'scan', pattern: 'shared/src/scan' },
  { type: 'desktop', pattern: 'shared/src/desktop' },
  { type: 'node', pattern: 'shared/src/node' },
  { type: 'console-kit', pattern: 'shared/src/console-kit' },
  { type: 'shell-main', pattern: '*/src/main', capture: ['app'] },
  { type: 'shell-preload', pattern: '*/src/preload', capture: ['app'] },
  { type: 'renderer', pattern: '*/src/renderer', capture: ['app'] },
  { type: 'console', pattern: 'store-server/console/src' },
  { type: 'store-server', pattern: 'store-server/src' },
  { type: 'head-office', pattern: 'head-office/src' },
  { type: 'hq-console', pattern: 'head-office/console/src' },
  { type: 'e2e', pattern: 'e2e' },
  { type: 'scripts', pattern: 'scripts' },
].map((element) => ({ ...element, partialMatch: false }));

// A file takes the first category that matches ('boundaries/files-single-match').
const files = [
  { category: 'preload', pattern: 'shared/src/desktop/preload*.ts' },
  // What both sides of the IPC bridge load: plain TypeScript, no electron, node or zod.
  {
    category: 'bridge',
    pattern: 'shared/src/desktop/{bridge-types,ipc-channels,staff-gesture}.ts',
  },
  // The rest of shared/src/desktop, its tests included, is the Electron main process.
  { category: 'main', pattern: 'shared/src/desktop/**' },
  { category: 'test', pattern: '**/*.test.{ts,tsx}' },
  {
    category: 'tooling',
    pattern: [
      '*.{js,ts}',
      '*/vite.config.ts',
      'shared/*.ts',
      'store-server/console/*.ts',
      'head-office/console/*.ts',
    ],
  },
];

const element = (type) => ({ element: { type } });
// An app's own folder of that type, not another app's.
const ownApp = (type) => ({
  element: { type, captured: { app: '{{ from.element.captured.app }}' } },
});
const sharedDesktop = (category) => ({
  element: { type: 'desktop' },
  file: { categories: category },
});
const zones = {
  core: element('core'),
  client: element('client'),
  ui: element('ui'),
  scan: element('scan'),
  scanNode: element('scan-node'),
  node: element('node'),
  desktopMain: [element('shell-main'), sharedDesktop('main')],
  preload: [element('shell-preload'), sharedDesktop('preload')],
  bridge: sharedDesktop('bridge'),
  renderer: element('renderer'),
  storeServer: element('store-server'),
  headOffice: element('head-office'),
  console: element('console'),
  consoleKit: element('console-kit'),
  hqConsole: element('hq-console'),
  e2e: element('e2e'),
  tooling: [element('scripts'), { file: { categories: 'tooling' } }],
};
const all = Object.values(zones).flat();

const nodeBuiltins = { module: { origin: 'core' } };
const anyPackage = { module: { origin: 'external' } };
const packages = (...source) => ({ module: { origin: 'external', source } });
// A policy's allow/disallow entries: imports of these targets, or type-only imports of one.
// Plain targets share one entry: each entry costs a matcher call on every import.
const to = (...targets) => {
  const typed = targets.filter((target) => target.to);
  const plain = targets.filter((target) => !target.to).flat();
  return [...(plain.length ? [{ to: plain }] : []), ...typed];
};
const typesOf = (target) => ({ to: target, dependency: { kind: 'type' } });

// Platform libraries: each belongs to the zones that run on its platform.
const electron = packages('electron', 'electron-*');
const browserOnly = packages(
  'react',
  'react-dom',
  'dexie',
  'three',
  'lucide-react',
  'chart.js',
  'focus-trap',
);
const serverOnly = packages(
  'express',
  'cors',
  'better-sqlite3',
  'aedes',
  'ws',
  'pino',
  '@peculiar/*',
  'sharp',
  'csv-parse',
  'csv-stringify',
  'saxes',
  'pg',
  '@nats-io/*',
);
const brokerClient = packages('mqtt');

const policies = [
  {
    from: zones.core,
    allow: to(zones.core, anyPackage),
    disallow: to(nodeBuiltins, electron, browserOnly, serverOnly, brokerClient),
    message:
      'core runs anywhere: it imports no other zone, no node:*, electron, React, Dexie, Express or MQTT.',
  },
  {
    from: zones.client,
    allow: to(zones.client, zones.core, anyPackage),
    disallow: to(
      nodeBuiltins,
      electron,
      packages('react', 'react-dom', 'three', 'lucide-react', 'chart.js'),
      serverOnly,
    ),
    message:
      'client is the browser-side data layer: it may import core, never ui, node:*, electron or server code.',
  },
  {
    from: zones.ui,
    allow: to(zones.ui, zones.client, zones.core, zones.scan, typesOf(zones.bridge), anyPackage),
    disallow: to(nodeBuiltins, electron, serverOnly),
    message:
      'ui runs in a browser: it may import core, client and scan (and the bridge types), never node:*, electron or server code.',
  },
  {
    from: zones.scan,
    allow: to(zones.scan, zones.core, anyPackage),
    disallow: to(nodeBuiltins, electron, browserOnly, serverOnly, brokerClient),
    message:
      'scan runs in a browser (and its workers): it may import core, never its node/ tooling, node:*, electron or frameworks.',
  },
  {
    from: zones.scanNode,
    allow: to(zones.scanNode, zones.scan, zones.core, nodeBuiltins, anyPackage),
    disallow: to(electron, browserOnly, serverOnly),
    message: 'scan/node is Node tooling around the browser decoders: it may import scan and core.',
  },
  {
    from: zones.desktopMain,
    allow: to(
      ownApp('shell-main'),
      sharedDesktop('main'),
      zones.bridge,
      zones.core,
      nodeBuiltins,
      anyPackage,
    ),
    disallow: to(browserOnly, serverOnly, brokerClient),
    message:
      'the Electron main process may import core and the bridge, never renderer, client, ui, scan or server code.',
  },
  {
    from: zones.preload,
    allow: to(
      ownApp('shell-preload'),
      sharedDesktop('preload'),
      zones.bridge,
      typesOf(zones.desktopMain),
      packages('electron'),
    ),
    message:
      'a sandboxed preload can only require electron: it imports the bridge and, as types only, the IPC contract.',
  },
  {
    from: zones.bridge,
    allow: to(zones.bridge, typesOf(zones.desktopMain)),
    message:
      'the bridge is loaded on both sides of IPC: plain TypeScript, types only from the IPC contract.',
  },
  {
    from: zones.renderer,
    allow: to(
      ownApp('renderer'),
      zones.core,
      zones.client,
      zones.ui,
      zones.scan,
      typesOf(zones.bridge),
      anyPackage,
    ),
    disallow: to(nodeBuiltins, electron, serverOnly),
    message:
      'a renderer runs in a browser: it may import core, client, ui and scan, never main, preload, server code, node:* or electron.',
  },
  {
    from: zones.node,
    allow: to(zones.node, zones.core, nodeBuiltins, anyPackage),
    disallow: to(electron, browserOnly),
    message:
      'node is what both servers run on Node: it may import core, never client, ui, scan, desktop, renderer, consoles or either server.',
  },
  {
    from: zones.storeServer,
    allow: to(zones.storeServer, zones.core, zones.node, nodeBuiltins, anyPackage),
    disallow: to(electron, browserOnly),
    message:
      'the store server may import core and node, never client, ui, scan, renderer, console or desktop code.',
  },
  {
    from: zones.headOffice,
    allow: to(zones.headOffice, zones.core, zones.node, nodeBuiltins, anyPackage),
    disallow: to(electron, browserOnly),
    message:
      'head office may import core and node, never the store server, client, ui, scan, renderer, consoles or desktop code.',
  },
  {
    from: zones.console,
    allow: to(
      zones.console,
      zones.consoleKit,
      zones.core,
      zones.client,
      zones.ui,
      zones.scan,
      anyPackage,
    ),
    disallow: to(nodeBuiltins, electron, serverOnly),
    message:
      'the consoles run in a browser: they may import core, client, ui, scan and the console kit, never the store server, node:* or electron.',
  },
  {
    from: zones.consoleKit,
    allow: to(zones.consoleKit, zones.core, zones.ui, anyPackage),
    disallow: to(nodeBuiltins, electron, serverOnly),
    message:
      'the console kit is what the consoles that edit campaigns share: browser code that may import core and ui, never a console, a server, node:* or electron.',
  },
  {
    from: zones.hqConsole,
    allow: to(zones.hqConsole, zones.consoleKit, zones.core, zones.ui, anyPackage),
    disallow: to(nodeBuiltins, electron, serverOnly),
    message:
      "head office's console runs in a browser and speaks only head office's API: it may import core, ui and the console kit, never the store's console, a server, node:* or electron.",
  },
  {
    from: zones.e2e,
    allow: to(...all, nodeBuiltins, anyPackage),
    message: 'e2e drives every part: it may import any zone.',
  },
  {
    from: zones.tooling,
    allow: to(zones.tooling, nodeBuiltins, anyPackage),
    message: 'build and lint tooling imports packages only.',
  },
  // Tests run in Node under Vitest, whatever the zone of the code they test:
  // they may use node:* and test libraries, but still only the zones their own may import.
  {
    from: { file: { categories: 'test' } },
    allow: to(nodeBuiltins, anyPackage),
  },
  {
    from: { element: { type: 'scan' }, file: { categories: 'test' } },
    allow: to(zones.scanNode),
    message: 'scan tests load the decoders in Node through scan/node.',
  },
];

export const zonesBlock = {
  name: 'vitrine/zones',
  plugins: { boundaries },
  settings: {
    'boundaries/elements': elements,
    'boundaries/files': files,
    'boundaries/files-single-match': true,
    'boundaries/legacy-templates': false,
    'boundaries/root-path': import.meta.dirname,
    'boundaries/dependency-nodes': ['import', 'export', 'dynamic-import', 'require'],
    'import/resolver': { typescript: { alwaysTryTypes: true } },
  },
  rules: {
    'boundaries/dependencies': [
      'error',
      {
        default: 'disallow',
        checkAllOrigins: true,
        checkUnknownLocals: true,
        checkInternals: true,
        policies,
      },
    ],
    'boundaries/no-unknown-files': 'error',
  },
};
