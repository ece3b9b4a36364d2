/** The bench's chart as SVG (rendered to PNG by run.sh with rsvg-convert). */
export function plot(xs: number[], series: Record<string, number[]>): string {
  const W = 820;
  const H = 420;
  const L = 60;
  const R = 300;
  const T = 30;
  const B = 50;
  const pw = W - L - R;
  const ph = H - T - B;
  const X = (i: number): number => L + (pw * i) / (xs.length - 1);
  const Y = (v: number): number => T + ph * (1 - v);
  const colours = ['#d62728', '#1f77b4', '#2ca02c', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f'];
  let s = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="DejaVu Sans, sans-serif" font-size="12">`;
  s += `<rect width="${W}" height="${H}" fill="white"/>`;
  s += `<text x="${L}" y="18" font-size="14">Rollback rate by canary error-rate ratio (1,000 req/min, base 0.5 %, 5→25→50 %)</text>`;
  for (let g = 0; g <= 10; g += 2) {
    const y = Y(g / 10);
    s += `<line x1="${L}" y1="${y}" x2="${L + pw}" y2="${y}" stroke="#ddd"/><text x="${L - 8}" y="${y + 4}" text-anchor="end">${g * 10} %</text>`;
  }
  xs.forEach((x, i) => {
    s += `<text x="${X(i)}" y="${T + ph + 18}" text-anchor="middle">×${x}</text>`;
  });
  s += `<text x="${L + pw / 2}" y="${H - 8}" text-anchor="middle">canary error rate / baseline error rate (×1 = healthy: false alarms)</text>`;
  s += `<line x1="${L}" y1="${Y(0.01)}" x2="${L + pw}" y2="${Y(0.01)}" stroke="#000" stroke-dasharray="4 3"/>`;
  Object.entries(series).forEach(([name, v], k) => {
    const c = colours[k % colours.length]!;
    s += `<polyline fill="none" stroke="${c}" stroke-width="${k === 0 ? 3 : 1.5}" points="${v.map((y, i) => `${X(i).toFixed(1)},${Y(y).toFixed(1)}`).join(' ')}"/>`;
    v.forEach((y, i) => (s += `<circle cx="${X(i).toFixed(1)}" cy="${Y(y).toFixed(1)}" r="3" fill="${c}"/>`));
    const ly = T + 10 + k * 34;
    const label = name.length > 40 ? [name.slice(0, name.lastIndexOf(' ', 40)), name.slice(name.lastIndexOf(' ', 40) + 1)] : [name];
    s += `<line x1="${L + pw + 12}" y1="${ly}" x2="${L + pw + 32}" y2="${ly}" stroke="${c}" stroke-width="3"/>`;
    label.forEach((t, j) => (s += `<text x="${L + pw + 38}" y="${ly + 4 + j * 13}">${t.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</text>`));
  });
  s += `</svg>\n`;
  return s;
}
