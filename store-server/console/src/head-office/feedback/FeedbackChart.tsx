// Opinions per day as stacked bars (chart.js, as the proof-of-play charts),
// with a legend in the page so the other charts keep theirs unchanged.
import { useEffect, useRef } from 'react';
import { BarController, BarElement, CategoryScale, Chart, LinearScale, Tooltip } from 'chart.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Tooltip);

export type Series = { label: string; colour: string; values: number[] };

export function FeedbackChart(props: { title: string; labels: string[]; series: Series[] }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels: props.labels,
        datasets: props.series.map((series) => ({
          label: series.label,
          data: series.values,
          backgroundColor: series.colour,
          maxBarThickness: 56,
        })),
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: {
          x: { stacked: true },
          y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } },
        },
      },
    });
    return () => chart.destroy();
  }, [props.labels, props.series]);
  return (
    <figure className="chart" data-testid="feedback-chart">
      <figcaption>{props.title}</figcaption>
      <div className="chart-box">
        <canvas ref={canvas} role="img" aria-label={props.title} />
      </div>
      <ul className="legend">
        {props.series.map((series) => (
          <li key={series.label}>
            <span className="swatch" style={{ background: series.colour }} aria-hidden="true" />
            {series.label} ({series.values.reduce((sum, value) => sum + value, 0)})
          </li>
        ))}
      </ul>
    </figure>
  );
}
