/** English plural categories (`one` for 1, `other` for the rest). */
const EN = new Intl.PluralRules('en');

/**
 * @internal A count and its noun in English, singular or plural by `Intl.PluralRules`: `1 household`,
 * `2 households`, `0 households`. The count has thousands separators.
 */
export function countOf(n: number, one: string, other: string): string {
  return `${Math.round(n).toLocaleString('en-US')} ${EN.select(n) === 'one' ? one : other}`;
}
