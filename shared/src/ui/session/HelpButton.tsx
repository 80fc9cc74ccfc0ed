// "Call a member of staff" with the kiosk's place, then the smiley rating of the help.
import { useState } from 'react';
import type { NewDeviceEvent } from '../../core';
import { useI18n } from '../i18n/i18n';
import { SmileyFace } from '../smiley-face';

const SMILEYS = ['green', 'orange', 'red'] as const;

export function HelpButton(props: {
  place: string;
  productId?: string;
  record: (event: NewDeviceEvent) => void;
}) {
  const { t } = useI18n();
  const [phase, setPhase] = useState<'idle' | 'called' | 'rated'>('idle');
  if (phase === 'rated') return <p role="status">{t.thanks}</p>;
  if (phase === 'called') {
    return (
      <div className="help" data-testid="help-called">
        <p role="status">{t.staffCalled}</p>
        <fieldset className="smileys">
          <legend>{t.rateHelp}</legend>
          {SMILEYS.map((value) => (
            <button
              key={value}
              type="button"
              className={`smiley smiley--${value}`}
              onClick={() => {
                props.record({ kind: 'feedback', payload: { target: 'help', value } });
                setPhase('rated');
              }}
            >
              <SmileyFace value={value} /> {t.rating[value]}
            </button>
          ))}
        </fieldset>
      </div>
    );
  }
  return (
    <button
      type="button"
      className="primary"
      onClick={() => {
        props.record({
          kind: 'request',
          payload: {
            type: 'help',
            place: props.place,
            ...(props.productId ? { productId: props.productId } : {}),
          },
        });
        setPhase('called');
      }}
    >
      {t.callStaff}
    </button>
  );
}
