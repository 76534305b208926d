/** How numbers read in the prose and tables: typographic minus, a dash for "not defined". */
export const fixed = (v: number, digits = 2): string => (Number.isFinite(v) ? v.toFixed(digits).replace('-', '−') : '–');
export const percent = (v: number): string => (Number.isFinite(v) ? `${Math.round(v * 100)}%`.replace('-', '−') : '–');
export const count = (v: number): string => (Number.isFinite(v) ? Math.round(v).toLocaleString('en-US') : '–');
export const usd = (v: number): string => (Number.isFinite(v) ? `$${Math.round(v).toLocaleString('en-US')}` : '–');
/** A ratio said as a multiple: 3.2 → "3.2×", 0.5 → "0.5×". */
export const times = (v: number): string => (Number.isFinite(v) ? `${v >= 10 ? Math.round(v) : v.toFixed(1)}×` : '–');
