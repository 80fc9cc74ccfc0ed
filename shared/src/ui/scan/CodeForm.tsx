// A code typed by hand (a barcode too damaged to scan, a tag read aloud by
// staff): the same field on every touchpoint, answered by the same scan rules.
import { useState, type FormEvent } from 'react';

export function CodeForm(props: {
  label: string;
  submitLabel: string;
  onCode: (code: string) => void;
  /** Empty the field after each code (the mirror adds garment after garment). */
  clearOnSubmit?: boolean;
}) {
  const [code, setCode] = useState('');
  const submit = (event: FormEvent) => {
    event.preventDefault();
    props.onCode(code);
    if (props.clearOnSubmit) setCode('');
  };
  return (
    <form className="code-form" onSubmit={submit}>
      <label>
        {props.label}{' '}
        <input
          data-testid="code-input"
          inputMode="numeric"
          autoComplete="off"
          maxLength={64}
          value={code}
          onChange={(event) => setCode(event.target.value)}
        />
      </label>
      <button type="submit">{props.submitLabel}</button>
    </form>
  );
}
