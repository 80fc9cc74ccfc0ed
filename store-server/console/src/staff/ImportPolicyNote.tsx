// The share of bad lines above which this store refuses a whole feed (the
// chain's policy, set with the admin token), so a manager knows the rule
// before an import is refused by it.
import { useEffect, useState } from 'react';
import type { ImportPolicy } from '@vitrine/shared/core';
import { client } from '../common/api';
import { catalogueMessages } from './catalogue-messages';
import { useText } from './i18n';

export function ImportPolicyNote() {
  const { lang, locale } = useText();
  const [policy, setPolicy] = useState<ImportPolicy | null>(null);
  useEffect(() => {
    // Without it the form still works: the server applies the rule anyway.
    client.imports.importPolicy().then(setPolicy, () => setPolicy(null));
  }, []);
  if (!policy) return null;
  const share = (policy.maxBadLinePercent / 100).toLocaleString(locale, {
    style: 'percent',
    maximumFractionDigits: 1,
  });
  return <p data-testid="import-policy">{catalogueMessages[lang].policy(share)}</p>;
}
