// A small SVG bar chart of speed-ups, for the README: readable without tooltips (each bar carries
// its value), the axis spans the data, and the direction is the table's (>1: tsjit faster).

/** One group of bars: a kernel and its ratios by series name. */
export interface ChartRow {
  label: string;
  values: Record<string, number | undefined>;
}

const COLORS = ["#2b6cb0", "#c05621", "#2f855a", "#6b46c1"];

const fmt = (v: number) => (v >= 10 ? v.toFixed(0) : v >= 1 ? v.toFixed(1) : v.toFixed(2)) + "x";

/** Renders rows of ratios (contender time / tsjit time) as horizontal bars from 1, log scale. */
export function ratioChart(
  title: string,
  subtitle: string,
  series: string[],
  rows: ChartRow[],
): string {
  const barH = 12, gap = 10, left = 120, width = 460, top = 58 + series.length * 16;
  const groupH = series.length * barH + gap;
  const height = top + rows.length * groupH + 44;
  const all = rows.flatMap((r) => series.map((s) => r.values[s]))
    .filter((v): v is number => v !== undefined && Number.isFinite(v) && v > 0);
  // the axis: powers of two around the data and 1
  const lo = 2 ** Math.floor(Math.log2(Math.min(1, ...all)));
  const hi = 2 ** Math.ceil(Math.log2(Math.max(1, ...all)));
  const span = Math.log2(hi) - Math.log2(lo) || 1;
  const x = (r: number) => left + ((Math.log2(r) - Math.log2(lo)) / span) * width;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${left + width + 60}" height="${height}" ` +
      `font-family="sans-serif" font-size="11">`,
  );
  out.push(`<rect width="100%" height="100%" fill="white"/>`);
  out.push(`<text x="10" y="18" font-size="13" font-weight="bold">${title}</text>`);
  out.push(`<text x="10" y="34" fill="#333">${subtitle}</text>`);
  series.forEach((s, i) => {
    const y = 44 + i * 16;
    out.push(`<rect x="10" y="${y}" width="10" height="10" fill="${COLORS[i % 4]}"/>`);
    out.push(`<text x="26" y="${y + 9}">${s}</text>`);
  });
  for (let r = lo; r <= hi; r *= 2) {
    const px = x(r);
    out.push(
      `<line x1="${px}" y1="${top - 4}" x2="${px}" y2="${height - 36}" stroke="${
        r === 1 ? "#000" : "#ddd"
      }"/>`,
    );
    out.push(
      `<text x="${px}" y="${height - 24}" text-anchor="middle">${
        r >= 1 ? `${r}x` : `1/${1 / r}x`
      }</text>`,
    );
  }
  rows.forEach((row, g) => {
    const y0 = top + g * groupH;
    out.push(
      `<text x="${left - 6}" y="${
        y0 + (series.length * barH) / 2 + 4
      }" text-anchor="end">${row.label}</text>`,
    );
    series.forEach((s, i) => {
      const v = row.values[s];
      if (v === undefined || !Number.isFinite(v) || v <= 0) return;
      const a = x(1), b = x(v), y = y0 + i * barH;
      out.push(
        `<rect x="${Math.min(a, b)}" y="${y}" width="${Math.max(1, Math.abs(b - a))}" ` +
          `height="${barH - 2}" fill="${COLORS[i % 4]}"/>`,
      );
      // the value, just past the bar's end (inside the plot on the side away from 1)
      const tx = v >= 1 ? b + 3 : b - 3;
      out.push(
        `<text x="${tx}" y="${y + barH - 3}" font-size="9" text-anchor="${
          v >= 1 ? "start" : "end"
        }">${fmt(v)}</text>`,
      );
    });
  });
  out.push(
    `<text x="10" y="${height - 6}" fill="#555">bars right of the 1x line: tsjit is faster ` +
      `by that factor; left: slower (log scale)</text>`,
  );
  out.push("</svg>");
  return out.join("\n");
}
