// The signage's Electron main process: the shared hardened shell, named.
import { startShell } from '@vitrine/shared/desktop';

startShell('signage');
