// A small SVG bar chart of speed ratios (log scale), for the README.

/** One group of bars: a kernel and its ratios by series name. */
export interface ChartRow {
  label: string;
  values: Record<string, number | undefined>;
}

const COLORS = ["#2b6cb0", "#c05621", "#2f855a", "#6b46c1"];

/** Renders rows of ratios (>1: tsjit faster) as horizontal bars around 1. */
export function ratioChart(title: string, series: string[], rows: ChartRow[]): string {
  const barH = 9, gap = 8, left = 130, width = 420, top = 40;
  const groupH = series.length * barH + gap;
  const height = top + rows.length * groupH + 40;
  const max = 64;
  const x = (r: number) =>
    left + width / 2 +
    (Math.log2(Math.min(max, Math.max(1 / max, r))) / Math.log2(max)) * (width / 2);
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${
      left + width + 150
    }" height="${height}" font-family="sans-serif" font-size="11">`,
  );
  out.push(`<rect width="100%" height="100%" fill="white"/>`);
  out.push(`<text x="10" y="18" font-size="13" font-weight="bold">${title}</text>`);
  series.forEach((s, i) => {
    out.push(
      `<rect x="${left + width + 10}" y="${top + i * 16}" width="10" height="10" fill="${
        COLORS[i % 4]
      }"/>`,
    );
    out.push(`<text x="${left + width + 24}" y="${top + i * 16 + 9}">${s}</text>`);
  });
  for (const r of [1 / 16, 1 / 4, 1, 4, 16, 64]) {
    const px = x(r);
    out.push(
      `<line x1="${px}" y1="${top - 6}" x2="${px}" y2="${height - 30}" stroke="${
        r === 1 ? "#000" : "#ddd"
      }"/>`,
    );
    out.push(
      `<text x="${px}" y="${height - 16}" text-anchor="middle">${
        r >= 1 ? r + "x" : "1/" + 1 / r
      }</text>`,
    );
  }
  rows.forEach((row, g) => {
    const y0 = top + g * groupH;
    out.push(`<text x="${left - 6}" y="${y0 + groupH / 2}" text-anchor="end">${row.label}</text>`);
    series.forEach((s, i) => {
      const v = row.values[s];
      if (v === undefined || !Number.isFinite(v)) return;
      const a = x(1), b = x(v);
      out.push(
        `<rect x="${Math.min(a, b)}" y="${y0 + i * barH}" width="${
          Math.max(1, Math.abs(b - a))
        }" height="${barH - 1}" fill="${COLORS[i % 4]}"><title>${row.label} ${s}: ${
          v.toFixed(2)
        }</title></rect>`,
      );
    });
  });
  out.push(
    `<text x="10" y="${
      height - 4
    }" fill="#555">bars right of the line: tsjit faster by that factor (log scale)</text>`,
  );
  out.push("</svg>");
  return out.join("\n");
}
