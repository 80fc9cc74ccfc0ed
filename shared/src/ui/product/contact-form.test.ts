import { describe, expect, it } from 'vitest';
import { RequestPayload } from '../../core';
import { readContactForm } from './contact-form';

const filled = { name: 'Camille Martin', phone: '', email: '', consent: true };

describe('readContactForm', () => {
  it('takes a name with a phone or an e-mail, and the consent', () => {
    expect(readContactForm({ ...filled, phone: '06 12 34 56 78' })).toEqual({
      ok: true,
      contact: { name: 'Camille Martin', phone: '06 12 34 56 78', consent: true },
    });
    expect(readContactForm({ ...filled, email: ' camille@example.fr ' })).toMatchObject({
      ok: true,
      contact: { email: 'camille@example.fr' },
    });
  });

  it('names each field that is wrong', () => {
    expect(readContactForm({ name: ' ', phone: '', email: '', consent: false })).toEqual({
      ok: false,
      errors: { name: true, phone: true, consent: true },
    });
    expect(readContactForm({ ...filled, phone: '12', email: 'camille@' })).toEqual({
      ok: false,
      errors: { phone: true, email: true },
    });
  });

  it('is the contact the store server accepts on a request, and no other', () => {
    const reading = readContactForm({ ...filled, phone: '+33 6 12 34 56 78' });
    if (!reading.ok) throw new Error('expected a contact');
    const request = { type: 'reservation', productId: 'p1', contact: reading.contact };
    expect(RequestPayload.safeParse(request).success).toBe(true);
    const forged = { ...request, contact: { name: 'X', email: 'nope', consent: false } };
    expect(RequestPayload.safeParse(forged).success).toBe(false);
  });
});
