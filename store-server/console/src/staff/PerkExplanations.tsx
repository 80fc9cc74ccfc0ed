// The optimiser's reasons, chosen perks first, in the console's language.
import type { Localized, PerkExplanation } from '@vitrine/shared/core';
import type { ConsoleLang } from '@vitrine/shared/console-kit';

export function PerkExplanations(props: {
  explanations: PerkExplanation[];
  labels: Map<string, Localized>;
  lang: ConsoleLang;
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
              <strong>{props.labels.get(item.perkId)?.[props.lang] ?? item.perkId}</strong>
            </td>
            <td>{item[props.lang]}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
