/**
 * The API keeps targets as shares (0.8); people type percentages (80). Rounding to 4 decimals of the share
 * removes float noise (0.07 × 100 = 7.000000000000001) without losing a typed tenth of a percent.
 * @example shareToPercent(0.07) // '7'
 * @example percentToShare('80') // 0.8
 */
export function shareToPercent(share: number): string {
  return String(Math.round(share * 100 * 10_000) / 10_000);
}

export function percentToShare(percent: string): number {
  return Math.round((Number(percent.trim()) / 100) * 1_000_000) / 1_000_000;
}

/**
 * Decimals to show a target with: none for whole percentages (80%), one for a typed tenth (85.5%), so the
 * table shows what was entered rather than a rounded 86%.
 * @example targetDigits(0.855) // 1
 */
export function targetDigits(share: number): number {
  return Number.isInteger(Math.round(share * 100 * 10_000) / 10_000) ? 0 : 1;
}
