// The optimiser's reasons, chosen perks first.
import type { Localized } from '@vitrine/shared/core';
import type { Explanation } from './loyalty-api';

export function PerkExplanations(props: {
  explanations: Explanation[];
  labels: Map<string, Localized>;
}) {
  const sorted = [...props.explanations].sort((a, b) => Number(b.chosen) - Number(a.chosen));
  return (
    <table>
      <tbody>
        {sorted.map((item) => (
          <tr
            key={item.perkId}
            data-perk={item.perkId}
            className={item.chosen ? 'chosen' : 'left-out'}
          >
            <td>{item.chosen ? '✔' : '—'}</td>
            <td>
              <strong>{props.labels.get(item.perkId)?.fr ?? item.perkId}</strong>
              <br />
              <small>{props.labels.get(item.perkId)?.en}</small>
            </td>
            <td>
              {item.fr}
              <br />
              <small>{item.en}</small>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
