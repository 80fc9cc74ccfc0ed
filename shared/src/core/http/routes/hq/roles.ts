// Who may call head office's routes. Every signed-in head-office user reads everything (stores,
// fleet, campaigns, media, reports, refusals, settings); `publisher` also publishes and withdraws
// campaigns, uploads media and writes settings; `admin` does everything, including stores,
// enrolment codes, the catalogue and users. The admin token (`--admin-token`) passes every check.
import { z } from 'zod';
import { staff } from '../../route';

export const HqRole = z.enum(['admin', 'publisher']);
export type HqRole = z.infer<typeof HqRole>;

export const hqReader = staff();
export const hqPublisher = staff('publisher');
export const hqAdmin = staff('admin');
