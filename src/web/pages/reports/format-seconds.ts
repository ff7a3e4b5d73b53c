/**
 * A duration in seconds as a clock reading, rounded to the whole second: `m:ss` under an hour, `h:mm:ss`
 * from an hour on — how a center reads ASA and AHT ("4:05" rather than "245.3"). Null shows as a dash.
 * @example formatSeconds(245.3) // '4:05'; formatSeconds(3725) // '1:02:05'; formatSeconds(9.6) // '0:10'
 */
export function formatSeconds(seconds: number | null | undefined): string {
  if (seconds == null || !Number.isFinite(seconds)) return '—';
  const sign = seconds < 0 ? '−' : '';
  const total = Math.round(Math.abs(seconds));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const ss = String(s).padStart(2, '0');
  return h > 0 ? `${sign}${h}:${String(m).padStart(2, '0')}:${ss}` : `${sign}${m}:${ss}`;
}
