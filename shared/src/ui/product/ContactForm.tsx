// Asked before a reservation or an order goes to staff: who to tell, and the
// shopper's consent, read through the schema the store server checks again.
// A modal dialog: focus moves into it, stays there, and Escape or Cancel
// closes it and gives focus back to the button that opened it. Nothing typed
// is kept once it closes (the fields live in this component's state only).
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { CONTACT_RETENTION_DAYS, type ShopperContact } from '../../core';
import { useI18n } from '../i18n/i18n';
import { useModalFocus } from '../use-modal-focus';
import { readContactForm, type ContactErrors, type ContactFields } from './contact-form';
import './contact-form.css';

const FIELDS = ['name', 'phone', 'email', 'consent'] as const;

export function ContactForm(props: {
  title: string;
  onSend: (contact: ShopperContact) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const id = useId();
  const dialog = useRef<HTMLDivElement>(null);
  useModalFocus(dialog, props.onCancel);
  const [fields, setFields] = useState<ContactFields>({
    name: '',
    phone: '',
    email: '',
    consent: false,
  });
  const [errors, setErrors] = useState<ContactErrors>({});
  // After a refused send, the first field to correct takes focus (its error is read out).
  const [tries, setTries] = useState(0);
  useEffect(() => {
    const first = FIELDS.find((field) => errors[field]);
    if (first) dialog.current?.querySelector<HTMLInputElement>(`[name="${first}"]`)?.focus();
  }, [tries, errors]);

  const set = (patch: Partial<ContactFields>) => setFields((current) => ({ ...current, ...patch }));
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const reading = readContactForm(fields);
    if (reading.ok) return props.onSend(reading.contact);
    setErrors(reading.errors);
    setTries((n) => n + 1);
  };
  const errorId = (field: keyof ContactErrors) => `${id}-${field}-error`;
  const error = (field: keyof ContactErrors) =>
    errors[field] ? (
      <span id={errorId(field)} className="field-error" role="alert">
        {t.contactErrors[field]}
      </span>
    ) : null;
  const described = (field: keyof ContactErrors) =>
    errors[field] ? { 'aria-invalid': true, 'aria-describedby': errorId(field) } : {};
  const text = (field: 'name' | 'phone' | 'email', label: string, type: string) => (
    <div className="field">
      <label htmlFor={`${id}-${field}`}>{label}</label>
      <input
        id={`${id}-${field}`}
        name={field}
        type={type}
        // The kiosk is shared: no browser remembers what a shopper typed.
        autoComplete="off"
        value={fields[field]}
        onChange={(e) => set({ [field]: e.target.value })}
        {...described(field)}
      />
      {error(field)}
    </div>
  );

  return (
    <div className="overlay contact-overlay">
      <div
        ref={dialog}
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        aria-describedby={`${id}-intro`}
        className="dialog contact-dialog"
        data-testid="contact-form"
      >
        <form onSubmit={submit} noValidate>
          <h2 id={`${id}-title`}>{props.title}</h2>
          <p id={`${id}-intro`}>{t.contactTitle}</p>
          {text('name', t.contactName, 'text')}
          <p className="muted">{t.contactPhoneOrEmail}</p>
          {text('phone', t.contactPhone, 'tel')}
          {text('email', t.contactEmail, 'email')}
          <div className="field">
            <label className="consent">
              <input
                name="consent"
                type="checkbox"
                checked={fields.consent}
                onChange={(e) => set({ consent: e.target.checked })}
                {...described('consent')}
              />
              <span>{t.contactConsent(CONTACT_RETENTION_DAYS)}</span>
            </label>
            {error('consent')}
          </div>
          <p className="actions">
            <button type="submit" className="primary">
              {t.contactSend}
            </button>
            <button type="button" onClick={props.onCancel}>
              {t.cancel}
            </button>
          </p>
        </form>
      </div>
    </div>
  );
}
