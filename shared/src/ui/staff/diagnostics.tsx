// What the staff overlay shows, as sections anyone can add: a section is a
// title in both languages and a component that renders its lines (it may use
// hooks, and gets the device). To add a diagnostic to a touchpoint, write
//
//   export const scannerDiagnostic: DiagnosticSection = {
//     id: 'scanner',
//     title: { fr: 'Douchette', en: 'Scanner' },
//     Body: () => <DiagnosticLines lines={[{ label: 'Suffixe', value: 'Enter', state: 'ok' }]} />,
//   };
//
// and append it to the touchpoint's list (kiosk: kiosk/src/renderer/staff-diagnostics.tsx).
// A line whose state is 'bad' is what staff should act on; it is marked, not only coloured.
import type { ComponentType, ReactNode } from 'react';
import type { DeviceHandle } from '../../client';
import type { Localized } from '../../core';

export type DiagnosticSection = {
  /** Stable and unique: the section's test id is `diagnostic-<id>`. */
  id: string;
  title: Localized;
  Body: ComponentType<{ device: DeviceHandle }>;
};

export type DiagnosticLine = {
  label: string;
  value: ReactNode;
  state?: 'ok' | 'warn' | 'bad';
  /** Tests read a line's value by it. */
  testId?: string;
};

const MARK = { ok: '✓', warn: '!', bad: '✗' } as const;

export function DiagnosticLines({ lines }: { lines: readonly DiagnosticLine[] }) {
  return (
    <dl className="diagnostic-lines">
      {lines.map((line) => (
        <div
          key={line.label}
          className={line.state ? `diagnostic diagnostic--${line.state}` : 'diagnostic'}
        >
          <dt>{line.label}</dt>
          <dd data-testid={line.testId} data-state={line.state}>
            {line.state && <span aria-hidden="true">{MARK[line.state]} </span>}
            {line.value}
          </dd>
        </div>
      ))}
    </dl>
  );
}
