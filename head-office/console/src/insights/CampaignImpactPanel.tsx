// A campaign's effect across the stores of one currency: its products' units and revenue before,
// during and after it ran, beside the visitors and its plays (the stores' own days, summed).
import { useState, type FormEvent } from 'react';
import { formatMoney, type CampaignImpact } from '@vitrine/shared/core';
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
            <tr>
              <th>{t.window}</th>
              <th>{t.days}</th>
              <th>{t.units}</th>
              <th>{t.revenue}</th>
              <th>{t.visitors}</th>
              <th>{t.plays}</th>
            </tr>
          </thead>
          <tbody>
            {impact.windows.map((window) => (
              <tr key={window.phase} data-phase={window.phase}>
                <td>
                  {t.phases[window.phase]} ({window.from}
                  {window.to !== window.from && ` → ${window.to}`})
                </td>
                <td>{window.days}</td>
                <td data-units={window.units}>{window.units}</td>
                <td>{formatMoney(window.revenue, currency, locale)}</td>
                <td>{window.visitors}</td>
                <td>{window.plays}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
