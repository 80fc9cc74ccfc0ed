// A campaign's effect across the stores of one currency: its products' units and revenue before,
// during and after it ran, beside the visitors and its plays (the stores' own days, summed).
import { useState, type FormEvent } from 'react';
import type { CampaignImpact } from '@vitrine/shared/core';
import { ImpactHeader, ImpactWindowRow } from '@vitrine/shared/console-kit';
import { failure, hq } from '../api';
import { useText } from '../i18n';
import { insightsText } from './insights-messages';

export function CampaignImpactPanel() {
  const { lang, locale, t: common } = useText();
  const t = insightsText[lang].impact;
  const [campaignId, setCampaignId] = useState('');
  const [currency, setCurrency] = useState('EUR');
  const [impact, setImpact] = useState<CampaignImpact | null>(null);
  const [error, setError] = useState<string | null>(null);

  const show = (event: FormEvent) => {
    event.preventDefault();
    hq.insights.campaignImpact({ params: { id: campaignId.trim() }, query: { currency } }).then(
      (answer) => {
        setImpact(answer);
        setError(null);
      },
      (caught: unknown) => {
        setImpact(null);
        setError(failure(caught, common.unreachable));
      },
    );
  };
  return (
    <section aria-labelledby="hq-impact-title" data-testid="hq-campaign-impact">
      <h3 id="hq-impact-title">{t.title}</h3>
      <form onSubmit={show} className="filters">
        <label>
          {t.campaign}{' '}
          <input value={campaignId} required onChange={(e) => setCampaignId(e.target.value)} />
        </label>
        <label>
          {t.currency}{' '}
          <input
            value={currency}
            size={4}
            maxLength={3}
            onChange={(e) => setCurrency(e.target.value.toUpperCase())}
          />
        </label>
        <button type="submit" className="action">
          {t.show}
        </button>
      </form>
      {error && <p role="alert">{error}</p>}
      {impact && (
        <table>
          <caption>
            {impact.name} · {impact.products.join(', ')}
          </caption>
          <thead>
            <ImpactHeader labels={t} />
          </thead>
          <tbody>
            {impact.windows.map((window) => (
              <ImpactWindowRow
                key={window.phase}
                window={window}
                currency={currency}
                locale={locale}
                labels={t}
              />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
