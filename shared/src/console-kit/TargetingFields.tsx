// Targeting by store, region, screen group and tag. The text is kept as typed
// (a trailing comma stays) and turned into ids on every change.
import { useState } from 'react';
import type { Targeting } from '../core';
import { parseIdList } from './campaign-draft';
import { useText } from './editor-text';

const FIELDS = ['stores', 'regions', 'groups', 'tags'] as const;

export function TargetingFields(props: {
  targeting: Targeting;
  onChange: (targeting: Targeting) => void;
}) {
  const { t } = useText();
  const [text, setText] = useState(() =>
    Object.fromEntries(FIELDS.map((field) => [field, props.targeting[field].join(', ')])),
  );
  return (
    <fieldset>
      <legend>{t.targeting}</legend>
      <div className="row">
        {FIELDS.map((field) => (
          <label key={field}>
            {t[field]}
            <input
              value={text[field] ?? ''}
              onChange={(e) => {
                setText({ ...text, [field]: e.target.value });
                props.onChange({ ...props.targeting, [field]: parseIdList(e.target.value) });
              }}
            />
          </label>
        ))}
      </div>
    </fieldset>
  );
}
