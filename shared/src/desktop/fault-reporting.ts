// The shell's fault reporter: every watchdog event and renderer-reported
// fault is logged, queued on disk and POSTed to the store server when it can.
import { randomUUID } from 'node:crypto';
import { net } from 'electron';
import type { ShellApp } from './app-identity';
import type { DeviceCredential } from './ipc-contract';
import { FaultQueue } from './fault-queue';
import { faultsUrl, makeFaultReport, type FaultInput } from './fault-report';
import { postFault } from './fault-transport';
import type { ShellLog } from './shell-logger';
import type { stateFiles } from './state-files';

export type FaultReporterOptions = {
  app: ShellApp;
  appVersion: string;
  storeServerUrl: string;
  credential: () => DeviceCredential | null;
  files: ReturnType<typeof stateFiles>;
  log: ShellLog;
};

export type ReportFault = (input: FaultInput) => void;

export function createFaultReporter(options: FaultReporterOptions): ReportFault {
  const queue = new FaultQueue(
    {
      send: (report) => {
        const credential = options.credential();
        // Not enrolled yet: keep the report until the device has an identity.
        if (!credential) return Promise.resolve('retry');
        const target = {
          url: faultsUrl(options.storeServerUrl, credential.deviceId),
          // The same bearer the device uses for every store-server call.
          authorization: `Bearer ${credential.deviceId}.${credential.secret}`,
        };
        return postFault((url, init) => net.fetch(url, init), target, report);
      },
      save: (pending) => {
        try {
          options.files.saveFaults(pending);
        } catch (error) {
          options.log('warn', 'fault-queue-not-saved', { error: String(error) });
        }
      },
      schedule: (run, afterMs) => {
        setTimeout(run, afterMs).unref();
      },
    },
    options.files.loadFaults(),
  );
  void queue.flush();

  return (input) => {
    options.log('warn', 'fault', { ...input });
    const context = {
      app: options.app,
      appVersion: options.appVersion,
      id: randomUUID(),
      at: new Date(),
    };
    queue.enqueue(makeFaultReport(input, context));
    void queue.flush();
  };
}
