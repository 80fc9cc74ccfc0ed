// Asked before a reservation or an order goes to staff: who to tell, and the
// shopper's consent. Checked with the schema the store server checks again.
import { useId, useState, type FormEvent } from 'react';
import type { ShopperContact } from '../../core';
import { useI18n } from '../i18n/i18n';
import { readContactForm, type ContactErrors, type ContactFields } from './contact-form';

export function ContactForm(props: {
  title: string;
  onSend: (contact: ShopperContact) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const [fields, setFields] = useState<ContactFields>({
    name: '',
    phone: '',
    email: '',
    consent: false,
  });
  const [errors, setErrors] = useState<ContactErrors>({});
  const set = (patch: Partial<ContactFields>) => setFields((current) => ({ ...current, ...patch }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const reading = readContactForm(fields);
    if (reading.ok) props.onSend(reading.contact);
    else setErrors(reading.errors);
  };
  const error = (field: keyof ContactErrors) =>
    errors[field] ? (
      <span id={`${id}-${field}-error`} className="field-error" role="alert">
        {t.contactErrors[field]}
      </span>
    ) : null;
  const described = (field: keyof ContactErrors) =>
    errors[field] ? { 'aria-invalid': true, 'aria-describedby': `${id}-${field}-error` } : {};

  return (
    <form className="contact-form" data-testid="contact-form" onSubmit={submit} noValidate>
      <h4>{props.title}</h4>
      <p>{t.contactTitle}</p>
      <label>
        {t.contactName}
        <input
          name="name"
          autoComplete="off"
          value={fields.name}
          onChange={(e) => set({ name: e.target.value })}
          {...described('name')}
        />
      </label>
      {error('name')}
      <p>{t.contactPhoneOrEmail}</p>
      <label>
        {t.contactPhone}
        <input
          name="phone"
          type="tel"
          autoComplete="off"
          value={fields.phone}
          onChange={(e) => set({ phone: e.target.value })}
          {...described('phone')}
        />
      </label>
      {error('phone')}
      <label>
        {t.contactEmail}
        <input
          name="email"
          type="email"
          autoComplete="off"
          value={fields.email}
          onChange={(e) => set({ email: e.target.value })}
          {...described('email')}
        />
      </label>
      {error('email')}
      <label className="consent">
        <input
          name="consent"
          type="checkbox"
          checked={fields.consent}
          onChange={(e) => set({ consent: e.target.checked })}
          {...described('consent')}
        />
        {t.contactConsent}
      </label>
      {error('consent')}
      <p className="actions">
        <button type="submit">{t.contactSend}</button>
        <button type="button" onClick={props.onCancel}>
          {t.cancel}
        </button>
      </p>
    </form>
  );
}
